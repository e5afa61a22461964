#!/usr/bin/env bash
# End to end, release build (statically linked Swift runtime), as users run it: `solieu ingest` of >= 20,000 articles, then
# `solieu query` of six shapes, each a separate process (start-up included).
# The 280 articles of ../shared/data/news are written, copy after copy under distinct ids
# (`baomoi_21469330.txt#7`), as JSON Lines into a temporary directory ($TMPDIR or /tmp, never
# the repository) until there are --articles of them (default 24,080: over 1,000,000 figures).
#   Benchmarks/ingest-and-query.sh [--articles 24080] [--queries 200] [--jobs N]
# Prints articles/s, figures, the database size against the text size, then p50 and p95 (ms)
# of each query shape over --queries runs. Bars: >= 300 articles/s on 2 cores, database
# <= 3x the text, p95 <= 20 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
articles=24080
queries=200
jobs=()
while [ $# -gt 0 ]; do
  case $1 in
    --articles) articles=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --jobs) jobs=(--jobs "$2"); shift 2 ;;
    *) echo "ingest-and-query: unknown option $1" >&2; exit 2 ;;
  esac
done
news="$shared/data/news"
[ -d "$news" ] || { echo "ingest-and-query: $news not found" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "ingest-and-query: /usr/bin/time not found (apt-get install time)" >&2; exit 2; }
# built as a command-line tool is shipped on Linux: the Swift runtime and Foundation linked in
# (`--static-swift-stdlib`), which takes some 6 ms of dynamic loading off every query process
swift build -c release --product solieu --static-swift-stdlib --scratch-path .build-static >&2
bin=$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/solieu

dir=$(mktemp -d "${TMPDIR:-/tmp}/solieu-ingest-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
python3 - "$news" "$articles" "$dir/articles.jsonl" <<'PY'
import json, os, sys
news, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
files = sorted(f for f in os.listdir(news) if f.endswith(".txt"))
texts = [(f, open(os.path.join(news, f), encoding="utf-8").read()) for f in files]
with open(out, "w", encoding="utf-8") as w:
    for k in range(count):
        name, text = texts[k % len(texts)]
        w.write(json.dumps({"id": f"{name}#{k // len(texts)}", "text": text}, ensure_ascii=False) + "\n")
PY
textbytes=$(python3 -c "
import json,sys
print(sum(len(json.loads(l)['text'].encode()) for l in open('$dir/articles.jsonl', encoding='utf-8')))")
db="$dir/bench.sqlite"
echo "input: $articles articles, $textbytes bytes of text ($dir/articles.jsonl)"

/usr/bin/time -v "$bin" ingest --db "$db" --no-progress ${jobs[@]+"${jobs[@]}"} "$dir/articles.jsonl" 2> "$dir/ingest.log" >/dev/null || {
  echo "ingest-and-query: solieu ingest failed:" >&2; grep -v '^\s' "$dir/ingest.log" | head >&2; exit 1; }
grep '^solieu:' "$dir/ingest.log"
awk -v n="$articles" '
  /Elapsed \(wall clock\)/ { k = split($NF, t, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + t[i] }
  /Maximum resident set size/ { rss = $NF / 1024 }
  END { printf "ingest: %d articles in %.1f s = %.0f articles/s, peak RSS %.0f MB\n", n, s, n / s, rss }' "$dir/ingest.log"
dbbytes=$(( $(stat -c %s "$db") + $( [ -f "$db-wal" ] && stat -c %s "$db-wal" || echo 0) ))
awk -v d="$dbbytes" -v t="$textbytes" 'BEGIN { printf "database: %.1f MB for %.1f MB of text = %.2fx\n", d / 1e6, t / 1e6, d / t }'
"$bin" query --db "$db" --format jsonl --limit 1 >/dev/null
count=$(sqlite3 "$db" 'SELECT COUNT(*) FROM figure' 2>/dev/null || echo "?")
echo "figures in the database: $count"

# six shapes, each run $queries times as a separate process; times in ms
shape() {
  local label=$1; shift
  python3 - "$queries" "$label" "$bin" "$@" <<'PY'
import subprocess, sys, time
runs, label, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    times.append((time.perf_counter() - t) * 1000)
    if r.returncode != 0:
        sys.exit(f"{label}: exit {r.returncode}: {r.stderr.decode()[:300]}")
times.sort()
rows = r.stdout.count(b"\n")
print(f"{label:<16} p50 {times[len(times) // 2]:6.1f} ms  p95 {times[int(len(times) * 0.95) - 1]:6.1f} ms  ({rows} rows)")
PY
}
shape "folded text" query --db "$db" --format jsonl --limit 20 "dang vien"
shape "unit + year" query --db "$db" --format jsonl --limit 20 --unit "đồng" --year 2017
shape "value range" query --db "$db" --format jsonl --limit 20 --min 1000 --max 1200
shape "article" query --db "$db" --format jsonl --article "baomoi_21469330.txt#3"
shape "text + unit" query --db "$db" --format jsonl --limit 20 --unit "%" "tang truong"
shape "place" query --db "$db" --format jsonl --limit 20 --place "Hà Nội"
