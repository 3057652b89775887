/* Inline elements inside paragraphs and headings: 《title》(文号) references,
 * dates, and the numeral slogans that must never be read as figures. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "indicator.h"
#include "marker.h"
#include "numeral.h"
#include "parser.h"
#include "quantity.h"
#include "utf8.h"
#include "wordindex.h"

typedef struct spans spans;

/* inline_scan() cuts a long paragraph into pieces of at most this many
 * bytes, so that the tables below never overflow. */
enum { PIECE_MAX = 2048 };

typedef struct span {
	size_t start, end; /* view offsets */
	node_type type;
	int figure;        /* indicators: index into spans.figures */
	bool nested;       /* slogans: quotes nested inside */
} span;

struct spans {
	span items[1100]; /* a piece holds at most 2048 bytes; a span takes 2 */
	size_t n;
	quantity figures[1030];
	size_t n_figures;
	char dates[300][32]; /* values of the dates; a date takes 7 bytes or more */
	size_t n_dates;
	/* where the formula and figure scans have something to look at */
	uint16_t marks[PIECE_MAX]; /* offsets from the piece's start */
	uint8_t mark_flags[PIECE_MAX];
	size_t n_marks;
	bool has_docref, has_date; /* a 《, and a 年, 月 or '-' */
	/* The cue state at the end of the last range scanned, when its last
	 * sentence runs on (scan.has_carry; see carry_in). */
	figure_context carry;
	size_t carry_end;
};

size_t inline_scratch_size(void) { return sizeof(spans); }

static void push(spans *sp, span s)
{
	if (sp->n < sizeof sp->items / sizeof *sp->items)
		sp->items[sp->n++] = s;
}

