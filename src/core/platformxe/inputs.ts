/**
 * Light checks of caller input before anything is sent. The server stays authoritative for the
 * rules (enums, time order, bounds); these only stop requests that could not be sent correctly.
 */
import { z } from 'zod';
import { failure, type Failure } from './messages';
import { EXPORT_ID_PATTERN, issuesToDetails } from './schemas';

const HEADER_TOKEN = /^[\x21-\x7e]+$/;

const createShape = z.object({
  type: z.string().min(1),
  format: z.string().min(1),
  filters: z.object({ from: z.string().min(1), to: z.string().min(1) }).catchall(z.string()),
});
const patchShape = z.record(z.string(), z.unknown());
const idShape = z.string().max(255).regex(EXPORT_ID_PATTERN, 'must look like exp_ followed by letters and digits');
const idempotencyKeyShape = z
  .string()
  .min(1)
  .max(255)
  .regex(HEADER_TOKEN, 'must be printable ASCII without spaces');

function check(schema: z.ZodType, value: unknown, field?: string): Failure | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const details = issuesToDetails(result.error).map((d) =>
    field ? { field: d.field === '(root)' ? field : `${field}.${d.field}`, message: d.message } : d,
  );
  return failure('validation_error', { details });
}

export const checkCreateParams = (params: unknown) => check(createShape, params);
export const checkProcessorPatch = (patch: unknown) => check(patchShape, patch);
export const checkExportId = (id: unknown) => check(idShape, id, 'id');
export const checkIdempotencyKey = (key: unknown) => check(idempotencyKeyShape, key, 'idempotencyKey');

/** A key that cannot travel in a header is refused without echoing it. */
export function checkApiKey(key: unknown): Failure | null {
  if (typeof key !== 'string' || key.length === 0) return failure('unauthenticated', { hint: 'the API key is empty' });
  if (!HEADER_TOKEN.test(key)) {
    return failure('unauthenticated', { hint: 'the API key contains spaces or characters a key cannot have' });
  }
  return null;
}
