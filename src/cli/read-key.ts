import { UserError } from '../core/errors';
import { CliExit, EXIT } from './exit-codes';

const MAX_KEY_BYTES = 4096;

/**
 * The key comes from stdin when it is piped, otherwise from a prompt that echoes nothing. Never
 * from argv, where other users and shell history would see it.
 */
export async function readKey(stdin: NodeJS.ReadStream = process.stdin, stderr: NodeJS.WriteStream = process.stderr): Promise<string> {
  const raw = stdin.isTTY ? await promptHidden(stdin, stderr) : await readAll(stdin);
  const key = raw.trim();
  if (!key) throw new UserError('key_empty', 'No key was given; pipe it in (e.g. `pxe-exports auth set < key.txt`) or type it at the prompt.');
  return key;
}

async function readAll(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_KEY_BYTES) throw new UserError('key_invalid', 'The input is far too long to be an API key; pipe in only the key.');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function promptHidden(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  stderr.write('API key (input hidden): ');
  return new Promise((resolve, reject) => {
    let key = '';
    const done = (settle: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      settle();
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return done(() => resolve(key));
        if (char === '\u0003') return done(() => reject(new CliExit(EXIT.interrupted, 'Interrupted; no key was saved.', 'interrupted')));
        if (char === '\u007f' || char === '\b') key = key.slice(0, -1);
        else if (char >= ' ') key += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