static int by_start(const void *a, const void *b)
{
	const span *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

/* Sorts the spans by start, longer first, keeping the order of equal
 * ones: emit_all's order. A piece holds few spans, pushed in runs already
 * in order (the dates, then the figures …), where an insertion sort costs
 * a fraction of a qsort call. */
static void sort_spans(span *x, size_t n)
{
	if (n > 64) {
		qsort(x, n, sizeof *x, by_start); /* glibc's: a stable merge sort */
		return;
	}
	for (size_t i = 1; i < n; i++) {
		span y = x[i];
		size_t j = i;
		for (; j > 0 && by_start(&x[j - 1], &y) > 0; j--)
			x[j] = x[j - 1];
		x[j] = y;
	}
}

/* Group g of an ovector: false when it did not take part in the match. */
static bool ov_group(const PCRE2_SIZE *ov, int g, size_t *s, size_t *e)
{
	if (ov[2 * g] == PCRE2_UNSET)
		return false;
	*s = ov[2 * g];
	*e = ov[2 * g + 1];
	return true;
}

static bool group(const pcre2_match_data *md, int g, size_t *s, size_t *e)
{
	return ov_group(pcre2_get_ovector_pointer((pcre2_match_data *)md), g, s, e);
}

static int digits_value(const char *s, size_t a, size_t b)
{
	int v = 0;
	for (size_t i = a; i < b; i++)
		if (s[i] != ' ') /* (2 0 0 5: a year spaced out) */
			v = v * 10 + (s[i] - '0');
	return v;
}

/* A date: the groups of date_re, and group CN_YEAR for a year in
 * Chinese digits (二〇二〇年), which inline.c reads itself. */
enum { CN_YEAR = 23, DATE_GROUPS = 24 };
typedef struct date_match {
	PCRE2_SIZE ov[2 * DATE_GROUPS];
} date_match;

static bool is_pcre_space(char c)
{
	/* \s without PCRE2_UCP */
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The Chinese digit that ends at i and begins no earlier than lo, as the
 * class [〇○零一二三四五六七八九O0] of the year: its length, or 0. */
static size_t cn_year_digit_before(const char *t, size_t lo, size_t i)
{
	static const char *const digits[] = {"〇", "○", "零", "一", "二", "三",
					     "四", "五", "六", "七", "八", "九"};
	if (i < lo + 1)
		return 0;
	if (t[i - 1] == 'O' || t[i - 1] == '0')
		return 1;
	if (i < lo + 3)
		return 0;
	for (size_t k = 0; k < sizeof digits / sizeof *digits; k++)
		if (memcmp(t + i - 3, digits[k], 3) == 0)
			return 3;
	return 0;
}

/* The first Chinese-digit year (four digits, spaces, 年, not after a digit
 * or a point) that begins in [at, before) and ends by ve. Its start and
 * end, as the pattern alternative it replaces would match it: each 年 has
 * at most one such year before it, and the years of later 年 begin later. */
static bool find_cn_year(const char *t, size_t at, size_t before, size_t ve,
			 size_t *ms, size_t *digits_end, size_t *me)
{
	for (size_t y = at; y + 3 <= ve; y++) {
		/* each 年 (E5 B9 B4), by its last byte: E5 leads too many */
		const char *p = memchr(t + y + 2, 0xB4, ve - y - 2);
		if (!p)
			return false;
		y = (size_t)(p - 2 - t);
		if (p[-2] != '\xE5' || p[-1] != '\xB9')
			continue;
		size_t w = y;
		while (w > at && is_pcre_space(t[w - 1]))
			w--;
		if (w >= before + 12)
			return false; /* its year would begin at or after before */
		size_t x = w;
		int n = 0;
		size_t len;
		while (n < 4 && (len = cn_year_digit_before(t, at, x)) > 0) {
			x -= len;
			n++;
		}
		if (n < 4 || x >= before)
			continue;
		if (x > 0 && ((t[x - 1] >= '0' && t[x - 1] <= '9') || t[x - 1] == '.'))
			continue;
		*ms = x;
		*digits_end = w;
		*me = y + 3;
		return true;
	}
	return false;
}

/* The leftmost date in [at, ve), as date_re with the Chinese-digit year
 * as its last alternative would find it. No alternative of date_re begins
 * where that one can (with 1 or 2 against 〇…九, O or 0), so the earlier
 * start wins. */
static bool find_date(scan *s, size_t at, size_t ve, date_match *m)
{
	const char *t = s->v->text;
	int rc = pcre2_match(s->parser->date, (PCRE2_SPTR)t, ve, at, PCRE2_NO_UTF_CHECK,
			     s->md, s->parser->limits);
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
	size_t before = rc >= 0 ? ov[0] : ve;
	size_t ms, de, me;
	for (int g = 0; g < DATE_GROUPS; g++)
		m->ov[2 * g] = m->ov[2 * g + 1] = PCRE2_UNSET;
	if (find_cn_year(t, at, before, ve, &ms, &de, &me)) {
		m->ov[0] = m->ov[2 * CN_YEAR] = ms;
		m->ov[2 * CN_YEAR + 1] = de;
		/* (一九五八年上半年: and the half or quarter after it, in group
		 * 15 as after a year in digits) */
		size_t k = me;
		if (starts(t + k, ve - k, "度"))
			k += 3;
		static const char *const terms[] = {"上半年", "下半年", "前三季度", "第一季度",
						    "第二季度", "第三季度", "第四季度", "一季度",
						    "二季度", "三季度", "四季度"};
		enum { N_TERMS = sizeof terms / sizeof *terms };
		size_t w = starts_any(t + k, ve - k, terms, N_TERMS);
		if (w < N_TERMS) {
			m->ov[2 * 15] = k;
			me = m->ov[2 * 15 + 1] = k + strlen(terms[w]);
		}
		m->ov[1] = me;
		return true;
	}
	if (rc < 0)
		return false;
	for (int g = 0; g < DATE_GROUPS - 1; g++) {
		m->ov[2 * g] = ov[2 * g];
		m->ov[2 * g + 1] = ov[2 * g + 1];
	}
	return true;
}

/* A date value from its parts: yyyy, yyyy-mm or yyyy-mm-dd (a part < 0
 * is absent), and Thh:mm:ss after it when hms is given. */
static void put_date(char *out, size_t cap, int y, int mo, int dd, const int *hms)
{
	char tmp[40], *p = dec_put_uint(tmp, (uint64_t)y, 4);
	if (mo >= 0) {
		*p++ = '-';
		p = dec_put_uint(p, (uint64_t)mo, 2);
	}
	if (dd >= 0) {
		*p++ = '-';
		p = dec_put_uint(p, (uint64_t)dd, 2);
	}
	for (int k = 0; hms && k < 3; k++) {
		*p++ = k ? ':' : 'T';
		p = dec_put_uint(p, (uint64_t)hms[k], 2);
	}
	size_t n = (size_t)(p - tmp) < cap ? (size_t)(p - tmp) : cap - 1;
	memcpy(out, tmp, n);
	out[n] = '\0';
}

/* Months m1 to m2 of year y: 2016-01/2016-09. */
static void put_months(char *out, size_t cap, int y, int m1, int m2)
{
	char from[16], to[16];
	put_date(from, sizeof from, y, m1, -1, NULL);
	put_date(to, sizeof to, y, m2, -1, NULL);
	snprintf(out, cap, "%s/%s", from, to);
}

/* The period of year y that the term at term names: H1, H2, Q1…Q4
 * (上半年, 第三季度, 三季度), or January to September for 前三季度. The
 * term is read as it begins, never searched for. */
static void put_term(char *out, size_t cap, int y, const char *term)
{
	if (strncmp(term, "前三季度", 12) == 0) {
		put_months(out, cap, y, 1, 9);
		return;
	}
	const char *suffix = strncmp(term, "上半年", 9) == 0 ? "H1"
			     : strncmp(term, "下半年", 9) == 0 ? "H2"
			     : strncmp(term, "一季度", 9) == 0 || strncmp(term, "第一", 6) == 0 ? "Q1"
			     : strncmp(term, "二季度", 9) == 0 || strncmp(term, "第二", 6) == 0 ? "Q2"
			     : strncmp(term, "三季度", 9) == 0 || strncmp(term, "第三", 6) == 0 ? "Q3"
											 : "Q4";
	snprintf(out, cap, "%04d-%s", y % 10000, suffix);
}

/* Writes the normalised value of a date match into out; year is the
 * document's, for months written without one (1-5月), or 0. */
static bool date_value(const char *t, const date_match *dm, int year, char *out, size_t cap)
{
	const PCRE2_SIZE *ov = dm->ov;
	size_t a, b, c, d, e, f;
	if (ov_group(ov, 1, &a, &b) && ov_group(ov, 2, &c, &d) && ov_group(ov, 3, &e, &f)) {
		int y = digits_value(t, a, b), mo = digits_value(t, c, d),
		    dd = digits_value(t, e, f);
		if (mo < 1 || mo > 12 || dd < 1 || dd > 31)
			return false;
		size_t h0, h1, m0, m1, s0, s1;
		if (ov_group(ov, 4, &h0, &h1) && ov_group(ov, 5, &m0, &m1)) {
			int hms[3] = {digits_value(t, h0, h1), digits_value(t, m0, m1),
				      ov_group(ov, 6, &s0, &s1) ? digits_value(t, s0, s1) : 0};
			put_date(out, cap, y, mo, dd, hms);
		} else {
			put_date(out, cap, y, mo, dd, NULL);
		}
		return true;
	}
	if (ov_group(ov, 7, &a, &b) && ov_group(ov, 8, &c, &d) && ov_group(ov, 9, &e, &f)) {
		int mo = digits_value(t, c, d), dd = digits_value(t, e, f);
		if (mo < 1 || mo > 12 || dd < 1 || dd > 31)
			return false;
		put_date(out, cap, digits_value(t, a, b), mo, dd, NULL);
		return true;
	}
	if (ov_group(ov, 10, &a, &b) && ov_group(ov, 11, &c, &d)) {
		int mo = digits_value(t, c, d);
		if (mo < 1 || mo > 12)
			return false;
		put_date(out, cap, digits_value(t, a, b), mo, -1, NULL);
		return true;
	}
	if (ov_group(ov, 12, &a, &b) && ov_group(ov, 13, &c, &d)) {
		int y1 = digits_value(t, a, b), y2 = digits_value(t, c, d);
		if (y2 <= y1)
			return false;
		snprintf(out, cap, "%04d/%04d", y1, y2);
		return true;
	}
	if (ov_group(ov, 14, &a, &b) && ov_group(ov, 15, &c, &d)) {
		put_term(out, cap, digits_value(t, a, b), t + c);
		return true;
	}
	if (ov_group(ov, 19, &a, &b)) {
		put_date(out, cap, digits_value(t, a, b), -1, -1, NULL);
		return true;
	}
	if (ov_group(ov, 16, &a, &b) && ov_group(ov, 17, &c, &d) && ov_group(ov, 18, &e, &f)) {
		/* 2016年1-9月: the months from one to another */
		int y = digits_value(t, a, b), m1 = digits_value(t, c, d), m2 = digits_value(t, e, f);
		if (m1 < 1 || m2 > 12 || m2 <= m1)
			return false;
		put_months(out, cap, y, m1, m2);
		return true;
	}
	if (ov_group(ov, 20, &a, &b) && ov_group(ov, 21, &c, &d)) {
		/* 1-5月 in a report of 2023: its months (去年1-5月: of 2022) */
		int m1 = digits_value(t, a, b), m2 = digits_value(t, c, d);
		if (!year || m2 <= m1)
			return false;
		if (a >= 6 && (starts(t + a - 6, 6, "去年") || starts(t + a - 6, 6, "上年")))
			year--;
		put_months(out, cap, year, m1, m2);
		return true;
	}
	if (ov_group(ov, 22, &a, &b)) {
		/* 截至6月底 in a report of 2023: that month */
		if (!year)
			return false;
		put_date(out, cap, year, digits_value(t, a, b), -1, NULL);
		return true;
	}
	if (ov_group(ov, CN_YEAR, &a, &b)) {
		size_t used;
		int y = numeral_cn_year(t + a, b - a, &used);
		if (y < 1000 || used != b - a)
			return false;
		if (ov_group(ov, 15, &c, &d))
			put_term(out, cap, y, t + c);
		else
			put_date(out, cap, y, -1, -1, NULL);
		return true;
	}
	return false;
}

static void collect(scan *s, const pcre2_code *re, node_type type, size_t vs,
		    size_t ve, spans *sp)
{
	const char *t = s->v->text;
	size_t at = vs;
	while (at < ve) {
		int rc = pcre2_match(re, (PCRE2_SPTR)t, ve, at, PCRE2_NO_UTF_CHECK, s->md, s->parser->limits);
		if (rc < 0)
			break;
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
		if (ov[1] <= ov[0]) {
			at = ov[0] + 1;
			continue;
		}
		push(sp, (span){ov[0], ov[1], type, -1, false});
		at = ov[1];
	}
}

/* The dates in [vs, ve), each with its value (span.figure indexes
 * sp->dates); a match that is no date (month 13) is skipped. */
static void collect_dates(scan *s, size_t vs, size_t ve, spans *sp)
{
	const char *t = s->v->text;
	date_match m;
	for (size_t at = vs; at < ve && find_date(s, at, ve, &m); at = m.ov[1]) {
		if (sp->n_dates == sizeof sp->dates / sizeof *sp->dates ||
		    !date_value(t, &m, s->doc_year, sp->dates[sp->n_dates], sizeof *sp->dates))
			continue;
		push(sp, (span){m.ov[0], m.ov[1], N_DATE, (int)sp->n_dates++, false});
	}
}

/* Numeral formulae written without quotes (八项规定, 十四五): never figures.
 * No word begins another, so the first that matches at a position is the
 * only one. */
static const char *const formulae[] = {
	"八项规定", "三会一课", "两学一做", "三个代表", "四个意识", "四个自信",
	"两个维护", "两个确立", "五位一体", "四个全面", "三严三实", "一带一路",
	"十一五", "十二五", "十三五", "十四五", "十五五", "三次产业", "一个中心",
	"两个基本点", "八项主张", "百家争鸣", "百花齐放", "两个积极性", "一国两制",
	"三农", "四项基本原则", "五项原则", "五項原則", "四个现代化", "两个市场", "两种资源",
	"两条道路", "两个转变", "四个一批", "五个必须", "三个世界", "两个大局",
	"两个一百年", "两个务必", "三个有利于", "千家万户", "千头万绪", "信心百倍",
	"百倍的努力", "两位数", "零部件", "二轮土地", "二轮延包", "抓两头", "千百万", "千千万万",
	"成千上万", "双翻番", "两项补贴", "公益一类", "公益二类", "一类事业单位",
	"二类事业单位",
	/* the formulae of the reports of the 1950s to 70s */
	"两个超级大国", "两条路线", "两条腿走路", "两条战线", "两类不同性质的矛盾",
	"两类矛盾", "七个有之", "两个阶级", "两个根本性转变", "三支两军", "两种所有制",
	"六条政治标准",
	/* names of a kind of plan or of a sport */
	"四级三类", "铁人三项"};

static bool figure_word_char(uint32_t cp);

void inline_mark_words(rpt_parser *p)
{
	parser_mark_words(p, formulae, sizeof formulae / sizeof *formulae,
			  BEGINS_FORMULA);
	static const char *const date_chars[] = {"年", "月"};
	parser_mark_words(p, date_chars, 2, BEGINS_DATE);
	for (uint32_t cp = HAN_FIRST; cp < HAN_FIRST + HAN_COUNT; cp++) {
		char c[3] = {(char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)),
			     (char)(0x80 | (cp & 0x3F))};
		if (figure_word_char(cp) || numeral_may_start_with(c))
			p->begins[cp - HAN_FIRST] |= BEGINS_FIGURE;
	}
}

/* Marks the characters of [vs, ve) that the formula and figure scans
 * must look at: Han characters that begin a formula or a figure, ASCII
 * digits, '.', the h and w of an address, and 〇. Every other character
 * both scans step over, so they visit these marks only. On the way it
 * notes whether the piece holds the anchors of a docref (《) and of a
 * date (年, 月, '-'). */
enum { MARK_FORMULA = BEGINS_FORMULA, MARK_FIGURE = BEGINS_FIGURE };

static void mark_starts(scan *s, size_t vs, size_t ve, spans *sp)
{
	const char *t = s->v->text;
	const uint8_t *begins = s->parser->begins;
	size_t n = 0;
	bool docref = false, date = false;
	/* the view's stops are a superset: sentence ends and cue words too */
	for (size_t i = fold_next_stop(s->v, vs, ve); i < ve;
	     i = fold_next_stop(s->v, i + 1, ve)) {
		unsigned char c = (unsigned char)t[i];
		unsigned flags = 0;
		if (c < 0x80) {
			if ((c >= '0' && c <= '9') || c == '.' || c == 'h' || c == 'w')
				flags = MARK_FIGURE;
			date |= c == '-';
		} else if (c == 0xE3) {
			/* of the punctuation led by E3, only 〇 may begin a
			 * figure, and 《 a document reference */
			bool e380 = i + 3 <= ve && (unsigned char)t[i + 1] == 0x80;
			if (e380 && (unsigned char)t[i + 2] == 0x87)
				flags = MARK_FIGURE;
			docref |= e380 && (unsigned char)t[i + 2] == 0x8A;
		} else if (i + 3 <= ve) {
			flags = begins[utf8_cp3(t + i) - HAN_FIRST];
			date |= (flags & BEGINS_DATE) != 0;
			flags &= MARK_FORMULA | MARK_FIGURE;
		}
		if (flags) {
			sp->marks[n] = (uint16_t)(i - vs);
			sp->mark_flags[n++] = (uint8_t)flags;
		}
	}
	sp->n_marks = n;
	sp->has_docref = docref;
	sp->has_date = date;
}

/* The formulae by their first character, in the order of the list. */
static word_index formula_index;
static pthread_once_t formula_once = PTHREAD_ONCE_INIT;

static const char *formula_word(size_t id)
{
	return id < sizeof formulae / sizeof *formulae ? formulae[id] : NULL;
}

static void build_formula_index(void)
{
	word_index_build(&formula_index, sizeof formulae / sizeof *formulae, formula_word);
}

/* The formulae in [vs, ve), left to right, none overlapping another. */
static void collect_formulae(scan *s, size_t vs, size_t ve, spans *sp)
{
	pthread_once(&formula_once, build_formula_index);
	const char *t = s->v->text;
	size_t i = vs;
	for (size_t m = 0; m < sp->n_marks; m++) {
		size_t at = vs + sp->marks[m];
		if (!(sp->mark_flags[m] & MARK_FORMULA) || at < i)
			continue;
		size_t n = 0, n_ids;
		const uint16_t *ids = word_index_bucket(&formula_index, t + at, &n_ids);
		for (size_t k = 0; k < n_ids && !n; k++) {
			const char *f = formulae[ids[k]];
			if (memcmp(t + at, f, 3) == 0 && starts(t + at, ve - at, f))
				n = strlen(f);
		}
		if (n) {
			push(sp, (span){at, at + n, N_SLOGAN, -1, false});
			i = at + n;
		}
	}
}

/* Does [a, b) hold a digit or one of 一二三四五六七八九十两百千万? */
static bool has_numeral(const char *t, size_t a, size_t b)
{
	for (size_t i = a; i < b;) {
		if (t[i] >= '0' && t[i] <= '9')
			return true;
		size_t n;
		switch (utf8_decode(t + i, b - i, &n)) {
		case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94:
		case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:
		case 0x4E24: case 0x767E: case 0x5343: case 0x4E07:
			return true;
		default:
			i += utf8_len((unsigned char)t[i]);
		}
	}
	return false;
}

/* Quoted formulae with numerals: “6+9”, “三会一课”, and “一带“两廊””.
 * Only the bytes E2 80 9C/9D (the curly quotes) need a look. */
static void collect_slogans(scan *s, size_t vs, size_t ve, spans *sp)
{
	const char *t = s->v->text;
	int depth = 0;
	bool nested = false;
	size_t open = 0;
	for (const char *p = memchr(t + vs, 0xE2, ve - vs); p && (size_t)(p - t) + 3 <= ve;
	     p = memchr(p + 1, 0xE2, ve - (size_t)(p + 1 - t))) {
		size_t i = (size_t)(p - t);
		if (p[1] != '\x80' || (p[2] != '\x9C' && p[2] != '\x9D'))
			continue;
		if (p[2] == '\x9C') {
			if (depth == 0) {
				open = i;
				nested = false;
			} else {
				nested = true;
			}
			depth++;
		} else if (depth > 0 && --depth == 0 &&
			   utf8_count(t + open, i + 3 - open) <= 18 &&
			   has_numeral(t, open + 3, i)) {
			push(sp, (span){open, i + 3, N_SLOGAN, 0, nested});
		}
		if ((size_t)(p + 1 - t) >= ve)
			break;
	}
}

static bool slogan_plan_years(const char *t, size_t a, size_t b, size_t ve, char *value,
			      size_t cap, size_t *end);

static void emit(scan *s, int32_t parent, const span *x, spans *sp,
		 figure_context *ctx)
{
	rpt_doc *d = s->doc;
	const char *t = s->v->text;
	if (x->type == N_INDICATOR) {
		indicator_emit(s, parent, &sp->figures[x->figure], ctx);
		return;
	}
	int32_t n = scan_add(s, parent, x->type, x->start, x->end);
	if (n == NO_NODE)
		return;
	if (x->type == N_SLOGAN) {
		if (x->nested)
			doc_flag(d, n, "flags", "quote-nesting");
		/* “十四五”以来 names the years of the figures after it, as a
		 * date does */
		char years[32];
		size_t end;
		if (slogan_plan_years(t, x->start, x->end, ctx->ve, years, sizeof years, &end))
			figure_context_date(ctx, t, years, x->start, end);
		return;
	}
	if (x->type == N_DATE) {
		const char *value = sp->dates[x->figure];
		doc_attr_str(d, n, "value", value);
		figure_context_date(ctx, t, value, x->start, x->end);
		return;
	}
	/* docref */
	char id[24];
	snprintf(id, sizeof id, "d%d", ++s->docrefs);
	doc_attr_str(d, n, "id", id);
	if (pcre2_match(s->parser->docref, (PCRE2_SPTR)t, x->end, x->start,
			PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, s->md, s->parser->limits) < 0)
		return;
	size_t a, b;
	if (group(s->md, 1, &a, &b)) {
		/* the title as written, without the line breaks of a copy that
		 * put it on a line of its own (《⏎…条例⏎》) */
		size_t oa = fold_orig(s->v, a), ob = fold_orig(s->v, b);
		while (oa < ob && (d->text[oa] == '\n' || d->text[oa] == '\r'))
			oa++;
		while (ob > oa && (d->text[ob - 1] == '\n' || d->text[ob - 1] == '\r'))
			ob--;
		doc_attr(d, n, "title", d->text + oa, ob - oa);
	}
	if (!group(s->md, 2, &a, &b))
		return;
	/* The number as written runs from the agency to 号 inclusive. */
	size_t oa = fold_orig(s->v, a);
	size_t num_end = fold_orig(s->v, x->end - 1);
	doc_attr(d, n, "doc-number", d->text + oa, num_end - oa);
	/* Group 2 matched, so the year, bracket and sequence did too. */
	size_t ya = 0, yb = 0, bs = 0, be2 = 0, sa = 0, sb = 0;
	group(s->md, 3, &bs, &be2);
	group(s->md, 4, &ya, &yb);
	group(s->md, 6, &sa, &sb);
	char norm[256];
	int year = digits_value(t, ya, yb), seq = digits_value(t, sa, sb);
	snprintf(norm, sizeof norm, "%.*s〔%d〕%d号", (int)(b - a), t + a, year, seq);
	doc_attr_str(d, n, "norm", norm);
	doc_attr(d, n, "agency", t + a, b - a);
	doc_attr_int(d, n, "year", year);
	doc_attr_int(d, n, "seq", seq);
	const char *br = t[bs] == '[' ? "square"
			 : t[bs] == '(' ? (d->text[fold_orig(s->v, bs)] == '(' ? "paren"
									       : "fullparen")
			 : strncmp(t + bs, "〔", 3) == 0 ? "hex"
							  : "lenticular";
	doc_attr_str(d, n, "bracket", br);
}

static void emit_all(scan *s, int32_t parent, spans *sp, figure_context *ctx)
{
	sort_spans(sp->items, sp->n);
	size_t last_end = 0;
	for (size_t i = 0; i < sp->n; i++) {
		if (sp->items[i].start < last_end)
			continue; /* overlaps something longer or earlier */
		emit(s, parent, &sp->items[i], sp, ctx);
		last_end = sp->items[i].end;
	}
}

/* Han characters that begin a figure without beginning a numeral. */
static bool figure_word_char(uint32_t cp)
{
	switch (cp) {
	case 0x7FFB: /* 翻 */
	case 0x4E07: /* 万 */
	case 0x842C: /* 萬 */
	case 0x5BF9: /* 对 */
	case 0x5C0D: /* 對 */
	case 0x534A: /* 半 */
	case 0x4EBF: /* 亿: 近亿人次 */
	case 0x5104: /* 億 */
		return true;
	default:
		return false;
	}
}

/* Could a figure start here? A cheap test before the real reader. */
static bool figure_may_start(const rpt_parser *parser, const char *t, size_t i,
			     size_t ve)
{
	unsigned char c = (unsigned char)t[i];
	if (c >= '0' && c <= '9')
		return true;
	if (c < 0xE4 || c > 0xE9 || i + 3 > ve) {
		if (c == '.') { /* .5: the leading 0 left out; 6 .5 % is 6.5 spaced */
			size_t p = i > 0 && t[i - 1] == ' ' ? i - 1 : i;
			return i + 1 < ve && t[i + 1] >= '0' && t[i + 1] <= '9' &&
			       !(p > 0 && (t[p - 1] == '.' || (t[p - 1] >= '0' && t[p - 1] <= '9')));
		}
		return c == 0xE3 && starts(t + i, ve - i, "〇"); /* 〇 standing alone */
	}
	/* Most Han characters begin no figure: the parser's flags say so
	 * without the readers below. */
	if (!(han_begins(parser, t + i, ve - i) & BEGINS_FIGURE))
		return false;
	uint32_t cp = utf8_cp3(t + i);
	if (cp == 0x5BF9 || cp == 0x5C0D) { /* 对, 對: only 对折 (对 折) */
		size_t k = i + 3;
		while (k < ve && t[k] == ' ')
			k++;
		return starts(t + k, ve - k, "折");
	}
	return figure_word_char(cp) || numeral_can_start(t + i, ve - i);
}

/* Multiplies q, written without a magnitude, by m, the magnitude of the
 * unit it shares; left as it is when that overflows. */
static void take_magnitude(quantity *q, decimal m)
{
	decimal v = q->value, lo = q->min, hi = q->max;
	if (!dec_mul(&v, m) || (q->has_min && !dec_mul(&lo, m)) ||
	    (q->has_max && !dec_mul(&hi, m)))
		return;
	q->value = v;
	q->min = lo;
	q->max = hi;
	q->magnitude = m;
}

/* 分别达1409万、1305万人次: a bare number in a list takes the unit of the
 * figure after it; and 分别突破9千亿元、3万亿元, the bound of the one
 * before it. */
static void share_units(const char *t, size_t lo, quantity *f, size_t n)
{
	const quantity *lead = n ? &f[0] : NULL; /* the list's first figure */
	for (size_t k = 1; k < n; k++) {
		quantity *a = &f[k - 1], *b = &f[k];
		size_t gap = b->start - a->end;
		const char *g = t + a->end;
		bool listed = (gap == 3 && (starts(g, 3, "、") || starts(g, 3, "和") ||
					    starts(g, 3, "及"))) ||
			      (gap == 1 && g[0] == ',');
		if (!listed || !quantity_share_bound(t, lo, lead, b))
			lead = b;
	}
	for (size_t k = n; k-- > 1;) {
		quantity *a = &f[k - 1], *b = &f[k];
		if (a->kind != Q_NUMBER || !b->unit[0] || b->kind >= Q_NUMBER)
			continue;
		/* (稳居全国前二，9个国家区域医疗中心…: 前二 is a rank; and
		 * 6.7:55.1:38.2，三次产业: the last term of a ratio) */
		if (ends_with(t, lo, a->start, "前") || (a->start > lo && t[a->start - 1] == ':'))
			continue;
		size_t gap = b->start - a->end;
		const char *g = t + a->end;
		if (!((gap == 3 && (starts(g, 3, "、") || starts(g, 3, "和") ||
				    starts(g, 3, "及"))) ||
		      (gap == 1 && g[0] == ',')))
			continue;
		a->kind = b->kind;
		a->unit = b->unit;
		a->per_at = b->per_at;
		a->per_len = b->per_len;
		/* (分别达13.28、12.31、11.47亿元: and the magnitude written
		 * once with the unit) */
		if (dec_cmp(b->magnitude, dec_int(1)) > 0 && dec_cmp(a->magnitude, dec_int(1)) == 0)
			take_magnitude(a, b->magnitude);
	}
	/* 由8500万人减少到5800万, 连铸比由6.5提高到15%: the two ends of a
	 * change have one unit, written once */
	for (size_t k = 1; k < n; k++) {
		quantity *a = &f[k - 1], *b = &f[k];
		bool a_bare = a->kind == Q_NUMBER, b_bare = b->kind == Q_NUMBER;
		if (a_bare == b_bare || (a_bare ? b : a)->kind >= Q_NUMBER)
			continue;
		size_t gap = b->start - a->end;
		if (!gap || quantity_change_word(t + a->end, gap) != gap)
			continue;
		quantity *bare = a_bare ? a : b;
		const quantity *unit = a_bare ? b : a;
		bare->kind = unit->kind;
		bare->unit = unit->unit;
		bare->per_at = unit->per_at;
		bare->per_len = unit->per_len;
	}
}

/* The cell of a table row that begins at i (tabs apart, spaces
 * trimmed): [*a, *b), and where the next begins; ve when none. */
static size_t next_cell(const char *t, size_t i, size_t ve, size_t *a, size_t *b)
{
	while (i < ve && (t[i] == '\t' || t[i] == ' '))
		i++;
	*a = i;
	while (i < ve && t[i] != '\t')
		i++;
	*b = i;
	while (*b > *a && t[*b - 1] == ' ')
		(*b)--;
	return i;
}

/* 大牲畜（万头）⇥96.9⇥8.7, 原油⇥万吨⇥4000.0⇥持平: a table row whose unit
 * stands in the row, in brackets after its label or in a cell of its
 * own, gives it to the first bare number after it (the growth after
 * that has its unit in the header, and stays bare). */
static void table_row_units(const char *t, size_t vs, size_t ve, quantity *f, size_t n)
{
	size_t bare = 0;
	while (bare < n && f[bare].kind != Q_NUMBER)
		bare++;
	if (bare == n || !memchr(t + vs, '\t', ve - vs))
		return;
	quantity unit;
	size_t a, b, i = next_cell(t, vs, ve, &a, &b);
	bool found = false;
	/* the label's brackets */
	if (b > a + 2 && t[b - 1] == ')') {
		size_t o = b - 1;
		while (o > a && t[o - 1] != '(')
			o--;
		found = o > a && quantity_unit_cell(t + o, b - 1 - o, &unit);
	}
	if (!found && i < ve) {
		i = next_cell(t, i, ve, &a, &b);
		found = b > a && quantity_unit_cell(t + a, b - a, &unit);
	}
	if (!found || i >= ve)
		return;
	next_cell(t, i, ve, &a, &b);
	for (size_t k = 0; k < n; k++) {
		quantity *q = &f[k];
		if (q->start != a || q->end != b || q->kind != Q_NUMBER)
			continue;
		decimal v = q->value;
		if (!dec_mul(&v, unit.magnitude))
			return;
		q->value = v;
		q->kind = unit.kind;
		q->unit = unit.unit;
		q->magnitude = unit.magnitude;
		return;
	}
}

static void collect_figures(scan *s, size_t vs, size_t ve, spans *sp)
{
	const char *t = s->v->text;
	size_t first = sp->n_figures;
	size_t i = vs;
	/* No figure starts inside a docref, slogan, formula or date found
	 * before: those keep their numbers (an overlap goes to the span that
	 * starts first), so the numbers in 2019年6月30日 are not read again. */
	size_t n_prior = sp->n, next_prior = 0, covered = 0;
	sort_spans(sp->items, n_prior);
	for (size_t m = 0; m < sp->n_marks; m++) {
		if (!(sp->mark_flags[m] & MARK_FIGURE) || vs + sp->marks[m] < i)
			continue;
		i = vs + sp->marks[m];
		for (; next_prior < n_prior && sp->items[next_prior].start < i; next_prior++)
			if (sp->items[next_prior].end > covered)
				covered = sp->items[next_prior].end;
		if (i < covered) {
			i = covered;
			continue;
		}
		/* read into the next free entry, kept only if it is a figure */
		quantity *q = &sp->figures[sp->n_figures];
		if (sp->n_figures < sizeof sp->figures / sizeof *sp->figures &&
		    figure_may_start(s->parser, t, i, ve) &&
		    quantity_at(t, s->v, vs, i, ve, q) && q->end > i) {
			if (q->kind != Q_DURATION && q->kind != Q_SKIP)
				sp->n_figures++;
			i = q->end;
			continue;
		}
		/* Addresses are not figures: skip a URL to its end. */
		if ((t[i] == 'h' && (starts(t + i, ve - i, "http://") ||
				     starts(t + i, ve - i, "https://"))) ||
		    (t[i] == 'w' && starts(t + i, ve - i, "www."))) {
			while (i < ve && (unsigned char)t[i] > ' ' && (unsigned char)t[i] < 0x80)
				i++;
			continue;
		}
		/* Never start inside a number: skip the rest of its digits. */
		if (t[i] >= '0' && t[i] <= '9') {
			while (i < ve && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.' ||
					  t[i] == ','))
				i++;
			continue;
		}
		i += utf8_len((unsigned char)t[i]);
	}
	share_units(t, vs, sp->figures + first, sp->n_figures - first);
	table_row_units(t, vs, ve, sp->figures + first, sp->n_figures - first);
	for (size_t k = first; k < sp->n_figures; k++) {
		const quantity *q = &sp->figures[k];
		if ((q->kind == Q_NUMBER || q->kind == Q_ORDINAL) && !s->all_numbers)
			continue;
		push(sp, (span){q->start, q->end, N_INDICATOR, (int)k, false});
	}
}

