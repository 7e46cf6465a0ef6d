#!/usr/bin/env node
// Static security scan of the Electron code with Electronegativity (Doyensec). Fails on any HIGH or
// MEDIUM finding. The scan covers what runs with Electron's privileges: src/main (tests excluded),
// src/preload, the renderer's index.html (its CSP) and package.json (the Electron version).
// A finding may only be silenced in the source with an `eng-disable` comment that says why.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const FAILING = new Set(['HIGH', 'MEDIUM']);
// Looks up Electron releases on the internet, which the scan does not have; `npm outdated` and the
// lockfile review keep Electron current instead.
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

/**
 * Electronegativity fetches fresh translations from the internet before every scan. The scan runs
 * offline: its own English strings are loaded in place of that download.
 */
function loadTranslationsOffline() {
  const i18nModule = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const i18n = createRequire(i18nModule)('i18n');
  require.cache[i18nModule] = {
    id: i18nModule,
    filename: i18nModule,
    loaded: true,
    exports: async () => {
      i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(i18nModule), updateFiles: false, objectNotation: true, register: global });
      i18n.setLocale('en-US');
    },
  };
}

/** The files that run with Electron's privileges, copied so tests and unrelated code stay out. */
function stageInput() {
  const dir = mkdtempSync(join(tmpdir(), 'pxe-electronegativity-'));
  const skip = (file) => /\.test\.ts$|test-support\.ts$|recording-desktop\.ts$/.test(file);
  cpSync(join(root, 'src/main'), join(dir, 'src/main'), { recursive: true, filter: (file) => !skip(file) });
  cpSync(join(root, 'src/preload'), join(dir, 'src/preload'), { recursive: true });
  cpSync(join(root, 'src/renderer/index.html'), join(dir, 'src/renderer/index.html'));
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  return dir;
}

loadTranslationsOffline();
const run = require('@doyensec/electronegativity');
const input = stageInput();
try {
  const { issues, errors } = await run({ input, parserPlugins: ['typescript'], customScan: [], excludeFromScan: EXCLUDED, isRelative: true });
  for (const error of errors.filter((e) => !e.tolerable)) console.error(`could not parse ${relative(input, error.file)}: ${error.message}`);
  const rows = issues.map((issue) => ({
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    check: issue.id,
    where: `${relative(input, join(input, issue.file))}:${issue.location.line}:${issue.location.column}`,
    review: issue.manualReview ? 'manual review' : '',
  }));
  rows.sort((a, b) => a.severity.localeCompare(b.severity) || a.where.localeCompare(b.where));
  for (const row of rows) console.log(`${row.severity.padEnd(13)} ${row.confidence.padEnd(10)} ${row.check.padEnd(42)} ${row.where} ${row.review}`);
  const failing = rows.filter((row) => FAILING.has(row.severity));
  const parseFailures = errors.filter((e) => !e.tolerable).length;
  console.log(`\nElectronegativity: ${issues.length} finding(s), ${failing.length} high or medium, ${parseFailures} file(s) not parsed.`);
  process.exitCode = failing.length > 0 || parseFailures > 0 ? 1 : 0;
} finally {
  rmSync(input, { recursive: true, force: true });
}
