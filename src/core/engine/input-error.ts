import type { z } from 'zod';
import type { ErrorDetail } from '../../shared/wire';
import { UserError } from '../errors';

/** Input refused before anything was sent: one line for a person, `details` per field for forms. */
export class InputError extends UserError {
  override name = 'InputError';

  constructor(
    code: string,
    message: string,
    readonly details: ErrorDetail[],
  ) {
    super(code, message);
  }

  override toJSON() {
    return { ...super.toJSON(), details: this.details };
  }
}

export function issuesToDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(input)',
    message: issue.message,
  }));
}

export function describeDetails(details: ErrorDetail[]): string {
  return details.map((d) => `${d.field}: ${d.message}`).join('; ');
}