/* The kind of the section that holds node n, as a static string, or NULL
 * (attribute values live in a buffer that moves as it grows). */
static const char *section_kind_of(const scan *s, int32_t n)
{
	static const char *const kinds[] = {"plan", "review", "issues", "party",
					    "measures", "intro", "other", NULL};
	const rpt_doc *d = s->doc;
	for (; n != NO_NODE; n = d->nodes[n].parent) {
		if (d->nodes[n].type != N_SECTION)
			continue;
		size_t len;
		const char *k = doc_attr_get(d, n, "kind", &len);
		for (size_t i = 0; k && kinds[i]; i++)
			if (strlen(kinds[i]) == len && memcmp(k, kinds[i], len) == 0)
				return kinds[i];
		return NULL;
	}
	return s->lead_kind; /* outside every section */
}

/* The year the heading of the section around node n names alone
 * (一、１９５５年国家决算: 1955), or 0: the year its 全年 and 本年 are of. */
static int section_year_of(const scan *s, int32_t n)
{
	const rpt_doc *d = s->doc;
	/* (the nearest heading that names a year: 全年 under （一）… under
	 * 一、2023年工作回顾 is of 2023) */
	for (; n != NO_NODE; n = d->nodes[n].parent) {
		if (d->nodes[n].type != N_SECTION)
			continue;
		int year = 0;
		bool dated = false;
		/* (the heading comes first, before the section's text) */
		int32_t h = d->nodes[n].first_child;
		while (h != NO_NODE && d->nodes[h].type != N_HEADING && d->nodes[h].type != N_P &&
		       d->nodes[h].type != N_SECTION)
			h = d->nodes[h].next;
		if (h != NO_NODE && d->nodes[h].type == N_HEADING) {
			for (int32_t c = d->nodes[h].first_child; c != NO_NODE; c = d->nodes[c].next) {
				size_t len;
				const char *v = d->nodes[c].type == N_DATE
							? doc_attr_get(d, c, "value", &len)
							: NULL;
				if (!v)
					continue;
				if (year || len != 4)
					return 0; /* (two dates, or a span: none alone) */
				year = digits_value(v, 0, 4);
				dated = true;
			}
		}
		if (dated)
			return year;
	}
	return 0;
}

