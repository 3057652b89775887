#!/bin/sh
# Out of memory in the command: reportctl linked against the
# fault-injecting library (REPORTCTL_FAULTY), where the allocation named by
# RPT_FAULT_AT and every one after it fails. Whichever allocation fails,
# each command exits 2 with a one-line `reportctl: FILE: message` naming
# the trouble (no crash, no sanitizer report, no partial output file), or,
# when the failure comes after the last allocation, gives the same output
# as a normal run.
#
# Environment: REPORTCTL_FAULTY, REPORTCTL_SCHEMA, SOURCE_ROOT.

: "${REPORTCTL_FAULTY:?}" "${REPORTCTL_SCHEMA:?}" "${SOURCE_ROOT:?}"
export REPORTCTL_SCHEMA
R=$REPORTCTL_FAULTY
EX=$SOURCE_ROOT/examples/000.txt
D=$SOURCE_ROOT/tests/diff
# Runs per command past the first 20 allocations (today every allocation
# is tried: a run makes a few dozen); more is slower, not
# better (the unit test tries every allocation of the library).
STEPS=${OOM_STEPS:-200}

T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 2' HUP INT TERM

. "$SOURCE_ROOT/tests/harness.sh"

"$R" extract -q "$EX" >"$T/ex.xml" || { echo "FAIL setup: extract"; exit 1; }

# run N CMD...: CMD with the Nth allocation failing; sets st.
run() {
	n=$1; shift
	RPT_FAULT_AT=$n "$@" >"$T/out" 2>"$T/err" </dev/null
	st=$?
}

# oom NAME WANT CMD...: WANT is the status of a normal run.
oom() {
	name=$1 want=$2; shift 2
	why=
	"$@" >"$T/want" 2>/dev/null </dev/null
	st=$?
	[ "$st" -eq "$want" ] || why="normal run: exit $st, expected $want"
	# the first N that no longer fails: past the last allocation
	last=1
	while [ -z "$why" ]; do
		run "$last" "$@"
		[ "$st" -eq 2 ] || break
		last=$((last * 2))
		[ "$last" -le 1048576 ] || why="still failing at allocation $last"
	done
	step=$((last / STEPS + 1))
	n=1 nfail=0
	while [ -z "$why" ] && [ "$n" -le "$last" ]; do
		run "$n" "$@"
		if [ "$st" -eq 2 ]; then
			nfail=$((nfail + 1))
			if ! grep -q -E '^reportctl: .*(out of memory|cannot compile patterns)' "$T/err"; then
				why="allocation $n: no out-of-memory message"
			elif grep -q -v '^reportctl: ' "$T/err"; then
				why="allocation $n: stderr has more than messages"
			fi
		elif [ "$st" -eq "$want" ]; then
			cmp -s "$T/out" "$T/want" ||
				why="allocation $n: exit $st but output differs from a normal run"
		else
			why="allocation $n: exit $st"
		fi
		if [ "$n" -lt 20 ]; then n=$((n + 1)); else n=$((n + step)); fi
	done
	[ -n "$why" ] || [ "$nfail" -gt 0 ] || why="no run failed"
	[ -z "$why" ] || sed 's/^/#   stderr: /' "$T/err" | head -n 5 >"$T/err.shown"
	total=$((total + 1))
	if [ -z "$why" ]; then
		printf 'ok %s (%d runs out of memory)\n' "$name" "$nfail"
	else
		failed_cases=$((failed_cases + 1))
		printf 'FAIL %s: %s\n' "$name" "$why"
		cat "$T/err.shown"
	fi
}
failed_cases=0

oom extract 0 "$R" extract -q "$EX"
oom extract-validate 0 "$R" extract -q --validate "$EX"
oom metrics 0 "$R" metrics "$EX"
oom metrics-xml 0 "$R" metrics "$T/ex.xml"
oom validate 0 "$R" validate "$T/ex.xml"
oom text 0 "$R" text "$T/ex.xml"
oom diff 1 "$R" diff "$D/009.txt" "$D/010.txt"
oom summarize 0 "$R" summarize "$EX"

# extract -o: a failed run leaves no file behind
mkdir "$T/o"
RPT_FAULT_AT=10 "$R" extract -q -o "$T/o/r.xml" "$EX" 2>"$T/err"
st=$?
name=extract-o why=
[ "$st" -eq 2 ] || why="exit $st, expected 2"
[ -z "$(ls -A "$T/o")" ] || why="left $(ls -A "$T/o")"
verdict

printf '%d cases, %d failed\n' "$total" "$((failed + failed_cases))"
[ "$failed" -eq 0 ] && [ "$failed_cases" -eq 0 ]
