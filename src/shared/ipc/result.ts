/**
 * Every IPC call answers with this envelope instead of throwing: a rejected promise that crossed the
 * context bridge loses its code, and a thrown Error could carry a stack or a secret into the page.
 */
export interface IpcError {
  code: string;
  /** One plain sentence saying what happened and what to do next; never a stack, never a key. */
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

export const fail = (code: string, message: string): { ok: false; error: IpcError } => ({
  ok: false,
  error: { code, message },
});

/**
 * Codes produced by the IPC layer itself. Handlers add their own (the API's error codes such as
 * `unauthenticated` or `processor_disabled`, and the engine's such as `disk_full`).
 */
export const IPC_ERROR_CODES = {
  /** The arguments did not match the channel's schema. */
  invalidArguments: 'invalid_arguments',
  /** The call did not come from our own window's main frame at our own origin. */
  forbiddenSender: 'forbidden_sender',
  /** The channel name is not in the contract. */
  unknownChannel: 'unknown_channel',
  /** The main process did not answer (no handler yet, or it went away). */
  unavailable: 'ipc_unavailable',
  /** A handler failed in a way it did not describe; details stay in main's log. */
  internal: 'internal_error',
} as const;
