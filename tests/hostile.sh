#!/bin/sh
# Hostile input: XML attacks given to every command that reads XML,
# pathological texts, closed standard streams and bad operands in a batch.
# Each must end quickly with a clear message and the right status, never
# read a file or the network on the attacker's behalf, and a bad operand
# must not stop the others.
#
# Environment: REPORTCTL, REPORTCTL_SCHEMA, SOURCE_ROOT (as for cli.sh).

: "${REPORTCTL:?}" "${REPORTCTL_SCHEMA:?}" "${SOURCE_ROOT:?}"
export REPORTCTL_SCHEMA
R=$REPORTCTL
EX=$SOURCE_ROOT/examples/000.txt
# Generous: the point is "not exponential, not quadratic", and the
# sanitizer build is several times slower than the plain one.
LIMIT=${HOSTILE_TIMEOUT:-60}

T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 2' HUP INT TERM

. "$SOURCE_ROOT/tests/harness.sh"

"$R" extract -q "$EX" >"$T/good.xml" || { echo "FAIL setup: extract"; exit 1; }
head -n 1 "$T/good.xml" >"$T/decl"
# The root start tag of a real document, so that only the attack differs.
root=$(sed -n 's/^\(<report [^>]*>\).*/\1/p' "$T/good.xml" | head -n 1)

# --- the attacks --------------------------------------------------------------
cat >"$T/laughs.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE report [
 <!ENTITY a "lol">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<report xmlns="urn:reportctl:1">&i;</report>
EOF
# The same in UTF-16, which a byte scan for <!DOCTYPE would not see.
iconv -f UTF-8 -t UTF-16 "$T/laughs.xml" >"$T/laughs16.xml"
sed 's/version="1.0"/version="1.0" encoding="UTF-16"/' "$T/laughs.xml" |
	iconv -f UTF-8 -t UTF-16LE >"$T/laughs16le.xml"
cat >"$T/xxe-file.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE report [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<report xmlns="urn:reportctl:1">&x;</report>
EOF
cat >"$T/xxe-http.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE report [ <!ENTITY x SYSTEM "http://198.51.100.7/x"> ]>
<report xmlns="urn:reportctl:1">&x;</report>
EOF
cat >"$T/dtd-external.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE report SYSTEM "http://198.51.100.7/report.dtd">
<report xmlns="urn:reportctl:1">x</report>
EOF
# A processing instruction whose '>' would end a naive scan early.
cat >"$T/dtd-after-pi.xml" <<'EOF'
<?xml version="1.0"?>
<?note > <a ?><!DOCTYPE report [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<report xmlns="urn:reportctl:1">&x;</report>
EOF
cat >"$T/latin1.xml" <<'EOF'
<?xml version="1.0" encoding="ISO-8859-1"?>
<report xmlns="urn:reportctl:1">x</report>
EOF
cat >"$T/xinclude.xml" <<'EOF'
<?xml version="1.0"?>
<report xmlns="urn:reportctl:1" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></report>
EOF
awk -v root="$root" 'BEGIN {
	print "<?xml version=\"1.0\"?>"; printf "%s", root
	for (i = 0; i < 100000; i++) printf "<p>"
	printf "x"
	for (i = 0; i < 100000; i++) printf "</p>"
	print "</report>" }' >"$T/deep.xml"
awk 'BEGIN {
	print "<?xml version=\"1.0\"?>"
	s = "xxxxxxxxxxxxxxxx"; while (length(s) < 12 * 1024 * 1024) s = s s
	print "<report xmlns=\"urn:reportctl:1\" a=\"" s "\">y</report>" }' >"$T/attribute.xml"
awk 'BEGIN {
	print "<?xml version=\"1.0\"?>"
	s = "xxxxxxxxxxxxxxxx"; while (length(s) < 1024 * 1024) s = s s
	printf "<report xmlns=\"urn:reportctl:1\" "
	for (i = 0; i < 20; i++) printf "a%d=\"%s\" ", i, s
	print ">y</report>" }' >"$T/attributes.xml"

