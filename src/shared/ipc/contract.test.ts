import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { JobView } from '../domain';
import type { Processor } from '../wire';
import { createExportManagerApi, type IpcTransport } from './api';
import {
  apiMethodNames,
  channelNames,
  channels,
  eventChannel,
  invokeChannel,
  type ChannelName,
  type ExportManagerApi,
  type IpcHandlers,
} from './contract';
import { dispatch } from './dispatch';
import { IPC_ERROR_CODES, type IpcResult } from './result';

const validArgs: { [N in ChannelName]: unknown } = {
  listProfiles: undefined,
  addProfile: { name: 'Production', baseUrl: 'https://api.platformxe.example', color: '#aa3300', activate: true },
  updateProfile: { id: 'p1', name: 'Prod EU' },
  removeProfile: { profileId: 'p1' },
  setActiveProfile: { profileId: 'p1' },
  chooseDownloadFolder: { profileId: 'p1' },
  getKeyStatus: { profileId: 'p1' },
  setKey: { profileId: 'p1', apiKey: 'pxe_live_0123456789' },
  clearKey: { profileId: 'p1' },
  listJobs: undefined,
  createExport: {
    requestId: '0b5c8e43-3f8e-4d4a-9c55-3a7f0f0b1e11',
    input: {
      profileId: 'p1',
      type: 'AUDIT_LOGS',
      format: 'csv',
      filters: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', actor: 'ana@example.com' },
      label: 'March audit',
    },
  },
  retryDownload: { jobId: 'exp_1' },
  rerunExport: { jobId: 'exp_1', requestId: '0b5c8e43-3f8e-4d4a-9c55-3a7f0f0b1e12' },
  openFile: { jobId: 'exp_1' },
  showInFolder: { jobId: 'exp_1' },
  getProcessor: { profileId: 'p1' },
  updateProcessor: { profileId: 'p1', patch: { enabled: false, config: { retentionDays: 7 } } },
  getSettings: undefined,
  updateSettings: { autoDownload: false },
  getAppInfo: undefined,
  getAppStatus: undefined,
  setPaused: { paused: true },
  ready: undefined,
};

/** Handlers that echo their parsed arguments, to see exactly what reached them. */
const echoHandlers = Object.fromEntries(channelNames.map((name) => [name, (args: unknown) => ({ echoed: args })])) as unknown as IpcHandlers;
const neverLeak = () => ({ code: IPC_ERROR_CODES.internal, message: 'Something went wrong.' });

describe('the channel table', () => {
  it('gives every channel a distinct wire name', () => {
    const wire = new Set(channelNames.map(invokeChannel));
    expect(wire.size).toBe(channelNames.length);
    expect(channelNames.every((n) => invokeChannel(n).startsWith('pxe:'))).toBe(true);
    expect(eventChannel('jobChanged')).toBe('pxe:event:jobChanged');
  });

  it.each(channelNames)('%s accepts a well-formed argument', (name) => {
    expect(channels[name].args.safeParse(validArgs[name]).success).toBe(true);
  });

  it('rejects unknown fields, plain http to a remote host and out-of-range processor values', () => {
    expect(channels.setKey.args.safeParse({ profileId: 'p1', apiKey: 'pxe_live_0123456789', extra: 1 }).success).toBe(false);
    expect(channels.addProfile.args.safeParse({ name: 'x', baseUrl: 'http://api.example.com' }).success).toBe(false);
    expect(channels.addProfile.args.safeParse({ name: 'x', baseUrl: 'http://127.0.0.1:4010' }).success).toBe(true);
    expect(
      channels.updateProcessor.args.safeParse({ profileId: 'p1', patch: { config: { maxConcurrentJobs: 11 } } }).success,
    ).toBe(false);
    expect(channels.ready.args.safeParse({}).success).toBe(false);
  });

  it('rejects a filter name that is not a plain identifier and a range that runs backwards', () => {
    const input = (validArgs.createExport as { input: { filters: object } }).input;
    const withFilters = (filters: object) => ({
      requestId: '0b5c8e43-3f8e-4d4a-9c55-3a7f0f0b1e11',
      input: { ...input, filters },
    });
    const range = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
    expect(channels.createExport.args.safeParse(withFilters({ ...range, 'bad key': 'x' })).success).toBe(false);
    expect(channels.createExport.args.safeParse(withFilters({ from: range.to, to: range.from })).success).toBe(false);
  });
});

