/** Request-body rules of the contract, answering 400 validation_error with `{field, message}` details. */
import { z } from 'zod';
import {
  EXPORT_FORMATS,
  EXPORT_TYPES,
  PROCESSOR_BOUNDS,
  type CreateExportRequest,
  type ErrorDetail,
  type UpdateProcessorRequest,
} from '../shared/wire';
import { parseRfc3339 } from './clock';
import { validationError } from './errors';

const rfc3339 = z
  .string({ error: 'must be an RFC 3339 date-time string' })
  .refine((v) => parseRfc3339(v) !== null, 'must be an RFC 3339 date-time with seconds and offset, e.g. 2026-03-01T00:00:00Z');

const filters = z
  .object({ from: rfc3339, to: rfc3339 }, { error: 'must be an object with from and to' })
  .catchall(z.string({ error: 'must be a string' }).max(200, 'must be at most 200 characters'))
  .refine(
    (f) => {
      const [from, to] = [parseRfc3339(f.from), parseRfc3339(f.to)];
      return from === null || to === null || from < to;
    },
    { message: 'must be after filters.from', path: ['to'] },
  );

/** A missing field is one mistake with one fix: say so, rather than list what it could have been. */
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => (issue.input === undefined ? 'is required' : `must be one of ${values.join(', ')}`) });

const createExport = z.strictObject({
  type: oneOf(EXPORT_TYPES),
  format: oneOf(EXPORT_FORMATS),
  filters,
});

const bounded = (b: { min: number; max: number }) =>
  z.int({ error: `must be an integer from ${b.min} to ${b.max}` }).min(b.min, `must be at least ${b.min}`).max(b.max, `must be at most ${b.max}`);

const updateProcessor = z.strictObject({
  enabled: z.boolean({ error: 'must be true or false' }).optional(),
  config: z
    .strictObject(
      {
        maxConcurrentJobs: bounded(PROCESSOR_BOUNDS.maxConcurrentJobs).optional(),
        retentionDays: bounded(PROCESSOR_BOUNDS.retentionDays).optional(),
      },
      { error: 'must be an object' },
    )
    .optional(),
});

function toDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.flatMap((issue): ErrorDetail[] => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...at, key].join('.'), message: 'is not a known field' }));
    }
    return [{ field: at.join('.') || 'body', message: issue.message }];
  });
}

function parseWith<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw validationError(toDetails(result.error));
  return result.data;
}

export const parseCreateExport = (body: unknown): CreateExportRequest => parseWith(createExport, body) as CreateExportRequest;
export const parseUpdateProcessor = (body: unknown): UpdateProcessorRequest => parseWith(updateProcessor, body);

export function checkIdempotencyKey(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  const key = Array.isArray(value) ? value[0] : value;
  if (!key || key.length > 255) {
    throw validationError([{ field: 'Idempotency-Key', message: 'must be 1 to 255 characters' }]);
  }
  return key;
}