# attack FILE STATUS MESSAGE: every XML reader refuses FILE with MESSAGE.
attack() {
	f=$T/$1 st=$2 msg=$3
	check "validate-$1" "$st" timeout "$LIMIT" "$R" validate "$f"; err_fixed "$msg"
	err_has "^reportctl: $f:[0-9]+: "; verdict
	check "text-$1" 2 timeout "$LIMIT" "$R" text "$f"; err_fixed "$msg"
	out_empty; verdict
	check "metrics-$1" 2 timeout "$LIMIT" "$R" metrics "$f"; err_fixed "$msg"
	out_lacks root:; verdict
	check "diff-$1" 2 timeout "$LIMIT" "$R" diff "$T/good.xml" "$f"; err_fixed "$msg"
	verdict
	check "summarize-$1" 2 timeout "$LIMIT" "$R" summarize "$f"; err_fixed "$msg"
	verdict
}
attack laughs.xml 2 'document type declarations are refused'
attack laughs16.xml 2 'encoding other than UTF-8'
attack laughs16le.xml 2 'encoding other than UTF-8'
attack xxe-file.xml 2 'document type declarations are refused'
attack xxe-http.xml 2 'document type declarations are refused'
attack dtd-external.xml 2 'document type declarations are refused'
attack dtd-after-pi.xml 2 'document type declarations are refused'
attack latin1.xml 2 'encoding other than UTF-8'
attack deep.xml 2 'nested deeper than 256 levels'
attack attribute.xml 2 'a tag longer than'
attack attributes.xml 2 'a tag longer than'

# XInclude is never processed: the element is merely not in the schema.
check validate-xinclude 1 timeout "$LIMIT" "$R" validate "$T/xinclude.xml"
err_fixed 'XInclude'; verdict
check text-xinclude 0 timeout "$LIMIT" "$R" text "$T/xinclude.xml"; out_empty; verdict
check metrics-xinclude 0 timeout "$LIMIT" "$R" metrics "$T/xinclude.xml"
out_lacks root:; verdict

# A document with an error on every element reports the first hundred.
sed 's/<\([a-z-]*\) /<\1 bogus="1" /g' "$T/good.xml" >"$T/errors.xml"
check validate-many-errors 1 timeout "$LIMIT" "$R" validate "$T/errors.xml"
err_lines 101; err_has 'too many problems; the rest are not reported'; verdict

# --- huge but legitimate: a 40 MB line is one text node -------------------------
awk 'BEGIN { s = "推进工作落实责任"; while (length(s) < 12 * 1024 * 1024) s = s s
	printf "%s", s }' >"$T/longline.txt"
check extract-long-line 0 timeout "$LIMIT" "$R" extract -q -o "$T/longline.xml" "$T/longline.txt"
verdict
check validate-long-line 0 timeout "$LIMIT" "$R" validate "$T/longline.xml"; verdict
check text-long-line 0 timeout "$LIMIT" "$R" text "$T/longline.xml"
out_same "$T/longline.txt"; verdict
check metrics-long-line-xml 0 timeout "$LIMIT" "$R" metrics "$T/longline.xml"; verdict
check summarize-long-line-xml 0 timeout "$LIMIT" "$R" summarize "$T/longline.xml"; verdict
check diff-long-line-xml 0 timeout "$LIMIT" "$R" diff "$T/longline.xml" "$T/longline.txt"; verdict
rm -f "$T/longline.xml"

# --- pathological texts: each ends in time and round-trips ---------------------
awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "%d、第%d项工作\n", i, i }' >"$T/headings.txt"
awk 'BEGIN { s = "1234567890"; while (length(s) < 1024 * 1024) s = s s
	print "投入" s "万元" }' >"$T/digits.txt"
# (counted in a loop: mawk's length() counts bytes, not characters)
awk 'BEGIN { printf "印发"; for (i = 0; i < 100000; i++) printf "《"; print "通知" }' >"$T/titles.txt"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "约"; print "3000万元以上" }' >"$T/qualifiers.txt"
for f in longline headings digits titles qualifiers; do
	check "extract-$f" 0 timeout "$LIMIT" "$R" extract -q -o "$T/$f.xml" "$T/$f.txt"
	verdict
	check "roundtrip-$f" 0 "$R" text "$T/$f.xml"; out_same "$T/$f.txt"; verdict
	check "metrics-$f" 0 timeout "$LIMIT" "$R" metrics "$T/$f.txt"; verdict
	# the same text with one more figure: one change, found in time
	printf '\n投入3亿元\n' | cat "$T/$f.txt" - >"$T/$f.new.txt"
	check "diff-$f" 1 timeout "$LIMIT" "$R" diff "$T/$f.xml" "$T/$f.new.txt"
	out_has '^\+ (.* )?3亿元 '; verdict
	rm -f "$T/$f.xml" "$T/$f.new.txt"
