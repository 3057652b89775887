#!/bin/sh
# Hostile input: XML attacks given to every command that reads XML, and
# pathological texts. Each must end quickly with a clear message and the
# right status, and never read a file or the network on the attacker's
# behalf.
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
rm -f "$T/longline.xml"

# --- pathological texts: each ends in time and round-trips ---------------------
awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "%d、第%d项工作\n", i, i }' >"$T/headings.txt"
awk 'BEGIN { s = "1234567890"; while (length(s) < 1024 * 1024) s = s s
	print "投入" s "万元" }' >"$T/digits.txt"
awk 'BEGIN { s = "《"; while (length(s) < 100000) s = s s; print "印发" s "通知" }' >"$T/titles.txt"
awk 'BEGIN { s = "约"; while (length(s) < 100000) s = s s; print s "3000万元以上" }' >"$T/qualifiers.txt"
for f in longline headings digits titles qualifiers; do
	check "extract-$f" 0 timeout "$LIMIT" "$R" extract -q -o "$T/$f.xml" "$T/$f.txt"
	verdict
	check "roundtrip-$f" 0 "$R" text "$T/$f.xml"; out_same "$T/$f.txt"; verdict
	check "metrics-$f" 0 timeout "$LIMIT" "$R" metrics "$T/$f.txt"; verdict
	rm -f "$T/$f.xml"
done

# --- a closed standard output is an error, not a silent success ------------------
check extract-closed-stdout 2 sh -c '"$0" extract "$1" >&-' "$R" "$EX"
err_fixed 'reportctl: '; verdict
check metrics-closed-stdout 2 sh -c '"$0" metrics "$1" >&-' "$R" "$EX"
err_fixed 'reportctl: '; verdict

finish
