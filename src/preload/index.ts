/**
 * Sandboxed preload: exposes one object built from the IPC contract. No raw ipcRenderer, no Node,
 * no process.env reaches the page; event listeners get only the payload, never the IPC event.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createExportManagerApi, type ExportManagerApi } from '../shared/ipc';

const api = createExportManagerApi({
  invoke: (channel, args) => ipcRenderer.invoke(channel, args),
  subscribe: (channel, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
}) satisfies ExportManagerApi;

contextBridge.exposeInMainWorld('exportManager', api);
