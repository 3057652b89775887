#!/bin/sh
# HTML pages saved from portals. tests/html/NNN.html is the golden text
# tests/golden/NNN.txt laid out as a portal page (header, menu,
# breadcrumb, metadata table, body, share buttons, footer); 008.gbk.html
# is GBK with a gb2312 charset declaration, 101.html old table-layout
# markup (unclosed <p> and <td>, <br>, &nbsp;, nested tables).
#
# For each page: extract gives exactly NNN.xml and NNN.err, metrics
# exactly NNN.metrics.tsv (run with UPDATE=1 to rewrite them, then read
# the diff); the output is valid; script and style text never appear;
# the words of the page chrome appear inside boilerplate only; every
# indicator's offsets point at its figure in the extracted text; the
# indicators are those of the text the page was made from; the XML read
# back gives the same indicators. Then text with markup in it stays text,
# odd and hostile pages go through, every corpus document laid out as a
# page goes through, and allocation failures on a page are handled.
: "${REPORTCTL:?}" "${REPORTCTL_SCHEMA:?}" "${SOURCE_ROOT:?}"
export REPORTCTL_SCHEMA
R=$REPORTCTL
H=$SOURCE_ROOT/tests/html
G=$SOURCE_ROOT/tests/golden

T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 2' HUP INT TERM

. "$SOURCE_ROOT/tests/harness.sh"

have_xmllint=false
command -v xmllint >/dev/null 2>&1 && have_xmllint=true

# Words that stand only in the chrome of each page, never in its report.
chrome_words() {
	case $1 in
	000) echo '_中宁县人民政府|欢迎光临|走进中宁|当前位置|分享到|打印本页|关闭窗口|相关链接|国家各网站|联系我们|版权所有|网站标识码|宁ICP备' ;;
	101) echo '平潭综合实验区管委会|省人大|闽政通APP|走进平潭|长者模式|当前位置|扫一扫|关闭|使用帮助|隐私保护|网站标识码|版权所有|主办单位' ;;
	008.gbk) echo '-大庆市统计局|搜索|统计动态|您现在的位置|分享到|新浪微博|主办|承办|联系电话|黑ICP备|网站标识码' ;;
	esac
}
# Text of the pages' scripts and styles.
script_words='脚本里的文字|样式里的文字|_hmt|doZoom|document.write|font-family|line-height|jquery'

# Every field but file, start, end and issuer (the pages add a 发布机构).
figures() { cut -f4-22,24- "$1"; }

# offsets_hold TEXT METRICS: each indicator's [start, end) of TEXT is its raw.
offsets_hold() {
	LC_ALL=C awk -F '\t' -v text="$1" '
		BEGIN { while ((getline l < text) > 0) t = t l "\n" }
		NR > 1 && substr(t, $2 + 1, $3 - $2) != $4 { bad++; print "offsets " $2 "-" $3 " do not hold " $4 }
		END { exit bad > 0 }' "$2" >"$T/offsets" 2>&1
}

