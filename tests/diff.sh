#!/bin/sh
# reportctl diff: the identity diff, the reference document against copies
# with one known edit each, real pairs of the corpus against golden
# outputs, the XML against report-diff.xsd, and exit statuses.
# Run with UPDATE=1 to rewrite the golden outputs (then read their diff).
set -u
: "${REPORTCTL:?}" "${SOURCE_ROOT:?}" "${REPORTCTL_SCHEMA:?}"
R=$REPORTCTL
EX=$SOURCE_ROOT/examples/000.txt
D=$SOURCE_ROOT/tests/diff
XSD=$(dirname "$REPORTCTL_SCHEMA")/report-diff.xsd
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
failed=0 total=0

ok() { total=$((total + 1)); printf 'ok %s\n' "$1"; }
bad() { total=$((total + 1)); failed=$((failed + 1)); printf 'FAIL %s: %s\n' "$1" "$2"; }
# run NAME WANT_STATUS ARGS...: reportctl diff --color=never ARGS > $T/out
run() {
	name=$1 want=$2; shift 2
	"$R" diff --color=never "$@" >"$T/out" 2>"$T/err"
	st=$?
	[ "$st" -eq "$want" ] || { bad "$name" "exit $st, expected $want: $(head -1 "$T/err")"; return 1; }
}
# count PATTERN: lines of the output matching PATTERN
count() { grep -c -E -- "$1" "$T/out"; }
expect() { # NAME PATTERN N
	n=$(count "$2")
	[ "$n" -eq "$3" ] && ok "$1" || bad "$1" "$n lines match /$2/, expected $3"
}

# --- identity ---------------------------------------------------------------
run identity 0 "$EX" "$EX" && expect identity-silent '^(==|@@|[-+~] )' 0
"$R" diff -q "$EX" "$EX" >"$T/out" 2>&1
[ $? -eq 0 ] && [ ! -s "$T/out" ] && ok identity-quiet || bad identity-quiet "not silent or not 0"

# --- the reference document with one edit each ----------------------------
# 1. one figure changed
sed 's/3800万元/4000万元/' "$EX" >"$T/figure.txt"
if run figure 1 "$EX" "$T/figure.txt"; then
	expect figure-one-change '^~ 一/\(一\) 3800万元 \(money CNY actual.*: 38000000 -> 40000000 \(\+2000000, \+5.26%\)' 1
	expect figure-nothing-else '^(- |\+ |~ )' 1
	expect figure-text-hunk '\[-38-\]\{\+40\+\}' 1
fi
# 2. one section removed: 三、存在的问题 and its two subsections
awk '/^三、存在的问题/ { skip = 1 } /^四、/ { skip = 0 } !skip' "$EX" >"$T/removed.txt"
if run removed 1 "$EX" "$T/removed.txt"; then
	expect removed-sections '^- .*\(removed, 三' 3
	expect removed-nothing-added '^\+ ' 0
	expect removed-no-renumbering 'renumbered' 0
	# its five figures go with it: 53家 25家 三分之一 2家 4.2%
	expect removed-figures '^- 三/\(二\) .*\((count|ratio|percent)' 5
	expect removed-no-changed-figure '^~ ' 0
fi
# 3. one heading reworded
sed 's/^二、党的建设工作/二、党的建设与廉政工作/' "$EX" >"$T/reworded.txt"
if run reworded 1 "$EX" "$T/reworded.txt"; then
	expect reworded-one '^~ 二、党的建设工作 -> 二、党的建设与廉政工作  \(heading reworded\)$' 1
	expect reworded-nothing-else '^(- |\+ |~ )' 1
fi
# 4. numbering shifted: 三 removed and 四 renumbered 三
sed 's/^四、下一步工作打算/三、下一步工作打算/' "$T/removed.txt" >"$T/shifted.txt"
if run shifted 1 "$EX" "$T/shifted.txt"; then
	expect shifted-renumbered '^~ 四、下一步工作打算 -> 三、下一步工作打算  \(renumbered\)$' 1
	expect shifted-removed '^- .*\(removed, 三' 3
	expect shifted-nothing-else '^(\+ |~ .*\((money|count|percent))' 0
fi

# --- real pairs, against golden outputs -------------------------------------
# (run from the directory of the files, so that the output names them
# as the golden files do)
cd "$D" || exit 2
for pair in 009:010 054:069; do
	a=${pair%:*} b=${pair#*:}
	run "pair-$a-$b" 1 "$a.txt" "$b.txt" || continue
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$T/out" "$D/$a-$b.diff"
		continue
	fi
	cmp -s "$T/out" "$D/$a-$b.diff" && ok "golden-$a-$b" ||
		{ bad "golden-$a-$b" "output differs"; diff "$D/$a-$b.diff" "$T/out" | head -20; }
done
# a plan (海坛片区 2022) against the summary that followed it
run plan-pair 1 --plan-vs-actual 105.txt 116.txt && {
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$T/out" "$D/105-116.plan.diff"
	else
		cmp -s "$T/out" "$D/105-116.plan.diff" && ok golden-plan-105-116 ||
			{ bad golden-plan-105-116 "output differs"; diff "$D/105-116.plan.diff" "$T/out" | head -20; }
	fi
}
# the two copies of the 2018 report differ only in presentation
run copies 1 "$D/054.txt" "$D/069.txt" &&
	expect copies-no-structure-or-figures '^(== sections|== figures)' 0

# --- formats -----------------------------------------------------------------
for pair in 009:010 054:069; do
	a=${pair%:*} b=${pair#*:}
	run "xml-$a-$b" 1 -f xml "$D/$a.txt" "$D/$b.txt" || continue
	if command -v xmllint >/dev/null 2>&1; then
		xmllint --noout --schema "$XSD" "$T/out" 2>"$T/err" && ok "xml-valid-$a-$b" ||
			bad "xml-valid-$a-$b" "$(head -1 "$T/err")"
	fi
	"$R" diff -f json "$D/$a.txt" "$D/$b.txt" >"$T/json"
	n=$(grep -c -E '^{"type":"(meta|section|figure|text)-change"' "$T/json")
	total_n=$(sed -n 's/.*"differences":\([0-9]*\).*/\1/p' "$T/json" | head -1)
	[ "$n" -eq "$total_n" ] && ok "json-$a-$b" || bad "json-$a-$b" "$n changes, $total_n announced"
done
run plan 1 --plan-vs-actual "$D/009.txt" "$D/010.txt" &&
	expect plan-met-line '^  not-met 240亿元 \(money CNY target, 地区生产总值\) <- 235.2亿元 \(ratio 0.98\)$' 1

# --- trouble ------------------------------------------------------------------
run one-file 2 "$EX" && ok one-file
run missing 2 "$EX" "$T/missing.txt" && ok missing
run bad-format 2 -f yaml "$EX" "$EX" && ok bad-format

printf '%d cases, %d failed\n' "$total" "$failed"
[ "$failed" -eq 0 ]