describe('createExportManagerApi', () => {
  const recordingTransport = () => {
    const calls: Array<[string, unknown]> = [];
    const listeners = new Map<string, (p: unknown) => void>();
    const transport: IpcTransport = {
      invoke: async (channel, args) => {
        calls.push([channel, args]);
        return { ok: true, value: null };
      },
      subscribe: (channel, listener) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    };
    return { calls, listeners, transport };
  };

  it('has exactly one method per channel and one subscription per event', () => {
    const api = createExportManagerApi(recordingTransport().transport);
    expect(Object.keys(api).sort()).toEqual([...apiMethodNames].sort());
    expect(apiMethodNames).toContain('onJobChanged');
  });

  it('sends the argument on the channel and hands events to listeners until unsubscribed', async () => {
    const { calls, listeners, transport } = recordingTransport();
    const api = createExportManagerApi(transport);
    await api.setPaused({ paused: true });
    expect(calls).toEqual([['pxe:setPaused', { paused: true }]]);

    const seen: unknown[] = [];
    const off = api.onNotice((n) => seen.push(n));
    listeners.get('pxe:event:notice')?.({ level: 'info', message: 'hi' });
    off();
    expect(seen).toEqual([{ level: 'info', message: 'hi' }]);
    expect(listeners.has('pxe:event:notice')).toBe(false);
  });

  it('turns a transport failure into an error result instead of a rejection', async () => {
    const api = createExportManagerApi({
      invoke: () => Promise.reject(new Error('No handler registered for pxe:listJobs')),
      subscribe: () => () => {},
    });
    const result = await api.listJobs();
    expect(result).toMatchObject({ ok: false, error: { code: IPC_ERROR_CODES.unavailable } });
    expect(JSON.stringify(result)).not.toContain('No handler');
  });

  it('treats an answer that is not an IpcResult as no answer', async () => {
    const api = createExportManagerApi({ invoke: async () => 'surprise', subscribe: () => () => {} });
    expect(await api.getSettings()).toMatchObject({ ok: false, error: { code: IPC_ERROR_CODES.unavailable } });
  });

  it('is typed by the contract', () => {
    expectTypeOf<ExportManagerApi['listJobs']>().toEqualTypeOf<() => Promise<IpcResult<JobView[]>>>();
    expectTypeOf<ReturnType<ExportManagerApi['getProcessor']>>().toEqualTypeOf<Promise<IpcResult<Processor>>>();
    expectTypeOf<Parameters<ExportManagerApi['onJobChanged']>[0]>().toEqualTypeOf<(payload: JobView) => void>();
  });
});

describe('dispatch', () => {
  it('hands the parsed argument to the handler and wraps its value', async () => {
    const result = await dispatch('setPaused', { paused: true }, echoHandlers, undefined, neverLeak);
    expect(result).toEqual({ ok: true, value: { echoed: { paused: true } } });
  });

  it('maps a throwing handler through toError, and a throwing toError to a generic error', async () => {
    const handlers = { ...echoHandlers, listJobs: () => Promise.reject(new Error('secret pxe_live_123 at /x.js:1')) };
    const mapped = await dispatch('listJobs', undefined, handlers, undefined, () => ({ code: 'disk_full', message: 'Free disk space.' }));
    expect(mapped).toEqual({ ok: false, error: { code: 'disk_full', message: 'Free disk space.' } });
    const fallback = await dispatch('listJobs', undefined, handlers, undefined, () => {
      throw new Error('oops');
    });
    expect(fallback).toMatchObject({ ok: false, error: { code: IPC_ERROR_CODES.internal } });
  });

  it('answers a typed error for an unknown channel', async () => {
    const result = await dispatch('__proto__', undefined, echoHandlers, undefined, neverLeak);
    expect(result).toMatchObject({ ok: false, error: { code: IPC_ERROR_CODES.unknownChannel } });
  });

  it('never throws and never lets an argument through that the schema rejects, whatever the renderer sends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), fc.anything({ withObjectString: true, withNullPrototype: true }), async (name, raw) => {
        const result = await dispatch(name, raw, echoHandlers, undefined, neverLeak);
        const accepted = channels[name].args.safeParse(raw).success;
        expect(result.ok).toBe(accepted);
        if (!result.ok) expect(result.error.code).toBe(IPC_ERROR_CODES.invalidArguments);
      }),
      { numRuns: 500 },
    );
  });
});
