/**
 * The emulator in its own process, so the benchmark measures the engine's memory and CPU alone.
 * Options arrive as JSON in argv[2]; the base URL and keys leave as one JSON line on stdout.
 */
import { startEmulator, type EmulatorOptions } from '../src/emulator';

const options = JSON.parse(process.argv[2] ?? '{}') as EmulatorOptions;
const emulator = await startEmulator({ ...options, port: 0 });
console.log(JSON.stringify({ baseUrl: emulator.baseUrl, keys: emulator.keys }));
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