done

# 100 000 malformed headings: 200 000 diagnostics, each with its line and
# column (once counted from the start of the text for each one: minutes)
awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "四)第%d项\n", i }' >"$T/malformed.txt"
check extract-diagnostics 0 timeout "$LIMIT" "$R" extract -o "$T/malformed.xml" "$T/malformed.txt"
err_lines 200000
assert "last diagnostic not on line 100000" \
	[ "$(tail -n 1 "$T/err" | cut -d: -f3,4)" = "100000:1" ]
verdict
rm -f "$T/malformed.xml"

# The footer is looked for in the last 512 lines only, as the header in
# the first 512: a document of short lines (a list, a table, 100 000
# headings) was walked back line by line to a chrome line far above, and
# everything below that line became footer.
{
	printf '一、重点工作情况\n今年以来，全局上下团结一心。\n返回顶部\n'
	awk 'BEGIN { for (i = 1; i <= 600; i++) printf "第%d项\n", i }'
} >"$T/short-lines.txt"
check footer-within-last-lines 0 "$R" extract -q "$T/short-lines.txt"
assert "600 short lines became footer" [ "$(grep -c 'boilerplate kind="footer"' "$T/out")" -eq 0 ]
out_has '<p start="[0-9]*" end="[0-9]*">第600项</p>'; verdict
sed -n '1,403p' "$T/short-lines.txt" >"$T/short-footer.txt"
check footer-of-short-lines 0 "$R" extract -q "$T/short-footer.txt"
out_has '<boilerplate kind="footer"[^>]*>返回顶部'; verdict
rm -f "$T/short-lines.txt" "$T/short-footer.txt"

# diff pairs sections and figures: two documents of 30 000 sections with
# no heading in common, and of 50 000 figures that all changed unit (each
# pairing once compared every item with every other: minutes)
awk 'BEGIN { for (i = 1; i <= 30000; i++) printf "四)甲%d项\n", i }' >"$T/sections-a.txt"
awk 'BEGIN { for (i = 1; i <= 30000; i++) printf "四)乙%d号\n", 7 * i }' >"$T/sections-b.txt"
check diff-many-sections 1 timeout "$LIMIT" "$R" diff "$T/sections-a.txt" "$T/sections-b.txt"
out_has '^- 四\)甲30000项 '; verdict
awk 'BEGIN { for (i = 1; i <= 50000; i++) printf "投入%d万元，", i }' >"$T/figures-a.txt"
awk 'BEGIN { for (i = 1; i <= 50000; i++) printf "投入%d亿元，", i }' >"$T/figures-b.txt"
check diff-many-figures 1 timeout "$LIMIT" "$R" diff "$T/figures-a.txt" "$T/figures-b.txt"
assert "expected 50000 changed figures" [ "$(grep -c '^~ ' "$T/out")" -eq 50000 ]
out_has '^~ 50000万元 \(money CNY actual\): 500000000 -> 5000000000000 '; verdict
rm -f "$T"/sections-?.txt "$T"/figures-?.txt

# --- a closed standard output is an error, not a silent success ------------------
check extract-closed-stdout 2 sh -c '"$0" extract "$1" >&-' "$R" "$EX"
err_fixed 'reportctl: write error'; verdict
check metrics-closed-stdout 2 sh -c '"$0" metrics "$1" >&-' "$R" "$EX"
err_fixed 'reportctl: write error'; verdict
check text-closed-stdout 2 sh -c '"$0" text "$1" >&-' "$R" "$T/good.xml"
err_fixed 'reportctl: write error'; verdict
check summarize-closed-stdout 2 sh -c '"$0" summarize "$1" >&-' "$R" "$EX"
err_fixed 'reportctl: write error'; verdict
check diff-closed-stdout 2 sh -c '"$0" diff "$1" "$2" >&-' "$R" "$EX" "$T/good.xml"
err_fixed 'reportctl: write error'; verdict
# and a closed standard input, read as '-'
check extract-closed-stdin 2 sh -c '"$0" extract -q - <&-' "$R"
err_fixed 'reportctl: <stdin>: '; out_empty; verdict
check metrics-closed-stdin 2 sh -c '"$0" metrics <&-' "$R"
err_fixed 'reportctl: <stdin>: '; verdict

