#!/bin/sh
# reportctl summarize: golden text and JSON summaries of the reference
# document and three corpus documents; the HTML page is well-formed and
# self-contained; the roll-up's totals agree with reportctl metrics.
# Run with UPDATE=1 to rewrite the golden outputs (then read their diff).
set -u
: "${REPORTCTL:?}" "${SOURCE_ROOT:?}"
R=$REPORTCTL
G=$SOURCE_ROOT/tests/golden
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
failed=0 total=0
ok() { total=$((total + 1)); printf 'ok %s\n' "$1"; }
bad() { total=$((total + 1)); failed=$((failed + 1)); printf 'FAIL %s: %s\n' "$1" "$2"; }

cd "$G" || exit 2
for name in 000 017 101 131; do
	for f in text json; do
		"$R" summarize -f "$f" "$name.txt" >"$T/out" 2>"$T/err" ||
			{ bad "summary-$f-$name" "exit $?: $(head -1 "$T/err")"; continue; }
		if [ "${UPDATE:-}" = 1 ]; then
			cp "$T/out" "$name.summary.$f"
		elif cmp -s "$T/out" "$name.summary.$f"; then
			ok "summary-$f-$name"
		else
			bad "summary-$f-$name" "differs"
			diff "$name.summary.$f" "$T/out" | head -10
		fi
	done
done

# The text fits 80 columns (East Asian wide characters count two).
if command -v python3 >/dev/null 2>&1; then
	"$R" summarize ./*.txt 2>/dev/null | python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
bad = [l for l in sys.stdin.read().splitlines() if w(l) > 80]
sys.exit(1 if bad else 0)' && ok text-fits-80 || bad text-fits-80 "a line is wider than 80 columns"
fi

# HTML: well-formed, no script, no network reference.
"$R" summarize -f html 000.txt >"$T/page.html"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$T/page.html" 2>"$T/err" && ok html-well-formed ||
		bad html-well-formed "$(head -1 "$T/err")"
fi
if grep -q -i -E '<script|src="http|href="http' "$T/page.html"; then
	bad html-self-contained "script or remote reference"
else
	ok html-self-contained
fi
[ "$(grep -c '<svg ' "$T/page.html")" -eq 2 ] && ok html-two-charts || bad html-two-charts "not two SVG charts"
"$R" summarize --roll-up -f html 000.txt 017.txt >"$T/rollup.html"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$T/rollup.html" 2>"$T/err" && ok rollup-html-well-formed ||
		bad rollup-html-well-formed "$(head -1 "$T/err")"
fi

# Roll-up totals agree with metrics, to the last digit (Python's decimal).
if command -v python3 >/dev/null 2>&1; then
	set -- "$G"/*.txt
	[ -d "${CORPUS:-}" ] && set -- "$CORPUS"/*.txt
	"$R" summarize --roll-up "$@" >"$T/rollup.tsv" 2>/dev/null
	"$R" metrics "$@" >"$T/metrics.tsv" 2>/dev/null
	python3 - "$T/rollup.tsv" "$T/metrics.tsv" <<'PY' && ok rollup-agrees-with-metrics || bad rollup-agrees-with-metrics "totals differ"
import csv, sys
from decimal import Decimal
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
total = rows[-1]
want = {"actual": Decimal(0), "target": Decimal(0)}
for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE):
    # parts (其中 …) are inside their whole: the roll-up leaves them out
    if r["kind"] == "money" and r["unit"] == "CNY" and r["role"] in want and "part" not in r["flags"].split():
        want[r["role"]] += Decimal(r["value"])
got = {"actual": Decimal(total["money_actual"]), "target": Decimal(total["money_target"])}
print("roll-up", got, "metrics", want)
per_doc = sum(Decimal(r["money_actual"]) for r in rows[:-1])
sys.exit(0 if got == want and per_doc == got["actual"] else 1)
PY
fi

# The document type from the title: a table of titles and their types
# (the first line of a document, with one section and one figure).
while IFS='	' read -r want title; do
	printf '%s\n\n一、工作情况\n完成投资5亿元。\n' "$title" >"$T/doc.txt"
	got=$("$R" summarize -f json "$T/doc.txt" 2>/dev/null | sed -n 's/.*"doc_type":"\([^"]*\)".*/\1/p')
	[ "$got" = "$want" ] && ok "doc-type-$want: $title" ||
		bad "doc-type-$want: $title" "got '$got'"
