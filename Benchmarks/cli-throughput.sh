#!/usr/bin/env bash
# End-to-end throughput and peak memory of `solieu extract DIR > /dev/null` (release build).
# The articles of ../shared/data/news are copied, round after round, as separate files into a
# temporary directory ($TMPDIR or /tmp, never the repository) until it holds at least --mb MB
# (default 20); one run of the CLI under /usr/bin/time -v then gives the wall time and peak RSS.
#   Benchmarks/cli-throughput.sh [--mb 20] [--runs 3] [extract options, e.g. --jobs 1 --format csv]
# Prints MB, seconds, MB/s and peak RSS MB per run (and the best run). Target on the 2-core
# machine: >= 15 MB/s and < 200 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
mb=20
runs=3
extra=()
while [ $# -gt 0 ]; do
  case $1 in
    --mb) mb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) extra+=("$1"); shift ;;
  esac
done
news="$shared/data/news"
[ -d "$news" ] || { echo "cli-throughput: $news not found" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "cli-throughput: /usr/bin/time not found (apt-get install time)" >&2; exit 2; }
swift build -c release --product solieu >&2
bin=$(swift build -c release --show-bin-path)/solieu

dir=$(mktemp -d "${TMPDIR:-/tmp}/solieu-cli-throughput.XXXXXX")
log=$(mktemp "${TMPDIR:-/tmp}/solieu-cli-time.XXXXXX")
trap 'rm -rf "$dir" "$log"' EXIT
per=$(cat "$news"/*.txt | wc -c)
rounds=$(( (mb * 1000000 + per - 1) / per ))
for ((r = 0; r < rounds; r++)); do
  for f in "$news"/*.txt; do cp "$f" "$dir/r$r-$(basename "$f")"; done
done
bytes=$(cat "$dir"/*.txt | wc -c)   # also warms the page cache
files=$(ls "$dir" | wc -l)
echo "input: $files files, $bytes bytes ($rounds copies of $news) in $dir; extract ${extra[*]:-}"

best=""
for ((k = 1; k <= runs; k++)); do
  status=0
  /usr/bin/time -v "$bin" extract "$dir" ${extra[@]+"${extra[@]}"} > /dev/null 2> "$log" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "cli-throughput: solieu extract exited with $status:" >&2
    grep -v '^\s' "$log" | head -20 >&2
    exit 1
  fi
  line=$(awk -v bytes="$bytes" '
    /Elapsed \(wall clock\)/ {
      n = split($NF, t, ":"); s = 0
      for (i = 1; i <= n; i++) s = s * 60 + t[i]
    }
    /Maximum resident set size/ { rss = $NF / 1024 }
    END { printf "%.1f MB  %.2f s  %.1f MB/s  peak RSS %.0f MB", bytes / 1e6, s, bytes / 1e6 / s, rss }' "$log")
  echo "run $k: $line"
  speed=$(echo "$line" | awk '{print $5}')
  if [ -z "$best" ] || awk -v a="$speed" -v b="$best" 'BEGIN { exit !(a > b) }'; then best=$speed; bestline=$line; fi
done
echo "best: $bestline"