static void scan_range(scan *s, int32_t parent, size_t vs, size_t ve,
		       figure_context *ctx)
{
	spans *sp = s->spans; /* large; one per parse, reused for each piece */
	sp->n = 0;
	sp->n_figures = 0;
	sp->n_dates = 0;
	if (ve <= vs)
		return;
	/* Each pattern runs only where its anchor character occurs: most
	 * paragraphs cite no 《document》 and many name no year. */
	mark_starts(s, vs, ve, sp);
	if (sp->has_docref)
		collect(s, s->parser->docref, N_DOCREF, vs, ve, sp);
	collect_slogans(s, vs, ve, sp);
	collect_formulae(s, vs, ve, sp);
	if (sp->has_date)
		collect_dates(s, vs, ve, sp);
	collect_figures(s, vs, ve, sp);
	/* On equal starts the longer span wins; overlaps go to the earlier
	 * one, so a docref, date or slogan keeps its numbers. */
	emit_all(s, parent, sp, ctx);
}

/* Text copied from PDF breaks its lines at the page width, in the middle
 * of sentences:
 *     截至2024年12月31日，共有车辆0辆，其中：部级领导干部
 *     用车0辆、主要领导干部用车0辆。
 * Each line is a paragraph of its own, but the second goes on with the
 * sentence of the first, whose date and cues govern its figures too. So
 * when a range starts on the line right after the last one scanned, and
 * that one was a full line (QUANTITY_FULL_LINE: not a title) whose last
 * sentence had no end, the cue state is taken over: the sentence start,
 * its cues, the last date. */