done <<'TABLE'
summary-plan	某县科技局2020年上半年工作总结及下半年工作计划
work-summary	某县教育局2023年工作总结
work-plan	某区公安局2024年工作计划
gov-work-report	2026年某市人民政府工作报告
notice	某局关于印发《2022年度监督检查工作计划》的通知
notice	某省人民政府办公厅关于印发工业互联网创新发展行动计划(2021—2023年)的通知
plan	某省国民经济和社会发展第十个五年计划纲要
plan	中华人民共和国国民经济和社会发展第六个五年计划
budget	关于2023年预算执行情况和2024年预算草案的报告
other	关于2023年度区本级预算执行和其他财政收支的审计报告
other	某市“十四五”规划纲要实施情况中期评估报告
TABLE

# The issuer and the period from the title: issuer<TAB>period<TAB>title.
while IFS='	' read -r issuer period title; do
	printf '%s\n\n一、工作情况\n完成投资5亿元。\n' "$title" >"$T/doc.txt"
	got=$("$R" summarize -f json "$T/doc.txt" 2>/dev/null |
		sed -n 's/.*"issuer":"\([^"]*\)".*"periods":\[{"value":"\([^"]*\)".*/\1 \2/p')
	[ "$got" = "$issuer $period" ] && ok "title-issuer-period: $title" ||
		bad "title-issuer-period: $title" "got '$got'"
done <<'TABLE'
某县商务局	2023	2023年某县商务局工作总结
市教育局	2022-H1	2022市教育局上半年工作总结报告
某县农业农村局	2024	某县农业农村局2024年半年度工作总结
TABLE

# No title and no subtitle: the opening says it is the government's report.
printf '各位代表：\n现在，我代表某县人民政府，向大会报告政府工作，请予审议。\n一、2019年工作回顾\n全县地区生产总值391亿元。\n' >"$T/speech.txt"
got=$("$R" summarize -f json "$T/speech.txt" 2>/dev/null | sed -n 's/.*"doc_type":"\([^"]*\)".*/\1/p')
[ "$got" = gov-work-report ] && ok doc-type-by-its-opening || bad doc-type-by-its-opening "got '$got'"

# A speech is of the day it was delivered, not of the day its page was
# put on line, printed above it.
printf '2026年某省政府工作报告\n2026-02-10 07:41:00\n——2026年2月3日在某省第十四届人民代表大会第五次会议上\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n' >"$T/speech.txt"
got=$("$R" summarize -f json "$T/speech.txt" 2>/dev/null | sed -n 's/.*"date":{"value":"\([^"]*\)","type":"\([a-z]*\)".*/\1 \2/p')
[ "$got" = "2026-02-03 delivered" ] && ok date-of-a-speech || bad date-of-a-speech "got '$got'"

# The speaker's name alone under the subtitle is header, not the body's
# first paragraph.
printf '2026年某省政府工作报告\n——2026年2月3日在某省第十四届人民代表大会第四次会议上\n毛伟明\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n' >"$T/speaker.txt"
"$R" extract "$T/speaker.txt" 2>/dev/null | grep -q '</meta><body start="[0-9]*" end="[0-9]*"><p kind="preamble" start="[0-9]*" end="[0-9]*">各位代表' &&
	ok speaker-name-alone || bad speaker-name-alone "the name is not in the header"

# A speaker line that names a body and a person: the body is the issuer.
printf '关于2023年国民经济和社会发展计划执行情况的报告\n——2024年1月5日在某县第十九届人民代表大会第三次会议上\n某县发展和改革局 刘某某\n各位代表：\n一、2023年计划执行情况\n全年完成地区生产总值184.1亿元。\n' >"$T/bureau.txt"
got=$("$R" summarize -f json "$T/bureau.txt" 2>/dev/null | sed -n 's/.*"issuer":"\([^"]*\)".*/\1/p')
[ "$got" = 某县发展和改革局 ] && ok speaker-line-names-a-body || bad speaker-line-names-a-body "got '$got'"

# A newspaper's report: its headline, then a byline with the day, which
# dates 上半年.
printf '上半年全市商务运行总体态势良好\n某某日报 2023年08月03日 陈某\n上半年，全市社会消费品零售总额908.5亿元，增长6.2%%。\n' >"$T/news.txt"
got=$("$R" summarize -f json "$T/news.txt" 2>/dev/null | sed -n 's/.*"title":"\([^"]*\)".*"date":{"value":"\([^"]*\)","type":"\([a-z]*\)".*/\1 \2 \3/p')
period=$("$R" metrics "$T/news.txt" 2>/dev/null | awk -F'\t' 'NR == 2 { print $17 }')
[ "$got" = "上半年全市商务运行总体态势良好 2023-08-03 published" ] && [ "$period" = 2023-H1 ] &&
	ok news-byline || bad news-byline "got '$got', period '$period'"

