#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, when missing:
# - Debian's chromium, for the browser end-to-end test (never a browser download);
# - the chat page's SignalR browser client from npm (the sample's package-lock.json).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser test..."
  if [ "$(id -u)" -eq 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  fi
fi

sample="$root/src/WebJobs.Extensions.SignalRInfo.Sample"
if [ ! -f "$sample/node_modules/@microsoft/signalr/dist/browser/signalr.min.js" ]; then
  echo "Installing the SignalR browser client from npm..."
  (cd "$sample" && npm ci --no-audit --no-fund --loglevel=error)
fi