for page in "$H"/*.html; do
	n=$(basename "$page" .html)
	txt=$G/${n%.gbk}.txt

	# --- golden XML, diagnostics and metrics ------------------------------
	if [ "${UPDATE:-}" = 1 ]; then
		(cd "$H" && "$R" extract "$n.html" >"$n.xml" 2>"$n.err"
		 "$R" metrics "$n.html" >"$n.metrics.tsv")
		continue
	fi
	check "$n-extract" 0 sh -c 'cd "$1" && "$2" extract "$3.html"' sh "$H" "$R" "$n"
	keep "$n.xml"
	[ -z "$why" ] && ! cmp -s "$T/out" "$H/$n.xml" &&
		fail_with "XML differs: $(diff "$H/$n.xml" "$T/out" | head -c 400)"
	[ -z "$why" ] && ! cmp -s "$T/err" "$H/$n.err" &&
		fail_with "stderr differs: $(diff "$H/$n.err" "$T/err" | head -c 400)"
	out_has ' source-format="html"'
	# the digest and size are those of the page, not of its text
	out_has " src-bytes=\"$(wc -c <"$page" | tr -d ' ')\""
	if command -v sha256sum >/dev/null 2>&1; then
		out_has " src-sha256=\"$(sha256sum <"$page" | cut -d' ' -f1)\""
	fi
	verdict
	check "$n-metrics" 0 sh -c 'cd "$1" && "$2" metrics "$3.html"' sh "$H" "$R" "$n"
	out_same "$H/$n.metrics.tsv"; keep "$n.metrics"; verdict

	# --- valid, and free of scripts and styles ----------------------------
	check "$n-valid" 0 "$R" validate "$T/$n.xml"; verdict
	if $have_xmllint; then
		check "$n-xmllint" 0 xmllint --noout --schema "$REPORTCTL_SCHEMA" "$T/$n.xml"
		verdict
	fi
	check "$n-text" 0 "$R" text "$T/$n.xml"; keep "$n.text"
	! grep -q -E -- "$script_words" "$T/out" || fail_with "script or style text: $(grep -o -E -- "$script_words" "$T/out" | head -3)"
	verdict

	# --- the chrome is boilerplate, and only the chrome -------------------
	if $have_xmllint; then
		words=$(chrome_words "$n")
		check "$n-chrome-marked" 0 xmllint --xpath \
			"//text()[not(ancestor::*[local-name()='boilerplate'])]" "$T/$n.xml"
		! grep -q -E -- "$words" "$T/out" ||
			fail_with "chrome outside boilerplate: $(grep -o -E -- "$words" "$T/out" | head -3 | tr '\n' ' ')"
		verdict
		check "$n-chrome-present" 0 xmllint --xpath \
			"//*[local-name()='boilerplate']//text()" "$T/$n.xml"
		for w in $(echo "$words" | tr '|' ' '); do
			grep -q -F -- "$w" "$T/out" || fail_with "'$w' in no boilerplate"
		done
		verdict
	fi

	# --- offsets are into the extracted text ------------------------------
	check "$n-offsets" 0 offsets_hold "$T/$n.text" "$T/$n.metrics"
	[ "$(wc -l <"$T/$n.metrics")" -gt 10 ] || fail_with "too few indicators"
	verdict

	# --- the report is the same as in the text it came from ---------------
	"$R" metrics "$txt" >"$T/txt.metrics"
	figures "$T/txt.metrics" >"$T/want"
	check "$n-same-figures-as-text" 0 figures "$T/$n.metrics"; out_same "$T/want"
	[ -z "$why" ] || diff "$T/want" "$T/out" | head -5
	verdict
	# reading the XML back loses the markup, not the figures
	check "$n-xml-figures" 0 "$R" metrics "$T/$n.xml"
	cut -f2- "$T/out" >"$T/got"
	cut -f2- "$T/$n.metrics" | cmp -s - "$T/got" || fail_with "figures differ from the page's"
	verdict
	# the extracted text is a text like any other: lossless from here on
	check "$n-text-lossless" 0 sh -c '"$1" extract -q "$2" | "$1" text' sh "$R" "$T/$n.text"
	out_same "$T/$n.text"; verdict
done
[ "${UPDATE:-}" = 1 ] && exit 0

check gbk-decoded 0 cat "$T/008.gbk.xml"; out_has ' encoding="GB18030"'
out_has "<title start=\"[0-9]+\" end=\"[0-9]+\"><period role=\"review\" value=\"2012\" [^>]*>2012年</period>大庆市国民经济和社会发展统计公报</title>"
verdict

# --- markup in a text does not make a page --------------------------------
printf '一、总体情况\n全年收入<5万元的企业有3家，<p>不是标签</p>。\n<html>也只是文字\n' >"$T/lt.txt"
printf '<b>注意</b>：本文为2020年工作总结。\n一、总体情况\n' >"$T/tag-first.txt"
printf '<header>工作总结</header>\n<bodyguard>\n' >"$T/header.txt"
printf '<!-- 注释 -->\n一、总体情况\n完成投资3亿元。\n' >"$T/comment-first.txt"
for f in lt tag-first header comment-first; do
	check "text-$f" 0 "$R" extract -q "$T/$f.txt"; keep "$f.xml"
	out_lacks 'source-format'; verdict
	check "text-$f-lossless" 0 "$R" text "$T/$f.xml"; out_same "$T/$f.txt"; verdict
done

# --- what makes a page ----------------------------------------------------
printf '\357\273\277 \n<!-- saved from url=(0022)http://example.org/ -->\n<?xml version="1.0"?>\n<HTML><BODY><P>一、总体情况<P>完成投资3亿元。</BODY></HTML>\n' >"$T/bom.html"
printf '<!doctype HTML>\n<p>完成投资3亿元。\n' >"$T/doctype.html"
printf '<head><title>x</title></head>完成投资3亿元。' >"$T/head.html"
printf '<body onload="f()">完成投资3亿元。' >"$T/body.html"
for f in bom doctype head body; do
	check "page-$f" 0 "$R" extract -q "$T/$f.html"; out_has 'source-format="html"'
	keep "$f.xml"; verdict
	check "page-$f-text" 0 "$R" text "$T/$f.xml"; out_has '^完成投资3亿元。$'
	out_lacks '<'; verdict
done
check page-bom-keeps-bom 0 cat "$T/bom.xml"; out_has ' bom="true"'; verdict

# --- what is chrome, and what is not --------------------------------------
cat >"$T/marks.html" <<'EOF'
<html><body>
<DIV CLASS="NAV">首页 | 政务公开</DIV>
<div role="navigation"><a>机构概况</a><a>政策文件</a></div>
<div class="position-relative"><dl class="xxgk"><dt>索引号：</dt><dd>000014349/2021-00032</dd><dt>发文日期：</dt><dd>2021年3月5日</dd></dl></div>
<article><header class="page-header"><h2>某某局2021年工作计划</h2></header>
<div id="top"><p>一、总体目标</p><p>全年完成投资3亿元。</p><p>新建学校2所。</p><p>新增就业500人。</p></div>
<footer>责任编辑：某某</footer></article>
<div class="xgwz"><h4>相关文章</h4><ul><li>某某局2020年工作总结</li></ul></div>
<div role="contentinfo">版权所有 某某局</div>
</body></html>
EOF
check marks 0 "$R" extract -q "$T/marks.html"
out_has '<boilerplate kind="nav" [^>]*>首页 \| 政务公开</boilerplate>'
out_has '<boilerplate kind="nav" [^>]*>机构概况 政策文件</boilerplate>'
out_has '<field label="索引号" [^>]*>索引号：'
out_has '<field label="发文日期" [^>]*>发文日期：'
out_has '<title [^>]*><issuer name="某某局" role="owner" [^>]*>某某局</issuer><period [^>]*>2021年</period>工作计划</title>'
out_has '<indicator [^>]*>500人</indicator>'
out_has '<boilerplate kind="footer" [^>]*>责任编辑：某某</boilerplate>'
out_has '<boilerplate kind="chrome" [^>]*>相关文章'
out_has '<boilerplate kind="footer" [^>]*>版权所有 某某局</boilerplate>'
verdict

# --- odd and hostile pages ------------------------------------------------
printf '<html></html>' >"$T/empty.html"
printf '<html><body><p>一、总体情况<!-- never closed' >"$T/open-comment.html"
printf '<html><body>&#1;&#0;&#xD800;&#12;a&#13;b<pre>c&#13;\nd</pre>' >"$T/controls.html"
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<div class=\"nav\">x"; print "</body></html>" }' >"$T/deep.html"
awk 'BEGIN { printf "<html><body><table>"; for (i = 0; i < 20000; i++) printf "<tr><td>索引号：<td>%d", i; print "</table>" }' >"$T/cells.html"
for f in empty open-comment controls deep cells; do
	check "odd-$f" 0 "$R" extract -q "$T/$f.html"; keep "$f.xml"; verdict
	check "odd-$f-valid" 0 "$R" validate "$T/$f.xml"; verdict
done

# --- every corpus document as a page --------------------------------------
CORPUS=${CORPUS:-$SOURCE_ROOT/../shared/corpus}
if [ -d "$CORPUS" ]; then
	n=0 bad=
	for input in "$CORPUS"/*.txt; do
		n=$((n + 1))
		name=$(basename "$input" .txt)
		{ printf '<!DOCTYPE html>\n<html><head><title>%s</title></head><body>\n' "$name"
		  sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/^/<p>/; s/$/<\/p>/' "$input"
		  printf '</body></html>\n'; } >"$T/page.html"
		if ! "$R" extract -q "$T/page.html" >"$T/page.xml" 2>"$T/err" ||
			! "$R" validate "$T/page.xml" 2>>"$T/err"; then
			bad="$bad $name"
		fi
	done
	check corpus-as-pages 0 true
	[ -z "$bad" ] || fail_with "failed:$bad"
	[ "$n" -gt 0 ] || fail_with "no corpus documents"
	verdict
else
	echo "skip corpus-as-pages: no corpus at $CORPUS"
fi

# --- allocation failures --------------------------------------------------
# unit_alloc fails each allocation of a parse in turn; built beside the
# program, it is run on a page when it is there.
alloc=$(dirname "$R")/../tests/unit_alloc
if [ -x "$alloc" ]; then
	check alloc-html 0 "$alloc" "$H/000.html" "$H/101.html" "$SOURCE_ROOT/schemas/report.xsd"
	verdict
else
	echo "skip alloc-html: no unit_alloc beside $R"
fi

finish
