#!/usr/bin/env bash
# Installs what building, running and testing Cuecard needs, skipping whatever is present.
# Usage: scripts/setup.sh [core|app|e2e]   (each level includes the ones before it)
set -euo pipefail
level="${1:-e2e}"
cd "$(dirname "$0")/.."

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

need_apt=()
want() {
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
  done
}

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo is missing; install Rust from your distribution or with rustup first" >&2
  exit 1
fi

case "$level" in
  core) ;;
  app|e2e)
    want libwebkit2gtk-4.1-dev build-essential pkg-config curl file libxdo-dev libssl-dev \
      libayatana-appindicator3-dev librsvg2-dev
    ;;
  *) echo "setup: unknown level $level (core, app or e2e)" >&2; exit 2 ;;
esac
if [ "$level" = e2e ]; then
  want xvfb xauth webkit2gtk-driver x11-utils fonts-dejavu-core
fi
if ! command -v node >/dev/null 2>&1 && [ "$level" != core ]; then
  want nodejs npm
fi

if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ "$level" != core ]; then
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    echo "setup: installing the front end's npm packages"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

if [ "$level" = e2e ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --version "^2" --locked -j2 --quiet
fi
