/**
 * Runtime checks of what PlatformXE sends back. The shapes are typed against the generated wire
 * types, so a change to the OpenAPI document that these checks miss fails the type check.
 */
import { z } from 'zod';
import {
  EXPORT_FORMATS,
  EXPORT_TYPES,
  type ErrorCode,
  type Export,
  type ExportStatus,
  type Processor,
} from '../../shared/wire';

export const EXPORT_ID_PATTERN = /^exp_[A-Za-z0-9]+$/;

const EXPORT_STATUSES = ['PROCESSING', 'COMPLETE', 'FAILED'] as const satisfies readonly ExportStatus[];
const ERROR_CODES = [
  'validation_error',
  'unauthenticated',
  'insufficient_scope',
  'not_found',
  'processor_disabled',
  'idempotency_conflict',
  'export_expired',
  'rate_limited',
  'internal_error',
  'unavailable',
  'url_expired',
  'signature_invalid',
  'range_not_satisfiable',
] as const satisfies readonly ErrorCode[];

// A wire value missing from the lists above is a compile error here.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
const everyStatusListed: Missing<ExportStatus, (typeof EXPORT_STATUSES)[number]> = true;
const everyCodeListed: Missing<ErrorCode, (typeof ERROR_CODES)[number]> = true;
void everyStatusListed;
void everyCodeListed;

const time = z.iso.datetime({ offset: true });

export const exportSchema = z.object({
  id: z.string().regex(EXPORT_ID_PATTERN),
  type: z.enum(EXPORT_TYPES),
  format: z.enum(EXPORT_FORMATS),
  filters: z.object({ from: time, to: time }).catchall(z.string()),
  status: z.enum(EXPORT_STATUSES),
  progress: z.number().min(0).max(1),
  createdAt: time,
  completedAt: time.nullable(),
  downloadUrl: z.url({ protocol: /^https?$/ }).nullable(),
  downloadUrlExpiresAt: time.nullable(),
  file: z
    .object({
      name: z.string().min(1),
      sizeBytes: z.int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      contentType: z.string(),
      rowCount: z.int().min(0),
    })
    .nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  expiresAt: time.nullable(),
}) satisfies z.ZodType<Export>;

export const processorSchema = z.object({
  enabled: z.boolean(),
  config: z.object({ maxConcurrentJobs: z.int().min(1), retentionDays: z.int().min(1) }),
  updatedAt: time,
}) satisfies z.ZodType<Processor>;

/** Lenient on purpose: an error we can partly read is more useful than "invalid response". */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    requiredScope: z.string().optional(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

export function isKnownErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** Zod issues as the contract's `{field, message}` details. */
export function issuesToDetails(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}
