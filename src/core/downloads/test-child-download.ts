/**
 * The child process of the "killed mid-download" test: reads its job from stdin (a signed URL is a
 * credential, so never argv), downloads, and prints each checkpoint as a JSON line so the parent
 * can resume the way the job registry would.
 */
import { text } from 'node:stream/consumers';
import { systemClock } from '../clock';
import { downloadVerified, type DownloadOptions } from './downloader';
import { httpGetFromFetch } from './http-get';

type Job = Pick<DownloadOptions, 'url' | 'dir' | 'fileName' | 'expected' | 'resume'>;

const job = JSON.parse(await text(process.stdin)) as Job;
try {
  const result = await downloadVerified({
    ...job,
    httpGet: httpGetFromFetch(globalThis.fetch),
    clock: systemClock,
    stallTimeoutMs: 600_000,
    onCheckpoint: (checkpoint) => process.stdout.write(`${JSON.stringify({ checkpoint })}\n`),
  });
  process.stdout.write(`${JSON.stringify({ result })}\n`);
} catch (err) {
  process.stdout.write(`${JSON.stringify({ error: String(err) })}\n`);
  process.exitCode = 1;
}
