/** The `pxe-exports` entry point (bin/pxe-exports.mjs loads it through tsx). */
import { runCli } from './run';

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  onInterrupt: (listener) => {
    process.on('SIGINT', listener);
    return () => process.off('SIGINT', listener);
  },
});
process.exitCode = code;
// A keychain connection or a kept-alive socket must not hold a finished command open.
setTimeout(() => process.exit(code), 100).unref();
