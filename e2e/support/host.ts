/** What a spec drives: the app's window and the world around it, whichever host runs the app. */
import type { Page } from '@playwright/test';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator';
import type { Runtime } from '../../src/main/runtime/create-runtime';
import type { RecordingDesktop } from '../../src/main/ipc/recording-desktop';

export type HostKind = 'chromium' | 'electron';

export interface HostOptions {
  emulator?: EmulatorOptions;
}

export interface Host {
  readonly kind: HostKind;
  readonly page: Page;
  /** The PlatformXE the Demo workspace talks to, started in the test process. */
  readonly emulator: RunningEmulator;
  /** Where settings.json and jobs.json live. */
  readonly userDataDir: string;
  /** A new profile's download folder. */
  readonly downloadsDir: string;
  /** The keychain service keys are stored under. */
  readonly keychainService: string;
  /** The main side in this process (Chromium host only). */
  readonly runtime: Runtime | null;
  /** What the app asked the desktop to do (Chromium host only). */
  readonly desktop: RecordingDesktop | null;
  /** Quits the app the way Quit does (pollers and downloads stop) and starts it again on the same data. */
  restart(options?: { beforeStart?: () => Promise<void> | void }): Promise<void>;
  /** The next native folder picker answers this. */
  pickFolderNext(path: string): Promise<void>;
  close(failed: boolean): Promise<void>;
}

/** The emulator the tests use: small files (a day is about 2,000 rows), quick but observable jobs. */
export const TEST_EMULATOR: EmulatorOptions = { port: 0, rowsPerDay: 2_000, jobMinDurationMs: 1_500, rateLimit: 0 };
