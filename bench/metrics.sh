#!/bin/sh
# Throughput of `reportctl metrics` over the whole corpus on one core,
# beside one `grep -oP` pass of an indicator-like pattern over the same
# bytes in the same run: once with the corpus, ROUNDS times over, as one
# document, and once with its files as the documents they are (-j 1, a
# list of names, all in one process); each the fastest of BENCH_REPEAT
# runs (3). A benchmark, not a test: it prints, it does not judge.
#   bench/metrics.sh [BUILD_DIR] [CORPUS_DIR] [ROUNDS]
set -eu
build=${1:-build}
corpus=${2:-../shared/corpus}
rounds=${3:-5}
bin=$build/cmd/reportctl
[ -x "$bin" ] || { echo "no $bin: build first" >&2; exit 2; }
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# One UTF-8 input of the corpus repeated: process start-up is not measured.
for r in $(seq "$rounds"); do
	for f in "$corpus"/*.txt; do
		case $f in *.gbk.txt) continue ;; esac
		echo "$f"
	done
done >"$tmp/list"
xargs cat <"$tmp/list" >"$tmp/in.txt"
bytes=$(wc -c <"$tmp/in.txt")
cat "$tmp/in.txt" >/dev/null

now() { date +%s.%N; }
# best CMD...: the fastest of $repeat runs, in seconds: a shared machine
# slows a run now and then, never speeds one up.
repeat=${BENCH_REPEAT:-3}
best() {
	b=
	for k in $(seq "$repeat"); do
		t0=$(now)
		"$@"
		t1=$(now)
		b=$(echo "$t0 $t1 ${b:-}" | awk '{ t = $2 - $1; print ($3 == "" || t < $3) ? t : $3 }')
	done
	echo "$b"
}
# Counted through a pipe: GNU grep stops at the first match when its
# output is /dev/null, which would time nothing.
grep_pass() { grep -oP '\d+(\.\d+)?(万|亿)?(元|家|个|项|人|%)' "$tmp/in.txt" | wc -l >"$tmp/grep.count"; }
one_document() {
	taskset -c 0 "$bin" metrics "$tmp/in.txt" >"$tmp/out.tsv" 2>/dev/null ||
		"$bin" metrics "$tmp/in.txt" >"$tmp/out.tsv"
}
the_files() {
	taskset -c 0 "$bin" metrics -j 1 --no-progress --files-from "$tmp/list" >"$tmp/files.tsv" 2>/dev/null ||
		"$bin" metrics -j 1 --no-progress --files-from "$tmp/list" >"$tmp/files.tsv"
}
g=$(best grep_pass)
m=$(best one_document)
f=$(best the_files)
rows=$(($(wc -l <"$tmp/out.tsv") - 1))

echo "$bytes $g $m $f $rows" | awk '{
	g = $2; m = $3; f = $4
	printf "input: %d bytes (corpus x '"$rounds"'), %d indicators, fastest of '"$repeat"' runs each\n", $1, $5
	printf "grep -oP:                  %7.3f s %8.2f MB/s\n", g, $1 / g / 1e6
	printf "metrics, one document:     %7.3f s %8.2f MB/s (one core)\n", m, $1 / m / 1e6
	printf "metrics, the files (-j 1): %7.3f s %8.2f MB/s (one core)\n", f, $1 / f / 1e6
	printf "metrics / grep time:       %7.2fx (one document)\n", m / g
}'
