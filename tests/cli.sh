#!/bin/sh
# Command-line tests for reportctl.
#
# Environment: REPORTCTL (the program), REPORTCTL_SCHEMA (report.xsd),
# SOURCE_ROOT (repository root; examples/000.txt is the bundled example).
# Prints "ok NAME" or "FAIL NAME: why" per case; exits 1 if any case failed.

: "${REPORTCTL:?REPORTCTL must name the reportctl binary}"
: "${REPORTCTL_SCHEMA:?REPORTCTL_SCHEMA must name report.xsd}"
: "${SOURCE_ROOT:?SOURCE_ROOT must name the repository root}"
export REPORTCTL_SCHEMA
R=$REPORTCTL
EX=$SOURCE_ROOT/examples/000.txt

T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 2' HUP INT TERM

. "$SOURCE_ROOT/tests/harness.sh"

# --- usage, version, bad commands and options -----------------------------
check help 0 "$R" --help; out_has '^usage: reportctl'; err_lines 0; verdict
check version 0 "$R" --version; out_has '^reportctl [0-9][0-9]*\.[0-9]'; verdict
for c in extract validate text; do
	check "help-$c" 0 "$R" $c --help; out_has "^usage: reportctl $c"; verdict
done
check no-command 2 "$R"; out_empty; verdict
check unknown-command 2 "$R" frobnicate; err_lines 1; err_has frobnicate; verdict
check unknown-global-option 2 "$R" --bogus; err_lines 1; err_fixed --bogus; verdict
for c in extract validate text; do
	check "unknown-option-$c" 2 "$R" $c --bogus "$EX"
	err_lines 1; err_fixed "'--bogus'"; out_empty; verdict
done
check unknown-short-option 2 "$R" extract -x "$EX"; err_lines 1; err_fixed "'-x'"; verdict
check missing-arg-extract-o 2 "$R" extract -o; err_lines 1; err_fixed "'-o'"; verdict
check missing-arg-text-o 2 "$R" text -o; err_lines 1; err_fixed "'-o'"; verdict
check missing-arg-encoding 2 "$R" extract --encoding; err_lines 1; verdict
check missing-arg-schema 2 "$R" validate --schema; err_lines 1; verdict

# --- extract from a file, stdin and '-'; text gives the input back ---------
check extract-file 0 "$R" extract -q "$EX"; out_has '<report '; err_lines 0
keep file.xml; verdict
stdin=$EX check extract-stdin 0 "$R" extract -q
out_has 'src-name="&lt;stdin>"'; keep stdin.xml; verdict
stdin=$EX check extract-dash 0 "$R" extract -q -; out_same "$T/stdin.xml"; verdict
sed 's/ src-name="[^"]*"//' "$T/file.xml" >"$T/file.nosrc"
sed 's/ src-name="[^"]*"//' "$T/stdin.xml" >"$T/stdin.nosrc"
check extract-file-vs-stdin 0 cmp "$T/file.nosrc" "$T/stdin.nosrc"; verdict
check text-file 0 "$R" text "$T/file.xml"; out_same "$EX"; err_lines 0; verdict
stdin=$T/file.xml check text-stdin 0 "$R" text; out_same "$EX"; verdict
stdin=$T/file.xml check text-dash 0 "$R" text -; out_same "$EX"; verdict
check extract-two-files 0 "$R" extract -q "$EX" "$EX"
assert "expected two XML declarations" [ "$(grep -c '<?xml' "$T/out")" -eq 2 ]; verdict

# --- the output is valid ------------------------------------------------------
check validate-extract 0 "$R" validate "$T/file.xml"; err_lines 0; out_empty; verdict
stdin=$T/file.xml check validate-stdin 0 "$R" validate; err_lines 0; verdict
check extract-with-schema 0 "$R" extract -q --schema "$REPORTCTL_SCHEMA" "$EX"
out_same "$T/file.xml"; verdict
check extract-validate 0 "$R" extract -q --validate "$EX"; err_lines 0
out_same "$T/file.xml"; verdict
# without --validate no schema is read: a missing one does not matter
check extract-no-schema-needed 0 env REPORTCTL_SCHEMA="$T/none.xsd" "$R" extract -q "$EX"
out_same "$T/file.xml"; verdict
check extract-validate-env-schema-missing 2 env REPORTCTL_SCHEMA="$T/none.xsd" \
	"$R" extract -q --validate "$EX"
