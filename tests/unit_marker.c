/* The heading-marker grammar, as a table: view text -> style, ordinal,
 * marker length, flags; style "none" means "not a marker". */
#include "marker.h"
#include "unit.h"

static const struct {
	const char *text;
	const char *style;
	int ordinal;
	size_t len;
	unsigned flags;
} rows[] = {
	{"一、重点工作情况", "cn-dun", 1, 6, 0},
	{"十二、其他", "cn-dun", 12, 9, 0},
	{"二十三、其他", "cn-dun", 23, 12, 0},
	{"一.总体要求", "cn-dun", 1, 4, MARK_NONSTANDARD},
	{"(一)实施政策驱动", "cn-paren", 1, 5, 0},
	{"( 二 )加大", "cn-paren", 2, 7, 0},
	{"(一)、加大", "cn-paren", 1, 8, MARK_NONSTANDARD},
	{"四)力促科技成果转化应用。", "cn-paren", 4, 4, MARK_MISSING_OPEN},
	{"1.强政治", "ar-dot", 1, 2, 0},
	{"12.其他", "ar-dot", 12, 3, 0},
	{"1、党建引领", "ar-dun", 1, 4, MARK_NONSTANDARD},
	{"(1)培训", "ar-paren", 1, 3, 0},
	{"1)培训", "ar-half", 1, 2, 0},
	{"①建立", "circled", 1, 3, 0},
	{"⑳建立", "circled", 20, 3, 0},
	{"⑴建立", "ar-paren", 1, 3, 0},
	{"⒉建立", "ar-dot", 2, 3, 0},
	{"㈢建立", "cn-paren", 3, 3, 0},
	{"第一部分 总体要求", "part", 1, 12, 0},
	{"第三章　发展目标", "chapter", 3, 9, 0},
	{"第二节 重点", "jie", 2, 9, 0},
	{"第十条 本办法", "article", 10, 9, 0},
	{"第一章:总则", "chapter", 1, 10, 0},
	{"第3章 目标", "chapter", 3, 7, 0},
	/* a numeral after 一、 that does not follow it starts the heading */
	{"一、一年接着一年干", "cn-dun", 1, 6, 0},
	{"一、三年来的斗争", "cn-dun", 1, 6, 0},
	/* Not markers. */
	{"一、二季度GDP增长", "none", 0, 0, 0},
	{"三、四月份开展", "none", 0, 0, 0},
	{"1.2万元", "none", 0, 0, 0},
	{"2020-07-08 16:02:33", "none", 0, 0, 0},
	{"2020年上半年", "none", 0, 0, 0},
	{"1、2号楼", "none", 0, 0, 0},
	{"一、", "none", 0, 0, 0},
	{"(四川省)", "none", 0, 0, 0},
	{"一是加强", "none", 0, 0, 0},
	{"第一时间", "none", 0, 0, 0},
	{"第一节课由局长主讲", "none", 0, 0, 0},
	{"1000.5吨", "none", 0, 0, 0},
};

int main(void)
{
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		marker m;
		bool ok = marker_parse(rows[i].text, strlen(rows[i].text), &m);
		const char *style = ok ? marker_style_name(m.style) : "none";
		if (strcmp(style, rows[i].style) != 0 ||
		    (ok && (m.ordinal != rows[i].ordinal || m.len != rows[i].len ||
			    m.flags != rows[i].flags))) {
			printf("row %zu '%s': got %s %d len %zu flags %u\n", i,
			       rows[i].text, style, ok ? m.ordinal : 0,
			       ok ? m.len : 0, ok ? m.flags : 0);
			unit_failures++;
		}
	}
	marker m;
	CHECK(marker_parse_shi("二是加快", strlen("二是加快"), &m));
	CHECK(m.ordinal == 2 && m.style == STYLE_CN_SHI && m.len == 6);
	CHECK(!marker_parse_shi("是否", strlen("是否"), &m));
	/* 第一， at the start of a line: an item; 第一次, 第一章 and a bare
	 * 第十, are not (the view folds ， to ',') */
	CHECK(marker_parse_shi("第十二,加强", strlen("第十二,加强"), &m));
	CHECK(m.style == STYLE_CN_DI && m.ordinal == 12 && m.len == strlen("第十二,"));
	CHECK(!marker_parse_shi("第一次会议", strlen("第一次会议"), &m));
	CHECK(!marker_parse_shi("第一章", strlen("第一章"), &m));
	CHECK(!marker_parse_shi("第十,", strlen("第十,"), &m));
	size_t used;
	CHECK(cn_small_number("九十九", 9, &used) == 99 && used == 9);
	CHECK(cn_small_number("两", 3, &used) == 2);
	CHECK(cn_small_number("十", 3, &used) == 10);
	CHECK(cn_small_number("百", 3, &used) == -1);
	CHECK(cn_small_number("〇", 3, &used) == -1);
	CHECK(cn_small_number("零二", 6, &used) == -1);
	CHECK(cn_small_number("九", 3, &used) == 9 && used == 3);
	CHECK(cn_small_number("十〇", 6, &used) == 10 && used == 3);
	CHECK(cn_small_number("一", 2, &used) == -1);
	CHECK(cn_small_number("1", 1, &used) == -1);
	CHECK(cn_small_number("", 0, &used) == -1);
	CHECK(marker_gbt_level(STYLE_CN_DUN) == 1);
	CHECK(marker_gbt_level(STYLE_AR_PAREN) == 4);
	CHECK(marker_gbt_level(STYLE_CIRCLED) == 0);
	return UNIT_DONE();
}