static void carry_in(scan *s, figure_context *ctx, size_t vs)
{
	if (!s->has_carry)
		return;
	s->has_carry = false;
	const char *t = s->v->text;
	size_t e = s->spans->carry_end;
	size_t next = e + (t[e] == '\r' && t[e + 1] == '\n' ? 2 : 1);
	if (e >= vs || (t[e] != '\n' && t[e] != '\r') || next != vs)
		return;
	figure_context own = *ctx;
	*ctx = s->spans->carry;
	ctx->vs = own.vs;
	ctx->ve = own.ve;
	ctx->section_kind = own.section_kind;
}

/* Does [vs, ve) end with the end of a sentence (。 ; ! ?, before closing
 * quotes and brackets)? */
static bool ends_sentence(const char *t, size_t vs, size_t ve)
{
	size_t e = ve;
	while (e > vs && (t[e - 1] == ' ' || t[e - 1] == ')'))
		e--;
	while (e >= vs + 3 && (starts(t + e - 3, 3, "”") || starts(t + e - 3, 3, "’") ||
			       starts(t + e - 3, 3, "」")))
		e -= 3;
	if (e > vs && (t[e - 1] == ';' || t[e - 1] == '!' || t[e - 1] == '?'))
		return true;
	return e >= vs + 3 && starts(t + e - 3, 3, "。");
}

