import type { UserFacingError } from '../shared/domain';

/**
 * An error meant for the person at the keyboard: a stable code for programs and one line that says
 * what happened and what to do next. Hosts show `message` as is and never a stack trace.
 */
export class UserError extends Error implements UserFacingError {
  override name = 'UserError';

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toJSON(): UserFacingError {
    return { code: this.code, message: this.message };
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
