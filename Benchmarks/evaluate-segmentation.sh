#!/usr/bin/env bash
# Word segmentation accuracy on the UD Vietnamese-VTB dev and test sets (../shared/data/ud-vtb),
# built-in lexicon only, scored with ../shared/tools/score-wseg.
#   Benchmarks/evaluate-segmentation.sh [dev|test ...]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
[ -d "$shared/data/ud-vtb" ] || { echo "evaluate-segmentation: $shared/data/ud-vtb not found" >&2; exit 2; }
swift build -c release --product solieu >&2
bin=$(swift build -c release --show-bin-path)/solieu
out=${TMPDIR:-/tmp}/solieu-wseg
mkdir -p "$out"
for split in "${@:-dev test}"; do
  for s in $split; do
    "$bin" segment "$shared/data/ud-vtb/plain/vtb_$s.txt" > "$out/vtb_$s.seg"
    echo "== VTB $s"
    python3 "$shared/tools/score-wseg" "$shared/data/ud-vtb/vi_vtb-ud-$s.conllu" "$out/vtb_$s.seg"
  done
done
