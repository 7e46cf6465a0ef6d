/**
 * The one IPC contract between the renderer and main.
 *
 * - A channel takes exactly one argument (or none: `undefined`) described by its schema and answers
 *   IpcResult<result>. On the wire it is `invokeChannel(name)` ("pxe:<name>").
 * - Main implements IpcHandlers and registers each channel with ipcMain.handle through one wrapper
 *   that checks the sender (our window's main frame at our origin), rejects more than one argument,
 *   then calls `dispatch` (which parses with the schema and never throws).
 * - Events go main → renderer on `eventChannel(name)` ("pxe:event:<name>"). Main queues them until the
 *   renderer calls `ready` (it subscribes first, loads its snapshots, then calls `ready`).
 * - The preload builds `window.exportManager` with createExportManagerApi; the renderer is typed by
 *   ExportManagerApi: one method per channel, `on<Event>(listener) => unsubscribe` per event.
 */
import type { z } from 'zod';
import type { DownloadProgress, JobView, Settings } from '../domain';
import type { Processor } from '../wire';
import type { IpcResult } from './result';
import type { AddedProfile, AppInfo, CreateExportResult, KeyInfo, ProfilesSnapshot } from './results';
import {
  addProfileArgs,
  appStatusSchema,
  createExportArgs,
  jobRefArgs,
  navigateSchema,
  noArgs,
  noticeSchema,
  profileRefArgs,
  rerunExportArgs,
  setKeyArgs,
  setPausedArgs,
  updateProcessorArgs,
  updateProfileArgs,
  updateSettingsArgs,
  type AppStatus,
} from './schemas';

/** Carries a result type without a runtime schema: main is the trusted side and builds it from domain records. */
export interface Returns<T> {
  readonly __returns?: T;
}
const returns = <T>(): Returns<T> => ({});

interface ChannelDef<A extends z.ZodType, R> {
  args: A;
  result: Returns<R>;
}
const channel = <A extends z.ZodType, R>(args: A, result: Returns<R>): ChannelDef<A, R> => ({ args, result });

export const channels = {
  // profiles
  listProfiles: channel(noArgs, returns<ProfilesSnapshot>()),
  addProfile: channel(addProfileArgs, returns<AddedProfile>()),
  updateProfile: channel(updateProfileArgs, returns<ProfilesSnapshot>()),
  /** Also forgets the profile's key and its jobs; downloaded files stay on disk. */
  removeProfile: channel(profileRefArgs, returns<ProfilesSnapshot>()),
  setActiveProfile: channel(profileRefArgs, returns<ProfilesSnapshot>()),
  /** Opens the native folder picker and stores the choice as the profile's download folder; null when cancelled. */
  chooseDownloadFolder: channel(profileRefArgs, returns<ProfilesSnapshot | null>()),

  // API keys: sent once, never read back
  getKeyStatus: channel(profileRefArgs, returns<KeyInfo>()),
  /** Main checks the key against the server before storing it; a rejected key stores nothing. */
  setKey: channel(setKeyArgs, returns<KeyInfo>()),
  clearKey: channel(profileRefArgs, returns<KeyInfo>()),

  // jobs
  /** Every job of every profile (JobView: never the signed downloadUrl). */
  listJobs: channel(noArgs, returns<JobView[]>()),
  /**
   * For the input's profile. The same requestId again answers the job it created (`replayed`), so
   * a double click or a retried call never makes two exports. Main also emits jobChanged for it.
   */
  createExport: channel(createExportArgs, returns<CreateExportResult>()),
  /** Starts (auto-download off) or restarts (interrupted, integrity failed) the download of a complete job. */
  retryDownload: channel(jobRefArgs, returns<JobView>()),
  /**
   * Creates a new export with the same type, format and filters (requestId as for createExport);
   * answers the new job, whose rerunOf names the old one; the old one's rerunBy follows as jobChanged.
   */
  rerunExport: channel(rerunExportArgs, returns<JobView>()),
  /** By job id: main opens only files this app downloaded and verified, never a path from the page. */
  openFile: channel(jobRefArgs, returns<null>()),
  showInFolder: channel(jobRefArgs, returns<null>()),

  // processor (per profile, on the server); the server's error codes come back as they are
  getProcessor: channel(profileRefArgs, returns<Processor>()),
  updateProcessor: channel(updateProcessorArgs, returns<Processor>()),

  // app
  getSettings: channel(noArgs, returns<Settings>()),
  updateSettings: channel(updateSettingsArgs, returns<Settings>()),
  getAppInfo: channel(noArgs, returns<AppInfo>()),
  getAppStatus: channel(noArgs, returns<AppStatus>()),
  setPaused: channel(setPausedArgs, returns<AppStatus>()),
  /** The renderer has subscribed to events: main flushes the events it queued and sends the rest live. */
  ready: channel(noArgs, returns<null>()),
} as const;

