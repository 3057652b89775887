#!/bin/sh
# Two builds of librpt compared in one process (bench/ab.c): each
# corpus file parsed and its indicators read by one build and then the
# other, ROUNDS times, so that a machine whose speed drifts treats both
# alike.
# Prints MB/s of each and the ratio new / base. A benchmark, not a test.
#   bench/ab.sh BASE_BUILD NEW_BUILD [ROUNDS] [CORPUS_DIR]
# A base build of an earlier commit, for instance:
#   git worktree add /tmp/base REV && (cd /tmp/base &&
#     meson setup build --buildtype=release && ninja -C build)
#   bench/ab.sh /tmp/base/build build-release
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { echo "usage: bench/ab.sh BASE_BUILD NEW_BUILD [ROUNDS] [CORPUS_DIR]" >&2; exit 2; }
base=$1/lib/librpt.so
new=$2/lib/librpt.so
rounds=${3:-10}
corpus=${4:-$root/../shared/corpus}
for so in "$base" "$new"; do
	[ -e "$so" ] || { echo "no $so: build first (a shared library)" >&2; exit 2; }
done
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -O2 -I"$root/lib/include" "$root/bench/ab.c" -o "$tmp/ab" -ldl
# Copies under two names: dlopen of one path twice gives one library.
cp "$base" "$tmp/base.so"
cp "$new" "$tmp/new.so"
for f in "$corpus"/*.txt; do
	case $f in *.gbk.txt) continue ;; esac
	echo "$f"
done >"$tmp/list"
"$tmp/ab" "$tmp/list" "$tmp/base.so" "$tmp/new.so" "$rounds"