static void carry_out(scan *s, figure_context *ctx, size_t vs, size_t ve)
{
	const char *t = s->v->text;
	/* The line is full, not the range: the text after a run-in heading
	 * (24. “…”1660.32万元。2023年预算执行数为⏎1899.77万元) is a short
	 * range at the end of a full line. */
	if (t[ve] != '\n' && t[ve] != '\r')
		return;
	/* (主要预期目标是：⏎◆地区生产总值增长5%；⏎◆粮食产量1270万吨。: a goal
	 * that opens a list with its colon governs the lines of the list,
	 * each a paragraph of its own, up to the 。) */
	if (ve > vs && (t[ve - 1] == ':' || t[ve - 1] == ';')) {
		figure_context_advance(ctx, t, ve);
		size_t goal = ctx->target_at;
		if (goal != NO_CUE && goal >= ctx->period_sentence &&
		    memchr(t + goal, ':', ve - goal)) {
			s->spans->carry = *ctx;
			s->spans->carry_end = ve;
			s->has_carry = true;
			return;
		}
	}
	/* most lines end their sentence: nothing to read on for */
	if (ends_sentence(t, vs, ve))
		return;
	size_t ls = vs;
	while (ls > 0 && ve - ls < QUANTITY_FULL_LINE && t[ls - 1] != '\n' && t[ls - 1] != '\r')
		ls--;
	if (ve - ls < QUANTITY_FULL_LINE)
		return;
	figure_context_advance(ctx, t, ve);
	if (ctx->sentence >= ve)
		return; /* it ended with the line */
	s->spans->carry = *ctx;
	s->spans->carry_end = ve;
	s->has_carry = true;
}

