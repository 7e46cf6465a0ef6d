/**
 * The one way a channel reaches main: every handler is registered here, behind the same checks.
 * 1. The sender is our window's main frame, at our own page (see trusted-origin.ts).
 * 2. Exactly one argument (or none) crossed the bridge.
 * 3. dispatch() parses it with the channel's schema, runs the handler and wraps the outcome.
 */
import type { IpcMainInvokeEvent } from 'electron';
import {
  channelNames,
  dispatch,
  fail,
  invokeChannel,
  IPC_ERROR_CODES,
  type ChannelName,
  type IpcError,
  type IpcHandlers,
} from '../../shared/ipc';
import { isTrustedPageUrl, type TrustedOrigin } from './trusted-origin';

/** The part of ipcMain this needs. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of the invoke event the sender check reads. */
type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export interface RegisterOptions {
  ipcMain: IpcMainLike;
  handlers: IpcHandlers;
  toError: (error: unknown, channel: ChannelName) => IpcError;
  /** The webContents id of our window (read at call time: the window may be re-created). */
  windowId: () => number | null;
  origin: TrustedOrigin;
}

const forbidden = fail(IPC_ERROR_CODES.forbiddenSender, 'This request did not come from the app’s own window and was refused.');
const tooMany = fail(IPC_ERROR_CODES.invalidArguments, 'A request takes one argument; this one had more and was refused.');
const failed = fail(IPC_ERROR_CODES.internal, 'Something went wrong. Try again; if it keeps happening, restart the app.');

export function isTrustedSender(event: SenderEvent, windowId: number | null, origin: TrustedOrigin): boolean {
  const frame = event.senderFrame;
  if (windowId === null || event.sender.id !== windowId || !frame) return false;
  return frame === event.sender.mainFrame && isTrustedPageUrl(frame.url, origin);
}

/** Registers every channel of the contract; returns a function that removes them all. */
export function registerIpcHandlers(options: RegisterOptions): () => void {
  const { ipcMain, handlers, toError } = options;
  for (const name of channelNames) {
    ipcMain.handle(invokeChannel(name), (event, ...args) => {
      if (!isTrustedSender(event, options.windowId(), options.origin)) return forbidden;
      if (args.length > 1) return tooMany;
      // dispatch never throws by design; should a schema ever do so, the page still gets an answer.
      return dispatch(name, args[0], handlers, undefined, toError).catch((error: unknown) => {
        console.error(`IPC ${name} failed before its handler ran:`, error);
        return failed;
      });
    });
  }
  return () => {
    for (const name of channelNames) ipcMain.removeHandler(invokeChannel(name));
  };
}
