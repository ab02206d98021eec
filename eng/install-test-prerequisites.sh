#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK. Idempotent: each step checks before it installs.
set -euo pipefail

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK 10 is required (dotnet on PATH)." >&2
  exit 1
fi
