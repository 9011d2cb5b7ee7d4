#!/usr/bin/env sh
# Make sure Debian's chromium is present for the browser tests; install it when running as root.
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null 2>&1 && exit 0
fi
echo "The browser tests need Debian's 'chromium' on PATH (apt-get install chromium). Not found." >&2
exit 1