err_fixed "reportctl: $T/none.xsd: "; out_empty; verdict
# A schema the output does not satisfy: an internal error for each input,
# nothing written for it, and every message names the input.
cat >"$T/wrong.xsd" <<'END'
<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
    targetNamespace="urn:reportctl:1" elementFormDefault="qualified">
  <xs:element name="report" type="xs:string"/>
</xs:schema>
END
only_input_messages() {
	[ "$(grep -c -v -F "reportctl: $EX: " "$T/err")" -eq 0 ]
}
check extract-schema-wrong 2 "$R" extract -q --schema "$T/wrong.xsd" "$EX"
err_fixed "reportctl: $EX: internal error: output does not validate: "
assert "a message does not name the input" only_input_messages; out_empty; verdict
mkdir "$T/wrong"
check extract-schema-wrong-o 2 "$R" extract -q --schema "$T/wrong.xsd" -o "$T/wrong/r.xml" "$EX"
err_fixed "reportctl: $EX: internal error: "; out_empty
assert "output written" [ -z "$(ls -A "$T/wrong")" ]; verdict
check extract-schema-wrong-dir 2 "$R" extract -q --schema "$T/wrong.xsd" -o "$T/wrong/" "$EX"
err_fixed "reportctl: $EX: internal error: "
assert "output written" [ -z "$(ls -A "$T/wrong")" ]; verdict
check extract-schema-wrong-jsonl 2 "$R" extract -q --jsonl --schema "$T/wrong.xsd" "$EX"
out_has '^\{"file":"[^"]*000\.txt","status":"error","error":"[^"]*internal error: '
assert "not one result line" [ "$(grep -c '' "$T/out")" -eq 1 ]; verdict
if command -v xmllint >/dev/null 2>&1; then
	check xmllint-schema 0 xmllint --noout --schema "$REPORTCTL_SCHEMA" "$T/file.xml"
	verdict
fi

# --- document diagnostics, and -q -------------------------------------------
check extract-diagnostics 0 "$R" extract "$EX"
err_has '000\.txt:[0-9]*:[0-9]*: warning: .*\[num-malformed\]'
assert "stderr line not in FILE:LINE:COL: SEVERITY: message [CODE] form" \
	[ "$(grep -c -v '^reportctl: .*:[0-9][0-9]*:[0-9][0-9]*: [a-z]*: .* \[[a-z-]*\]$' "$T/err")" -eq 0 ]
out_same "$T/file.xml"; verdict
check extract-quiet 0 "$R" extract -q "$EX"; err_lines 0; out_same "$T/file.xml"; verdict

# --- -o writes atomically ---------------------------------------------------
mkdir "$T/odir"
check extract-o 0 "$R" extract -q -o "$T/odir/r.xml" "$EX"; out_empty
assert "-o file differs from stdout" cmp -s "$T/odir/r.xml" "$T/file.xml"
assert "temporary file left behind" [ "$(ls -A "$T/odir")" = r.xml ]; verdict
printf 'old\n' >"$T/odir/r.xml"
printf 'a\000b' >"$T/nul1.txt"
check extract-o-failed-keeps-old 2 "$R" extract -o "$T/odir/r.xml" "$T/nul1.txt"
assert "old file changed" [ "$(cat "$T/odir/r.xml")" = old ]
assert "temporary file left behind" [ "$(ls -A "$T/odir")" = r.xml ]; verdict
check extract-o-no-dir 2 "$R" extract -q -o "$T/nodir/r.xml" "$EX"
err_fixed "reportctl: $T/nodir/r.xml:"; assert "directory created" [ ! -e "$T/nodir" ]
verdict
check extract-o-two-inputs 2 "$R" extract -q -o "$T/odir/two.xml" "$EX" "$EX"
assert "output written" [ ! -e "$T/odir/two.xml" ]; verdict
check text-o 0 "$R" text -o "$T/odir/r.txt" "$T/file.xml"; out_empty
assert "-o text differs from input" cmp -s "$T/odir/r.txt" "$EX"; verdict

