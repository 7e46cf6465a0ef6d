import { createHash, type Hash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

// A symlink swapped in for the file must not be followed.
export const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const READ_CHUNK = 1 << 20;

/** Streams a file into `hash` (flat memory whatever its size); returns how many bytes it read. */
export async function hashFileInto(file: string, hash: Hash): Promise<number> {
  let bytes = 0;
  const handle = await open(file, constants.O_RDONLY | NO_FOLLOW);
  try {
    for await (const chunk of handle.createReadStream({ highWaterMark: READ_CHUNK, autoClose: false }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.byteLength;
    }
  } finally {
    await handle.close();
  }
  return bytes;
}

export async function hashWholeFile(file: string): Promise<{ sizeBytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const sizeBytes = await hashFileInto(file, hash);
  return { sizeBytes, sha256: hash.digest('hex') };
}
