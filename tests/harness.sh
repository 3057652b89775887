# Shared by the shell test scripts: run a case, make assertions, print
# "ok NAME" or "FAIL NAME: why". The caller sets T (a scratch directory)
# and ends with `finish`.

failed=0 total=0 name= why=

# Patterns are extended regular expressions; *_fixed/*_lacks take strings.
# check NAME STATUS CMD...: run CMD with stdin from $stdin (default
# /dev/null), stdout to $stdout (default $T/out) and stderr to $T/err, and
# check the exit status. The assertions below add to the case; `verdict`
# prints the result.
check() {
	name=$1 want=$2; shift 2
	"$@" <"${stdin:-/dev/null}" >"${stdout:-$T/out}" 2>"$T/err"
	st=$?
	why=
	[ "$st" -eq "$want" ] || why="exit $st, expected $want"
	stdin= stdout=
}
fail_with() { [ -n "$why" ] || why=$1; }
err_has() { grep -q -E -- "$1" "$T/err" || fail_with "stderr lacks /$1/"; }
err_lacks() { ! grep -q -F -- "$1" "$T/err" || fail_with "stderr has '$1'"; }
err_fixed() { grep -q -F -- "$1" "$T/err" || fail_with "stderr lacks '$1'"; }
err_lines() {
	n=$(grep -c '' "$T/err")
	[ "$n" -eq "$1" ] || fail_with "stderr has $n lines, expected $1"
}
out_has() { grep -q -E -- "$1" "$T/out" || fail_with "stdout lacks /$1/"; }
out_lacks() { ! grep -q -F -- "$1" "$T/out" || fail_with "stdout has '$1'"; }
out_empty() { [ ! -s "$T/out" ] || fail_with "stdout not empty"; }
out_same() { cmp -s "$T/out" "$1" || fail_with "stdout differs from $1"; }
# assert DESC CMD...: any other condition
assert() { d=$1; shift; "$@" || fail_with "$d"; }
verdict() {
	total=$((total + 1))
	if [ -z "$why" ]; then
		printf 'ok %s\n' "$name"
	else
		failed=$((failed + 1))
		printf 'FAIL %s: %s\n' "$name" "$why"
		sed 's/^/#   stderr: /' "$T/err" | head -n 5
	fi
}
keep() { cp "$T/out" "$T/$1"; }
# finish: the tally; the script's status is 1 if any case failed.
finish() {
	printf '%d cases, %d failed\n' "$total" "$failed"
	[ "$failed" -eq 0 ]
}