# --- unreadable files, and batches that go on after one -----------------------
mkdir "$T/adir"
check extract-missing 2 "$R" extract "$T/missing.txt"; err_fixed "reportctl: $T/missing.txt:"
out_empty; verdict
check extract-directory 2 "$R" extract "$T/adir"; err_fixed "reportctl: $T/adir:"; verdict
check extract-batch 2 "$R" extract -q "$EX" "$T/missing.txt" "$EX"
err_fixed "reportctl: $T/missing.txt:"
assert "expected two <report documents" [ "$(grep -c '<report' "$T/out")" -eq 2 ]; verdict
check text-missing 2 "$R" text "$T/missing.xml"; err_fixed "reportctl: $T/missing.xml:"; verdict

# --- input that is not text ----------------------------------------------------
printf 'hello world\n\000tail\n' >"$T/nul.txt"
check nul-byte 2 "$R" extract "$T/nul.txt"
err_has 'nul\.txt:2:1: error: .*byte 12([^0-9]|$)'; out_empty; verdict
{ cat "$EX"; printf '\000'; } >"$T/nul-end.txt"
check nul-byte-at-end 2 "$R" extract "$T/nul-end.txt"; err_has 'byte 12303([^0-9]|$)'
out_empty; verdict
printf '一二三\344\270' >"$T/trunc.txt"
check truncated-utf8 2 "$R" extract "$T/trunc.txt"
err_has 'trunc\.txt:[0-9]*:[0-9]*: error: .*truncated'; err_has 'byte 9([^0-9]|$)'
out_empty; verdict
{ cat "$EX"; printf '\344\270'; } >"$T/trunc-end.txt"
check truncated-utf8-at-end 2 "$R" extract "$T/trunc-end.txt"; err_has truncated
err_has 'byte 12303([^0-9]|$)'; verdict
i=0; : >"$T/bin.txt"
while [ $i -lt 64 ]; do
	printf '\001\002\003\200\377\376\031\377\300\301\007\020' >>"$T/bin.txt"; i=$((i + 1))
done
check binary 2 "$R" extract "$T/bin.txt"; err_has 'byte [0-9]'; out_empty; verdict

# --- encodings and line ends ----------------------------------------------------
{ printf '\357\273\277'; cat "$EX"; } >"$T/bom.txt"
check utf8-bom 0 "$R" extract -q "$T/bom.txt"; out_has '<report [^>]*bom="true"'; keep bom.xml
verdict
check utf8-bom-text 0 "$R" text "$T/bom.xml"; out_same "$T/bom.txt"; verdict
cr=$(printf '\r'); sed "s/\$/$cr/" "$EX" >"$T/crlf.txt"
check crlf 0 "$R" extract -q "$T/crlf.txt"; out_has '&#13;'; keep crlf.xml; verdict
check crlf-text 0 "$R" text "$T/crlf.xml"; out_same "$T/crlf.txt"; verdict
tr '\n' '\r' <"$EX" >"$T/cr.txt"
check cr 0 "$R" extract -q "$T/cr.txt"; out_has '&#13;'; keep cr.xml; verdict
check cr-text 0 "$R" text "$T/cr.xml"; out_same "$T/cr.txt"; verdict
# a diagnostic's line counts LF, CR LF and a lone CR each as one line end
printf '说明文字。\n一、概况\n四)第二项\n' >"$T/diag-lf.txt"
printf '说明文字。\r\n一、概况\r\r四)第二项\r\n' >"$T/diag-mixed.txt"
check diag-line-lf 0 "$R" extract -o "$T/diag.xml" "$T/diag-lf.txt"
err_has '^reportctl: [^:]*diag-lf\.txt:3:1: warning: .*\[num-malformed\]$'; verdict
check diag-line-mixed 0 "$R" extract -o "$T/diag.xml" "$T/diag-mixed.txt"
err_has '^reportctl: [^:]*diag-mixed\.txt:4:1: warning: .*\[num-malformed\]$'; verdict
# UTF-16 with BOM: the BOM decodes to U+FEFF, which comes back as EF BB BF.
for e in LE:'\377\376' BE:'\376\377'; do
	{ printf "${e#*:}"; iconv -f UTF-8 -t "UTF-16${e%%:*}" "$EX"; } >"$T/u16.txt"
	check "utf16${e%%:*}" 0 "$R" extract -q "$T/u16.txt"
	out_has "<report [^>]*encoding=\"UTF-16${e%%:*}\""; keep u16.xml; verdict
	check "utf16${e%%:*}-text" 0 "$R" text "$T/u16.xml"; out_same "$T/bom.txt"; verdict
