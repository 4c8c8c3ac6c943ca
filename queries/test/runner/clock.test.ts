import { describe, expect, it } from 'vitest';
import { systemClock, virtualClock } from '../../src/runner/clock';

describe('clocks', () => {
  it('the virtual clock moves time on sleep and records the waits', async () => {
    const clock = virtualClock(1000);
    await clock.sleep(250);
    clock.advance(50);
    expect(clock.now()).toBe(1300);
    expect(clock.sleeps).toEqual([250]);
  });

  it('the system clock sleeps and rejects on abort with the reason', async () => {
    const t0 = Date.now();
    await systemClock.sleep(5);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(4);
    const controller = new AbortController();
    const pending = systemClock.sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(systemClock.sleep(1, controller.signal)).rejects.toThrow('stop');
  });
});
