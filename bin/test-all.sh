#!/usr/bin/env bash
# `npm test`: every check, in order of speed, stopping at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

steps=0
step() {
	steps=$((steps + 1))
	printf '\n=== %s\n' "$*"
}

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

step "PHPUnit against real WordPress 6.5 and 6.6 on PHP $(php -r 'echo PHP_VERSION;')"
node bin/phpunit.mjs

# The oldest combination the plugin claims: WordPress 6.5 on PHP 7.4 (bin/php74.sh).
step "PHPUnit against real WordPress 6.5 on PHP 7.4"
QI_PHP=bin/php74.sh QI_WP_VERSIONS=6.5 node bin/phpunit.mjs

step "Playwright + Chromium against real WordPress 6.6 on PHP $(php -r 'echo PHP_VERSION;')"
QI_WP_VERSION=6.6 npx playwright test -c tests/e2e/playwright.config.ts

step "Playwright + Chromium against real WordPress 6.5 on PHP 7.4"
QI_PHP=bin/php74.sh QI_WP_VERSION=6.5 npx playwright test -c tests/e2e/playwright.config.ts

# set -e stopped at the first failing step, so reaching here means all passed.
printf '\nsteps: %d passed, 0 failed\n' "$steps"
