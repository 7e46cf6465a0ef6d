#!/usr/bin/env bash
# Every check of the project, in the order that fails fastest. `npm test` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$1"; }

step 'generated API types'; node scripts/check-generated-api.mjs
step 'typecheck';           npm run --silent typecheck
step 'lint';                npm run --silent lint
step 'architecture rules';  npm run --silent arch
step 'build';               npm run --silent build
step 'Electron security scan (electronegativity)'; node scripts/security-scan.mjs
step 'unit and integration tests (real keychain, emulator on loopback)'
bash scripts/with-keyring.sh npx vitest run
step 'end-to-end tests (Chromium)'
bash scripts/with-keyring.sh npx playwright test