# 名称 spaced out to the width of the other labels, the title as its value.
printf '关于某县2023年工作总结的报告\n索引号 : 011356029/2024-01024 文       号 : 无\n名       称: 关于某县2023年工作总结的报告 发布日期: 2024年01月10日\n一、2023年工作情况\n全年完成投资5亿元。\n' >"$T/name.txt"
got=$("$R" summarize -f json "$T/name.txt" 2>/dev/null | sed -n 's/.*"date":{"value":"\([^"]*\)".*/\1/p')
[ "$got" = 2024-01-10 ] && ok spaced-name-label || bad spaced-name-label "got '$got'"

# Two parts both numbered 一、: each counts its own figures.
printf '某县2023年工作总结\n一、工作完成情况\n全年新建学校3所，新增就业1200人。\n一、存在问题\n资金缺口500万元。\n' >"$T/dup.txt"
got=$("$R" summarize -f json "$T/dup.txt" 2>/dev/null | grep -o '"figures":[0-9]*}' | tr -d '"figures:}' | tr '\n' ' ')
[ "$got" = "2 1 " ] && ok figures-per-part-by-place || bad figures-per-part-by-place "got '$got'"

# A headline with the day under it, and no genre word: still the title.
printf '上半年全市经济稳中向好\n（2016年10月19日）\n初步核算，上半年全市生产总值735.4亿元。\n' >"$T/dated.txt"
got=$("$R" summarize -f json "$T/dated.txt" 2>/dev/null | sed -n 's/.*"title":"\([^"]*\)".*"date":{"value":"\([^"]*\)".*/\1 \2/p')
[ "$got" = "上半年全市经济稳中向好 2016-10-19" ] && ok headline-over-its-day || bad headline-over-its-day "got '$got'"

# A row of cells with an unknown label first is no title; a 街道 is a body.
printf '索引号 | K16059504/2024-117342 | ||\n组配分类 | 计划总结 | 发布机构 | 东柳街道 |\n东柳街道2023年工作总结和2024年工作思路 |\n一、2023年工作回顾\n全年实现地区生产总值60.3亿元。\n' >"$T/row.txt"
got=$("$R" summarize -f json "$T/row.txt" 2>/dev/null | sed -n 's/.*"title":"\([^"]*\)","issuer":"\([^"]*\)".*/\1 \2/p')
[ "$got" = "东柳街道2023年工作总结和2024年工作思路 东柳街道" ] && ok cells-row-no-title || bad cells-row-no-title "got '$got'"
printf '类别 | 计划总结 | 发布机构 | 某镇 |\n某镇2023年工作总结\n一、2023年工作回顾\n全年实现地区生产总值60.3亿元。\n' >"$T/row2.txt"
got=$("$R" summarize -f json "$T/row2.txt" 2>/dev/null | sed -n 's/.*"title":"\([^"]*\)","issuer":"\([^"]*\)".*/\1 \2/p')
[ "$got" = "某镇2023年工作总结 某镇" ] && ok cells-row-unknown-label || bad cells-row-unknown-label "got '$got'"

# A page whose metadata table was printed with its cells between pipes.
printf '索引号: | 002590358/2022-77135 | 公开方式: | 主动公开 |\n文号: | 公开日期: | 2022-08-17 10:51 | |\n发布单位: | 某区统计局 |\n2013年某区国民经济和社会发展统计公报 | |||||\n一、综合\n全年实现农林牧渔总产值65.67亿元。\n' >"$T/cells.txt"
got=$("$R" summarize -f json "$T/cells.txt" 2>/dev/null |
	sed -n 's/.*"title":"\([^"]*\)","issuer":"\([^"]*\)".*"date":{"value":"\([^"]*\)".*/\1 \2 \3/p')
[ "$got" = "2013年某区国民经济和社会发展统计公报 某区统计局 2022-08-17T10:51:00" ] &&
	ok fields-in-pipe-cells || bad fields-in-pipe-cells "got '$got'"

# Trouble: an unreadable file is reported and the others still summarised.
"$R" summarize --roll-up 000.txt "$T/missing.txt" 017.txt >"$T/out" 2>"$T/err"
st=$?
[ $st -eq 2 ] && [ "$(grep -c -E '^0(00|17)\.txt' "$T/out")" -eq 2 ] && grep -q missing "$T/err" &&
	ok batch-goes-on || bad batch-goes-on "exit $st"
"$R" summarize -f tsv 000.txt >/dev/null 2>&1
[ $? -eq 2 ] && ok tsv-needs-roll-up || bad tsv-needs-roll-up "accepted"

printf '%d cases, %d failed\n' "$total" "$failed"
[ "$failed" -eq 0 ]
