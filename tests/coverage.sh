#!/bin/sh
# Line coverage of lib/: by the test suite, by the fuzz corpora that
# tests/fuzz/run left in build-fuzz/corpus-*, and by both. Uses clang's
# source-based coverage (llvm-profdata, llvm-cov); not run by CI.
#
# usage: tests/coverage.sh            (writes build-cov/coverage-*.txt)
# The per-file tables are in build-cov/coverage-{tests,fuzz,all}.txt;
# `llvm-cov show` with the same objects gives the annotated sources.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)

tool() {
	for t in "$1" "$1-14" "$1-15" "$1-16"; do
		command -v "$t" >/dev/null 2>&1 && { echo "$t"; return; }
	done
	echo "coverage: $1 is not installed (apt-get install llvm)" >&2
	exit 77
}
command -v clang >/dev/null 2>&1 || { echo "coverage: clang is not installed" >&2; exit 77; }
profdata=$(tool llvm-profdata)
cov=$(tool llvm-cov)

dir=build-cov
flags='-fprofile-instr-generate -fcoverage-mapping'
if [ -f "$dir/build.ninja" ]; then
	CC=clang meson setup --reconfigure "$dir" -Dbuildtype=debug -Dc_args="$flags" \
		-Dc_link_args=-fprofile-instr-generate >/dev/null
else
	CC=clang meson setup "$dir" -Dbuildtype=debug -Dc_args="$flags" \
		-Dc_link_args=-fprofile-instr-generate >/dev/null
fi
ninja -C "$dir" >/dev/null
prof=$root/$dir/profiles
rm -rf "$prof"
mkdir -p "$prof"

# %4m: the processes of one program merge their counts into four files,
# however many the shell tests start.
echo "coverage: the test suite ..."
LLVM_PROFILE_FILE="$prof/tests-%4m.profraw" \
	meson test -C "$dir" --no-rebuild -q >"$dir/coverage-tests.log" 2>&1 ||
	echo "coverage: some tests failed (see $dir/coverage-tests.log)" >&2

# Each corpus input in a process of its own: an input that fails a check
# ends only its own run.
ran_fuzz=0
for t in parse number xml diff; do
	c=build-fuzz/corpus-$t
	[ -d "$c" ] || continue
	ran_fuzz=1
	echo "coverage: fuzz corpus $t ($(ls "$c" | wc -l) inputs) ..."
	find "$c" "tests/fuzz/regress/$t" -type f -print0 |
		LLVM_PROFILE_FILE="$prof/fuzz-%4m.profraw" \
		xargs -0 -n 1 "$dir/tests/fuzz/fuzz_${t}_regress" >/dev/null 2>&1 || true
done

# Every program that holds a copy of the library: the shared library, the
# static ones linked into the tests, the fuzz drivers.
objects=$(find "$dir" -type f -perm -u+x \( -name 'reportctl*' -o -name 'unit_*' \
	-o -name spec -o -name 'fuzz_*_regress' -o -name 'librpt.so*' \) | sort)
first=$(echo "$objects" | head -n 1)
args=
for o in $(echo "$objects" | tail -n +2); do args="$args -object $o"; done

report() { # NAME PROFRAW...
	name=$1
	shift
	"$profdata" merge -sparse "$@" -o "$prof/$name.profdata"
	# shellcheck disable=SC2086
	"$cov" report "$first" $args -instr-profile="$prof/$name.profdata" \
		-ignore-filename-regex='/(cmd|tests)/|_data\.c$' \
		>"$dir/coverage-$name.txt"
	printf '%-6s ' "$name"
	awk '/^TOTAL/ { printf "lines %s of %s covered (%s); functions %s; regions %s\n",
		$8 - $9, $8, $10, $7, $4 }' "$dir/coverage-$name.txt"
}
echo "line coverage of lib/*.c:"
report tests "$prof"/tests-*.profraw
if [ "$ran_fuzz" -eq 1 ]; then
	report fuzz "$prof"/fuzz-*.profraw
	report all "$prof"/tests-*.profraw "$prof"/fuzz-*.profraw
else
	echo "fuzz   no corpus in build-fuzz/ (run tests/fuzz/run first)"
fi
