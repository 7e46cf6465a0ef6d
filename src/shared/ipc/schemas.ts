/**
 * Argument and event schemas of the IPC contract. Everything the renderer sends is untrusted:
 * objects are strict and strings bounded, so a compromised page cannot smuggle extra fields or
 * megabytes through a channel.
 */
import { z } from 'zod';
import { PROCESSOR_BOUNDS } from '../wire';
import { createExportInputSchema, profileSchema, settingsSchema } from '../domain';

export const idSchema = z.string().min(1).max(128);

/** Client-generated per attempt: the same id twice means the same request (a double click, a retry). */
export const requestIdSchema = z.uuid();

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The key travels in a header: plain http only to this machine. */
export const baseUrlSchema = profileSchema.shape.baseUrl
  .max(2048)
  .refine((url) => {
    // zod runs refinements even after z.url() failed; that failure already says what is wrong.
    if (!URL.canParse(url)) return true;
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || LOOPBACK_HOSTS.has(hostname);
  }, 'Use an https:// address (plain http is only allowed for this computer).');

export const profileNameSchema = profileSchema.shape.name;
export const profileColorSchema = z.string().regex(/^#[0-9a-f]{6}$/i, 'Pick a colour such as #2f6fde.');

/** Keys are opaque tokens: printable, no spaces, bounded. */
export const apiKeySchema = z
  .string()
  .trim()
  .min(8, 'That key is too short: paste the whole key.')
  .max(1024, 'That key is too long: paste only the key.')
  .regex(/^[\x21-\x7e]+$/, 'A key has no spaces or special characters: paste only the key.');

export const addProfileArgs = z.strictObject({
  name: profileNameSchema,
  baseUrl: baseUrlSchema,
  color: profileColorSchema.optional(),
  /** When given, main checks it against the server first and stores neither profile nor key if it fails. */
  apiKey: apiKeySchema.optional(),
  /** Make the new profile the active one (the one-click way out of the Demo workspace). */
  activate: z.boolean().optional(),
});

export const updateProfileArgs = z.strictObject({
  id: idSchema,
  name: profileNameSchema.optional(),
  baseUrl: baseUrlSchema.optional(),
  color: profileColorSchema.optional(),
});

export const profileRefArgs = z.strictObject({ profileId: idSchema });
export const jobRefArgs = z.strictObject({ jobId: idSchema });

export const setKeyArgs = z.strictObject({ profileId: idSchema, apiKey: apiKeySchema });

const FILTER_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** from, to and this many extra filters. */
export const MAX_EXTRA_FILTERS = 20;

/** The domain's input, bounded for the wire: its id, and the number and shape of the extra filter keys. */
export const boundedCreateExportInputSchema = createExportInputSchema
  .extend({ profileId: idSchema })
  .refine((input) => Object.keys(input.filters).length <= MAX_EXTRA_FILTERS + 2, {
    message: `Use at most ${MAX_EXTRA_FILTERS} extra filters.`,
    path: ['filters'],
  })
  .refine((input) => Object.keys(input.filters).every((key) => FILTER_KEY.test(key)), {
    message: 'Filter names start with a letter and use only letters, digits, dot, dash or underscore.',
    path: ['filters'],
  });

export const createExportArgs = z.strictObject({
  requestId: requestIdSchema,
  input: boundedCreateExportInputSchema,
});

export const rerunExportArgs = z.strictObject({ jobId: idSchema, requestId: requestIdSchema });

const { maxConcurrentJobs, retentionDays } = PROCESSOR_BOUNDS;
export const maxConcurrentJobsSchema = z
  .int()
  .min(maxConcurrentJobs.min, `Max concurrent jobs is at least ${maxConcurrentJobs.min}.`)
  .max(maxConcurrentJobs.max, `Max concurrent jobs is at most ${maxConcurrentJobs.max}.`);
export const retentionDaysSchema = z
  .int()
  .min(retentionDays.min, `Retention is at least ${retentionDays.min} day.`)
  .max(retentionDays.max, `Retention is at most ${retentionDays.max} days.`);

export const processorPatchSchema = z.strictObject({
  enabled: z.boolean().optional(),
  config: z
    .strictObject({
      maxConcurrentJobs: maxConcurrentJobsSchema.optional(),
      retentionDays: retentionDaysSchema.optional(),
    })
    .optional(),
});

export type ProcessorPatch = z.infer<typeof processorPatchSchema>;

export const updateProcessorArgs = z.strictObject({ profileId: idSchema, patch: processorPatchSchema });

export const updateSettingsArgs = settingsSchema.partial().strict();

export const setPausedArgs = z.strictObject({ paused: z.boolean() });

/** Channels that take nothing take exactly nothing. */
export const noArgs = z.undefined();

// ---- events (main → renderer) ----

export const VIEWS = ['jobs', 'new-export', 'processor', 'settings'] as const;
export const viewSchema = z.enum(VIEWS);
export type View = z.infer<typeof viewSchema>;

export const NOTICE_LEVELS = ['info', 'success', 'warning', 'error'] as const;

export const noticeSchema = z.strictObject({
  level: z.enum(NOTICE_LEVELS),
  message: z.string().min(1).max(500),
  /** The job the notice is about, so the UI can offer "Show". */
  jobId: idSchema.optional(),
  /** Same vocabulary as IpcError.code, so the UI can offer the next action. */
  code: z.string().max(64).optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** A tray menu item or notification click asks the window to show something. */
export const navigateSchema = z.strictObject({ view: viewSchema, jobId: idSchema.optional() });
export type NavigateRequest = z.infer<typeof navigateSchema>;

const count = z.int().min(0);

export const attentionSchema = z.strictObject({
  /** Complete on the server, not downloaded, and nothing is downloading it now. */
  notDownloaded: count,
  /** Not downloaded and the signed link expires within LINK_EXPIRY_WARNING_MS. */
  expiringSoon: count,
});
export type Attention = z.infer<typeof attentionSchema>;

export const appStatusSchema = z.strictObject({
  paused: z.boolean(),
  /** Whether the last contact with the active profile's server succeeded. */
  online: z.boolean(),
  /** Exports processing on the server or downloading here (the tray's "working" icon). */
  working: count,
  attention: attentionSchema,
});
export type AppStatus = z.infer<typeof appStatusSchema>;
