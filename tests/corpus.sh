#!/bin/sh
# Every document of the shared corpus: extract exits 0, `reportctl validate`
# (and xmllint, when installed) accepts the output against the schema,
# `extract | text` gives the input back byte for byte, and each NNN.gbk.txt
# comes back as its UTF-8 twin NNN.txt. extract does not validate what it
# writes unless asked to (--validate): this is where the writer's output is
# checked.
# Skips (77) where the corpus is not present, as in a plain clone.
set -u
: "${REPORTCTL:?}" "${REPORTCTL_SCHEMA:?}" "${CORPUS:?}"
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS: skipped"; exit 77; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
have_xmllint=false
command -v xmllint >/dev/null 2>&1 && have_xmllint=true
failed=0
n=0
for input in "$CORPUS"/*.txt; do
	name=$(basename "$input" .txt)
	n=$((n + 1))
	if ! "$REPORTCTL" extract -q "$input" >"$tmp/x.xml" 2>"$tmp/err"; then
		echo "FAIL $name: extract: $(head -1 "$tmp/err")"
		failed=$((failed + 1))
		continue
	fi
	if ! "$REPORTCTL" validate "$tmp/x.xml" 2>"$tmp/err"; then
		echo "FAIL $name: validate: $(head -1 "$tmp/err")"
		failed=$((failed + 1))
		continue
	fi
	if $have_xmllint &&
		! xmllint --noout --schema "$REPORTCTL_SCHEMA" "$tmp/x.xml" 2>"$tmp/err"; then
		echo "FAIL $name: xmllint: $(head -1 "$tmp/err")"
		failed=$((failed + 1))
		continue
	fi
	case $name in
	*.gbk) want="$CORPUS/${name%.gbk}.txt" ;;
	*) want=$input ;;
	esac
	if ! "$REPORTCTL" text "$tmp/x.xml" | cmp -s - "$want"; then
		echo "FAIL $name: text does not reproduce $(basename "$want")"
		failed=$((failed + 1))
		continue
	fi
done
echo "$n corpus documents, $failed failed"
[ "$n" -gt 0 ] && [ "$failed" -eq 0 ]
