import { describe, expect, it } from 'vitest';
import { AdmissionGate } from '../../electron/api/admission-gate';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the server's admission gate", () => {
  it('runs at most its size at once and lets the others in by arrival, even after a failure', async () => {
    const gate = new AdmissionGate(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const calls = [0, 1, 2, 3, 4].map((n) =>
      gate.run(async () => {
        started.push(n);
        running++;
        most = Math.max(most, running);
        await new Promise<void>((release) => releases.push(release));
        running--;
        if (n === 0) throw new Error('refused');
        return n;
      }),
    );
    const outcome = Promise.allSettled(calls);
    await tick();
    expect(started).toEqual([0, 1]);
    releases[0](); // the first fails: its slot still passes on
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (let i = 1; i < 5; i++) {
      releases[i]();
      await tick();
    }
    const results = await outcome;
    expect(results.map((r) => r.status)).toEqual([
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    // Free again: a new call starts at once.
    await expect(gate.run(() => Promise.resolve('now'))).resolves.toBe('now');
  });
});
