import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { DownloadError, errnoCode } from './errors';

const FALLBACK_NAME = 'export';

/**
 * 255 bytes is the file-system limit; the rest is room for what is appended to a name on disk
 * (" (123)", ".part", ".corrupt", ".manifest.json") so those never hit ENAMETOOLONG.
 */
export const MAX_NAME_BYTES = 255 - 40;
const MAX_EXTENSION_BYTES = 16;

// Controls, format characters (bidi overrides, zero-width, BOM, soft hyphen), lone surrogates,
// private use and line/paragraph separators: invisible or misleading in a file manager.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/gu;
const ODD_SPACE = /\p{Zs}/gu;
const ILLEGAL_ON_WINDOWS = /[<>:"|?*]/g;
const DRIVE_PREFIX = /^[a-z]:/i;
const SEPARATORS = /[/\\]/;
const RESERVED_ON_WINDOWS = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * Turns a name chosen by the server (or a template) into one plain file name that is safe on
 * Linux, macOS and Windows. Idempotent; never returns an empty name.
 */
export function sanitizeFileName(raw: string): string {
  const visible = raw.normalize('NFC').replace(INVISIBLE, '').replace(ODD_SPACE, ' ');
  const segments = visible.replace(DRIVE_PREFIX, '').split(SEPARATORS);
  const lastSegment = segments.filter((s) => s.length > 0).pop() ?? '';
  const legal = trimEdges(lastSegment.replace(ILLEGAL_ON_WINDOWS, '_'));
  const name = trimEdges(fitLength(defuseReserved(legal), MAX_NAME_BYTES));
  return name === '' ? FALLBACK_NAME : name;
}

/** Leading dots would hide the file (and `.`/`..` are not names); Windows drops trailing dots and spaces. */
function trimEdges(name: string): string {
  return name.replace(/^[. ]+/, '').replace(/[. ]+$/, '');
}

/** Windows treats `CON`, `con.csv` and `Con .tar.gz` alike: the part before the first dot decides. */
function defuseReserved(name: string): string {
  const stem = name.split('.')[0]?.trimEnd() ?? '';
  return RESERVED_ON_WINDOWS.test(stem) ? `_${name}` : name;
}

export function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { stem: name, extension: '' };
  const extension = name.slice(dot);
  if (Buffer.byteLength(extension) > MAX_EXTENSION_BYTES) return { stem: name, extension: '' };
  return { stem: name.slice(0, dot), extension };
}

function fitLength(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const { stem, extension } = splitExtension(name);
  return truncateUtf8(stem, maxBytes - Buffer.byteLength(extension)) + extension;
}

/** Cuts at a code-point boundary so no half character is left at the end. */
function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (used + size > maxBytes) break;
    out += char;
    used += size;
  }
  return out;
}

export function isDirectlyInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return (
    relative !== '' &&
    !relative.startsWith('..') &&
    !path.isAbsolute(relative) &&
    path.dirname(target) === folder
  );
}

/** The folder's real path (symlinks resolved), with folder problems said in the user's words. */
export async function realFolder(dir: string): Promise<string> {
  try {
    return await realpath(dir);
  } catch (err) {
    throw folderError(err, dir);
  }
}

function folderError(err: unknown, dir: string): DownloadError {
  const code = errnoCode(err);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new DownloadError('folder_missing', `The download folder ${dir} does not exist; create it or choose another folder, then retry.`);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new DownloadError('permission_denied', `The download folder ${dir} cannot be opened; allow access to it or choose another folder, then retry.`);
  }
  return new DownloadError('disk_error', `The download folder ${dir} cannot be used (${code ?? 'unknown error'}); choose another folder, then retry.`);
}

/** The path `name` gets inside `dir`, after sanitising; provably a direct child of the real folder. */
export async function resolveInsideFolder(dir: string, name: string): Promise<string> {
  const folder = await realFolder(dir);
  const target = path.join(folder, sanitizeFileName(name));
  if (!isDirectlyInside(folder, target)) {
    throw new DownloadError('path_outside_folder', `The file name ${JSON.stringify(name)} would leave the download folder; it was refused.`);
  }
  return target;
}

/** `report.csv` → `report (1).csv`: the names tried, in order, when the first one is taken. */
export function numberedName(name: string, n: number): string {
  if (n === 0) return name;
  const { stem, extension } = splitExtension(name);
  return `${stem} (${n})${extension}`;
}
