#!/usr/bin/env bash
# `npm test`: every check. The quick static checks run first, in order,
# stopping at the first failure; then the two ends of the version matrix run
# side by side (one lane per end, each on its own sites and port):
#   current: WordPress 7.1 (Debian's package) on the system PHP 8.2
#   oldest:  WordPress 6.5 on PHP 7.4 (bin/php74.sh)
# Each lane installs the plugin zip in a fresh WordPress (bin/zip-install-test.mjs),
# then runs PHPUnit, then Playwright; its output is printed when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

passed=0
step() {
	printf '\n=== %s\n' "$*"
}

step "build (wp-scripts)"
npx wp-scripts build
passed=$((passed + 1))

mkdir -p artifacts
step "plugin zip (npm run plugin-zip; file list in artifacts/plugin-zip.log)"
npm run --silent plugin-zip >artifacts/plugin-zip.log
tail -n 1 artifacts/plugin-zip.log
passed=$((passed + 1))

step "TypeScript (tsc --noEmit, strict)"
npx tsc --noEmit
passed=$((passed + 1))

step "ESLint (@wordpress/eslint-plugin)"
npm run --silent lint:js
passed=$((passed + 1))

step "PHP_CodeSniffer (WordPress Coding Standards, PHPCompatibilityWP)"
vendor/bin/phpcs -q
passed=$((passed + 1))

step "PHPStan (level 8, WordPress stubs)"
vendor/bin/phpstan analyse --no-progress --memory-limit=1G
passed=$((passed + 1))

step "Jest"
npm run --silent test:js
passed=$((passed + 1))

step "languages/qualified-integration.pot up to date (npm run make-pot -- --check)"
node bin/make-pot.mjs --check
passed=$((passed + 1))

# One MariaDB server for every lane; stopped on exit if we started it.
started_db=$(node --input-type=module -e "import('./bin/lib/mariadb.mjs').then(async (m) => console.log(await m.ensureMariaDB()))")
if [ "$started_db" = "true" ]; then
	trap 'node --input-type=module -e "import(\"./bin/lib/mariadb.mjs\").then((m) => m.stopMariaDB())"' EXIT
fi

# Fetch and unpack both WordPress versions and PHP 7.4 before the lanes start,
# so that two lanes never build the same tree at once.
step "WordPress 7.1 (Debian), WordPress 6.5 (npm) and PHP 7.4 (Debian 11) in place"
node --input-type=module -e "
	const { WP_BUILDS } = await import('./bin/lib/paths.mjs');
	const { debianWordPressTree } = await import('./bin/lib/debian-wordpress.mjs');
	for (const build of Object.values(WP_BUILDS)) if (build.debian) debianWordPressTree(build.debian);
"
bin/php74.sh -r 'echo PHP_VERSION, "\n";'
passed=$((passed + 1))

# lane NAME WP_VERSION PHP PORT ZIP_PORT: the zip install test, then PHPUnit, then Playwright;
# writes artifacts/lane-NAME.{log,result} (the number of its 3 steps that passed).
lane() {
	local name=$1 version=$2 php=$3 port=$4 zip_port=$5 ok=0 php_label
	php_label=$("${php:-php}" -r 'echo PHP_VERSION;')
	{
		printf '\n=== Plugin zip installed in a fresh WordPress %s on PHP %s\n' "$version" "$php_label"
		if QI_SITE_PREFIX="$name-" QI_PHP="$php" QI_WP_VERSION="$version" QI_ZIP_PORT="$zip_port" \
			node bin/zip-install-test.mjs; then
			ok=$((ok + 1))
		fi
		printf '\n=== PHPUnit against real WordPress %s on PHP %s\n' "$version" "$php_label"
		if QI_SITE_PREFIX="$name-" QI_PHP="$php" QI_WP_VERSIONS="$version" node bin/phpunit.mjs; then
			ok=$((ok + 1))
			printf '\n=== Playwright + Chromium against real WordPress %s on PHP %s\n' "$version" "$php_label"
			if QI_SITE_PREFIX="$name-" QI_PHP="$php" QI_WP_VERSION="$version" QI_E2E_PORT="$port" \
				npx playwright test -c tests/e2e/playwright.config.ts; then
				ok=$((ok + 1))
			fi
		fi
	} >"artifacts/lane-$name.log" 2>&1
	echo "$ok" >"artifacts/lane-$name.result"
}

lane current 7.1 "" 8889 8893 &
current=$!
lane oldest 6.5 bin/php74.sh 8891 8894 &
oldest=$!
wait "$current" "$oldest"

failed=0
for name in current oldest; do
	cat "artifacts/lane-$name.log"
	done_steps=$(cat "artifacts/lane-$name.result")
	passed=$((passed + done_steps))
	failed=$((failed + 3 - done_steps))
done

printf '\nsteps: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
