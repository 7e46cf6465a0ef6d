/** `npm run emulator -- --port 4010 ...`: runs the emulator until SIGINT/SIGTERM. */
import { startEmulator } from './index';
import { parseCliArgs, USAGE, UsageError, type CliOptions } from './cli-args';

function parse(): CliOptions {
  try {
    return parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`emulator: ${err.message} (see --help)`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const options = parse();
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const emulator = await startEmulator(options).catch((err: NodeJS.ErrnoException) => {
    const why = err.code === 'EADDRINUSE' ? `port ${options.port} is already in use; pick another with --port` : err.message;
    console.error(`emulator: cannot start: ${why}`);
    process.exit(1);
  });

  console.log(`PlatformXE emulator listening on ${emulator.baseUrl}`);
  console.log('API keys:');
  for (const key of emulator.keys) console.log(`  ${key.token}  ${key.scopes.join(',')}`);
  console.log(`Data dir: ${emulator.dataDir}${options.dataDir ? '' : ' (removed on exit)'}`);
  if (options.admin) console.log(`Admin API: ${emulator.baseUrl}/__admin/ (loopback only)`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(0);
    stopping = true;
    console.log(`${signal}: stopping`);
    emulator.close().then(
      () => process.exit(0),
      (err: Error) => {
        console.error(`emulator: stopped uncleanly: ${err.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
