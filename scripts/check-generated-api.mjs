// Fails when src/shared/wire/openapi.gen.ts no longer matches openapi/platformxe-exports.yaml.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const committed = 'src/shared/wire/openapi.gen.ts';
const dir = mkdtempSync(join(tmpdir(), 'pxe-openapi-'));
try {
  const fresh = join(dir, 'openapi.gen.ts');
  execFileSync('npx', ['openapi-typescript', 'openapi/platformxe-exports.yaml', '-o', fresh], { stdio: 'ignore' });
  if (readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8')) {
    console.error(`${committed} is stale: run \`npm run gen:api\` and commit the result.`);
    process.exit(1);
  }
  console.log('generated API types are up to date');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