/* inline_scan(), for a piece of a paragraph: the items of 一是…二是… go on
 * with the period their paragraph's lead opened (一年来，…。一是…), given as
 * lead; out, if not NULL, receives the context at the piece's end. */
static void scan_piece(scan *s, int32_t parent, size_t vs, size_t ve,
		       const figure_context *lead, figure_context *out)
{
	/* Long paragraphs are scanned in pieces so that the span table never
	 * overflows; pieces end at sentence ends, where no element spans. */
	const char *t = s->v->text;
	figure_context ctx = {.parser = s->parser, .view = s->v,
			      .section_kind = section_kind_of(s, parent),
			      .section_year = section_year_of(s, parent),
			      .doc_year = s->doc_year};
	figure_context_init(&ctx, vs, ve);
	/* (a plan's or a budget's account of the years before it, 一、2023年
	 * 预算执行情况, is a review like any other: its figures were done) */
	ctx.future_doc = s->future_doc &&
			 !(ctx.section_kind && strcmp(ctx.section_kind, "review") == 0);
	ctx.budget_doc = s->budget_doc;
	ctx.rules_doc = s->rules_doc;
	ctx.bulletin_doc = s->bulletin_doc;
	ctx.summary_doc = s->summary_doc;
	ctx.own_year_ahead = s->own_year_ahead;
	ctx.looks_back = figure_looks_back(t, vs, ve, s->doc_year);
	ctx.review_period = s->review_period[0] ? s->review_period : NULL;
	size_t range_start = vs;
	carry_in(s, &ctx, vs);
	if (lead && lead->para_done) {
		memcpy(ctx.para_period, lead->para_period, sizeof ctx.para_period);
		ctx.para_done = true;
		ctx.looks_back = ctx.looks_back || lead->looks_back;
	}
	while (vs < ve) {
		size_t cut = ve;
		if (ve - vs > 1024) {
			/* a sentence end after 768 bytes, else a comma, else any
			 * character boundary by 2048: a piece never holds more
			 * spans than the table does */
			size_t lim = vs + PIECE_MAX < ve ? vs + PIECE_MAX : ve;
			size_t stop = utf8_find3(t, vs + 768, lim, "。");
			cut = stop < lim ? stop + 3 : 0;
			for (size_t i = vs + 768; i + 3 <= lim && !cut; i++)
				if (t[i] == ',' || t[i] == ';')
					cut = i + 1;
			if (!cut) {
				cut = lim;
				while (cut > vs && ((unsigned char)t[cut] & 0xC0) == 0x80)
					cut--;
			}
		}
		scan_range(s, parent, vs, cut, &ctx);
		vs = cut;
	}
	/* a heading is no sentence that the text under it goes on with */
	if (parent == NO_NODE || s->doc->nodes[parent].type != N_HEADING)
		carry_out(s, &ctx, range_start, ve);
	if (out) {
		figure_context_advance(&ctx, t, ve); /* (to the lead's 。) */
		*out = ctx;
	}
}

void inline_scan(scan *s, int32_t parent, size_t vs, size_t ve)
{
	scan_piece(s, parent, vs, ve, NULL, NULL);
}

static bool item_boundary_before(const char *t, size_t vs, size_t i)
{
	if (i == vs)
		return true;
	size_t p = utf8_prev(t, i);
	static const char *const punct[] = {"。", "、", ";", ",",
					    ":", " ", "!", "?"};
	for (size_t k = 0; k < sizeof punct / sizeof *punct; k++)
		if (strncmp(t + p, punct[k], strlen(punct[k])) == 0)
			return true;
	return false;
}

/* The 是 of 一是/二是: find each 是 (E6 98 AF) and read the numeral before
 * it, instead of trying a marker at every character. The longest numeral
 * wins (十一是 over 一是). */
static size_t shi_before(const char *t, size_t vs, size_t at)
{
	for (size_t back = 9; back >= 3; back -= 3) {
		marker m;
		if (at < vs + back)
			continue;
		size_t i = at - back;
		if (marker_parse_shi(t + i, back + 3 + 1, &m) && m.len == back + 3)
			return i;
	}
	return (size_t)-1;
}

void inline_scan_items(scan *s, int32_t parent, size_t vs, size_t ve)
{
	const char *t = s->v->text;
	size_t pos[32];
	int n = 0;
	for (size_t i = vs; n < 32 && (i = utf8_find3(t, i, ve, "是")) < ve; i++) {
		size_t start = shi_before(t, vs, i);
		marker m;
		if (start != (size_t)-1 && item_boundary_before(t, vs, start) &&
		    marker_parse_shi(t + start, ve - start, &m) && m.ordinal == n + 1)
			pos[n++] = start;
	}
	if (n < 2) {
		inline_scan(s, parent, vs, ve);
		return;
	}
	figure_context lead;
	scan_piece(s, parent, vs, pos[0], NULL, &lead);
	for (int k = 0; k < n; k++) {
		size_t end = k + 1 < n ? pos[k + 1] : ve;
		int32_t it = scan_add(s, parent, N_ITEM, pos[k], end);
		marker m;
		marker_parse_shi(t + pos[k], end - pos[k], &m);
		doc_attr(s->doc, it, "num", t + pos[k], m.len);
		doc_attr_int(s->doc, it, "ordinal", m.ordinal);
		doc_attr_str(s->doc, it, "style", "cn-shi");
		scan_piece(s, it, pos[k] + m.len, end, &lead, NULL);
	}
}

/* First position of lit in [from, to), or (size_t)-1. */
static size_t find_in(const char *t, size_t from, size_t to, const char *lit)
{
	size_t n = strlen(lit);
	for (const char *p = from < to ? memchr(t + from, lit[0], to - from) : NULL;
	     p && (size_t)(p - t) + n <= to;
	     p = (size_t)(p + 1 - t) < to ? memchr(p + 1, lit[0], to - (size_t)(p + 1 - t)) : NULL)
		if (memcmp(p, lit, n) == 0)
			return (size_t)(p - t);
	return (size_t)-1;
}

/* The years a quoted plan name stands for in running text, as value:
 * “十四五” and “七五” (2021/2025, 1986/1990), “十三五”末 its last year
 * (2020), “十一五”前四年 its first four (2006/2009); *end past the words
 * read. False for any other slogan [a, b). */
static bool slogan_plan_years(const char *t, size_t a, size_t b, size_t ve, char *value,
			      size_t cap, size_t *end)
{
	size_t used;
	int n = quoted_plan_at(t + a, b - a, &used);
	if (!n || a + used != b)
		return false;
	int first = plan_first_year(n), last = first + 4;
	*end = b;
	if (starts(t + b, ve - b, "末")) {
		first = last;
		*end = b + 3;
	} else if (starts(t + b, ve - b, "前")) {
		int m = numeral_cn_digit(t + b + 3, ve - b - 3, &used);
		if (m >= 1 && m <= 4 && starts(t + b + 3 + used, ve - b - 3 - used, "年")) {
			last = first + m - 1;
			*end = b + 3 + used + 3;
		}
	}
	if (first == last)
		snprintf(value, cap, "%04d", first);
	else
		snprintf(value, cap, "%04d/%04d", first, last);
	return true;
}

