import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { channelNames, invokeChannel, type IpcHandlers } from '../../shared/ipc';
import { registerIpcHandlers, type IpcMainLike } from './register';
import { isTrustedPageUrl } from './trusted-origin';

const origin = { rendererFile: '/opt/PlatformXE/resources/app.asar/out/renderer/index.html', devServerUrl: null };
const pageUrl = 'file:///opt/PlatformXE/resources/app.asar/out/renderer/index.html';

/** ipcMain as the handlers see it (Electron's own cannot run here): a table of handlers to call. */
function ipcTable() {
  const table = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void table.set(channel, listener), removeHandler: (channel) => void table.delete(channel) };
  return { table, ipcMain };
}

/** The parts of an invoke event the check reads: which webContents, which frame, at which URL. */
function event(options: { windowId?: number; url?: string; subframe?: boolean; noFrame?: boolean } = {}): IpcMainInvokeEvent {
  const mainFrame = { url: options.url ?? pageUrl };
  const senderFrame = options.noFrame ? null : options.subframe ? { url: options.url ?? pageUrl } : mainFrame;
  return { sender: { id: options.windowId ?? 7, mainFrame }, senderFrame } as unknown as IpcMainInvokeEvent;
}

const handlers = Object.fromEntries(channelNames.map((name) => [name, (args: unknown) => ({ name, args })])) as unknown as IpcHandlers;
const toError = () => ({ code: 'internal_error', message: 'x' });

describe('registerIpcHandlers', () => {
  const { table, ipcMain } = ipcTable();
  const unregister = registerIpcHandlers({ ipcMain, handlers, toError, windowId: () => 7, origin });
  const call = (name: string, e: IpcMainInvokeEvent, ...args: unknown[]) => table.get(invokeChannel(name as never))!(e, ...args);

  it('registers every channel of the contract', () => {
    expect([...table.keys()].sort()).toEqual(channelNames.map(invokeChannel).sort());
  });

  it('answers our window’s main frame at our page', async () => {
    expect(await call('setPaused', event(), { paused: true })).toEqual({ ok: true, value: { name: 'setPaused', args: { paused: true } } });
  });

  it.each([
    ['another window', event({ windowId: 8 })],
    ['a subframe', event({ subframe: true })],
    ['a frame that is gone', event({ noFrame: true })],
    ['another file', event({ url: 'file:///tmp/evil.html' })],
    ['a remote page', event({ url: 'https://evil.example/index.html' })],
    ['the dev server outside development', event({ url: 'http://localhost:5173/' })],
  ])('refuses %s before reading the arguments', async (_who, e) => {
    expect(await call('setPaused', e, { paused: true })).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('refuses more than one argument, and arguments the schema rejects', async () => {
    expect(await call('setPaused', event(), { paused: true }, 'extra')).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(await call('setPaused', event(), { paused: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });

  it('removes every handler it registered', () => {
    unregister();
    expect(table.size).toBe(0);
  });
});

describe('isTrustedPageUrl', () => {
  it('accepts the dev server only when one is configured', () => {
    const dev = { ...origin, devServerUrl: 'http://localhost:5173' };
    expect(isTrustedPageUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedPageUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedPageUrl('http://localhost:5173/', origin)).toBe(false);
    expect(isTrustedPageUrl('not a url', origin)).toBe(false);
    expect(isTrustedPageUrl(`${pageUrl}?x=1#/jobs`, origin)).toBe(true);
  });
});
