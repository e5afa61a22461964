#!/usr/bin/env bash
# Scores `solieu check` on the dev gold relations (../shared/data/gold-dev-relations) with
# ../shared/tools/score-relations. Usage: Benchmarks/evaluate-relations.sh [--details] [--json]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
build=${BUILD:-debug}
swift build -c "$build" --product solieu >/dev/null
bin=$(swift build -c "$build" --show-bin-path)/solieu
files=()
for g in "$shared"/data/gold-dev-relations/*.txt.json; do
  name=$(basename "$g" .json)
  for d in news seed; do
    if [ -f "$shared/data/$d/$name" ]; then files+=("$shared/data/$d/$name"); break; fi
  done
done
out=${OUT:-$(mktemp)}
"$bin" check --format jsonl "${files[@]}" > "$out"
python3 "$shared/tools/score-relations" "$@" "$shared/data/gold-dev-relations" "$out"
