#!/bin/sh
# Throughput of `reportctl extract` over the whole corpus, beside one
# `grep -oP` pass over the same bytes in the same run, so the figures are
# comparable on any machine; and what --validate (the output read back
# against the schema) costs on top. A benchmark, not a test: it prints, it does
# not judge.
#   bench/extract.sh [BUILD_DIR] [CORPUS_DIR]
set -eu
build=${1:-build}
corpus=${2:-../shared/corpus}
bin=$build/cmd/reportctl
[ -x "$bin" ] || { echo "no $bin: build first" >&2; exit 2; }
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=$(ls "$corpus"/*.txt)
bytes=$(cat $files | wc -c)

now() { date +%s.%N; }
rate() { echo "$bytes $1 $2" | awk '{ t = $3 - $2; printf "%8.2f s %9.2f MB/s", t, $1 / t / 1e6 }'; }

# Warm the page cache so that every run reads from memory.
cat $files >/dev/null

t0=$(now)
# Counted through a pipe: GNU grep stops at the first match when its
# output is /dev/null, which would time nothing.
for f in $files; do grep -oP '\d+(\.\d+)?(万|亿)?元' "$f" | wc -l >/dev/null; done
t1=$(now)
for f in $files; do "$bin" extract -q "$f" >"$tmp/out.xml"; done
t2=$(now)
"$bin" extract -q $files >"$tmp/all.xml"
t3=$(now)
"$bin" extract -q --validate $files >"$tmp/valid.xml"
t4=$(now)

printf 'corpus: %s files, %s bytes\n' "$(echo "$files" | wc -l)" "$bytes"
printf 'grep -oP, one process per file:      %s\n' "$(rate "$t0" "$t1")"
printf 'extract, one process per file:       %s\n' "$(rate "$t1" "$t2")"
printf 'extract, all files in one process:   %s\n' "$(rate "$t2" "$t3")"
printf 'the same with --validate:            %s\n' "$(rate "$t3" "$t4")"
echo "$t0 $t1 $t3 $t2" | awk '{ printf "extract (one process) / grep time:   %.2fx\n", ($3 - $4) / ($2 - $1) }'
