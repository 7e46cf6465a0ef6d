/**
 * Every error the user sees comes with the one thing to do about it. Main's message already says it
 * in words; this picks the button that does it.
 */
import type { View } from '../../shared/ipc';

export type NextAction =
  | { kind: 'navigate'; view: View; label: string }
  | { kind: 'rerun'; label: string }
  | { kind: 'retry-download'; label: string };

const KEY_PROBLEMS = new Set(['unauthenticated', 'insufficient_scope', 'no_key', 'key_rejected']);
const LINK_GONE = new Set(['url_expired', 'link_expired', 'export_expired']);
const DOWNLOAD_RETRYABLE = new Set([
  'integrity_failed',
  'interrupted',
  'network_error',
  'timeout',
  'disk_full',
  'disk_error',
  'download_failed',
  'http_error',
  'permission_denied',
  'folder_missing',
]);

export function nextActionFor(code: string, hasJob: boolean): NextAction | null {
  if (KEY_PROBLEMS.has(code)) return { kind: 'navigate', view: 'settings', label: 'Fix the API key' };
  if (code === 'processor_disabled') return { kind: 'navigate', view: 'processor', label: 'Enable the processor' };
  if (!hasJob) return null;
  if (LINK_GONE.has(code)) return { kind: 'rerun', label: 'Re-run export' };
  if (DOWNLOAD_RETRYABLE.has(code)) return { kind: 'retry-download', label: 'Retry download' };
  return null;
}
