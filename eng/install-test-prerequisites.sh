#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: the real WebSocket peers they talk to, and the csharp-ls language
# server the package tests drive.
# Idempotent: each step checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK 10 is required (dotnet on PATH)." >&2
  exit 1
fi

apt_updated=false
apt_install() {
  if ! $apt_updated; then
    apt-get update -qq
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Node.js and npm run the ws peers.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi

# Node ws, at the exact version in the lockfile.
node_peers=tests/peers/node
if [ ! -f "$node_peers/node_modules/ws/package.json" ] \
   || [ "$(node -p "require('./$node_peers/node_modules/ws/package.json').version")" != "8.12.0" ]; then
  (cd "$node_peers" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Netty (with the JDK to compile its peer), Python websockets, and Go with gorilla/websocket, from Debian.
command -v javac >/dev/null 2>&1 || apt_install default-jdk-headless
missing=()
for package in libnetty-java python3-websockets golang-go golang-github-gorilla-websocket-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi

# csharp-ls, at the version of the repository's tool manifest (.config/dotnet-tools.json), from NuGet.
dotnet tool restore >/dev/null

# The analyzer tests compile their sources against reference assemblies downloaded from NuGet into one shared
# folder. A set resolved into an empty folder can miss a package it fetches in the same run, so the first download
# happens here, in a process of its own; the check that every set is complete then runs with the tests.
if [ ! -d "${TMPDIR:-/tmp}/test-packages" ]; then
  dotnet test tests/WsLimits.Analyzers.Tests -c Release --nologo --filter "FullyQualifiedName~ReferenceAssemblyTests" >/dev/null 2>&1 || true
fi
