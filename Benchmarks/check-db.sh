#!/usr/bin/env bash
# End to end, release build: `solieu check --db` over a database of >= 20,000 ingested articles.
# The 280 articles of ../shared/data/news are written, copy after copy under distinct ids
# (`baomoi_21469330.txt#7`), as JSON Lines into a temporary directory ($TMPDIR or /tmp, never the
# repository) until there are --articles of them, as Benchmarks/ingest-and-query.sh does; they are
# ingested (which runs the in-article checks and stores their findings), then timed:
#   1. `check --db`        the articles never checked (none: ingest checked them) and the
#                          conflicts across all stored articles, every stored finding printed;
#   2. `check --db --all`  every article checked again, then the conflicts, everything printed.
#   Benchmarks/check-db.sh [--articles 20000] [--jobs N] [--format jsonl|text|json]
# Prints wall time, articles/s, peak RSS and CPU time of each (from /usr/bin/time -v), what the
# findings take in the database, and how many there are. Bar: 20,000 articles in < 60 s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
articles=20000
format=jsonl
jobs=()
while [ $# -gt 0 ]; do
  case $1 in
    --articles) articles=$2; shift 2 ;;
    --jobs) jobs=(--jobs "$2"); shift 2 ;;
    --format) format=$2; shift 2 ;;
    *) echo "check-db: unknown option $1" >&2; exit 2 ;;
  esac
done
news="$shared/data/news"
[ -d "$news" ] || { echo "check-db: $news not found" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "check-db: /usr/bin/time not found (apt-get install time)" >&2; exit 2; }
swift build -c release --product solieu >&2
bin=$(swift build -c release --show-bin-path)/solieu

dir=$(mktemp -d "${TMPDIR:-/tmp}/solieu-check-bench.XXXXXX")
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
db="$dir/bench.sqlite"
echo "input: $articles articles ($dir/articles.jsonl)"

# wall time, rate and peak RSS of a /usr/bin/time -v log
report() {
  awk -v label="$1" -v n="$articles" '
    /Elapsed \(wall clock\)/ { k = split($NF, t, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { rss = $NF / 1024 }
    /User time \(seconds\)|System time \(seconds\)/ { cpu += $NF }
    END { printf "%-18s %6.1f s wall  %7.0f articles/s  peak RSS %4.0f MB  (%.1f s CPU)\n", label, s, n / s, rss, cpu }' "$2"
}

/usr/bin/time -v "$bin" ingest --db "$db" --no-progress ${jobs[@]+"${jobs[@]}"} "$dir/articles.jsonl" 2> "$dir/ingest.log" >/dev/null || {
  echo "check-db: solieu ingest failed:" >&2; grep -v '^\s' "$dir/ingest.log" | head >&2; exit 1; }
grep '^solieu:' "$dir/ingest.log"
report "ingest (checks)" "$dir/ingest.log"

for run in "check --db" "check --db --all"; do
  extra=()
  [ "$run" = "check --db --all" ] && extra=(--all)
  /usr/bin/time -v "$bin" check --db "$db" ${extra[@]+"${extra[@]}"} --format "$format" ${jobs[@]+"${jobs[@]}"} \
    2> "$dir/check.log" > "$dir/check.out" || { echo "check-db: solieu $run failed:" >&2; grep -v '^\s' "$dir/check.log" | head >&2; exit 1; }
  grep '^solieu:' "$dir/check.log"
  report "$run" "$dir/check.log"
  echo "  output: $(wc -l < "$dir/check.out") lines, $(wc -c < "$dir/check.out") bytes ($format)"
done

"$bin" check --db "$db" --format jsonl >/dev/null 2>&1   # the database as check leaves it
size=$(( $(stat -c %s "$db") + $( [ -f "$db-wal" ] && stat -c %s "$db-wal" || echo 0) ))
if command -v sqlite3 >/dev/null; then
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  size=$(stat -c %s "$db")
  findings=$(sqlite3 "$db" "SELECT sum(pgsize) FROM dbstat WHERE name IN ('finding', 'finding_on_article', 'findingFigure', 'findingFigure_on_article', 'articleChecked')" 2>/dev/null || echo "")
  sqlite3 "$db" "SELECT 'findings: ' || count(*) || ' (' || sum(severity = 'error') || ' errors, ' || sum(severity = 'warning') || ' warnings, ' || sum(kind = 'conflict') || ' conflicts), ' || (SELECT count(*) FROM findingFigure) || ' finding figures' FROM finding"
  if [ -n "$findings" ]; then
    awk -v f="$findings" -v d="$size" 'BEGIN { printf "database: %.1f MB, of which findings %.2f MB (%.1f%%)\n", d / 1e6, f / 1e6, 100 * f / d }'
  fi
else
  awk -v d="$size" 'BEGIN { printf "database: %.1f MB\n", d / 1e6 }'
fi