done
iconv -f UTF-8 -t UTF-16LE "$EX" >"$T/u16nobom.txt"
check utf16-no-bom-refused 2 "$R" extract -q "$T/u16nobom.txt"; verdict
check utf16-no-bom-forced 0 "$R" extract -q --encoding UTF-16LE "$T/u16nobom.txt"
out_has '<report [^>]*encoding="UTF-16LE"'; keep u16f.xml; verdict
check utf16-no-bom-forced-text 0 "$R" text "$T/u16f.xml"; out_same "$EX"; verdict
iconv -f UTF-8 -t GB18030 "$EX" >"$T/gb.txt"
check gb18030 0 "$R" extract -q "$T/gb.txt"; out_has '<report [^>]*encoding="GB18030"'
keep gb.xml; verdict
check gb18030-text 0 "$R" text "$T/gb.xml"; out_same "$EX"; verdict
check gb18030-forced 0 "$R" extract -q --encoding GB18030 "$T/gb.txt"
out_has '<report [^>]*encoding="GB18030"'; keep gbf.xml; verdict
check gb18030-forced-text 0 "$R" text "$T/gbf.xml"; out_same "$EX"; verdict
check encoding-unknown 2 "$R" extract -q --encoding NOPE "$EX"; err_has NOPE; out_empty
verdict

# --- control characters are carried as <ctl> ---------------------------------
{ sed -n '1,20p' "$EX"; printf 'page one\f\npage two \033[1m bold\n'; sed '1,20d' "$EX"; } >"$T/ctl.txt"
check ctl 0 "$R" extract -q "$T/ctl.txt"; out_has '<ctl [^>]*cp="0C"'; out_has '<ctl [^>]*cp="1B"'
keep ctl.xml; verdict
check ctl-text 0 "$R" text "$T/ctl.xml"; out_same "$T/ctl.txt"; verdict
check ctl-validate 0 "$R" validate "$T/ctl.xml"; err_lines 0; verdict

# --- write errors -----------------------------------------------------------------
if [ -c /dev/full ]; then
	stdout=/dev/full check extract-dev-full 2 "$R" extract -q "$EX"; err_has 'write error'; verdict
	stdout=/dev/full check text-dev-full 2 "$R" text "$T/file.xml"; err_has 'write error'; verdict
fi

