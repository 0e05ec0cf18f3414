#!/usr/bin/env bash
# Regenerates every reference fixture in tests/fixtures/ from R (survival, stats).
# Usage (from the repo root): bash tests/oracle/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
for script in tests/oracle/*.R; do
  echo "oracle: $script"
  Rscript --vanilla "$script"
done
