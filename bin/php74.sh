#!/usr/bin/env bash
# PHP 7.4, the oldest PHP the plugin claims to support, for the tests.
# Debian 12 ships only PHP 8.2, so this takes Debian 11's PHP 7.4 packages
# from the same Debian mirror apt already uses here, and unpacks them under
# .wp/php74 (nothing is installed system-wide). Usage: bin/php74.sh [php args]
set -euo pipefail
base="$(cd "$(dirname "$0")/.." && pwd)/.wp/php74"
root="$base/root"

if [ ! -x "$root/usr/bin/php7.4" ]; then
	mkdir -p "$base/apt/lists/partial" "$base/debs" "$base/ini"
	# The mirror(s) this machine's apt is set up with; Debian 11 is "bullseye".
	{
		{ grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources || true; } | awk '{ print $2 }'
		{ grep -hs '^deb ' /etc/apt/sources.list || true; } | awk '{ print $2 }'
	} | sort -u | while read -r uri; do
		case "$uri" in
		*-security*) echo "deb $uri bullseye-security main" ;;
		*) echo "deb $uri bullseye main" ;;
		esac
	done >"$base/apt/sources.list"
	apt_options=(
		-o Dir::Etc::SourceList="$base/apt/sources.list"
		-o Dir::Etc::SourceParts=/dev/null
		-o Dir::State::Lists="$base/apt/lists"
		-o APT::Sandbox::User=root
	)
	apt-get "${apt_options[@]}" update -qq >&2
	(cd "$base/debs" && apt-get "${apt_options[@]}" download -qq \
		php7.4-cli php7.4-common php7.4-json php7.4-mysql php7.4-mbstring php7.4-xml libssl1.1 >&2)
	for deb in "$base"/debs/*.deb; do
		dpkg -x "$deb" "$root"
	done
	{
		echo "extension_dir=$root/usr/lib/php/20190902"
		for extension in ctype tokenizer json mysqlnd mysqli mbstring dom xml simplexml xmlreader xmlwriter iconv fileinfo posix phar; do
			echo "extension=$extension"
		done
		echo "memory_limit=512M"
	} >"$base/ini/php.ini"
fi

# PHPRC and LD_LIBRARY_PATH are inherited, so PHPUnit's child processes get the same PHP.
export LD_LIBRARY_PATH="$root/usr/lib/x86_64-linux-gnu" PHPRC="$base/ini" PHP_INI_SCAN_DIR=
exec "$root/usr/bin/php7.4" "$@"