# --- faults in a batch: each bad operand is reported, the others complete -------
# A directory given as a file; a file that vanished (its name is left, as a
# dangling symbolic link, the file is gone); a file that cannot be read
# (/proc/self/mem opens but fails to read at offset 0, even for root) and,
# when not running as root (which reads any file whatever its mode), a file
# without read permission.
mkdir "$T/adir"
ln -s "$T/gone.txt" "$T/vanished.txt"
bad="$T/adir $T/vanished.txt"
if [ -r /proc/self/mem ]; then
	bad="$bad /proc/self/mem"
else
	echo "skip batch-*-proc-mem: no /proc/self/mem"
fi
if [ "$(id -u)" -ne 0 ]; then
	cp "$EX" "$T/noperm.txt" && chmod 000 "$T/noperm.txt"
	bad="$bad $T/noperm.txt"
else
	echo "skip batch-*-no-permission: running as root, which reads any file"
fi
"$R" metrics --no-header "$EX" >"$T/metrics1" 2>/dev/null
cat "$T/metrics1" "$T/metrics1" >"$T/metrics2"
cat "$EX" "$EX" >"$T/text2"
"$R" summarize --roll-up "$EX" "$EX" >"$T/rollup2" 2>/dev/null
for b in $bad; do
	k=$(basename "$b")
	check "batch-extract-$k" 2 "$R" extract -q "$EX" "$b" "$EX"
	err_fixed "reportctl: $b: "; err_fixed "3 files: 2 ok, 1 failed"; err_lines 2
	assert "expected two documents" [ "$(grep -c '<report ' "$T/out")" -eq 2 ]
	verdict
	check "batch-metrics-$k" 2 "$R" metrics --no-header "$EX" "$b" "$EX"
	err_fixed "reportctl: $b: "; err_lines 2; out_same "$T/metrics2"; verdict
	check "batch-metrics-xml-$k" 2 "$R" metrics --no-header "$T/good.xml" "$b" "$T/good.xml"
	err_fixed "reportctl: $b: "; err_lines 2
	assert "expected the rows of two documents" \
		[ "$(grep -c '' "$T/out")" -eq "$(grep -c '' "$T/metrics2")" ]
	verdict
	check "batch-text-$k" 2 "$R" text "$T/good.xml" "$b" "$T/good.xml"
	err_fixed "reportctl: $b: "; err_lines 1; out_same "$T/text2"; verdict
	# the invalid document after the bad operand is still checked
	check "batch-validate-$k" 2 "$R" validate "$T/good.xml" "$b" "$T/errors.xml"
	err_fixed "reportctl: $b: "; err_fixed "reportctl: $T/errors.xml:"; verdict
	# (summarize reads the reports in a directory: tested below)
	if [ "$b" != "$T/adir" ]; then
		check "batch-summarize-$k" 2 "$R" summarize --roll-up "$EX" "$b" "$EX"
		err_fixed "reportctl: $b: "; err_lines 2; out_same "$T/rollup2"; verdict
	fi
	check "diff-old-$k" 2 "$R" diff "$b" "$EX"
	err_fixed "reportctl: $b: "; out_empty; verdict
	check "diff-new-$k" 2 "$R" diff "$EX" "$b"
	err_fixed "reportctl: $b: "; out_empty; verdict
done
# summarize reads the reports in a directory (those below it only with
# -r): a bad entry is reported too
mkdir "$T/reports" "$T/reports/sub.txt"
cp "$EX" "$T/reports/a.txt"
cp "$EX" "$T/reports/z.txt"
ln -s "$T/gone.txt" "$T/reports/m.txt"
check batch-summarize-directory 2 "$R" summarize --roll-up "$T/reports"
err_fixed "reportctl: $T/reports/m.txt: "; err_fixed "3 files: 2 ok, 1 failed"
err_lines 2
assert "expected two rows and the totals" [ "$(grep -c '' "$T/out")" -eq 4 ]
verdict

finish
