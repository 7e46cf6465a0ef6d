import { z } from 'zod';
import { PROCESSOR_BOUNDS, type UpdateProcessorRequest } from '../../shared/wire';
import { describeDetails, InputError, issuesToDetails } from './input-error';

const { maxConcurrentJobs, retentionDays } = PROCESSOR_BOUNDS;

const bounded = (bounds: { min: number; max: number }) =>
  z.int(`must be a whole number from ${bounds.min} to ${bounds.max}`).min(bounds.min, `must be from ${bounds.min} to ${bounds.max}`).max(bounds.max, `must be from ${bounds.min} to ${bounds.max}`);

const patchSchema = z.strictObject({
  enabled: z.boolean('must be true or false').optional(),
  config: z
    .strictObject({
      maxConcurrentJobs: bounded(maxConcurrentJobs).optional(),
      retentionDays: bounded(retentionDays).optional(),
    })
    .optional(),
});

/** The contract's bounds, checked before sending so a typo never reaches the server. */
export function checkProcessorPatch(patch: unknown): UpdateProcessorRequest {
  const parsed = patchSchema.safeParse(patch);
  if (parsed.success) {
    if (parsed.data.enabled === undefined && Object.keys(parsed.data.config ?? {}).length === 0) {
      const details = [{ field: '(input)', message: 'nothing to change' }];
      throw new InputError('invalid_processor_config', 'The processor update changes nothing; give enabled, maxConcurrentJobs or retentionDays.', details);
    }
    return parsed.data;
  }
  const details = issuesToDetails(parsed.error);
  throw new InputError('invalid_processor_config', `The processor settings are out of bounds: ${describeDetails(details)}.`, details);
}
