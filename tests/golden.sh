#!/bin/sh
# Golden tests: for each tests/golden/NAME.txt, `reportctl extract NAME.txt`
# must give exactly NAME.xml on stdout, NAME.err on stderr and the exit
# status in NAME.status, and `reportctl metrics NAME.txt` exactly
# NAME.metrics.tsv, and the XML must pass `reportctl validate` (extract
# itself validates only with --validate). Run with UPDATE=1 to rewrite the
# expectations (then read the diff before committing it).
set -u
: "${REPORTCTL:?}" "${SOURCE_ROOT:?}"
dir="$SOURCE_ROOT/tests/golden"
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
failed=0
n=0
cd "$dir" || exit 2
for input in *.txt; do
	name=${input%.txt}
	n=$((n + 1))
	"$REPORTCTL" extract "$input" >"$tmp/out" 2>"$tmp/err"
	status=$?
	"$REPORTCTL" metrics "$input" >"$tmp/metrics" 2>/dev/null
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$tmp/out" "$name.xml"
		cp "$tmp/err" "$name.err"
		cp "$tmp/metrics" "$name.metrics.tsv"
		echo "$status" >"$name.status"
		continue
	fi
	if ! cmp -s "$tmp/metrics" "$name.metrics.tsv"; then
		echo "FAIL $name: metrics differ"
		diff "$name.metrics.tsv" "$tmp/metrics" | head -20
		failed=$((failed + 1))
		continue
	fi
	if [ "$status" != "$(cat "$name.status")" ]; then
		echo "FAIL $name: exit status $status, expected $(cat "$name.status")"
		failed=$((failed + 1))
	elif ! cmp -s "$tmp/out" "$name.xml"; then
		echo "FAIL $name: XML differs"
		diff "$name.xml" "$tmp/out" | head -c 2000
		failed=$((failed + 1))
	elif ! cmp -s "$tmp/err" "$name.err"; then
		echo "FAIL $name: stderr differs"
		diff "$name.err" "$tmp/err" | head -20
		failed=$((failed + 1))
	elif ! "$REPORTCTL" validate "$tmp/out" 2>"$tmp/err"; then
		echo "FAIL $name: not valid: $(head -1 "$tmp/err")"
		failed=$((failed + 1))
	else
		echo "ok $name"
	fi
done
[ "$n" -gt 0 ] || { echo "no golden inputs"; exit 1; }
echo "$n golden documents, $failed failed"
[ "$failed" -eq 0 ]
