#!/bin/sh
# Archive-scale benchmark of `reportctl extract` and `reportctl metrics`.
#   sh bench/run.sh [BUILD_DIR] [SIZE_MB]        (defaults: build, 100)
#   BENCH_REPEAT=N: each run N times, the fastest kept (default 3)
#
# What it measures, all in one run so that the figures compare on any
# machine:
#   1. An input of at least SIZE_MB, built in a temporary directory from
#      the UTF-8 files of ../shared/corpus (the .gbk.txt duplicates left
#      out): the corpus copied C times under distinct names (C a multiple
#      of 10), and the same bytes concatenated into one file. Over it:
#      `cat`, one `grep -oP` pass of an indicator pattern, and extract and
#      metrics over the many files with -j 1 and -j 2 and over the one
#      file. Each row gives the wall time, MB/s (10^6 bytes), the time as
#      a multiple of the grep pass, and from /usr/bin/time -v (n/a when it
#      is not installed) the CPU seconds (user + system), the CPU share
#      and the peak RSS.
#   2. A 10x size step: the corpus x C/10 against the corpus x C (the
#      same files in the same order), as one document and as files -j 1;
#      linear growth gives a time ratio of 10 (the ratio of CPU seconds
#      beside it is less skewed by a busy machine).
#   3. Pathological inputs, one document each: a 10 MB single line (the
#      corpus with its line ends removed), 100 000 headings (1000 `N.`
#      headings with 99 `（k）` headings each), a 1 MB run of digits. Each
#      is timed beside normal text of the same size (whole corpus files),
#      and compared in seconds per MB.
#   4. The targets, each with PASS or FAIL and the measured figure:
#      extract >= 100 MB/s and metrics >= 150 MB/s on one core (-j 1);
#      extract within 5x of the grep pass; -j 2 >= 1.8x of -j 1; the 10x
#      input in <= 11x the time; pathological inputs within 2x the per-MB
#      time of normal text; and, from the peak RSS of time -v, every run
#      within 10x its document plus 32 MiB (the -j 1 file runs against
#      the largest corpus file).
#
# How to read it: the absolute MB/s depend on the machine and the build
# type (printed at the top; a release build gives the representative
# figures); the "x grep" column and the ratios do not depend on the
# machine much. The -j 2 speedup needs two idle cores: the load average
# and core count are printed at the top and at the end, and a CPU share
# well below 100% (-j 1) or 200% (-j 2) means other work took the cores.
# A shared machine's speed drifts by a third from minute to minute, so
# every run is repeated (BENCH_REPEAT, 3 by default) and the fastest kept,
# and the two sides of each ratio (-j 1 and -j 2, the small and the large
# input, normal and pathological text) take turns: with one run each, or
# one side timed after the other, a ratio compares two different machines.
# For a change to the library, bench/ab.sh is the finer measure.
# It is a benchmark, not a test: it exits 0 whatever the figures, and 2
# only when it cannot run (no reportctl binary, no corpus, no usable
# clock). On one document the whole model is in memory: peak RSS is
# about 3.5 times the document for extract and metrics alike (a 68 MB
# document: 236 MB), so mind SIZE_MB.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
size_mb=${2:-100}
repeat=${BENCH_REPEAT:-3}
corpus=$root/../shared/corpus
bin=$build/cmd/reportctl
pattern='\d+(\.\d+)?(万|亿)?(元|家|个|项|人|%)'

[ -x "$bin" ] || { echo "no $bin: build first (ninja -C $build)" >&2; exit 2; }
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
case $size_mb in '' | *[!0-9]* | 0) echo "SIZE_MB must be a positive integer, not '$size_mb'" >&2; exit 2 ;; esac
case $repeat in '' | *[!0-9]* | 0) echo "BENCH_REPEAT must be a positive integer, not '$repeat'" >&2; exit 2 ;; esac

# The clock: date +%N where it has it, else the elapsed time of time -v.
gnutime=
[ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1 && gnutime=/usr/bin/time
case $(date +%N) in
*[!0-9]*) subsec=false ;;
*) subsec=true ;;
esac
if ! $subsec && [ -z "$gnutime" ]; then
	echo "no sub-second clock: neither date +%N nor /usr/bin/time -v" >&2
	exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# The UTF-8 corpus files, in name order.
