/** The one place the page touches the preload's bridge. */
import type { ExportManagerApi } from '../shared/ipc';

declare global {
  interface Window {
    exportManager?: ExportManagerApi;
  }
}

/** Null when the page is opened outside the app (no preload). */
export function getApi(): ExportManagerApi | null {
  return window.exportManager ?? null;
}
