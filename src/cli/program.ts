import { Command, Option } from 'commander';
import { EXPORT_FORMATS, EXPORT_TYPES, PROCESSOR_BOUNDS } from '../shared/wire';
import { authClearCommand, authSetCommand, authStatusCommand } from './commands/auth';
import { createCommand, downloadCommand, getCommand, jobsCommand, waitCommand, type CreateOptions } from './commands/exports';
import { processorGetCommand, processorSetCommand, type ProcessorSetOptions } from './commands/processor';
import { verifyCommand } from './commands/verify';
import type { CliContext, GlobalOptions } from './context';
import { EXIT_CODES_HELP } from './exit-codes';
import { collectFilter, parseBoolean, parseSeconds, parseTime, parseWholeNumber } from './parse';

export type ContextFactory = (options: GlobalOptions) => CliContext;

const ENVIRONMENT_HELP = `
Environment:
  PLATFORMXE_API_KEY   API key for unattended runs; used instead of the keychain, never stored
  PXE_CONFIG_DIR       where profiles and the job list live (default: the app's settings folder)
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY   proxy settings; NODE_EXTRA_CA_CERTS adds trusted CAs
  PXE_DEBUG=1          print stack traces of unexpected errors`;

const EXAMPLES = `
Examples:
  pxe-exports auth set --base-url https://api.platformxe.com < key.txt
  pxe-exports create --type AUDIT_LOGS --format csv --from 2026-03-01T00:00:00Z \\
      --to 2026-03-02T00:00:00Z --wait --download ./exports
  pxe-exports verify ./exports/AUDIT_LOGS_20260301T000000Z_20260302T000000Z_exp_123.csv`;

/** The command tree; every action gets a CliContext built from the global options. */
export function buildProgram(context: ContextFactory): Command {
  const program = new Command('pxe-exports')
    .description('Create PlatformXE compliance exports, wait for them, download and verify them.')
    .option('--profile <name>', 'profile to use (name or id)')
    .option('--base-url <url>', 'PlatformXE API base URL; with no profile yet, creates the "default" profile')
    .option('--json', 'print JSON lines on stdout instead of text')
    .showSuggestionAfterError()
    .exitOverride()
    .addHelpText('after', `${EXIT_CODES_HELP}\n${ENVIRONMENT_HELP}\n${EXAMPLES}`);

  const ctx = (command: Command) => context(command.optsWithGlobals<GlobalOptions>());

  const auth = program.command('auth').description('store, show or remove the API key (kept in the system keychain)');
  auth
    .command('set')
    .description('read the key from stdin (piped) or a hidden prompt, check it against the server, and store it')
    .option('--download-dir <dir>', 'default download folder of the profile')
    .action((opts: { downloadDir?: string }, command: Command) => authSetCommand(ctx(command), opts));
  auth
    .command('status')
    .description('show the profiles and a masked hint of their keys')
    .action((_opts, command: Command) => authStatusCommand(ctx(command)));
  auth
    .command('clear')
    .description("remove the profile's key from the keychain")
    .action((_opts, command: Command) => authClearCommand(ctx(command)));

  program
    .command('create')
    .description('create an export; with --wait or --download, follow it to the end')
    .addOption(new Option('--type <type>', 'export type').choices(EXPORT_TYPES).makeOptionMandatory())
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--from <time>', 'start of the range, RFC 3339 (e.g. 2026-03-01T00:00:00Z)', parseTime)
    .requiredOption('--to <time>', 'end of the range (exclusive), RFC 3339', parseTime)
    .option('--filter <key=value>', 'an extra filter such as actor=alice (repeatable)', collectFilter)
    .option('--label <label>', 'a case or matter name kept with the export')
    .option('--wait', 'wait until the export is COMPLETE or FAILED')
    .option('--download <dir>', 'download into DIR and verify it (implies --wait)')
    .option('--timeout <seconds>', 'give up waiting after this long (exit 4)', parseSeconds)
    .action((opts: CreateOptions, command: Command) => createCommand(ctx(command), opts));

  program
    .command('get')
    .description('fetch the current state of an export')
    .argument('<id>', 'export id')
    .action((id: string, _opts, command: Command) => getCommand(ctx(command), id));

  program
    .command('wait')
    .description('wait until an export is COMPLETE or FAILED')
    .argument('<id>', 'export id')
    .option('--download <dir>', 'then download into DIR and verify it')
    .option('--timeout <seconds>', 'give up waiting after this long (exit 4)', parseSeconds)
    .action((id: string, opts: { download?: string; timeout?: number }, command: Command) => waitCommand(ctx(command), id, opts));

  program
    .command('download')
    .description("download (or resume) a complete export and verify it; an expired link re-runs the export")
    .argument('<id>', 'export id')
    .option('--dir <dir>', "folder to save into (default: the profile's download folder)")
    .action((id: string, opts: { dir?: string }, command: Command) => downloadCommand(ctx(command), id, opts));

  program
    .command('jobs')
    .description('list the exports created with pxe-exports, newest first')
    .action((_opts, command: Command) => jobsCommand(ctx(command)));

  program
    .command('verify')
    .description('re-hash a downloaded file and compare it with its .manifest.json')
    .argument('<file>', 'the downloaded file (or its manifest)')
    .action((file: string, _opts, command: Command) => verifyCommand(ctx(command), file));

  const processor = program.command('processor').description("show or change the workspace's export processor");
  processor
    .command('get')
    .description('show the processor settings')
    .action((_opts, command: Command) => processorGetCommand(ctx(command)));
  const { maxConcurrentJobs, retentionDays } = PROCESSOR_BOUNDS;
  processor
    .command('set')
    .description('change the processor settings (checked against the bounds before sending)')
    .option('--enabled <true|false>', 'turn the processor on or off', parseBoolean)
    .option('--max-concurrent-jobs <n>', `exports run at once (${maxConcurrentJobs.min}-${maxConcurrentJobs.max})`, parseWholeNumber)
    .option('--retention-days <n>', `days a finished file is kept (${retentionDays.min}-${retentionDays.max})`, parseWholeNumber)
    .action((opts: ProcessorSetOptions, command: Command) => processorSetCommand(ctx(command), opts));

  for (const command of allCommands(program)) {
    command.exitOverride();
    if (command !== program) command.addHelpText('after', '\nExit codes: see `pxe-exports --help`.');
  }
  return program;
}

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}