# --- validate ---------------------------------------------------------------------
sed 's/style="cn-dun"/style="bogus"/' "$T/file.xml" >"$T/bad.xml"
check validate-invalid 1 "$R" validate "$T/bad.xml"; err_has 'bad\.xml:[0-9][0-9]*: '; verdict
head -c 2000 "$T/file.xml" >"$T/cut.xml"
check validate-truncated 1 "$R" validate "$T/cut.xml"; err_has 'cut\.xml:[0-9][0-9]*: '; verdict
printf '<a>x</b>\n' >"$T/nwf.xml"
check validate-not-well-formed 1 "$R" validate "$T/nwf.xml"; verdict
printf '<a/>\n' >"$T/a.xml"
check validate-foreign 1 "$R" validate "$T/a.xml"; verdict
cat >"$T/lol.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE report [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<report xmlns="urn:reportctl:1">&lol3;</report>
EOF
cat >"$T/xxe.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE report [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<report xmlns="urn:reportctl:1">&xxe;</report>
EOF
check validate-doctype-entities 2 "$R" validate "$T/lol.xml"; err_has 'document type'; verdict
check validate-doctype-external 2 "$R" validate "$T/xxe.xml"; err_has 'document type'; verdict
check validate-missing 2 "$R" validate "$T/missing.xml"; err_fixed "reportctl: $T/missing.xml:"
verdict
check validate-batch 1 "$R" validate "$T/file.xml" "$T/bad.xml" "$T/file.xml"
err_has 'bad\.xml:[0-9]+: '; err_lacks file.xml; verdict
check validate-batch-worst 2 "$R" validate "$T/bad.xml" "$T/missing.xml" "$T/file.xml"; verdict
check validate-schema-missing 2 "$R" validate --schema "$T/none.xsd" "$T/file.xml"; verdict
check validate-env-schema-missing 2 env REPORTCTL_SCHEMA="$T/none.xsd" "$R" validate "$T/file.xml"
verdict
check extract-schema-missing 2 "$R" extract -q --schema "$T/none.xsd" "$EX"; out_empty; verdict

# --- text on documents it must refuse -----------------------------------------
check text-foreign 2 "$R" text "$T/a.xml"; err_fixed "$T/a.xml:"; out_empty; verdict
check text-not-well-formed 2 "$R" text "$T/nwf.xml"; out_empty; verdict
check text-doctype-external 2 "$R" text "$T/xxe.xml"; out_lacks 'root:'; out_empty; verdict
check text-doctype-entities 2 "$R" text "$T/lol.xml"; out_lacks lol; verdict

# --- metrics ----------------------------------------------------------------
check help-metrics 0 "$R" metrics --help; out_has '^usage: reportctl metrics'; verdict
check unknown-option-metrics 2 "$R" metrics --bogus "$EX"; err_lines 1; err_fixed "'--bogus'"
out_empty; verdict
check metrics-bad-format 2 "$R" metrics --format xml "$EX"; err_lines 1; err_fixed xml; verdict
check metrics-bad-min 2 "$R" metrics --min 1e5 "$EX"; err_lines 1; err_fixed 1e5; verdict
check metrics-tsv 0 "$R" metrics "$EX"
out_has '^file	start	end	raw	kind	value	unit	'
# the reference document's 3800万元 and its 500万元以上 threshold
out_has '	1310	1320	3800万元	money	38000000	CNY	3800	10000	exact	'
out_has '	500万元	money	5000000	CNY	500	10000	min		5000000		.*	policy	'
keep metrics.tsv; verdict
stdin=$EX check metrics-stdin 0 "$R" metrics; out_has '^<stdin>	1310	1320	'; verdict
check metrics-rows 0 "$R" metrics --no-header "$EX"; keep metrics-nh.tsv
assert "one row per line after the header" \
	test "$(($(wc -l <"$T/metrics.tsv") - 1))" -eq "$(wc -l <"$T/metrics-nh.tsv")"
