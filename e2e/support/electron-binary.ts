/** The Electron binary, when the electron package has one (it is not downloaded here). */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronBinary = { path: string } | { path: null; reason: string };

export function findElectronBinary(): ElectronBinary {
  try {
    // The package's main export is the binary's path; it throws when the download was skipped.
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { path: null, reason: `the Electron binary at ${String(path)} does not exist` };
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
    return { path: null, reason: `the electron package has no binary (${why}); it is not downloaded here (ELECTRON_SKIP_BINARY_DOWNLOAD)` };
  }
}
