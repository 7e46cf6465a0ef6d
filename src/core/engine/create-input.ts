import type { z } from 'zod';
import { createExportInputSchema, type CreateExportInput } from '../../shared/domain';
import { EXPORT_FORMATS, EXPORT_TYPES } from '../../shared/wire';
import { describeDetails, InputError, issuesToDetails } from './input-error';

const requestSchema = createExportInputSchema.omit({ profileId: true });

/** The export request as the contract wants it, or an InputError that names every bad field. */
export function checkCreateInput(input: unknown): CreateExportInput {
  return check(createExportInputSchema, input);
}

/** The same checks without a profile, for hosts that validate before choosing one. */
export function checkExportRequest(input: unknown): Omit<CreateExportInput, 'profileId'> {
  return check(requestSchema, input);
}

function check<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = issuesToDetails(parsed.error).map((d) => ({ ...d, message: friendlier(d.field, d.message) }));
  throw new InputError('invalid_export_request', `The export request is not valid: ${describeDetails(details)}.`, details);
}

function friendlier(field: string, message: string): string {
  if (field === 'type') return `must be one of ${EXPORT_TYPES.join(', ')}`;
  if (field === 'format') return `must be one of ${EXPORT_FORMATS.join(', ')}`;
  if (field === 'filters.from' || field === 'filters.to') {
    return message.includes('before') ? message : 'must be an RFC 3339 time with a zone, e.g. 2026-03-01T00:00:00Z';
  }
  return message;
}
