import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededRandom } from '../../../test/support/seeded-random';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { systemClock } from '../clock';
import { downloadVerified } from './downloader';
import { httpGetFromFetch } from './http-get';
import type { PartState } from './errors';
import { createCompletedExport, rangeStart, sha256Of, tempFolder } from './test-support';

const CHILD = fileURLToPath(new URL('./test-child-download.ts', import.meta.url));

let emulator: RunningEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, jobMinDurationMs: 20, rateLimit: 0 });
  dir = await tempFolder('pxe-kill-');
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});


async function sizeOf(file: string): Promise<number> {
  return stat(file).then(
    (s) => s.size,
    () => 0,
  );
}

it('survives SIGKILL mid-download three times, then resumes to a verified file', async () => {
  const seed = Date.now() % 1_000_000;
  const random = seededRandom(seed);
  const exp = await createCompletedExport(emulator);
  const size = exp.file.sizeBytes;
  const partPath = path.join(dir, `${exp.file.name}.part`);
  emulator.admin.clearRequests();

  let resume: { partPath: string; etag: string | null } | null = null;
  const killedAt: number[] = [];
  for (let round = 0; round < 3; round++) {
    const from = killedAt.at(-1) ?? 0;
    const target = from + 1 + Math.floor(random() * ((size - from) / 2));
    // The server holds the response at `target`, so the kill lands exactly there.
    emulator.admin.stallDownloadsAfter(target - from, 600_000, 1);
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { stdio: ['pipe', 'pipe', 'inherit'] });
    const checkpoints: PartState[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as { checkpoint?: PartState };
      if (message.checkpoint) checkpoints.push(message.checkpoint);
    });
    child.stdin.end(JSON.stringify({ url: exp.downloadUrl, dir, fileName: exp.file.name, expected: exp.file, resume }));
    while ((await sizeOf(partPath)) < target || checkpoints.length === 0) {
      expect(child.exitCode, `child exited early (seed ${seed})`).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    await once(child, 'exit');

    expect(await readdir(dir), `seed ${seed}`).toEqual([`${exp.file.name}.part`]);
    expect(await sizeOf(partPath), `seed ${seed}`).toBe(target);
    const last = checkpoints.at(-1) as PartState;
    resume = { partPath: last.partPath, etag: last.etag };
    killedAt.push(target);
  }

  const result = await downloadVerified({
    url: exp.downloadUrl,
    dir,
    fileName: exp.file.name,
    expected: exp.file,
    resume,
    httpGet: httpGetFromFetch(globalThis.fetch),
    clock: systemClock,
  });

  const gets = emulator.admin.requests().filter((r) => r.path.startsWith('/files/'));
  expect(gets.map((g) => rangeStart(g.range)), `seed ${seed}`).toEqual([null, ...killedAt]);
  expect(gets.slice(1).every((g) => g.status === 206 && g.ifRange === `"${exp.file.sha256}"`)).toBe(true);
  expect(result.sha256).toBe(exp.file.sha256);
  expect(await sha256Of(result.finalPath)).toBe(exp.file.sha256);
  expect(await readdir(dir)).toEqual([exp.file.name]);
});
