#!/usr/bin/env bash
# `npm test`: every check, in order of speed, stopping at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step "build (wp-scripts)"
npx wp-scripts build

step "TypeScript (tsc --noEmit, strict)"
npx tsc --noEmit

step "ESLint (@wordpress/eslint-plugin)"
npm run --silent lint:js

step "PHP_CodeSniffer (WordPress Coding Standards, PHPCompatibilityWP)"
vendor/bin/phpcs -q

step "Jest"
npm run --silent test:js

# One MariaDB server for PHPUnit and Playwright; stopped on exit if we started it.
started_db=$(node --input-type=module -e "import('./bin/lib/mariadb.mjs').then(async (m) => console.log(await m.ensureMariaDB()))")
if [ "$started_db" = "true" ]; then
	trap 'node --input-type=module -e "import(\"./bin/lib/mariadb.mjs\").then((m) => m.stopMariaDB())"' EXIT
fi

step "PHPUnit against real WordPress (each supported version)"
node bin/phpunit.mjs

for version in 6.6 6.5; do
	step "Playwright + Chromium against real WordPress $version"
	QI_WP_VERSION=$version npx playwright test -c tests/e2e/playwright.config.ts
done