verdict
check metrics-kind 0 "$R" metrics --no-header --kind money "$EX"
assert "only money rows" sh -c "! cut -f5 '$T/out' | grep -qv '^money\$'"
out_has '3800万元'; verdict
check metrics-kind-list 0 "$R" metrics --no-header --kind percent,ratio "$EX"
out_has '	ratio	0.333333	'; out_has '	percent	4.2	%	'; out_lacks '	money	'; verdict
check metrics-role 0 "$R" metrics --no-header --role target "$EX"
out_has '	3亿元	money	300000000	'; out_lacks '3800万元'; verdict
check metrics-min 0 "$R" metrics --no-header --min 17000000 --unit CNY "$EX"
out_has '3800万元'; out_has '3.27亿元'; out_lacks '1692.46万元'; out_lacks '1600万元'; verdict
check metrics-csv 0 "$R" metrics --format csv "$EX"
out_has '^file,start,end,raw,kind,value,unit,'; out_has '1310,1320,3800万元,money,38000000,CNY'
assert "CRLF line ends" grep -q "$(printf '\r')\$" "$T/out"; verdict
check metrics-jsonl 0 "$R" metrics --format jsonl "$EX"
out_has '^\{"file":"[^"]*000.txt","start":1310,"end":1320,"raw":"3800万元","kind":"money","value":"38000000"'
assert "one object per line" sh -c "! grep -qv '^{.*}\$' '$T/out'"
verdict
# a tab, a backslash and a line break in a TSV cell are escaped (\t \\ \n),
# so that a row stays one line of the columns of the header
mkdir -p "$T/esc"
tab=$(printf '\t')
printf '投资3亿元。\n' >"$T/esc/a${tab}b\\c"
check metrics-tsv-escapes 0 "$R" metrics --no-header "$T/esc/a${tab}b\\c"
assert "cell not escaped" grep -q -F 'a\tb\\c	6	13	' "$T/out"
assert "one row of 27 cells" [ "$(awk -F'\t' '{ print NF }' "$T/out")" = 27 ]
verdict
printf '一、概况\n指数为105.3，位列第3位。\n' >"$T/m2.txt"
check metrics-plain 0 "$R" metrics --no-header "$T/m2.txt"; out_empty; verdict
check metrics-all 0 "$R" metrics --no-header --all "$T/m2.txt"
out_has '	105.3	number	105.3	'; out_has '	3位	ordinal	3	'; verdict
# the same rows from the text and from its extract XML
check metrics-from-xml 0 "$R" extract -q -o "$T/ex.xml" "$EX"; verdict
check metrics-xml 0 "$R" metrics --no-header "$T/ex.xml"; keep metrics-xml.tsv
cut -f2- "$T/metrics-nh.tsv" >"$T/cut.tsv"
assert "XML input gives the same rows as text input" sh -c \
	"cut -f2- '$T/metrics-xml.tsv' | cmp -s - '$T/cut.tsv'"
verdict
printf '一、概况\n全年完成投资3亿元。\n' >"$T/m1.txt"
check metrics-batch 2 "$R" metrics --no-header "$T/m1.txt" "$T/missing.txt" "$T/m1.txt"
err_fixed "$T/missing.txt:"; assert "both good files listed" test "$(grep -c '3亿元' "$T/out")" -eq 2
verdict
check metrics-undecodable 2 "$R" metrics "$T/nul.txt"; err_has 'byte [0-9]+'; verdict
if [ -c /dev/full ]; then
	stdout=/dev/full check metrics-dev-full 2 "$R" metrics "$EX"; err_fixed 'write error'
	verdict
fi
check metrics-o 0 "$R" metrics -o "$T/m.tsv" "$EX"; out_empty
assert "-o wrote the table" cmp -s "$T/m.tsv" "$T/metrics.tsv"
assert "no temporary file left" sh -c "! ls '$T' | grep -q 'tmp'"
verdict

# --- an XHTML page is a page, not one of our documents ----------------------------
printf '<?xml version="1.0" encoding="UTF-8"?>\n<!-- saved -->\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>一、总体情况</p><p>全年完成投资3800万元。</p></body></html>\n' >"$T/page.xhtml"
check metrics-xhtml 0 "$R" metrics --no-header "$T/page.xhtml"
out_has '3800万元	money	38000000	CNY'; err_lines 0; verdict
printf '<?xml version="1.0"?>\n<!DOCTYPE report SYSTEM "http://example.invalid/r.dtd">\n<report/>\n' >"$T/dtd.xml"
check metrics-xml-doctype-refused 2 "$R" metrics --no-header "$T/dtd.xml"
err_fixed "document type declarations are refused"; out_empty; verdict

