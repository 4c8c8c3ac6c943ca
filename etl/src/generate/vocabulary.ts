import type { Random } from './random';

/**
 * Words the names are built from. Real catalog names carry commas, double quotes and non-ASCII text
 * (accents, Cyrillic, CJK, emoji): the generator uses all of them so CSV quoting and UTF-8 are exercised.
 */
const WORDS = [
  'Love',
  'Night',
  'Fire',
  'Dream',
  'Heart',
  'Rain',
  'Summer',
  'Gold',
  'Shadow',
  'River',
  'Ghost',
  'Light',
  'Midnight',
  'Echo',
  'Wild',
  'Blue',
  'Stone',
  'Paper',
  'Electric',
  'Silver',
  'Ocean',
  'Dust',
  'Neon',
  'Velvet',
  'Thunder',
  'Sugar',
  'Honey',
  'Broken',
  'Golden',
  'Lonely',
  'Crystal',
  'Empire',
  'Paradise',
  'Highway',
  'Mirror',
  'Garden',
  'Winter',
  'Storm',
  'Sky',
  'Moon',
  'Sun',
  'Star',
  'City',
  'Road',
  'Home',
  'Time',
  'Girl',
  'Boy',
  'Baby',
  'Money',
  'Dance',
  'Party',
  'Rhythm',
  'Soul',
  'Blues',
  'Funk',
  'Machine',
  'Signal',
  'Wave',
  'Lailonie',
  'Unspoken',
  'Mission',
  'Flightpath',
  'Estate',
  'Drummer',
  'Silent',
  'Auld',
  'Syne',
  'Merry',
];
const NON_ASCII_WORDS = [
  'Café',
  'Niño',
  'Canción',
  'Corazón',
  'Mañana',
  'Über',
  'Schön',
  'Björk',
  'Fjärran',
  'Ελπίδα',
  'Сон',
  'Любовь',
  'Звезда',
  '東京',
  '夜空',
  '사랑',
  '하늘',
  'قلب',
  'Ñandú',
  'Façade',
  'Żółw',
  'Dříwí',
  'Gülşen',
  'Molvær',
  'Téléphone',
  '喵☆酱',
  'Luz 🌙',
  'Jalapeño',
  'Crème',
  'São',
];
const SUFFIXES = [
  ' - Extended Mix',
  ' - Radio Edit',
  ' (Live)',
  ' - Remastered 2011',
  ' - Acoustic',
  ' (feat. Nova)',
  ' - Instrumental',
  ' (Demo)',
  ' - Original Mix',
  ' (Sped Up)',
];
const FIRST_NAMES = [
  'Billy',
  'Luca',
  'Sofía',
  'Céline',
  'João',
  'Etienne',
  'Maya',
  'Kenji',
  'Ana',
  'Tyler',
  'Nils',
];
const LAST_NAMES = [
  'Emerson',
  'Signorini',
  'Reyes',
  'Dion',
  'Bosco',
  'Bousquet',
  'Hein',
  'Anderskov',
  'Molvær',
];
const NICKNAMES = ['The Kid', 'Soul', 'Da Great', 'Patotte', 'Big Mike', 'C'];
const LABELS = [
  'Anjunadeep',
  'Legacy Recordings',
  'Struggleville Records',
  'Urania Records',
  'Sabres of Paradise',
  'Columbia',
  'Atlantic Records',
  'Island Records',
  'Warner Records',
  'XL Recordings',
  'Sub Pop Records',
  'Domino Recording Co',
  'Def Jam Recordings',
  'Sony Music Entertainment',
  'Universal Music Group',
  'Slaughter Gang, LLC/Epic Records',
  'Big Machine Records, LLC',
  'Disturbing Tha Peace Recordings, Inc.',
  'Genie Music Corporation, Stone Music Entertainment',
  'Grand Hustle, LLC',
  'Sing It Now Records, Inc.',
  'Discos "La Luz"',
  'Éditions Mélodie',
  'ソニー・ミュージック',
  'Музыка Records',
  '2023 Nova Sounds',
];
const GENRE_PLACES = [
  'minneapolis',
  'danish',
  'german',
  'cascadia',
  'memphis',
  'chicago',
  'atl',
  'cali',
  'k-',
  'j-',
];
const GENRE_STYLES = [
  'punk',
  'pop',
  'jazz',
  'hip hop',
  'rap',
  'blues',
  'rock',
  'indie',
  'psych',
  'metal',
  'soul',
];
const GENRES_ALONE = [
  'karaoke',
  'classical',
  'dance pop',
  'album rock',
  'otacore',
  'dancehall',
  'brostep',
  'polka',
];

function titleWord(rng: Random): string {
  return rng.chance(0.06) ? rng.pick(NON_ASCII_WORDS) : rng.pick(WORDS);
}

function words(rng: Random, min: number, max: number): string {
  const count = rng.between(min, max);
  let text = titleWord(rng);
  for (let i = 1; i < count; i++) text += ` ${titleWord(rng)}`;
  return text;
}

/** A track title: a few words, sometimes a comma, quotes, a version suffix or (rarely) a line break. */
export function trackTitle(rng: Random): string {
  const roll = rng.float();
  let title = words(rng, 1, 4);
  if (roll < 0.05) title += `, ${words(rng, 1, 2)}`;
  else if (roll < 0.062) title = `${title} "${titleWord(rng)}"`;
  else if (roll < 0.0625) title = `${title}\n${words(rng, 1, 2)}`;
  if (rng.chance(0.12)) title += rng.pick(SUFFIXES);
  return title;
}

/** An album title: often the lead track's title for singles, else a few words. */
export function albumTitle(rng: Random, leadTrack: string, single: boolean): string {
  if (single && rng.chance(0.7)) return leadTrack;
  const roll = rng.float();
  if (roll < 0.04) return `${words(rng, 1, 3)}: ${words(rng, 1, 2)}, Vol. ${rng.between(1, 9)}`;
  if (roll < 0.0405) return `${words(rng, 1, 2)}\r\n${words(rng, 1, 2)}`;
  return words(rng, 1, 4);
}

/** An artist or band name, some with nicknames in double quotes or a comma. */
export function artistName(rng: Random): string {
  const roll = rng.float();
  if (roll < 0.3) return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  if (roll < 0.33) return `${rng.pick(FIRST_NAMES)} "${rng.pick(NICKNAMES)}" ${rng.pick(LAST_NAMES)}`;
  if (roll < 0.36) return `${words(rng, 1, 2)}, The ${titleWord(rng)}`;
  if (roll < 0.5) return `The ${words(rng, 1, 2)}`;
  return words(rng, 1, 3);
}

export function recordLabel(rng: Random): string {
  if (rng.chance(0.0005)) return '';
  if (rng.chance(0.3)) return `${titleWord(rng)} Records`;
  return rng.pick(LABELS);
}

/** Main genre: empty for ~70% of artists, as in the real data. */
export function genre(rng: Random): string {
  const roll = rng.float();
  if (roll < 0.7) return '';
  if (roll < 0.8) return rng.pick(GENRES_ALONE);
  return `${rng.pick(GENRE_PLACES)}${rng.chance(0.5) ? ' ' : ''}${rng.pick(GENRE_STYLES)}`.replace('- ', '-');
}
