#!/bin/sh
# The man pages are valid mdoc: mandoc -T lint reports no warning.
set -u
: "${SOURCE_ROOT:?}"
command -v mandoc >/dev/null 2>&1 || { echo "mandoc not installed: skipped"; exit 77; }
failed=0
for page in "$SOURCE_ROOT"/man/*.[1-8]; do
	out=$(mandoc -T lint -W warning "$page" 2>&1)
	if [ -n "$out" ]; then
		echo "FAIL $page"
		echo "$out"
		failed=1
	else
		echo "ok $(basename "$page")"
	fi
done
exit $failed
