import { describe, expect, it } from 'vitest';
import { createDownloadQueue } from './queue';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('createDownloadQueue', () => {
  it('never runs more than `concurrency` tasks at once', async () => {
    const queue = createDownloadQueue({ concurrency: 2 });
    let active = 0;
    let peak = 0;
    const gates = Array.from({ length: 5 }, gate);
    const runs = gates.map((g, i) =>
      queue.run(`job-${i}`, async () => {
        active++;
        peak = Math.max(peak, active);
        await g.opened;
        active--;
        return i;
      }),
    );
    await Promise.resolve();
    expect(queue.running).toBe(2);
    expect(queue.waiting).toBe(3);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(queue.running).toBe(0);
  });

  it('de-duplicates a key that is queued or running', async () => {
    const queue = createDownloadQueue({ concurrency: 1 });
    const g = gate();
    let calls = 0;
    const task = async () => {
      calls++;
      await g.opened;
      return 'file';
    };
    const first = queue.run('job-1', task);
    const second = queue.run('job-1', task);
    expect(second).toBe(first);
    expect(queue.has('job-1')).toBe(true);
    g.open();
    expect(await second).toBe('file');
    expect(calls).toBe(1);
    expect(queue.has('job-1')).toBe(false);
    expect(await queue.run('job-1', async () => 'again')).toBe('again');
  });

  it('keeps going after a task fails', async () => {
    const queue = createDownloadQueue({ concurrency: 1 });
    const failing = queue.run('a', async () => {
      throw new Error('boom');
    });
    const next = queue.run('b', async () => 'ok');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('ok');
  });

  it('cancelAll aborts running tasks and rejects waiting ones', async () => {
    const queue = createDownloadQueue({ concurrency: 1 });
    const running = queue.run(
      'a',
      (signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    let waitingStarted = false;
    const waiting = queue.run('b', async () => {
      waitingStarted = true;
    });
    await Promise.resolve();
    queue.cancelAll();
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    expect(waitingStarted).toBe(false);
    expect(await queue.run('c', async () => 'still usable')).toBe('still usable');
  });
});
