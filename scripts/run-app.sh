#!/usr/bin/env bash
# Starts the built CivicDesk window with Chinese fonts selected when the locale is C.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/zh-locale.sh"
exec "$root/.build/debug/civicdesk" "$@"