interface EventDef<T> {
  /** Present when main may want to validate before sending; JobView and DownloadProgress come from records main owns. */
  schema: z.ZodType<T> | null;
  payload: Returns<T>;
}
const event = <T>(schema: z.ZodType<T> | null, payload: Returns<T> = returns<T>()): EventDef<T> => ({ schema, payload });

export const events = {
  jobChanged: event(null, returns<JobView>()),
  downloadProgress: event(null, returns<DownloadProgress>()),
  notice: event(noticeSchema),
  navigate: event(navigateSchema),
  appStatus: event(appStatusSchema),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type EventName = keyof typeof events;

/** The channels about workspaces and their keys: main's profile handlers and the renderer's profiles slice. */
export type ProfileChannel = Extract<
  ChannelName,
  | 'listProfiles'
  | 'addProfile'
  | 'updateProfile'
  | 'removeProfile'
  | 'setActiveProfile'
  | 'chooseDownloadFolder'
  | 'getKeyStatus'
  | 'setKey'
  | 'clearKey'
>;

/** What the renderer passes (before parsing: defaults and trims not yet applied). */
export type ChannelInput<N extends ChannelName> = z.input<Channels[N]['args']>;
/** What a handler receives (after parsing). */
export type ChannelArgs<N extends ChannelName> = z.output<Channels[N]['args']>;
export type ChannelResult<N extends ChannelName> = Channels[N]['result'] extends Returns<infer R> ? R : never;
export type EventPayload<E extends EventName> = (typeof events)[E]['payload'] extends Returns<infer T> ? T : never;

const IPC_PREFIX = 'pxe:';
export const invokeChannel = (name: ChannelName): string => `${IPC_PREFIX}${name}`;
export const eventChannel = (name: EventName): string => `${IPC_PREFIX}event:${name}`;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export type SubscribeMethodName<E extends EventName> = `on${Capitalize<E>}`;
export const subscribeMethodName = <E extends EventName>(name: E): SubscribeMethodName<E> =>
  `on${name[0]!.toUpperCase()}${name.slice(1)}` as SubscribeMethodName<E>;

export type Unsubscribe = () => void;

type Method<N extends ChannelName> = [ChannelInput<N>] extends [undefined]
  ? () => Promise<IpcResult<ChannelResult<N>>>
  : (args: ChannelInput<N>) => Promise<IpcResult<ChannelResult<N>>>;

/** `window.exportManager`: one method per channel, one `on<Event>` per event, nothing else. */
export type ExportManagerApi = { [N in ChannelName]: Method<N> } & {
  [E in EventName as SubscribeMethodName<E>]: (listener: (payload: EventPayload<E>) => void) => Unsubscribe;
};

/** Every method name `window.exportManager` must have, and no other. */
export const apiMethodNames: readonly string[] = [...channelNames, ...eventNames.map(subscribeMethodName)];

/** How main pushes an event (its queue-until-ready sender has this shape). */
export type EmitEvent = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** What main implements: one function per channel, given parsed arguments. Throwing is fine: dispatch maps it. */
export type IpcHandlers<Ctx = void> = {
  [N in ChannelName]: (args: ChannelArgs<N>, ctx: Ctx) => Promise<ChannelResult<N>> | ChannelResult<N>;
};
