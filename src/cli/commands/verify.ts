import { verifyAgainstManifest } from '../../core/downloads';
import type { CliContext } from '../context';
import { CliExit, EXIT } from '../exit-codes';

export async function verifyCommand(ctx: CliContext, file: string): Promise<void> {
  const result = await verifyAgainstManifest(file);
  ctx.out.event('result', {
    ok: result.ok,
    filePath: result.filePath,
    manifestPath: result.manifestPath,
    exportId: result.manifest.exportId,
    expected: result.expected,
    actual: result.actual,
  });
  if (!result.ok) throw new CliExit(EXIT.downloadFailed, result.message, 'verify_mismatch');
  ctx.out.line(result.message);
}