for f in "$corpus"/*.txt; do
	case $f in *.gbk.txt) continue ;; esac
	echo "$f"
done >"$tmp/corpus.list"
[ -s "$tmp/corpus.list" ] || { echo "no .txt files in $corpus" >&2; exit 2; }
corpus_files=$(wc -l <"$tmp/corpus.list")
corpus_bytes=$(xargs cat <"$tmp/corpus.list" | wc -c)
largest_file=$(xargs wc -c <"$tmp/corpus.list" | grep -v ' total$' | sort -n | tail -n 1 | awk '{ print $1 }')

# --------------------------------------------------------------- helpers

mb() { echo "$1" | awk '{ printf "%.1f", $1 / 1e6 }'; }

# timed_once OUT CMD...: runs CMD with its output on OUT and its errors
# in $tmp/err; sets secs, cpus (user + system seconds), cpu (the share,
# e.g. 99%), rss (kB) and rc.
timed_once() {
	out=$1
	shift
	rc=0
	t0=$($subsec && date +%s.%N || echo 0)
	if [ -n "$gnutime" ]; then
		"$gnutime" -v -o "$tmp/rusage" "$@" >"$out" 2>"$tmp/err" || rc=$?
	else
		"$@" >"$out" 2>"$tmp/err" || rc=$?
	fi
	t1=$($subsec && date +%s.%N || echo 0)
	cpus=n/a cpu=n/a rss=n/a
	if [ -n "$gnutime" ]; then
		cpus=$(sed -n -e 's/^[[:space:]]*User time (seconds): //p' \
			-e 's/^[[:space:]]*System time (seconds): //p' "$tmp/rusage" |
			awk '{ s += $1 } END { printf "%.2f", s }')
		cpu=$(sed -n 's/^[[:space:]]*Percent of CPU this job got: //p' "$tmp/rusage")
		rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tmp/rusage")
	fi
	if $subsec; then
		secs=$(echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }')
	else # h:mm:ss.ss or m:ss.ss
		secs=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/rusage" |
			awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f", s }')
	fi
	if [ "$rc" -ne 0 ]; then
		echo "  ($* exited $rc: $(head -n 1 "$tmp/err"))"
	fi
}

# faster SECS BEST: did the run take less than the best so far (or is
# there none yet)?
faster() {
	[ -z "$2" ] || [ "$(echo "$1 $2" | awk '{ print ($1 < $2) }')" = 1 ]
}

# timed OUT CMD...: timed_once, $repeat times, keeping the figures of the
# fastest run: a shared machine slows a run now and then, never speeds
# one up.
timed() {
	best_secs= best_cpus= best_cpu= best_rss=
	k=0
	while [ "$k" -lt "$repeat" ]; do
		timed_once "$@"
		if faster "$secs" "$best_secs"; then
			best_secs=$secs best_cpus=$cpus best_cpu=$cpu best_rss=$rss
		fi
		k=$((k + 1))
	done
	secs=$best_secs cpus=$best_cpus cpu=$best_cpu rss=$best_rss
}

# with_value VALUE CMD...: timed_once /dev/null CMD, each word @ of it
# replaced by VALUE.
with_value() {
	v=$1
	shift
	n=$#
	for arg do
		[ "$arg" = @ ] && arg=$v
		set -- "$@" "$arg"
	done
	shift "$n"
	timed_once /dev/null "$@"
}

# timed_pair A B CMD...: CMD with @ as A and CMD with @ as B, taking turns
# $repeat times, the fastest run of each kept: a_secs, a_cpus, a_cpu,
# a_rss and the same for b. A ratio of two commands timed one after the
# other compares two machines when the speed drifts; taking turns lets
# the drift fall on both alike (as bench/ab.sh does for the library).
timed_pair() {
	pa=$1 pb=$2
	shift 2
	a_secs= b_secs=
	j=0
	while [ "$j" -lt "$repeat" ]; do
		with_value "$pa" "$@"
		if faster "$secs" "$a_secs"; then
			a_secs=$secs a_cpus=$cpus a_cpu=$cpu a_rss=$rss
		fi
		with_value "$pb" "$@"
		if faster "$secs" "$b_secs"; then
			b_secs=$secs b_cpus=$cpus b_cpu=$cpu b_rss=$rss
		fi
		j=$((j + 1))
	done
}
use_a() { secs=$a_secs cpus=$a_cpus cpu=$a_cpu rss=$a_rss; }
use_b() { secs=$b_secs cpus=$b_cpus cpu=$b_cpu rss=$b_rss; }

# row LABEL BYTES: one line of the main table from the last timed run.
row() {
	echo "$1|$2|$secs|${grep_secs:-0}|$cpus|$cpu|$rss" | awk -F'|' '{
		x = $4 > 0 ? sprintf("%.2fx", $3 / $4) : "-"
		r = $7 == "n/a" ? "n/a" : sprintf("%.0f MB", $7 / 1024)
		v = $3 > 0 ? $2 / $3 / 1e6 : 0
		printf "%-34s %6.1f %8.3f %8.1f %7s %7s %5s %9s\n", $1, $2 / 1e6, $3, v, x, $5, $6, r
	}'
}

# target DESCRIPTION MEASURED OP LIMIT UNIT: PASS or FAIL.
target() {
	echo "$2 $4" | awk -v d="$1" -v op="$3" -v u="$5" '{
		ok = op == ">=" ? $1 >= $2 : $1 <= $2
		printf "%s  %-44s %9.2f%s  (target %s %s%s)\n", ok ? "PASS" : "FAIL", d, $1, u, op, $2, u
	}'
}

ratio() { echo "$1 $2" | awk '{ printf "%.3f", ($2 > 0 ? $1 / $2 : 0) }'; }
per_mb() { echo "$1 $2" | awk '{ printf "%.4f", $1 / ($2 / 1e6) }'; }

# mem_bound LABEL RSS_KB DOC_BYTES: the run's peak RSS as a multiple of
# the issue's bound, 10x the largest document plus 32 MiB; the worst one
# so far is kept in worst_mem and worst_mem_label.
worst_mem=0 worst_mem_label=n/a
mem_bound() {
	[ "$2" != n/a ] || return 0
	m=$(echo "$2 $3" | awk '{ printf "%.3f", $1 * 1024 / (10 * $2 + 32 * 1048576) }')
	if [ "$(echo "$m $worst_mem" | awk '{ print ($1 > $2) }')" = 1 ]; then
		worst_mem=$m worst_mem_label=$1
	fi
}

# take BYTES OUT [strip]: whole corpus files, cycling, until OUT holds at
# least BYTES (with strip, each file without its line ends: one line).
take() {
	: >"$2"
	while :; do
		while read -r f; do
			if [ "${3:-}" = strip ]; then tr -d '\r\n' <"$f"; else cat "$f"; fi >>"$2"
			[ "$(wc -c <"$2")" -lt "$1" ] || return 0
		done <"$tmp/corpus.list"
	done
}

# ---------------------------------------------------------------- inputs

# C copies, a multiple of 10 so that the 10x step has a small input of
# C/10 copies; the large input of the step is the main input.
copies=$(echo "$size_mb $corpus_bytes" | awk '{ c = int($1 * 1e6 / ($2 * 10)); if (c * $2 * 10 < $1 * 1e6) c++; print c * 10 }')
small_copies=$((copies / 10))
mkdir "$tmp/files"
: >"$tmp/all.list"
: >"$tmp/small.list"
i=1
while [ "$i" -le "$copies" ]; do
	n=$(printf '%03d' "$i")
	while read -r f; do
		dst=$tmp/files/$n-$(basename "$f")
		cp "$f" "$dst"
		echo "$dst" >>"$tmp/all.list"
		[ "$i" -gt "$small_copies" ] || echo "$dst" >>"$tmp/small.list"
	done <"$tmp/corpus.list"
	i=$((i + 1))
done
xargs cat <"$tmp/all.list" >"$tmp/all.txt"
xargs cat <"$tmp/small.list" >"$tmp/small.txt"
bytes=$(wc -c <"$tmp/all.txt")
small_bytes=$(wc -c <"$tmp/small.txt")
nfiles=$(wc -l <"$tmp/all.list")
max=--max-input-size=$((bytes + 1))

# Pathological inputs and normal text of the same size beside each.
take 10000000 "$tmp/line.txt" strip
awk 'BEGIN {
	for (i = 1; i <= 1000; i++) {
		printf "%d. 第%d项工作\n", i, i
		for (k = 1; k <= 99; k++)
			printf "（%d）完成投资%d万元\n", k, k
	}
}' >"$tmp/headings.txt"
{
	printf '投资'
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "1234567890" }'
	printf '万元。\n'
} >"$tmp/digits.txt"
for p in line headings digits; do
	take "$(wc -c <"$tmp/$p.txt")" "$tmp/$p.normal.txt"
done

# Every run reads from the page cache.
cat "$tmp/all.txt" >/dev/null
xargs cat <"$tmp/all.list" >/dev/null

# ---------------------------------------------------------------- header

buildtype=$(grep -o '"name": "buildtype", "value": "[a-z]*"' "$build/meson-info/intro-buildoptions.json" 2>/dev/null |
	sed 's/.*"value": "//; s/"$//') || true
echo "reportctl archive-scale benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:  $(nproc) cores (nproc), load average $(cut -d' ' -f1-3 /proc/loadavg) (/proc/loadavg)"
echo "binary:   $bin (buildtype ${buildtype:-unknown})"
echo "corpus:   $corpus_files UTF-8 files, $corpus_bytes bytes"
echo "input:    corpus x $copies = $nfiles files, $bytes bytes ($(mb "$bytes") MB); also as one file"
echo "          (at least $size_mb MB, in a multiple of 10 copies for the 10x step)"
echo "runs:     each $repeat times, the fastest kept (BENCH_REPEAT)"
echo "clock:    $($subsec && echo 'date +%s.%N' || echo 'time -v elapsed (1/100 s)');" \
	"peak RSS: $([ -n "$gnutime" ] && echo '/usr/bin/time -v' || echo 'n/a (no /usr/bin/time; install the time package)')"
echo "grep:     grep -oP '$pattern' | wc -l  (locale $(locale charmap 2>/dev/null || echo unknown))"
echo

# ------------------------------------------------------------ main table

printf '%-34s %6s %8s %8s %7s %7s %5s %9s\n' run MB seconds MB/s 'x grep' 'CPU s' CPU 'peak RSS'

grep_secs=
timed /dev/null cat "$tmp/all.txt"
row "cat, one file" "$bytes"

# GNU grep stops at its first match when its output is /dev/null: count
# the matches through a pipe.
timed "$tmp/grep.count" sh -c 'grep -oP "$0" "$1" | wc -l' "$pattern" "$tmp/all.txt"
grep_secs=$secs grep_cpus=$cpus
row "grep -oP, one file (into wc -l)" "$bytes"

# -j 1 and -j 2 take turns (timed_pair), so that their ratio holds on a
# machine whose speed drifts.
timed_pair 1 2 "$bin" extract -q --no-progress -j @ --files-from "$tmp/all.list"
use_a
ex1=$secs ex1_cpus=$cpus ex1_share=$cpu
mem_bound "extract -j 1, files" "$rss" "$largest_file"
row "extract -j 1, $nfiles files" "$bytes"
use_b
ex2=$secs ex2_share=$cpu
row "extract -j 2, $nfiles files" "$bytes"
timed /dev/null "$bin" extract -q --no-progress "$max" "$tmp/all.txt"
exdoc=$secs exdoc_cpus=$cpus
mem_bound "extract, one file" "$rss" "$bytes"
row "extract, one file" "$bytes"

timed_pair 1 2 "$bin" metrics --no-progress -j @ --files-from "$tmp/all.list"
use_a
me1=$secs me1_cpus=$cpus me1_share=$cpu
mem_bound "metrics -j 1, files" "$rss" "$largest_file"
row "metrics -j 1, $nfiles files" "$bytes"
use_b
me2=$secs me2_share=$cpu
row "metrics -j 2, $nfiles files" "$bytes"
timed /dev/null "$bin" metrics --no-progress "$max" "$tmp/all.txt"
medoc=$secs medoc_cpus=$cpus
mem_bound "metrics, one file" "$rss" "$bytes"
row "metrics, one file" "$bytes"
echo "grep matches: $(tr -d ' ' <"$tmp/grep.count")"

# ---------------------------------------------------------------- 10x step

echo
echo "10x step: corpus x $small_copies ($(mb "$small_bytes") MB) against corpus x $copies ($(mb "$bytes") MB)"
printf '%-34s %9s %9s %7s %10s\n' run 'small s' 'large s' ratio 'CPU ratio'
# The small and the large input take turns (timed_pair); the large runs
# are timed again here rather than taken from the table above.
step() { # LABEL: from the last timed_pair, small as a and large as b
	echo "$1|$a_secs|$b_secs|$a_cpus|$b_cpus" | awk -F'|' '{
		c = $2 > 0 && $4 > 0 && $5 != "n/a" ? sprintf("%.2fx", $5 / $4) : "n/a"
		printf "%-34s %9.3f %9.3f %6.2fx %10s\n", $1, $2, $3, ($2 > 0 ? $3 / $2 : 0), c
	}'
}
timed_pair "$tmp/small.txt" "$tmp/all.txt" "$bin" extract -q --no-progress "$max" @
step_exdoc=$(ratio "$b_secs" "$a_secs")
step "extract, one file"
timed_pair "$tmp/small.txt" "$tmp/all.txt" "$bin" metrics --no-progress "$max" @
step_medoc=$(ratio "$b_secs" "$a_secs")
step "metrics, one file"
timed_pair "$tmp/small.list" "$tmp/all.list" "$bin" extract -q --no-progress -j 1 --files-from @
step_ex1=$(ratio "$b_secs" "$a_secs")
step "extract -j 1, files"
timed_pair "$tmp/small.list" "$tmp/all.list" "$bin" metrics --no-progress -j 1 --files-from @
step_me1=$(ratio "$b_secs" "$a_secs")
step "metrics -j 1, files"

# ------------------------------------------------------- pathological inputs

echo
echo "pathological inputs (one document each) against normal text of the same size"
printf '%-24s %6s %-8s %9s %9s %7s %9s\n' input MB run 's/MB' 'normal' ratio 'peak RSS'
worst_ex=0 worst_me=0
for p in line headings digits; do
	case $p in
	line) label="10 MB single line" ;;
	headings) label="100 000 headings" ;;
	digits) label="1 MB run of digits" ;;
	esac
	pbytes=$(wc -c <"$tmp/$p.txt")
	nbytes=$(wc -c <"$tmp/$p.normal.txt")
	for cmd in extract metrics; do
		q=
		[ "$cmd" = metrics ] || q=-q
		timed_pair "$tmp/$p.normal.txt" "$tmp/$p.txt" "$bin" "$cmd" $q --no-progress @
		normal=$(per_mb "$a_secs" "$nbytes")
		patho=$(per_mb "$b_secs" "$pbytes")
		rss=$b_rss
		mem_bound "$label, $cmd" "$rss" "$pbytes"
		r=$(ratio "$patho" "$normal")
		echo "$label|$pbytes|$cmd|$patho|$normal|$r|$rss" | awk -F'|' '{
			m = $7 == "n/a" ? "n/a" : sprintf("%.0f MB", $7 / 1024)
			printf "%-24s %6.1f %-8s %9.4f %9.4f %6.2fx %9s\n", $1, $2 / 1e6, $3, $4, $5, $6, m
		}'
		if [ "$cmd" = extract ]; then
			worst_ex=$(echo "$worst_ex $r" | awk '{ print ($2 > $1 ? $2 : $1) }')
		else
			worst_me=$(echo "$worst_me $r" | awk '{ print ($2 > $1 ? $2 : $1) }')
		fi
	done
done

# ------------------------------------------------------------------ targets

echo
echo "targets"
target "extract -j 1 (one core), MB/s" "$(ratio "$bytes" "$ex1" | awk '{ print $1 / 1e6 }')" ">=" 100 " MB/s"
target "metrics -j 1 (one core), MB/s" "$(ratio "$bytes" "$me1" | awk '{ print $1 / 1e6 }')" ">=" 150 " MB/s"
target "extract -j 1 time / grep -oP time" "$(ratio "$ex1" "$grep_secs")" "<=" 5 x
target "extract -j 2 speedup over -j 1" "$(ratio "$ex1" "$ex2")" ">=" 1.8 x
target "metrics -j 2 speedup over -j 1" "$(ratio "$me1" "$me2")" ">=" 1.8 x
target "10x input, extract one file: time ratio" "$step_exdoc" "<=" 11 x
target "10x input, metrics one file: time ratio" "$step_medoc" "<=" 11 x
target "10x input, extract -j 1 files: time ratio" "$step_ex1" "<=" 11 x
target "10x input, metrics -j 1 files: time ratio" "$step_me1" "<=" 11 x
target "pathological, extract: worst s/MB ratio" "$worst_ex" "<=" 2 x
target "pathological, metrics: worst s/MB ratio" "$worst_me" "<=" 2 x
if [ -n "$gnutime" ]; then
	target "peak RSS / (10x document + 32 MiB), worst" "$worst_mem" "<=" 1 x
	echo "      (worst: $worst_mem_label; the -j 1 file runs against the largest corpus file, $(mb "$largest_file") MB)"
fi
if [ -n "$gnutime" ]; then
	echo "$bytes $grep_cpus $ex1_cpus $me1_cpus" | awk '{
		printf "per CPU second (user + system; less skewed by a busy machine):"
		for (i = 2; i <= 4; i++) v[i] = $i > 0 ? $1 / $i / 1e6 : 0
		printf " grep %.1f, extract -j 1 %.1f, metrics -j 1 %.1f MB/s\n", v[2], v[3], v[4]
	}'
	# A single-threaded run that got well under one core waited for a
	# CPU: other work was running.
	echo "$ex1_share $me1_share $ex2_share $me2_share" | tr -d % | awk '{
		if ($1 < 90 || $2 < 90)
			printf "busy machine: the -j 1 runs got %d%% and %d%% of a core (extract, metrics), the -j 2 runs %d%% and %d%% of two; the wall-clock figures and the -j 2 speedup are skewed\n", $1, $2, $3, $4
	}'
fi
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit 0
