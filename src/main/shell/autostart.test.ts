import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autostartFile, quoteExecArg, setAutostart } from './autostart';

describe('the Linux autostart entry', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pxe-autostart-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('quotes the command as the Desktop Entry spec asks', () => {
    expect(quoteExecArg('/opt/My App/run')).toBe('"/opt/My App/run"');
    expect(quoteExecArg('a"b$c`d\\e')).toBe('"a\\"b\\$c\\`d\\\\e"');
    expect(autostartFile({ dir, id: 'x', name: 'PlatformXE\nExec=evil', exec: '/opt/app', args: ['--hidden'] })).toContain(
      'Name=PlatformXE Exec=evil\nExec="/opt/app" "--hidden"\n',
    );
  });

  it('writes the entry when enabled and removes it when disabled', async () => {
    const entry = { dir: join(dir, 'autostart'), id: 'pxe', name: 'PlatformXE Export Manager', exec: '/opt/pxe.AppImage', args: [] };
    await setAutostart(entry, true);
    expect(await readFile(join(dir, 'autostart', 'pxe.desktop'), 'utf8')).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    await setAutostart(entry, false);
    await expect(stat(join(dir, 'autostart', 'pxe.desktop'))).rejects.toThrow(/ENOENT/);
    await setAutostart(entry, false);
  });
});
