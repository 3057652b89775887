/* numeral_parse() reads the common shapes (2019, 3800万, 1.2亿, 三) by a
 * shortcut: on random strings of the characters that matter to a
 * numeral, it must give what the full reader gives, field for field. */
#include <stdint.h>

#include "numeral.h"
#include "unit.h"

static bool same_decimal(decimal a, decimal b) { return a.m == b.m && a.scale == b.scale; }

static bool same(const numeral *x, const numeral *y)
{
	return same_decimal(x->value, y->value) && x->len == y->len &&
	       strcmp(x->num, y->num) == 0 && same_decimal(x->magnitude, y->magnitude) &&
	       x->trailing == y->trailing && x->approx_inside == y->approx_inside &&
	       x->vague == y->vague && x->hundred_million_by_ge == y->hundred_million_by_ge &&
	       x->chinese == y->chinese && x->bare_one == y->bare_one && x->spaced == y->spaced &&
	       x->slang == y->slang && x->financial == y->financial && x->in_word == y->in_word &&
	       x->ranged == y->ranged && (!x->ranged || same_decimal(x->high, y->high)) &&
	       x->lone_financial == y->lone_financial && x->positional == y->positional;
}

int main(void)
{
	static const char *const pieces[] = {
		"0", "1", "2", "9", ".", ",", " ", "k", "w", "W", "K", "1.25", "3800", "0.0",
		"一", "二", "两", "三", "九", "十", "百", "千", "万", "亿", "萬", "億", "零", "〇",
		"多", "余", "个", "点", "兆", "幺", "俩", "廿", "壹", "陆", "拾", "几", "年", "元",
		"家", "分之", "%", "瓦", "米", "半", "成", "折", "a", "°", "万元", "亿元"};
	uint32_t seed = 12345;
	int mismatches = 0, shortcut_read = 0;
	for (int round = 0; round < 400000; round++) {
		char buf[128];
		size_t len = 0;
		seed = seed * 1103515245u + 12345u;
		int count = 1 + (int)((seed >> 16) % 6);
		for (int k = 0; k < count; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			memcpy(buf + len, p, strlen(p));
			len += strlen(p);
		}
		numeral fast, full;
		bool a = numeral_parse(buf, len, &fast), b = numeral_parse_full(buf, len, &full);
		shortcut_read += a;
		if (a != b || (a && !same(&fast, &full))) {
			if (mismatches++ < 5)
				printf("'%.*s': %d %s, full reader %d %s\n", (int)len, buf, a,
				       a ? fast.num : "", b, b ? full.num : "");
		}
	}
	CHECK(mismatches == 0);
	CHECK(shortcut_read > 1000); /* the strings hold numerals at all */

	/* The characters of numerals, checked at every code point from
	 * U+2000 to U+9FFF against this list: digits, places, magnitudes. */
	static const struct {
		uint32_t cp;
		int digit; /* -1: not a digit */
		long place, magnitude;
	} chars[] = {
		{0x3007, 0, 0, 0},  {0x25CB, 0, 0, 0},  {0x96F6, 0, 0, 0},  {0x4E00, 1, 0, 0},
		{0x4E8C, 2, 0, 0},  {0x4E24, 2, 0, 0},  {0x5169, 2, 0, 0},  {0x4E09, 3, 0, 0},
		{0x56DB, 4, 0, 0},  {0x4E94, 5, 0, 0},  {0x516D, 6, 0, 0},  {0x4E03, 7, 0, 0},
		{0x516B, 8, 0, 0},  {0x4E5D, 9, 0, 0},  {0x58F9, 1, 0, 0},  {0x8D30, 2, 0, 0},
		{0x8CB3, 2, 0, 0},  {0x53C1, 3, 0, 0},  {0x53C3, 3, 0, 0},  {0x8086, 4, 0, 0},
		{0x4F0D, 5, 0, 0},  {0x9646, 6, 0, 0},  {0x9678, 6, 0, 0},  {0x67D2, 7, 0, 0},
		{0x634C, 8, 0, 0},  {0x7396, 9, 0, 0},  {0x51E0, -1, 0, 0}, {0x5E7E, -1, 0, 0},
		{0x5341, -1, 10, 0}, {0x62FE, -1, 10, 0}, {0x767E, -1, 100, 0}, {0x4F70, -1, 100, 0},
		{0x5343, -1, 1000, 0}, {0x4EDF, -1, 1000, 0}, {0x4E07, -1, 0, 10000},
		{0x842C, -1, 0, 10000}, {0x4EBF, -1, 0, 100000000}, {0x5104, -1, 0, 100000000}};
	int wrong = 0;
	for (uint32_t cp = 0x2000; cp < 0xA000; cp++) {
		char c[6] = {(char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)),
			     (char)(0x80 | (cp & 0x3F)), 0};
		size_t k = 0;
		while (k < sizeof chars / sizeof *chars && chars[k].cp != cp)
			k++;
		bool listed = k < sizeof chars / sizeof *chars;
		size_t used;
		int digit = numeral_cn_digit(c, 3, &used);
		if (digit != (listed ? chars[k].digit : -1))
			wrong++;
		if (listed && chars[k].place) {
			/* a place alone counts one of it: 百 is 100 */
			numeral p;
			if (!numeral_parse_full(c, 3, &p) || p.value.m != chars[k].place)
				wrong++;
		}
		if (listed && chars[k].magnitude) {
			/* 一万, 一亿 */
			char one[9] = "\xE4\xB8\x80";
			memcpy(one + 3, c, 3);
			numeral p;
			if (!numeral_parse_full(one, 6, &p) || p.value.m != chars[k].magnitude)
				wrong++;
		}
	}
	CHECK(wrong == 0);

	/* The shapes of the shortcut, by value. */
	numeral n;
	CHECK(numeral_parse("3800万元", strlen("3800万元"), &n) && n.value.m == 38000000 &&
	      n.len == strlen("3800万") && strcmp(n.num, "3800") == 0 && n.magnitude.m == 10000);
	CHECK(numeral_parse("1.25亿", strlen("1.25亿"), &n) && n.value.m == 125000000 &&
	      n.value.scale == 0 && n.magnitude.m == 100000000);
	CHECK(numeral_parse("2019年", strlen("2019年"), &n) && n.value.m == 2019 && n.len == 4);
	CHECK(numeral_parse("三个", strlen("三个"), &n) && n.value.m == 3 && n.chinese && n.in_word);

	/* Chinese numerals: num without the magnitudes written at the end,
	 * as 3800万 has it; a magnitude inside keeps the whole value. */
	static const struct {
		const char *text, *num;
		int64_t magnitude;
	} split[] = {
		{"六十亿", "60", 100000000},    {"五百多万", "500", 10000},
		{"三点五亿", "3.5", 100000000}, {"三万亿", "3", 1000000000000},
		{"两千五百万", "2500", 10000},  {"十万", "10", 10000},
		{"一百二十三亿七千万", "12370000000", 1}, {"三千", "3000", 1},
	};
	for (size_t k = 0; k < sizeof split / sizeof *split; k++) {
		bool ok = numeral_parse(split[k].text, strlen(split[k].text), &n) &&
			  strcmp(n.num, split[k].num) == 0 && n.magnitude.m == split[k].magnitude &&
			  n.magnitude.scale == 0;
		if (!ok)
			fprintf(stderr, "%s: num %s magnitude %lld\n", split[k].text, n.num,
				(long long)n.magnitude.m);
		CHECK(ok);
	}

	/* Years in Chinese digits, as OCR mixes them with 0 and O. */
	size_t used;
	CHECK(numeral_cn_year("二〇二六年", strlen("二〇二六年"), &used) == 2026 &&
	      used == strlen("二〇二六"));
	CHECK(numeral_cn_year("一九○O年", strlen("一九○O年"), &used) == 1900 &&
	      used == strlen("一九○O"));
	CHECK(numeral_cn_year("二00六", strlen("二00六"), &used) == 2006 && used == 8);
	CHECK(numeral_cn_year("二〇二", strlen("二〇二"), &used) == -1);
	CHECK(numeral_cn_year("二〇十六", strlen("二〇十六"), &used) == -1);
	CHECK(numeral_cn_year("二〇几六", strlen("二〇几六"), &used) == -1);
	return UNIT_DONE();
}
