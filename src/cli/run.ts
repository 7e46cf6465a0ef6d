import type { Command } from 'commander';
import { CliContext, type GlobalOptions } from './context';
import { CliExit, EXIT, judge, type ExitCode } from './exit-codes';
import { Output } from './output';
import { buildProgram } from './program';

export interface CliProcess {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Subscribes to Ctrl-C; returns the unsubscribe. */
  onInterrupt: (listener: () => void) => () => void;
}

const SIGNAL_ECHO_MS = 1_000;
const INTERRUPTED = 'Interrupted; exports keep running on the server, and `pxe-exports wait <id>` or `pxe-exports download <id>` picks them up again.';

/**
 * Runs one command line and returns its exit code. Every failure becomes one line on stderr (and a
 * JSON `error` line with --json); a stack trace only for unexpected errors with PXE_DEBUG=1.
 */
export async function runCli(proc: CliProcess): Promise<ExitCode> {
  const controller = new AbortController();
  const out = new Output(proc.argv.includes('--json'), { stdout: proc.stdout, stderr: proc.stderr });
  let context: CliContext | null = null;
  const program = buildProgram((options: GlobalOptions) => (context ??= new CliContext(options, out, controller.signal, proc.env)));
  configureCommanderOutput(program, proc);

  let firstInterruptAt: number | null = null;
  const offInterrupt = proc.onInterrupt(() => {
    const now = Date.now();
    if (firstInterruptAt !== null) {
      // conf's atomic writer (when-exit) re-raises the SIGINT it saw: only a later, second Ctrl-C forces the exit.
      if (now - firstInterruptAt > SIGNAL_ECHO_MS) process.exit(EXIT.interrupted);
      return;
    }
    firstInterruptAt = now;
    controller.abort(new CliExit(EXIT.interrupted, INTERRUPTED, 'interrupted'));
    void (context as CliContext | null)?.stopEngine();
  });

  let exitCode: ExitCode = EXIT.ok;
  try {
    await program.parseAsync(proc.argv, { from: 'user' });
  } catch (error) {
    exitCode = report(out, proc, error, controller.signal);
  } finally {
    offInterrupt();
    try {
      await (context as CliContext | null)?.close();
    } catch (error) {
      if (exitCode === EXIT.ok) exitCode = report(out, proc, error, controller.signal);
    }
  }
  return exitCode;
}

function report(out: Output, proc: CliProcess, error: unknown, signal: AbortSignal): ExitCode {
  const interrupted = signal.aborted && !(error instanceof CliExit);
  const verdict = judge(interrupted ? signal.reason : error);
  out.done();
  // Commander has already printed its own usage errors, and help is not an error.
  const printed = verdict.code.startsWith('commander.');
  if (!printed) out.warn(`pxe-exports: ${verdict.message}`);
  if (verdict.stack && proc.env.PXE_DEBUG === '1') out.warn(verdict.stack);
  if (verdict.exitCode !== EXIT.ok) out.event('error', { code: verdict.code, message: verdict.message, exitCode: verdict.exitCode });
  return verdict.exitCode;
}

function configureCommanderOutput(program: Command, proc: CliProcess): void {
  const output = {
    writeOut: (text: string) => proc.stdout.write(text),
    writeErr: (text: string) => proc.stderr.write(text),
    outputError: (text: string, write: (text: string) => void) => write(`pxe-exports: ${text.replace(/^error: /, '')}`),
  };
  const apply = (command: Command) => {
    command.configureOutput(output);
    command.commands.forEach(apply);
  };
  apply(program);
}
