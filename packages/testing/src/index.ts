export * from './policy-check';
export * from './provider-tags';
