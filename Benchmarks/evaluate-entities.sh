#!/usr/bin/env bash
# Scores the entity rules on ../shared/data/gold-dev-entities (and the seed) with
# ../shared/tools/score-entities. Extra arguments (--details) go to the scorer.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift build -c release --product EntitiesBenchmark >&2
files=()
for g in "$shared"/data/gold-dev-entities/*.json; do
    files+=("$shared/data/news/$(basename "$g" .json)")
done
.build/release/EntitiesBenchmark --dump "${files[@]}" > "$out/dev.jsonl"
python3 "$shared/tools/score-entities" "$shared/data/gold-dev-entities" "$out/dev.jsonl" "$@"
.build/release/EntitiesBenchmark --dump "$shared"/data/seed/*.txt > "$out/seed.jsonl"
echo "--- seed"
python3 "$shared/tools/score-entities" "$shared/data/gold-seed-entities" "$out/seed.jsonl" "$@"