# --- where paragraphs go: 各位代表 sums up the top-level part, or closes ------
# The skeleton of the body: each section by its marker, each paragraph by
# its kind and text up to its first element, each end of a section.
skeleton() {
	sed 's/ start="[0-9]*" end="[0-9]*"//g' "$1" |
		grep -o '<section[^>]*num="[^"]*"\|</section>\|<p[^>]*>[^<]*' |
		sed 's/<section.*num="\([^"]*\)"/S \1/; s/<p>/p /; s/<p kind="\([a-z]*\)">/p(\1) /'
}
printf '%s\n' 政府工作报告 一、工作回顾 （一）经济 全年完成投资10亿元。 各位代表！过去一年成绩来之不易。 \
	二、今年工作 （一）项目 新增就业8万人。 （二）民生 各位代表！让我们团结奋斗。 我们一定能完成任务。 \
	>"$T/delegates.txt"
printf '%s\n' 'S 一、' 'S （一）' 'p 全年完成投资' '</section>' 'p 各位代表！过去一年成绩来之不易。' \
	'</section>' 'S 二、' 'S （一）' 'p 新增就业' '</section>' 'S （二）' '</section>' '</section>' \
	'p(closing) 各位代表！让我们团结奋斗。' 'p(closing) 我们一定能完成任务。' >"$T/delegates.want"
check address-to-delegates-closes-subsections 0 "$R" extract -q "$T/delegates.txt"
skeleton "$T/out" >"$T/delegates.got"
assert "the skeleton differs from $T/delegates.want" cmp -s "$T/delegates.got" "$T/delegates.want"
verdict
# 同志们 opens the closing too, and an appendix after it is no closing
printf '%s\n' 政府工作报告 一、工作回顾 （一）经济 全年完成投资10亿元。 二、今年工作 （一）项目 新增就业8万人。 \
	（二）民生 同志们！让我们团结奋斗。 附件 1.民生实事 新增学位1万个。 >"$T/comrades.txt"
printf '%s\n' 'S 一、' 'S （一）' 'p 全年完成投资' '</section>' '</section>' 'S 二、' 'S （一）' 'p 新增就业' \
	'</section>' 'S （二）' '</section>' '</section>' 'p(closing) 同志们！让我们团结奋斗。' 'p 附件' 'S 1.' \
	'p 新增学位' '</section>' >"$T/comrades.want"
check comrades-close-appendix-does-not 0 "$R" extract -q "$T/comrades.txt"
skeleton "$T/out" >"$T/comrades.got"
assert "the skeleton differs from $T/comrades.want" cmp -s "$T/comrades.got" "$T/comrades.want"
verdict
# 各位代表 that leads into the subsections right after it closes nothing
printf '%s\n' 政府工作报告 一、2025年工作回顾 过去一年，全市完成10个。 二、2026年重点工作 \
	各位代表！做好今年工作，我们要重点抓好以下工作。 （一）扩大内需 新建3个。 （二）产业升级 新建4个。 \
	各位代表！新征程充满光荣和梦想。 >"$T/lead-in.txt"
printf '%s\n' 'S 一、' 'p 过去一年，全市完成' '</section>' 'S 二、' 'p 各位代表！做好今年工作，我们要重点抓好以下工作。' \
	'S （一）' 'p 新建' '</section>' 'S （二）' 'p 新建' '</section>' '</section>' \
	'p(closing) 各位代表！新征程充满光荣和梦想。' >"$T/lead-in.want"
check delegates-leading-into-subsections 0 "$R" extract -q "$T/lead-in.txt"
skeleton "$T/out" >"$T/lead-in.got"
assert "the skeleton differs from $T/lead-in.want" cmp -s "$T/lead-in.got" "$T/lead-in.want"
verdict
# the line of 相关链接>> itself goes to the footer with the titles under it
printf '%s\n' 某县工作总结 一、工作回顾 全年完成投资100亿元。 '相关链接>>' \
	某县人民代表大会关于政府工作报告的决议全文及解读材料汇编（二〇二六年版） 打印本页 关闭窗口 >"$T/links.txt"
printf '%s\n' 'S 一、' 'p 全年完成投资' '</section>' >"$T/links.want"
check related-links-head-is-footer 0 "$R" extract -q "$T/links.txt"
skeleton "$T/out" >"$T/links.got"
assert "the skeleton differs from $T/links.want" cmp -s "$T/links.got" "$T/links.want"
verdict

finish
