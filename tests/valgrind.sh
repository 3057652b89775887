#!/bin/sh
# The wrapper of `meson test --setup valgrind`: runs a test under
# valgrind's memcheck, and any error or leak it reports fails the test.
#
# A test program is run under valgrind directly. A shell script test is
# run as it is, with REPORTCTL and REPORTCTL_FAULTY pointing at small
# scripts that run the real programs under valgrind: only our programs
# are checked, not sh, awk or grep, and every way a script runs them
# (through timeout, env or sh -c) is covered. Each valgrind writes its own
# log; after the test, the logs are read and any error fails it.
#
# usage: tests/valgrind.sh PROGRAM [ARG...]
set -u
command -v valgrind >/dev/null 2>&1 || { echo "valgrind: not installed" >&2; exit 77; }

logs=$(mktemp -d) || exit 2
trap 'rm -rf "$logs"' EXIT
trap 'exit 2' HUP INT TERM

# --errors-for-leak-kinds: a definitely or indirectly lost block is an
# error; still-reachable memory at exit (libxml2's globals) is not.
# valgrind.supp: PCRE2's generated code, which reads past a subject's end
# on purpose.
supp=$(cd "$(dirname "$0")" && pwd)/valgrind.supp
# VALGRIND_LEAK_CHECK=no, in a test's own environment, turns the leak
# check off for the programs it names (tests/oom.sh, for a known leak).
vg="valgrind --error-exitcode=99 --suppressions=$supp --leak-check=\${VALGRIND_LEAK_CHECK:-full} \
--show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
--num-callers=30 --log-file=$logs/%p.log"

wrap() { # VAR: replace the program named by VAR with one under valgrind
	eval "real=\${$1:-}"
	[ -n "$real" ] || return 0
	w=$logs/$(basename "$real")
	# with standard output closed, valgrind's own files would take its
	# place and writes would succeed: such a case runs as it is
	printf '#!/bin/sh\n( exec 3>&1 ) 2>/dev/null || exec %s "$@"\nexec %s %s "$@"\n' \
		"$real" "$vg" "$real" >"$w"
	chmod +x "$w"
	eval "$1=\$w"
	export "$1"
}

case $(basename "$1") in
sh | dash | bash)
	wrap REPORTCTL
	wrap REPORTCTL_FAULTY
	"$@"
	;;
*)
	eval "$vg" '"$@"'
	;;
esac
st=$?

bad=0
for f in "$logs"/*.log; do
	[ -f "$f" ] || continue
	grep -q -E 'ERROR SUMMARY: [1-9]|Process terminating' "$f" || continue
	bad=1
	echo "valgrind: $(grep -m 1 -o 'Command: .*' "$f")"
	grep -v -E '^==[0-9]+== *$' "$f" | head -n 80
done
[ "$bad" -eq 0 ] || exit 1
exit $st
