#!/usr/bin/env bash
# Figure extraction accuracy: the articles of ../shared/data/gold-dev (read from ../shared/data/news)
# and the seed article, scored with ../shared/tools/score-figures; then the corpus/ articles
# against their hand-annotated *.figures.json.
#   Benchmarks/evaluate-figures.sh [--details]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
[ -d "$shared/data/gold-dev" ] || { echo "evaluate-figures: $shared/data/gold-dev not found" >&2; exit 2; }
swift build -c release --product solieu >&2
bin=$(swift build -c release --show-bin-path)/solieu
out=${TMPDIR:-/tmp}/solieu-figures
mkdir -p "$out/corpus-gold"
files=()
for g in "$shared"/data/gold-dev/*.json; do files+=("$shared/data/news/$(basename "$g" .json)"); done
"$bin" extract "${files[@]}" > "$out/dev.jsonl"
"$bin" extract "$shared"/data/seed/*.txt > "$out/seed.jsonl"
echo "== gold-dev (${#files[@]} articles)"
python3 "$shared/tools/score-figures" "$shared/data/gold-dev" "$out/dev.jsonl" "$@"
echo "== seed"
python3 "$shared/tools/score-figures" "$shared/data/gold-seed" "$out/seed.jsonl" "$@"
cp corpus/*.figures.json "$out/corpus-gold/"
for f in "$out"/corpus-gold/*.figures.json; do mv "$f" "${f%.figures.json}.txt.json"; done
"$bin" extract corpus > "$out/corpus.jsonl"
echo "== corpus/ ($(ls corpus/*.figures.json | wc -l) articles)"
python3 "$shared/tools/score-figures" "$out/corpus-gold" "$out/corpus.jsonl" "$@"
