import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChunks } from './file-chunks';

describe('readChunks', () => {
  let dir: string;
  let path: string;
  const content = randomBytes(9 * 1024 * 1024 + 12_345);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pxe-chunks-'));
    path = join(dir, 'file.bin');
    await writeFile(path, content);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function collect(start: number, end: number, signal = new AbortController().signal): Promise<Buffer> {
    const copies: Buffer[] = [];
    const pending: Array<() => void> = [];
    for await (const { bytes, release } of readChunks(path, start, end, signal)) {
      copies.push(Buffer.from(bytes));
      // Released late, as a socket would: a buffer must not be refilled before.
      pending.push(release);
      await nextTurn();
      if (pending.length > 2) pending.shift()!();
    }
    return Buffer.concat(copies);
  }

  it('yields the file byte for byte through its reused buffers', async () => {
    expect((await collect(0, content.length - 1)).equals(content)).toBe(true);
  });

  it('yields exactly the inclusive range asked for', async () => {
    expect((await collect(1_000_001, 5_000_000)).equals(content.subarray(1_000_001, 5_000_001))).toBe(true);
  });

  it('stops when the signal aborts while every buffer is still out', async () => {
    const controller = new AbortController();
    let chunks = 0;
    for await (const chunk of readChunks(path, 0, content.length - 1, controller.signal)) {
      expect(chunk.bytes.length).toBeGreaterThan(0);
      if (++chunks === 4) setTimeout(() => controller.abort(), 10);
    }
    expect(chunks).toBe(4);
  });
});