/* 第六个五年计划, “十四五”规划, 十三五规划: the years of a five-year plan
 * as value, 1981/1985, and the words that name it as [*ms, *me). */
static bool five_year_plan(const char *t, size_t vs, size_t ve, size_t *ms, size_t *me,
			   char *value, size_t cap)
{
	for (size_t i = vs; i < ve; i += utf8_len((unsigned char)t[i])) {
		size_t used, e;
		int n = 0;
		if (starts(t + i, ve - i, "第")) {
			n = plan_number(t + i + 3, ve - i - 3, &used);
			e = i + 3 + used;
			if (!n || !(starts(t + e, ve - e, "个五年计划") || starts(t + e, ve - e, "个五年规划")))
				continue;
			e += strlen("个五年计划");
		} else if (i == vs || (i >= vs + 3 && starts(t + i - 3, 3, "“")) || t[i - 1] == '"') {
			n = plan_number(t + i, ve - i, &used);
			e = i + used;
			/* 十四五: the plan's number, then 五; “十五”计划, the tenth,
			 * reads 十 and then its 五 */
			if (n > 10 && n % 10 == 5 && !starts(t + e, ve - e, "五")) {
				n -= 5;
				e -= 3;
			}
			if (!n || !starts(t + e, ve - e, "五"))
				continue;
			e += 3;
			if (starts(t + e, ve - e, "”"))
				e += 3;
			else if (e < ve && t[e] == '"')
				e++;
			if (!(starts(t + e, ve - e, "规划") || starts(t + e, ve - e, "计划")))
				continue;
		}
		if (n < 1 || n > 19)
			continue;
		int first = plan_first_year(n);
		snprintf(value, cap, "%04d/%04d", first, first + 4);
		*ms = i;
		*me = e;
		return true;
	}
	return false;
}

/* The role a genre word after a period in a title gives it: the first of
 * them decides (总结 review, 计划 plan); a 政府工作报告 both reviews its
 * year and plans the next, so it is whole, and so is a title without one. */
static const char *title_period_role(const char *t, size_t me, size_t ve)
{
	/* (2022年度预算执行, 2023年国民经济和社会发展计划执行情况: the budget or
	 * the plan carried out, as 决算 is) */
	static const char *const review[] = {"总结", "回顾", "报告", "年报", "公报",
					     "决算", "情况", "预算执行", "计划执行"};
	static const char *const plan[] = {"计划", "打算", "思路", "要点", "安排",
					   "规划", "预算", "任务", "谋划", "设想"};
	if (find_in(t, me, ve, "政府工作报告") != (size_t)-1)
		return "whole";
	const char *role = "whole";
	size_t best = (size_t)-1;
	for (size_t k = 0; k < sizeof review / sizeof *review; k++) {
		size_t p = find_in(t, me, ve, review[k]);
		if (p < best) {
			best = p;
			role = "review";
		}
	}
	for (size_t k = 0; k < sizeof plan / sizeof *plan; k++) {
		size_t p = find_in(t, me, ve, plan[k]);
		if (p < best) {
			best = p;
			role = "plan";
		}
	}
	return role;
}

/* 海坛片区管理局2022工作计划: a year without its 年, four digits from 1949 to
 * 2100 right before the genre's 工作 or 年度; the span to [*ms, *me). */
static bool bare_title_year(const char *t, size_t vs, size_t ve, size_t *ms, size_t *me,
			    int *year)
{
	for (size_t i = vs; i + 4 <= ve; i++) {
		if (!(t[i] >= '0' && t[i] <= '9') || (i > vs && t[i - 1] >= '0' && t[i - 1] <= '9'))
			continue;
		size_t k = i;
		int y = 0;
		while (k < ve && t[k] >= '0' && t[k] <= '9' && k - i < 5)
			y = y * 10 + (t[k++] - '0');
		/* (【2022】市教育局上半年工作总结: or the year the title opens
		 * with, before the body's name) */
		bool opens = i == vs && k + 3 <= ve && (unsigned char)t[k] >= 0xE4 &&
			     (unsigned char)t[k] <= 0xE9;
		if (k - i == 4 && y >= 1949 && y <= 2100 &&
		    (starts(t + k, ve - k, "工作") || starts(t + k, ve - k, "年度") || opens)) {
			*ms = i;
			*me = k;
			*year = y;
			return true;
		}
	}
	return false;
}

void inline_title_periods(scan *s, int32_t title, size_t vs, size_t ve)
{
	const char *t = s->v->text;
	size_t at = vs;
	int last_year = 0;
	char value[32];
	size_t ps, pe;
	int y;
	/* a title with no date may name its period another way */
	if (!find_date(s, vs, ve, &(date_match){0})) {
		const char *role = NULL;
		if (five_year_plan(t, vs, ve, &ps, &pe, value, sizeof value)) {
			/* (…规划纲要实施情况中期评估报告: the plan's years under review) */
			bool assessed = find_in(t, pe, ve, "评估") != (size_t)-1 ||
					find_in(t, pe, ve, "实施情况") != (size_t)-1;
			role = assessed ? "review" : "plan";
		} else if (bare_title_year(t, vs, ve, &ps, &pe, &y)) {
			/* (2022市教育局上半年工作总结: the half the title names) */
			bool first = find_in(t, pe, ve, "上半年") != (size_t)-1;
			bool second = find_in(t, pe, ve, "下半年") != (size_t)-1;
			snprintf(value, sizeof value, "%04d%s", y,
				 first && !second ? "-H1" : second && !first ? "-H2" : "");
			role = title_period_role(t, pe, ve);
		}
		if (role) {
			int32_t n = scan_add(s, title, N_PERIOD, ps, pe);
			doc_attr_str(s->doc, n, "role", role);
			doc_attr_str(s->doc, n, "value", value);
		}
		return;
	}
	while (at < ve) {
		date_match dm;
		bool found = find_date(s, at, ve, &dm);
		size_t ms, me;
		/* A half-year without its year: 及下半年 inherits the last one. */
		const char *h = NULL;
		if (last_year) {
			size_t a = find_in(t, at, ve, "上半年"), b = find_in(t, at, ve, "下半年");
			size_t first = a < b ? a : b;
			if (first != (size_t)-1)
				h = t + first;
		}
		if (h && (!found || (size_t)(h - t) < dm.ov[0])) {
			ms = (size_t)(h - t);
			me = ms + 9;
			/* 上 is E4 B8 8A, 下 is E4 B8 8B */
			snprintf(value, sizeof value, "%04d-%s", last_year,
				 h[2] == '\x8a' ? "H1" : "H2");
		} else if (found) {
			ms = dm.ov[0];
			me = dm.ov[1];
			if (!date_value(t, &dm, 0, value, sizeof value)) {
				at = me;
				continue;
			}
			last_year = atoi(value);
		} else {
			break;
		}
		int32_t n = scan_add(s, title, N_PERIOD, ms, me);
		doc_attr_str(s->doc, n, "role", title_period_role(t, me, ve));
		doc_attr_str(s->doc, n, "value", value);
		at = me;
	}
}
