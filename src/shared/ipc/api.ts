import {
  channelNames,
  eventChannel,
  eventNames,
  invokeChannel,
  subscribeMethodName,
  type ExportManagerApi,
  type Unsubscribe,
} from './contract';
import { fail, IPC_ERROR_CODES } from './result';

/** How the api reaches main: ipcRenderer in the preload, a Playwright binding in the e2e host. */
export interface IpcTransport {
  invoke(channel: string, args: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): Unsubscribe;
}

const unavailable = fail(
  IPC_ERROR_CODES.unavailable,
  'The app’s background process did not answer. Quit and reopen the app.',
);

const isIpcResult = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

/**
 * Builds the renderer's api by walking the contract, so its methods are exactly the channels and
 * events. A transport failure becomes an error result: callers only ever see IpcResult.
 */
export function createExportManagerApi(transport: IpcTransport): ExportManagerApi {
  const api: Record<string, unknown> = {};
  for (const name of channelNames) {
    const channel = invokeChannel(name);
    api[name] = (args?: unknown) =>
      transport.invoke(channel, args).then(
        (result) => (isIpcResult(result) ? result : unavailable),
        () => unavailable,
      );
  }
  for (const name of eventNames) {
    const channel = eventChannel(name);
    api[subscribeMethodName(name)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return transport.subscribe(channel, (payload) => listener(payload));
    };
  }
  // The loop above is the only place the contract's mapped type cannot follow; the e2e test checks its shape.
  return Object.freeze(api) as ExportManagerApi;
}
