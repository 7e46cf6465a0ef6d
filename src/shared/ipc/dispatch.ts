import type { z } from 'zod';
import { channels, type ChannelName, type ChannelResult, type IpcHandlers } from './contract';
import { fail, IPC_ERROR_CODES, ok, type IpcError, type IpcResult } from './result';

const isChannelName = (name: string): name is ChannelName => Object.hasOwn(channels, name);

/** The first problem of a failed parse, as one line the user can act on. */
export function describeInvalidArguments(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request was not understood. Try again.';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/**
 * Parses the raw argument with the channel's schema, runs the handler and wraps the outcome.
 * Never throws: a handler's exception goes through `toError`, which must keep stacks and keys out.
 * Main's `handle()` checks the sender first, then calls this; the e2e host calls it directly.
 */
export async function dispatch<Ctx>(
  name: string,
  rawArgs: unknown,
  handlers: IpcHandlers<Ctx>,
  ctx: Ctx,
  toError: (error: unknown, channel: ChannelName) => IpcError,
): Promise<IpcResult<ChannelResult<ChannelName>>> {
  if (!isChannelName(name)) return fail(IPC_ERROR_CODES.unknownChannel, `Unknown request “${name.slice(0, 64)}”.`);
  const parsed = channels[name].args.safeParse(rawArgs);
  if (!parsed.success) return fail(IPC_ERROR_CODES.invalidArguments, describeInvalidArguments(parsed.error));
  try {
    const handler = handlers[name] as (args: unknown, ctx: Ctx) => unknown;
    return ok((await handler(parsed.data, ctx)) as ChannelResult<ChannelName>);
  } catch (error) {
    try {
      return { ok: false, error: toError(error, name) };
    } catch {
      return fail(IPC_ERROR_CODES.internal, 'Something went wrong. Try again; if it keeps happening, restart the app.');
    }
  }
}
