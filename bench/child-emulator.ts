import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { EmulatorOptions } from '../src/emulator';

export interface ChildEmulator {
  baseUrl: string;
  key: string;
  stop(): Promise<void>;
}

export async function startChildEmulator(options: EmulatorOptions): Promise<ChildEmulator> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/emulator-process.ts', JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the emulator exited early (code ${code})`)));
  });
  const { baseUrl, keys } = JSON.parse(firstLine) as { baseUrl: string; keys: { token: string }[] };
  return { baseUrl, key: keys[0]!.token, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
