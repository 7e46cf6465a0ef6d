/**
 * Launch at login on Linux, where Electron's setLoginItemSettings does nothing: an XDG autostart
 * entry in ~/.config/autostart. Plain Node, so it is tested for real.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface AutostartEntry {
  /** ~/.config/autostart (or $XDG_CONFIG_HOME/autostart). */
  dir: string;
  /** The desktop file's name without extension, e.g. the app id. */
  id: string;
  name: string;
  /** The program to start: the AppImage when running from one, else the executable. */
  exec: string;
  args: string[];
}

/** Desktop Entry "Exec" quoting: every argument in double quotes, with \ " ` $ escaped. */
export function quoteExecArg(arg: string): string {
  return `"${arg.replace(/([\\"`$])/g, '\\$1')}"`;
}

export function autostartFile(entry: AutostartEntry): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${entry.name.replace(/[\r\n]/g, ' ')}`,
    `Exec=${[entry.exec, ...entry.args].map(quoteExecArg).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

export async function setAutostart(entry: AutostartEntry, enabled: boolean): Promise<void> {
  const file = join(entry.dir, `${entry.id}.desktop`);
  if (!enabled) return rm(file, { force: true });
  await mkdir(entry.dir, { recursive: true });
  await writeFile(file, autostartFile(entry), { mode: 0o644 });
}
