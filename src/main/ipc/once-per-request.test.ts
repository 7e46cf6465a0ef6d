import { describe, expect, it } from 'vitest';
import { oncePerRequest } from './once-per-request';

describe('oncePerRequest', () => {
  it('runs the work once per id and replays its answer', async () => {
    const memo = oncePerRequest<number>();
    let runs = 0;
    const work = async () => ++runs;
    const [a, b] = await Promise.all([memo.run('r1', work), memo.run('r1', work)]);
    expect([a, b]).toEqual([{ value: 1, replayed: false }, { value: 1, replayed: true }]);
    expect(await memo.run('r2', work)).toEqual({ value: 2, replayed: false });
  });

  it('forgets a failed attempt, so the same id can be retried', async () => {
    const memo = oncePerRequest<string>();
    await expect(memo.run('r1', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(await memo.run('r1', async () => 'ok')).toEqual({ value: 'ok', replayed: false });
  });

  it('keeps only the most recent ids', async () => {
    const memo = oncePerRequest<string>(2);
    await memo.run('a', async () => 'first');
    await memo.run('b', async () => 'b');
    await memo.run('c', async () => 'c');
    expect(await memo.run('a', async () => 'again')).toEqual({ value: 'again', replayed: false });
  });
});
