/* The body: a section tree built from numbering markers with a stack of
 * styles, paragraphs, 一是/① lists, and the footer chrome. Numbering that
 * breaks the rules is kept as written and flagged; it never fails. */
#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "decimal.h"
#include "indicator.h"
#include "marker.h"
#include "numeral.h"
#include "parser.h"
#include "swar.h"
#include "utf8.h"
#include "wordindex.h"

enum { MAX_DEPTH = 16, HEADING_MAX = 50, GUESS_MAX = 40, LONG_LINE = 1000 };

typedef struct frame {
	marker_style style;
	int ordinal;
	int32_t node;
	const char *kind;
} frame;

typedef struct body {
	scan *s;
	int32_t node;
	frame stack[MAX_DEPTH];
	int depth;
	int ids[MAX_DEPTH]; /* sections so far at each depth, for @id */
	int32_t list, list_parent;
	marker_style list_style; /* a new style starts a new list */
	bool any_section;
	bool closing; /* past the last section: the closing paragraphs */
	size_t line, footer_line; /* the line being read; where the footer is */
	int last_ordinal[STYLE_COUNT]; /* of each style's last section */
} body;

/* The first four-digit year in a heading, or 0: a run of exactly four
 * digits from 1949 to 2100. The heading is walked a character at a time
 * and a run of digits at once. */
static int heading_year(const char *h, size_t len)
{
	for (size_t i = 0; i + 4 <= len;) {
		if (h[i] < '0' || h[i] > '9') {
			i += utf8_len((unsigned char)h[i]);
			continue;
		}
		size_t k = i;
		int y = 0;
		while (k < len && h[k] >= '0' && h[k] <= '9') {
			if (k - i < 4)
				y = y * 10 + (h[k] - '0');
			k++;
		}
		if (k - i == 4 && y >= 1949 && y <= 2100)
			return y;
		i = k;
	}
	return 0;
}

/* The year a heading is about, for its kind: its first year in digits,
 * else one in Chinese digits (一九五七年经济战线上的胜利), else the first
 * of the five-year plan it names (“十五五”时期工作的主要考虑); 0 if none. */
static int heading_period_year(const char *h, size_t len)
{
	int y = heading_year(h, len);
	for (size_t i = 0; !y && i + 12 <= len; i += utf8_len((unsigned char)h[i])) {
		size_t used;
		int cy = numeral_cn_year(h + i, len - i, &used);
		if (cy >= 1949 && cy <= 2100 && starts(h + i + used, len - i - used, "年"))
			y = cy;
	}
	for (size_t i = 0; !y && i + 9 <= len; i += utf8_len((unsigned char)h[i])) {
		size_t used;
		int n = quoted_plan_at(h + i, len - i, &used);
		if (n)
			y = plan_first_year(n);
	}
	return y;
}

/* The part of the report a heading names. Looked for in this order:
 * problems; a look back (情况, 回顾 …); a look ahead (打算, 任务, 总体要求
 * …); party building; measures. A year in the heading decides between
 * the last two when no word does: the report's own year or later is a
 * plan, an earlier one a review (in a 决算 or a statistical bulletin, the
 * report's own year too). */
enum { KIND_WORDS = 24 }; /* at most, for each kind */

static const struct {
	const char *kind;
	const char *words[KIND_WORDS];
} heading_words[] = {
	{"issues", {"问题", "不足", "困难", "短板", "差距"}},
	{"review", {"工作情况", "完成情况", "开展情况", "执行情况", "推进情况", "落实情况",
		    "实施情况", "运行情况", "回顾", "成效", "成绩", "成就", "进展", "取得",
		    "总结", "主要工作"}},
	{"plan", {"下一步", "打算", "计划", "思路", "安排", "展望", "目标",
		  "任务", "重点工作", "总体要求", "建议", "工作要点", "今年",
		  "明年", "民生实事", "开好局", "起好步", "工作谋划", "工作设想",
		  "规划纲要", "五年规划"}},
	{"party", {"党建", "党的建设", "党风廉政", "从严治党"}},
	{"measures", {"措施", "举措", "保障", "做法"}},
};
enum { HEADING_KINDS = sizeof heading_words / sizeof *heading_words };

void body_mark_words(rpt_parser *p)
{
	for (size_t k = 0; k < HEADING_KINDS; k++)
		for (size_t w = 0; w < KIND_WORDS && heading_words[k].words[w]; w++)
			parser_mark_words(p, &heading_words[k].words[w], 1, BEGINS_HEADING);
}

/* The heading words by their first character; id k * KIND_WORDS + w is
 * word w of kind k. */
enum { KIND_IDS = HEADING_KINDS * KIND_WORDS };
_Static_assert(KIND_IDS <= WORD_INDEX_MAX, "the kind index holds every word");
static word_index kind_index;
static pthread_once_t kind_once = PTHREAD_ONCE_INIT;

static const char *kind_word(size_t id)
{
	return heading_words[id / KIND_WORDS].words[id % KIND_WORDS];
}

static void build_kind_index(void) { word_index_build(&kind_index, KIND_IDS, kind_word); }

/* A problem word that names what is solved (补短板, 缩小城乡区域差距, 解决
 * 突出问题) or studied (重大问题的政策研究), a safeguard word that is part
 * of a name (社会保障, 保障房, 保障水平, 住房保障支出), and a plan that is
 * no plan ahead (计划生育, 按计划监督使用, “双高计划”): not what the heading
 * is about. */
static bool solved(const char *kind, const char *h, size_t i, size_t len, const char *w)
{
	static const char *const verbs[] = {"补", "缩小", "解决", "破解", "化解", "克服", "弥补",
					    "区域", "收入", "城乡"};
	enum { N_VERBS = sizeof verbs / sizeof *verbs };
	/* (解决关系群众切身利益的问题, 统筹协调…中的重大问题: the verb may stand
	 * further back in the clause; 问题导向 is a way of working) */
	static const char *const solving[] = {"解决", "破解", "化解", "研究", "处理", "协调"};
	enum { N_SOLVING = sizeof solving / sizeof *solving };
	size_t e = i + strlen(w);
	if (str_is(kind, "issues")) {
		if (ends_any(h, 0, i, verbs, N_VERBS) < N_VERBS || starts(h + e, len - e, "的") ||
		    starts(h + e, len - e, "导向"))
			return true;
		size_t c = i; /* the start of the word's clause */
		while (c > 0 && h[c - 1] != ',' && h[c - 1] != ';' && !ends_with(h, 0, c, "。"))
			c--;
		for (size_t k = 0; k < N_SOLVING; k++)
			if (contains(h + c, i - c, solving[k]))
				return true;
		return false;
	}
	if (str_is(kind, "measures") && str_is(w, "保障"))
		return ends_with(h, 0, i, "社会") || ends_with(h, 0, i, "和") ||
		       ends_with(h, 0, i, "住房") || starts(h + e, len - e, "房") ||
		       starts(h + e, len - e, "水平") || starts(h + e, len - e, "和") ||
		       starts(h + e, len - e, "支出") || starts(h + e, len - e, "性");
	if (str_is(kind, "plan") && str_is(w, "计划"))
		return ends_with(h, 0, i, "按") || starts(h + e, len - e, "生育") ||
		       starts(h + e, len - e, "”") || starts(h + e, len - e, "\"");
	return false;
}

/* The index in heading_words of the kind a word of the heading names,
 * HEADING_KINDS when none does; *word receives the word. */
static size_t kind_by_word(const rpt_parser *p, const char *h, size_t len,
			   const char **word)
{
	pthread_once(&kind_once, build_kind_index);
	size_t best = HEADING_KINDS;
	for (size_t i = 0; i < len && best > 0; i += utf8_len((unsigned char)h[i])) {
		if (!(han_begins(p, h + i, len - i) & BEGINS_HEADING))
			continue;
		size_t n;
		const uint16_t *ids = word_index_bucket(&kind_index, h + i, &n);
		for (size_t k = 0; k < n; k++) {
			size_t kind = ids[k] / KIND_WORDS;
			const char *w = kind_word(ids[k]);
			if (kind < best && memcmp(w, h + i, 3) == 0 && starts(h + i, len - i, w) &&
			    !solved(heading_words[kind].kind, h, i, len, w)) {
				best = kind;
				*word = w;
			}
		}
	}
	return best;
}

static const char *heading_kind(const rpt_parser *p, const char *h, size_t len,
				int doc_year, bool own_year_past, bool own_year_ahead)
{
	/* The first kind of the table whose words occur wins, wherever its
	 * word stands: once one is found only earlier kinds are looked for,
	 * and after the first (problems) nothing is. */
	const char *best_word = NULL;
	size_t best = kind_by_word(p, h, len, &best_word);
	int y = heading_period_year(h, len);
	/* 2024年度收入决算情况 in the 决算 of 2024, 2019年，全区农林牧渔业
	 * 总产值… in the bulletin of 2019: looking back */
	const char *by_year = NULL;
	if (y && doc_year)
		by_year = y > doc_year || (y == doc_year && !own_year_past) ? "plan" : "review";
	/* 主要工作 is what was done, or what is to be done: a later year's is
	 * a plan, and so is the report's own year in a 政府工作报告, which is
	 * delivered as that year begins (2026年主要工作) */
	if (best < HEADING_KINDS && str_is(best_word, "主要工作") && y && doc_year &&
	    (y > doc_year || (y == doc_year && own_year_ahead)))
		return "plan";
	if (best < HEADING_KINDS)
		return heading_words[best].kind;
	/* a statistical bulletin or a final account looks back throughout */
	return by_year ? by_year : own_year_past ? "review" : NULL;
}

/* Heading text without numbering, punctuation, symbols or spaces. */
static void set_hkey(body *b, int32_t n, size_t vs, size_t ve)
{
	const char *t = b->s->v->text;
	char key[512];
	size_t kl = 0;
	for (size_t i = vs; i < ve;) {
		/* ASCII and the CJK Unified Ideographs, nearly all of a heading,
		 * without utf8proc: of ASCII only letters and digits are kept
		 * (the rest are punctuation, symbols, spaces and controls), and
		 * U+4E00..U+9FFF are all letters. */
		unsigned char c0 = (unsigned char)t[i];
		if (c0 < 0x80) {
			bool alnum = (c0 >= '0' && c0 <= '9') || (c0 >= 'A' && c0 <= 'Z') ||
				     (c0 >= 'a' && c0 <= 'z');
			if (alnum && kl + 1 < sizeof key)
				key[kl++] = (char)c0;
			i++;
			continue;
		}
		if (c0 >= 0xE4 && c0 <= 0xE9 && ve - i >= 3 &&
		    (c0 > 0xE4 || (unsigned char)t[i + 1] >= 0xB8)) {
			if (kl + 3 < sizeof key) {
				memcpy(key + kl, t + i, 3);
				kl += 3;
			}
			i += 3;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t used = utf8proc_iterate(
			(const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(ve - i), &cp);
		if (used <= 0)
			break;
		utf8proc_category_t c = utf8proc_category(cp);
		bool keep = !(c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_SO) &&
			    !(c >= UTF8PROC_CATEGORY_ZS && c <= UTF8PROC_CATEGORY_CO);
		if (keep && kl + (size_t)used < sizeof key) {
			memcpy(key + kl, t + i, (size_t)used);
			kl += (size_t)used;
		}
		i += (size_t)used;
	}
	if (kl)
		doc_attr_new(b->s->doc, n, "hkey", key, kl);
}

/* The attributes of a section, its heading and an item are each set
 * once on the node just made (but for a section's kind, corrected after
 * its heading): with doc_attr_new, which does not look for an earlier
 * value among the ten or so a section has. This one sets a count or an
 * ordinal, never negative. */
static void attr_count(rpt_doc *d, int32_t n, const char *name, int value)
{
	char tmp[10];
	doc_attr_new(d, n, name, tmp, (size_t)(dec_put_uint(tmp, (unsigned)value, 1) - tmp));
}

static int32_t current_parent(const body *b)
{
	return b->depth ? b->stack[b->depth - 1].node : b->node;
}

static void close_list(body *b) { b->list = NO_NODE; }

/* Does a year (four digits, then 年) begin at t[i], after no digit? */
static bool year_at(const char *t, size_t i, size_t ve)
{
	if (i + 7 > ve || (t[i - 1] >= '0' && t[i - 1] <= '9'))
		return false;
	for (size_t k = 0; k < 4; k++)
		if (t[i + k] < '0' || t[i + k] > '9')
			return false;
	return (t[i] == '1' || t[i] == '2') && starts(t + i + 4, ve - i - 4, "年");
}

/* Does the year at t[i] open the text after a heading t[hs, i): one that
 * names that year already (2025年工作计划2025年，…) or ends with a word
 * that ends headings (…情况, …思路)? In 与2023年预算持平 it does not. */
static bool year_restarts(const char *t, size_t hs, size_t i, size_t ve)
{
	static const char *const ends[] = {"情况", "计划", "思路", "总结", "成效", "打算",
					   "安排", "工作", "要点", "举措", "目标", "任务",
					   "谋划", "设想"};
	if (!year_at(t, i, ve))
		return false;
	for (size_t p = hs; p + 4 <= i; p++)
		if (memcmp(t + p, t + i, 4) == 0 && starts(t + p + 4, i - p - 4, "年"))
			return true;
	size_t e = i;
	while (e > hs && t[e - 1] == ' ')
		e--;
	enum { N_ENDS = sizeof ends / sizeof *ends };
	return ends_any(t, hs, e, ends, N_ENDS) < N_ENDS;
}

/* Is the comma at t[i] one that groups digits (支出为２，１８４，８９４元)? */
static bool grouping_comma(const char *t, size_t hs, size_t i)
{
	return i > hs && t[i - 1] >= '0' && t[i - 1] <= '9' && t[i + 1] >= '0' && t[i + 1] <= '9';
}

static bool is_number_byte(char c)
{
	return (c >= '0' && c <= '9') || c == '.' || c == ',';
}

/* Does a sentence open at t[i] with its time and a comma: 2019年，全区…
 * (a bulletin's 农 业2019年，…), 过去一年，我们…, 一年来，…, 今年以来，…,
 * 年末，按户籍口径…, 目前，…, or with the time a count is made up to
 * (截至2022年底，…)? */
static bool time_opens(const char *t, size_t i, size_t ve)
{
	static const char *const times[] = {"过去一年,", "一年来,", "一年以来,", "今年以来,",
					    "过去的一年,", "年末,", "年初,", "目前,", "近年来,"};
	/* after a year: 2019年，2024年以来，2014年末， */
	static const char *const after_year[] = {"年,", "年以来,", "年末,", "年底,", "年上半年,"};
	enum { N = sizeof times / sizeof *times, N_AFTER = sizeof after_year / sizeof *after_year };
	/* 截至2022年底，截止目前，: the time a count is made up to */
	if (starts(t + i, ve - i, "截至") || starts(t + i, ve - i, "截止")) {
		size_t k = i + 6;
		return starts(t + k, ve - k, "目前,") || year_at(t, k, ve);
	}
	if (year_at(t, i, ve))
		return starts_any(t + i + 4, ve - i - 4, after_year, N_AFTER) < N_AFTER;
	return starts_any(t + i, ve - i, times, N) < N;
}

/* Does a first item numbered in digits begin at t[i], glued on between
 * Han text (重点工作1.党建引领, 规范政府信息公开行为 1、加强培训)? Not
 * 1.5亿元, 1、2批. */
static bool first_digit_item_at(const char *t, size_t hs, size_t i, size_t end)
{
	if (t[i] != '1' || i + 1 >= end || (t[i + 1] != '.' && !starts(t + i + 1, end - i - 1, "、")))
		return false;
	size_t b = i;
	while (b > hs && t[b - 1] == ' ')
		b--;
	size_t after = i + (t[i + 1] == '.' ? 2 : 4);
	return b >= hs + 3 && (unsigned char)t[b - 3] >= 0xE4 && (unsigned char)t[b - 3] <= 0xE9 &&
	       after + 3 <= end && (unsigned char)t[after] >= 0xE4 && (unsigned char)t[after] <= 0xE9;
}

/* Does the text after a heading t[hs, i) of cps characters start again
 * at t[i] (before end)? After two characters or more, a space before a
 * Han character, as crawled pages leave it (一、概述 推进政府信息公开…;
 * but 农 业, one character, is spaced PDF text, and 8 · 15万吨, after a
 * digit, a number spaced by OCR); after four or more, the first of a list
 * (一是, 1.党建引领) or the year that opens a sentence (2025年工作计划2025年，…). */
/* Is t[hs, i) the whole of a heading that stands for a part of a report
 * (存在问题, 主要职责, 基本情况), with the text glued on at i, a sentence
 * that goes on to a comma before end? (二、存在问题回顾今年以来的工作，…) */
static bool part_name_glued(const char *t, size_t hs, size_t i, size_t end)
{
	static const char *const parts[] = {"存在问题", "存在的问题", "主要问题", "主要职责",
					    "基本情况", "总体目标", "工作目标", "主要做法",
					    "主要成效", "工作措施", "保障措施"};
	/* (主要问题和改进措施, 基本情况及下一步打算: the heading goes on) */
	static const char *const joins[] = {"和", "与", "及", "的", "以及", "分析", "清单"};
	enum { N = sizeof parts / sizeof *parts, N_JOINS = sizeof joins / sizeof *joins };
	if (i + 3 > end || (unsigned char)t[i] < 0xE4 || (unsigned char)t[i] > 0xE9 ||
	    starts_any(t + i, end - i, joins, N_JOINS) < N_JOINS)
		return false;
	/* (and what follows is a sentence, not the rest of a longer name:
	 * 基本情况介绍, 总体目标任务) */
	if (!memchr(t + i, ',', end - i) && !contains(t + i, end - i, "。"))
		return false;
	for (size_t k = 0; k < N; k++)
		if (i - hs == strlen(parts[k]) && memcmp(t + hs, parts[k], i - hs) == 0)
			return true;
	return false;
}

static bool text_restarts(const char *t, size_t hs, size_t i, size_t end, size_t cps)
{
	if (part_name_glued(t, hs, i, end))
		return true;
	/* (or a year: （一）公开的主要内容 2013年新增…) */
	if (cps >= 2 && t[i] == ' ' && i + 1 < end &&
	    ((unsigned char)t[i + 1] >= 0x80 || year_at(t, i + 1, end)) &&
	    !(t[i - 1] >= '0' && t[i - 1] <= '9'))
		return true;
	return (cps >= 4 && (starts(t + i, end - i, "一是") || year_restarts(t, hs, i, end) ||
			     first_digit_item_at(t, hs, i, end))) ||
	       (cps >= 2 && time_opens(t, i, end));
}

/* Does the text after a heading t[hs, i) of cps characters start again
 * at t[i] (text_restarts), or a first subheading glue on there ((一),
 * (1))? */
static bool restarts_at(const char *t, size_t hs, size_t i, size_t end, size_t cps)
{
	marker m;
	return text_restarts(t, hs, i, end, cps) ||
	       (cps >= 4 && t[i] == '(' && marker_parse(t + i, end - i, &m) && m.ordinal == 1);
}

/* Where, before the terminator found at term, the text after a heading
 * starts again (restarts_at); else (size_t)-1. */
static size_t restart_before(const char *t, size_t hs, size_t term)
{
	size_t cps = 0;
	for (size_t i = hs; i < term; i += utf8_len((unsigned char)t[i]), cps++)
		if (restarts_at(t, hs, i, term, cps))
			return i;
	return (size_t)-1;
}

/* The end of 方面, 情况, 思路 or 目标 within the first 16 characters of
 * [hs, ve), after two at least, with Han text after it; or (size_t)-1.
 * all_nouns false: 方面 only. (在推动经济发展方面取得新成效 is a phrase, its
 * heading longer: no 方面 after 在, 从 or 对.) */
static size_t heading_noun_end(const char *t, size_t hs, size_t ve, bool all_nouns)
{
	static const char *const nouns[] = {"方面", "情况", "思路", "目标"};
	size_t n_nouns = all_nouns ? sizeof nouns / sizeof *nouns : 1;
	static const char *const prepositions[] = {"在", "从", "对"};
	enum { N_PREP = sizeof prepositions / sizeof *prepositions };
	if (starts_any(t + hs, ve - hs, prepositions, N_PREP) < N_PREP)
		return (size_t)-1;
	/* (情况统计表, 情况说明, 目标分析: the noun of a longer name) */
	static const char *const compounds[] = {"统计", "表", "说明", "报告", "分析", "汇报"};
	enum { N_COMPOUNDS = sizeof compounds / sizeof *compounds };
	size_t i = hs;
	for (size_t cps = 0; i < ve && cps < 16; cps++) {
		if (cps >= 2 && starts_any(t + i, ve - i, nouns, n_nouns) < n_nouns &&
		    i + 6 < ve && (unsigned char)t[i + 6] >= 0xE4 &&
		    starts_any(t + i + 6, ve - i - 6, compounds, N_COMPOUNDS) == N_COMPOUNDS)
			return i + 6;
		i += utf8_len((unsigned char)t[i]);
	}
	return (size_t)-1;
}

/* Where an unterminated run-in heading probably ends: after a short head
 * ending in a heading noun (heading_noun_end), before an opening quote,
 * else at the end of its second or first comma clause. */
static size_t guess_heading_end(const char *t, size_t hs, size_t ve)
{
	/* 主动公开方面平潭综合实验区切实落实…, 依申请公开方面持续强化…: a short
	 * head ending in 方面 */
	size_t noun = heading_noun_end(t, hs, ve, false);
	if (noun != (size_t)-1)
		return noun;
	size_t commas[2];
	int nc = 0;
	size_t cps = 0;
	/* Nothing cuts inside a quotation: 3. “一般公共服务支出（类）…”科目…,
	 * 22．建设“包头文化云"，拓宽… (a " closes what “ opened) */
	bool quoted = false;
	size_t i = hs, quote_end = 0;
	for (; i < ve && cps <= GUESS_MAX;) {
		bool opens = starts(t + i, ve - i, "“") || (t[i] == '"' && !quoted);
		if (quoted) {
			quoted = !(starts(t + i, ve - i, "”") || t[i] == '"');
			i += utf8_len((unsigned char)t[i]);
			cps++;
			if (!quoted)
				quote_end = i;
			continue;
		}
		if ((cps >= 4 && (opens || starts(t + i, ve - i, "《") || t[i] == '(')) ||
		    text_restarts(t, hs, i, ve, cps)) {
			/* (2023年工作思路认真学习…精神，紧紧围绕“一岛两窗三区”…: with
			 * no comma in the first 20 characters, the head noun first) */
			size_t head = nc && utf8_count(t + hs, commas[0] - hs) <= 20
					      ? (size_t)-1
					      : heading_noun_end(t, hs, ve, true);
			return head != (size_t)-1 && head <= i ? head : i;
		}
		quoted = opens;
		if (t[i] == ',' && nc < 2 && !grouping_comma(t, hs, i))
			commas[nc++] = i;
		i += utf8_len((unsigned char)t[i]);
		cps++;
	}
	/* a quotation still open at the limit: the heading runs to its end,
	 * if that comes within the heading length; and after a quotation
	 * closed, to the comma after it (“…（项）”14.62万元，主要用于…) */
	for (; quoted && i < ve && cps <= HEADING_MAX; cps++) {
		if (starts(t + i, ve - i, "”") || t[i] == '"') {
			quote_end = i + utf8_len((unsigned char)t[i]);
			break;
		}
		i += utf8_len((unsigned char)t[i]);
	}
	if (quote_end && !nc) {
		size_t k = quote_end;
		for (size_t n = 0; k < ve && n < HEADING_MAX; n++) {
			if (t[k] == ',' && !grouping_comma(t, hs, k))
				return k;
			k += utf8_len((unsigned char)t[k]);
		}
		return quote_end;
	}
	/* with no comma near, 2025年工作思路深入贯彻…: a short head ending in
	 * 情况, 思路 or 目标 */
	if (!nc || utf8_count(t + hs, commas[0] - hs) > 20)
		noun = heading_noun_end(t, hs, ve, true);
	if (noun != (size_t)-1)
		return noun;
	if (nc == 2)
		return commas[1];
	if (nc)
		return commas[0];
	/* Nothing to cut at: the first GUESS_MAX characters, but never in
	 * the middle of a number (…科目88.16万元 was cut after its first 8);
	 * and a comma a few characters on ends the clause instead of a cut
	 * in mid-word (…平等互利、和平共处五项原则，: not after 五项原) */
	i = hs;
	for (cps = 0; i < ve && cps < GUESS_MAX; cps++)
		i += utf8_len((unsigned char)t[i]);
	for (size_t k = i, n = 0; k < ve && n < 12; n++) {
		if (t[k] == ',' && !grouping_comma(t, hs, k))
			return k;
		k += utf8_len((unsigned char)t[k]);
	}
	if (i < ve && is_number_byte(t[i]))
		while (i > hs && is_number_byte(t[i - 1]))
			i--;
	return i;
}

/* The first 。 ： ； ！ ？ within the heading length, or (size_t)-1;
 * then *fits tells whether all of [hs, ve) is within that length, which
 * the walk has counted already. */
static size_t find_terminator(const char *t, size_t hs, size_t ve, size_t *tl,
			      bool *fits)
{
	size_t cps = 0, i;
	for (i = hs; i < ve && cps <= HEADING_MAX;) {
		if (starts(t + i, ve - i, "。")) {
			*tl = 3;
			return i;
		}
		if (t[i] == ':' || t[i] == ';' || t[i] == '!' || t[i] == '?') {
			*tl = 1;
			return i;
		}
		i += utf8_len((unsigned char)t[i]);
		cps++;
	}
	*fits = i >= ve && cps <= HEADING_MAX;
	return (size_t)-1;
}

/* The topics of a statistical bulletin's parts, as they name them
 * (三、工业、建筑业, 十一、人口、人民生活, 一、综 合 spaced out): a closed
 * vocabulary, the longest first where one begins another. */
static const char *const bulletin_topics[] = {
	"综合", "农林牧渔业", "农业", "工业", "建筑业", "固定资产投资", "国内外贸易", "国内贸易",
	"对外经济", "对外贸易", "物价", "价格", "旅游", "交通运输", "交通", "邮电", "邮政",
	"电信", "财政", "金融", "保险", "证券", "科学技术", "科技", "文化", "体育", "教育",
	"卫生", "计生", "人口", "人民生活", "社会保障", "就业", "安全生产", "资源", "环境",
	"能源", "城市建设"};

/* The topic word at t[i], perhaps spaced out (综 合), and its end; or
 * (size_t)-1. */
static size_t bulletin_topic_at(const char *t, size_t i, size_t ve)
{
	enum { N = sizeof bulletin_topics / sizeof *bulletin_topics };
	for (size_t k = 0; k < N; k++) {
		const char *w = bulletin_topics[k];
		size_t j = i, n = strlen(w), c = 0;
		while (c < n && j + 3 <= ve && memcmp(t + j, w + c, 3) == 0) {
			j += 3;
			c += 3;
			if (c < n && j < ve && t[j] == ' ')
				j++;
		}
		if (c == n)
			return j;
	}
	return (size_t)-1;
}

/* In a statistical bulletin, the end of a heading that is a list of
 * topics (工业、建筑业 before 全年完成工业总产值…), when text follows it
 * without a break; or (size_t)-1. terminated: ve is the 。 of the
 * heading's first sentence. */
static size_t bulletin_topics_end(const char *t, size_t hs, size_t ve, bool terminated)
{
	static const char *const joins[] = {"、", "和", "与", "及"};
	enum { N_JOINS = sizeof joins / sizeof *joins };
	size_t e = bulletin_topic_at(t, hs, ve), listed = e != (size_t)-1;
	while (e != (size_t)-1 && e < ve) {
		size_t k = starts_any(t + e, ve - e, joins, N_JOINS);
		if (k == N_JOINS)
			break;
		size_t next = bulletin_topic_at(t, e + strlen(joins[k]), ve);
		if (next == (size_t)-1)
			break;
		e = next;
		listed++;
	}
	/* a topic that the text goes on from (农业生产, 工业增加值) is no heading
	 * of its own: text that follows must begin with a word of its own (but
	 * after a list of topics, 工业、建筑业工业生产基本企稳, the first
	 * sentence may open with one of them) */
	if (e == (size_t)-1 || e >= ve || t[e] == ' ' || (unsigned char)t[e] < 0xE4 ||
	    (listed < 2 && bulletin_topic_at(t, e, ve) != (size_t)-1))
		return (size_t)-1;
	/* and it is a sentence, not the rest of a heading (交通和邮电业, 人口情况;
	 * one that ends at ve, the heading's 。, after a list of topics) */
	for (size_t k = e; k < ve; k++)
		if (t[k] == ',' || t[k] == ';' || starts(t + k, ve - k, "。"))
			return e;
	return listed >= 2 && terminated ? e : (size_t)-1;
}

/* Adds the heading and the text after it; returns the section kind the
 * heading names, or NULL. */
static const char *add_heading_and_text(body *b, int32_t sec, size_t hs,
					size_t ve, size_t *rest)
{
	const char *kind = NULL;
	scan *s = b->s;
	rpt_doc *d = s->doc;
	const char *t = s->v->text;
	/* (and the line end after a marker alone on its line) */
	while (hs < ve && (t[hs] == ' ' || t[hs] == '\n' || t[hs] == '\r'))
		hs++;
	if (hs >= ve)
		return NULL;
	size_t tl = 0;
	bool fits = false;
	size_t term = find_terminator(t, hs, ve, &tl, &fits);
	size_t he;
	bool runin, guessed = false;
	size_t early = term != (size_t)-1 ? restart_before(t, hs, term) : (size_t)-1;
	size_t topics = s->bulletin_doc ? bulletin_topics_end(t, hs, term != (size_t)-1 ? term : ve, term != (size_t)-1)
					: (size_t)-1;
	if (topics != (size_t)-1 && (early == (size_t)-1 || topics < early))
		early = topics;
	if (early != (size_t)-1) {
		/* 主要工作情况（一）…。: the heading ends where its text restarts */
		he = early;
		while (he > hs && t[he - 1] == ' ')
			he--;
		runin = true;
		term = (size_t)-1;
	} else if (term != (size_t)-1) {
		he = term + tl;
		runin = he < ve;
	} else if (fits) {
		he = ve;
		runin = false;
	} else {
		he = guess_heading_end(t, hs, ve);
		/* (a restart ends it as it would before a terminator: the
		 * space of （一）主动公开政府信息的数量 区管委会办公室…, the year
		 * of 二、2025年工作思路2025年，…, the （一） of 工作开展情况（一）…
		 * are no guess) */
		guessed = he >= ve || !restarts_at(t, hs, he, ve, utf8_count(t + hs, he - hs));
		while (he > hs + 1 && t[he - 1] == ' ')
			he--; /* (公开形式 1、电视…: the space is between) */
		runin = true;
	}
	if (he > hs) {
		int32_t h = scan_add(s, sec, N_HEADING, hs, he);
		doc_attr_new_str(d, h, "runin", runin ? "true" : "false");
		if (term != (size_t)-1) {
			size_t ts = fold_orig(s->v, term);
			doc_attr_new(d, h, "term", d->text + ts,
				 fold_orig(s->v, term + tl) - ts);
		}
		if (guessed) {
			doc_flag(d, h, "flags", "unterminated");
			doc_flag(d, h, "flags", "boundary-guess");
		}
		inline_scan(s, h, hs, he);
		set_hkey(b, sec, hs, term != (size_t)-1 ? term : he);
		kind = heading_kind(s->parser, t + hs, he - hs, s->doc_year,
				    s->own_year_past, s->own_year_ahead);
	}
	if (guessed)
		doc_diag(d, "heading-unterminated", "note", sec, fold_orig(s->v, hs),
			 fold_orig(s->v, he),
			 "run-in heading has no terminator; its end is a guess");
	size_t ps = he;
	while (ps < ve && t[ps] == ' ')
		ps++;
	*rest = ps;
	return kind;
}

static const char *bracket_kind(const scan *s, size_t vs, const marker *m)
{
	const char *o = s->doc->text;

	if (m->flags & MARK_MISSING_OPEN)
		return "missing-open";
	if (m->open == (size_t)-1 || m->close == (size_t)-1)
		return NULL;
	bool a = o[fold_orig(s->v, vs + m->open)] == '(';
	bool c = o[fold_orig(s->v, vs + m->close)] == ')';
	return a && c ? "ascii" : !a && !c ? "fullwidth" : "mixed";
}

static int find_style(const body *b, marker_style style)
{
	for (int k = b->depth - 1; k >= 0; k--)
		if (b->stack[k].style == style)
			return k;
	return -1;
}

/* Parts, chapters and articles are numbered through the whole document,
 * so a new parent does not restart them. */
static bool numbered_across(marker_style style)
{
	return style == STYLE_PART || style == STYLE_CHAPTER ||
	       style == STYLE_JIE || style == STYLE_ARTICLE;
}

static void segment(body *b, size_t vs, size_t ve, bool inline_marker);

/* The rank of a style among those of its family: the book's parts,
 * chapters, sections (节) and articles, or the GB/T 9704 levels of 一、,
 * （一）, 1. and （1）; 0 for the rest. */
static int style_rank(marker_style style, bool *book)
{
	*book = style == STYLE_PART || style == STYLE_CHAPTER || style == STYLE_JIE ||
		style == STYLE_ARTICLE;
	switch (style) {
	case STYLE_PART: return 1;
	case STYLE_CHAPTER: return 2;
	case STYLE_JIE: return 3;
	case STYLE_ARTICLE: return 4;
	case STYLE_CN_DUN: return 1;
	case STYLE_CN_PAREN: return 2;
	case STYLE_AR_DOT:
	case STYLE_AR_DUN: return 3;
	case STYLE_AR_PAREN:
	case STYLE_AR_HALF: return 4;
	default: return 0;
	}
}

/* Does a section of style a outrank an open one of style b, so that it
 * cannot be its child? A part, chapter or 节 outranks every GB/T level and
 * the lower ranks of the book; a GB/T level, the lower GB/T levels. */
static bool outranks(marker_style a, marker_style b)
{
	bool a_book, b_book;
	int ra = style_rank(a, &a_book), rb = style_rank(b, &b_book);
	if (!ra || !rb)
		return false;
	if (a_book != b_book)
		return a_book && a != STYLE_ARTICLE;
	return ra < rb;
}

static void open_section(body *b, const marker *m, size_t vs, size_t ve,
			 bool inline_marker)
{
	scan *s = b->s;
	rpt_doc *d = s->doc;
	int k = find_style(b, m->style);
	int prev = 0;
	if (k >= 0) {
		prev = b->stack[k].ordinal;
		b->depth = k;
	} else {
		/* 一、 after 1. (and 第二编 after 第六章): a style new here that
		 * outranks the open ones closes them, and is never their child */
		while (b->depth > 0 && outranks(m->style, b->stack[b->depth - 1].style))
			b->depth--;
	}
	if (b->depth >= MAX_DEPTH) {
		int32_t p = scan_add(s, current_parent(b), N_P, vs, ve);
		inline_scan_items(s, p, vs, ve);
		return;
	}
	close_list(b);
	int32_t parent = current_parent(b);
	int parent_gbt = b->depth ? marker_gbt_level(b->stack[b->depth - 1].style) : -1;
	/* (the voice of the last part goes on in the closing, not in a
	 * glossary after it: 各位代表！…团结起来。⏎1.“两重”：是指…) */
	const char *parent_kind = b->depth ? b->stack[b->depth - 1].kind
				  : b->closing ? NULL : s->lead_kind;
	int32_t sec = scan_add(s, parent, N_SECTION, vs, vs + m->len);
	if (sec == NO_NODE)
		return;

	b->ids[b->depth]++;
	if (b->depth + 1 < MAX_DEPTH)
		b->ids[b->depth + 1] = 0;
	char id[128];
	id[0] = 's';
	size_t il = (size_t)(dec_put_uint(id + 1, (unsigned)b->ids[0], 1) - id);
	for (int i = 1; i <= b->depth && il < sizeof id - 12; i++) {
		id[il++] = '.';
		il = (size_t)(dec_put_uint(id + il, (unsigned)b->ids[i], 1) - id);
	}
	doc_attr_new(d, sec, "id", id, il);
	attr_count(d, sec, "level", b->depth + 1);
	/* The marker as written, and where diagnostics point. */
	size_t os = fold_orig(s->v, vs), oe = fold_orig(s->v, vs + m->len);
	doc_attr_new(d, sec, "num", d->text + os, oe - os);
	attr_count(d, sec, "ordinal", m->ordinal);
	doc_attr_new_str(d, sec, "style", marker_style_name(m->style));
	int gbt = marker_gbt_level(m->style);
	attr_count(d, sec, "gbt-level", gbt);
	const char *br = bracket_kind(s, vs, m);
	if (br)
		doc_attr_new_str(d, sec, "bracket", br);
	if (inline_marker)
		doc_flag(d, sec, "flags", "inline");

	int mlen = (int)(oe - os);
	const char *num = d->text + os;
	if (m->flags & MARK_MISSING_OPEN) {
		doc_flag(d, sec, "flags", "num-malformed");
		doc_diag(d, "num-malformed", "warning", sec, os, oe,
			 "marker '%.*s' lacks its opening bracket; read as ordinal %d",
			 mlen, num, m->ordinal);
	}
	if (m->flags & MARK_NONSTANDARD)
		doc_flag(d, sec, "flags", "style-nonstandard");
	if (gbt > 0 && parent_gbt > 0 && gbt > parent_gbt + 1) {
		doc_flag(d, sec, "flags", "level-skip");
		doc_diag(d, "level-skip", "note", sec, os, oe,
			 "marker '%.*s' (GB/T level %d) directly under level %d",
			 mlen, num, gbt, parent_gbt);
	}
	if (k >= 0 && m->ordinal != prev + 1) {
		const char *code = m->ordinal == prev       ? "num-dup"
				   : m->ordinal == 1          ? "num-restart"
				   : m->ordinal > prev + 1    ? "num-gap"
							      : "num-order";
		doc_flag(d, sec, "flags", code);
		doc_diag(d, code, m->ordinal == 1 ? "note" : "warning", sec, os, oe,
			 "marker '%.*s' follows ordinal %d", mlen, num, prev);
	} else if (k < 0 && m->ordinal != 1 && !numbered_across(m->style) &&
		   m->ordinal != b->last_ordinal[m->style] + 1) {
		/* (unless it goes on from the last of its style under an earlier
		 * parent: tasks 1．… 2．… under 一、 and 3．… under 二、 are
		 * numbered through) */
		doc_flag(d, sec, "flags", "num-gap");
		doc_diag(d, "num-gap", "warning", sec, os, oe,
			 "marker '%.*s' opens its level; expected ordinal 1", mlen,
			 num);
	}

	/* The kind attribute goes before the heading is added, so it is set
	 * now and corrected once the heading has been read. */
	doc_attr_new_str(d, sec, "kind", parent_kind ? parent_kind : "other");
	b->stack[b->depth] = (frame){m->style, m->ordinal, sec, parent_kind};
	b->last_ordinal[m->style] = m->ordinal;
	b->depth++;
	b->any_section = true;
	/* A heading's own words name its kind; a subsection keeps its
	 * parent's unless it names problems or party work. */
	size_t rest = ve;
	const char *kind = add_heading_and_text(b, sec, vs + m->len, ve, &rest);
	/* Under a part that already has a kind, only problems and party work
	 * stand out as their own: 进展 under 存在的问题 is still a problem,
	 * and 目标 in a heading under 工作回顾 tells of goals met. */
	if (kind && parent_kind && strcmp(kind, "issues") != 0 && strcmp(kind, "party") != 0)
		kind = NULL;
	if (kind) {
		doc_attr_str(d, sec, "kind", kind);
		b->stack[b->depth - 1].kind = kind;
	}
	/* The text after the heading; 一、主要工作情况（一）打基础…: a first
	 * subsection glued on opens under it (and 第二章　规划建设　　第八条…:
	 * articles are numbered through the document, the first of a chapter
	 * goes on from the last of the chapter before) */
	if (rest < ve) {
		marker sub;
		if (marker_parse(s->v->text + rest, ve - rest, &sub) &&
		    (sub.ordinal == 1 || (numbered_across(sub.style) && sub.style != m->style &&
					  sub.ordinal == b->last_ordinal[sub.style] + 1)) &&
		    sub.style != STYLE_CIRCLED && find_style(b, sub.style) < 0) {
			segment(b, rest, ve, true);
		} else {
			int32_t p = scan_add(s, sec, N_P, rest, ve);
			inline_scan_items(s, p, rest, ve);
		}
	}
}

static void add_item(body *b, const marker *m, size_t vs, size_t ve)
{
	scan *s = b->s;
	rpt_doc *d = s->doc;
	int32_t parent = current_parent(b);
	if (b->list == NO_NODE || b->list_parent != parent ||
	    b->list_style != m->style) {
		b->list = scan_add(s, parent, N_LIST, vs, vs);
		b->list_parent = parent;
		b->list_style = m->style;
	}
	int32_t it = scan_add(s, b->list, N_ITEM, vs, ve);
	size_t os = fold_orig(s->v, vs);
	doc_attr_new(d, it, "num", d->text + os,
		     fold_orig(s->v, vs + m->len) - os);
	attr_count(d, it, "ordinal", m->ordinal);
	doc_attr_new_str(d, it, "style", marker_style_name(m->style));
	inline_scan(s, it, vs + m->len, ve);
}

static bool names_period(const char *h, size_t len)
{
	static const char *const words[] = {"时期", "今年", "明年", "上半年", "下半年", "五年来"};
	if (heading_year(h, len))
		return true;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (contains(h, len, words[k]))
			return true;
	return false;
}

/* “十四五”时期工作回顾, 2026年重点工作, 附件1: a short line of its own,
 * without a marker or an end, that names the part of the report the
 * sections and paragraphs after it belong to (scan.lead_kind). An
 * appendix (附件) starts over, its sections too. */
static void lead_line(body *b, size_t vs, size_t ve)
{
	scan *s = b->s;
	const char *t = s->v->text;
	if (ve - vs > 24 * 4)
		return; /* more than 24 characters, counted the cheap way */
	size_t chars = utf8_count(t + vs, ve - vs);
	if (chars < 2 || chars > 24)
		return;
	if (starts(t + vs, ve - vs, "附件")) {
		/* its sections number from 一、 again, under nothing before, and
		 * the report's closing is over */
		s->lead_kind = NULL;
		b->depth = 0;
		b->closing = false;
		return;
	}
	size_t last = utf8_prev(t, ve);
	unsigned char c = (unsigned char)t[last];
	if (c < 0x80 || starts(t + last, ve - last, "。") || starts(t + last, ve - last, "、"))
		return; /* ， ： ； fold to ASCII */
	const char *kind = heading_kind(s->parser, t + vs, ve - vs, s->doc_year,
					s->own_year_past, s->own_year_ahead);
	/* it names a period too: a year, “十五五”时期, 今年 … (第六个五年计划的
	 * 基本任务, a subtitle of the whole, leads nothing) */
	const char *word;
	if (kind && (str_is(kind, "review") || str_is(kind, "plan")) &&
	    kind_by_word(s->parser, t + vs, ve - vs, &word) < HEADING_KINDS &&
	    names_period(t + vs, ve - vs))
		s->lead_kind = kind;
}

/* Does a section follow the line being read, before any appendix: one
 * of a style that is open, anywhere after it, or one of any style on the
 * next line that is not blank (各位代表！做好今年工作… then （一）… under 二、
 * leads into new subsections; 各位代表！… then 名词解释 and 1.… 20. is a
 * closing, and a glossary)? *first_depth receives the depth of the open
 * style of the first section that follows, or -1 (a style not open, or
 * no section). */
static bool section_follows(const body *b, int *first_depth)
{
	const scan *s = b->s;
	const char *t = s->v->text;
	bool next = true, seen = false;
	*first_depth = -1;
	for (size_t li = b->line + 1; li < b->footer_line; li++) {
		const line *l = &s->lines[li];
		marker m;
		if (l->ce == l->cs)
			continue;
		if (starts(t + l->cs, l->ce - l->cs, "附件"))
			return false; /* (the appendix numbers its own sections) */
		if (marker_parse(t + l->cs, l->ce - l->cs, &m)) {
			int depth = find_style(b, m.style);
			if (!seen)
				*first_depth = depth;
			seen = true;
			if (next || depth >= 0)
				return true;
		}
		next = false;
	}
	return false;
}

/* 各位代表！新征程充满光荣和梦想, 同志们！…, 结束语: the speaker turns to
 * the delegates once more. After the last section, that paragraph and
 * the ones after it are the body's closing, not the last subsection's;
 * amid the report, when the next section is one of the top level (各位
 * 代表！2025年是…收官之年, then 二、), it sums up the top-level part it
 * stands in. (各位代表！今年我们要… then 1.… and （十）: it leads into
 * the subsections that follow, and changes nothing.) */
static void address_to_delegates(body *b, size_t vs, size_t ve)
{
	static const char *const addresses[] = {"各位代表", "同志们", "代表们"};
	enum { N = sizeof addresses / sizeof *addresses };
	const char *t = b->s->v->text;
	bool last_words = ve - vs == strlen("结束语") && starts(t + vs, ve - vs, "结束语");
	if (!b->any_section || b->closing || !b->depth ||
	    (!last_words && starts_any(t + vs, ve - vs, addresses, N) == N))
		return;
	int next_depth;
	if (section_follows(b, &next_depth)) {
		if (b->depth > 1 && next_depth == 0)
			b->depth = 1;
		return;
	}
	/* (五、关于国内外团结⏎同志们，…: the first words of the last part are
	 * its text, not the closing; but a subsection that is a heading alone,
	 * （二）民生⏎各位代表！让我们团结奋斗。, closes) */
	const rpt_doc *d = b->s->doc;
	int32_t last = d->nodes[current_parent(b)].last_child;
	if (b->depth == 1 && (last == NO_NODE || d->nodes[last].type == N_HEADING))
		return;
	/* they go on in the voice of the last part (我们要…: a plan's) */
	if (b->stack[0].kind)
		b->s->lead_kind = b->stack[0].kind;
	b->depth = 0;
	b->closing = true;
}

/* 北京市经济和信息化局⏎2022年11月21日: a paragraph before the first part
 * or after the last that is one whole day and nothing else is the day of
 * the signature, the day the document was written. */
static void signature_date(rpt_doc *d, int32_t p)
{
	const node *pn = &d->nodes[p];
	int32_t c = pn->first_child;
	if (c == NO_NODE || d->nodes[c].type != N_DATE || d->nodes[c].next != NO_NODE ||
	    d->nodes[c].start != pn->start || d->nodes[c].end != pn->end)
		return;
	size_t len;
	const char *v = doc_attr_get(d, c, "value", &len);
	if (v && len == 10) /* YYYY-MM-DD */
		doc_attr_str(d, c, "type", "written");
}

static void add_paragraph(body *b, size_t vs, size_t ve)
{
	lead_line(b, vs, ve);
	close_list(b);
	address_to_delegates(b, vs, ve);
	int32_t p = scan_add(b->s, current_parent(b), N_P, vs, ve);
	bool aside = !b->any_section || (b->closing && !b->depth);
	if (!b->any_section)
		doc_attr_str(b->s->doc, p, "kind", "preamble");
	else if (aside)
		doc_attr_str(b->s->doc, p, "kind", "closing");
	inline_scan_items(b->s, p, vs, ve);
	if (aside && p != NO_NODE)
		signature_date(b->s->doc, p);
}

/* Is the character at t[i] a leader dot: '.', … or ·? */
static bool is_leader_dot(const char *t, size_t i, size_t ve)
{
	unsigned char c = (unsigned char)t[i];
	return c == '.' ||
	       (c == 0xE2 && i + 2 < ve && (unsigned char)t[i + 1] == 0x80 &&
		(unsigned char)t[i + 2] == 0xA6) ||
	       (c == 0xC2 && i + 1 < ve && (unsigned char)t[i + 1] == 0xB7);
}

/* The first of '.', … and · in t[from, ve), or ve: their first bytes
 * are looked for sixteen at a time, as most lines have none of them. */
static size_t next_dot(const char *t, size_t from, size_t ve)
{
	size_t i = from;
	for (; i + 16 <= ve; i += 16)
		for (unsigned m = bytes16_in(t + i, ".\xE2\xC2", 3); m; m &= m - 1) {
			size_t at = i + (size_t)__builtin_ctz(m);
			if (is_leader_dot(t, at, ve))
				return at;
		}
	for (; i < ve; i++)
		if (is_leader_dot(t, i, ve))
			return i;
	return ve;
}

/* A table-of-contents entry: leader dots (…… or ......) after the text.
 * Its number is not a heading; the heading comes later in the body. */
static bool is_toc_entry(const char *t, size_t vs, size_t ve)
{
	for (size_t i = next_dot(t, vs, ve); i < ve; i = next_dot(t, i, ve)) {
		size_t dots = 0;
		while (i < ve && dots < 6 && is_leader_dot(t, i, ve)) {
			i += utf8_len((unsigned char)t[i]);
			dots++;
		}
		if (dots >= 6)
			return true;
	}
	return false;
}

/* Does the line [vs, ve) end in a number alone in its column, after a
 * run of three spaces or more (二、事业收入                     0.00)? */
static bool ends_in_figure_cell(const char *t, size_t vs, size_t ve)
{
	size_t e = ve;
	while (e > vs && t[e - 1] == ' ')
		e--;
	size_t b = e;
	while (b > vs && ((t[b - 1] >= '0' && t[b - 1] <= '9') || t[b - 1] == ',' ||
			  t[b - 1] == '.' || t[b - 1] == '-' || t[b - 1] == '%'))
		b--;
	if (b == e || !(t[e - 1] >= '0' && t[e - 1] <= '9') || b < vs + 3)
		return false;
	return t[b - 1] == ' ' && t[b - 2] == ' ' && t[b - 3] == ' ';
}

/* 一、本年新收政府信息公开申请数量     3001     53     0: a row of a
 * table laid out with spaces, as PDF text has it (two numbers or more,
 * each after a run of spaces, or one at the end of the line), is no
 * heading. */
static bool is_table_row(const char *t, size_t vs, size_t ve)
{
	if (ends_in_figure_cell(t, vs, ve))
		return true;
	/* (一、食品烟酒 | 0.1 |: and one whose cells a page prints between
	 * pipes) */
	if (pipe_cells(t + vs, ve - vs))
		return true;
	/* from space to space (memchr: most lines have few or none) */
	int cells = 0;
	for (const char *p = memchr(t + vs, ' ', ve - vs); p && cells < 2;
	     p = memchr(p, ' ', (size_t)(t + ve - p))) {
		const char *q = p;
		while (q < t + ve && *q == ' ')
			q++;
		if (q - p >= 2 && q < t + ve && *q >= '0' && *q <= '9')
			cells++;
		if (q >= t + ve)
			break;
		p = q;
	}
	return cells >= 2;
}

/* 二、政府性基金预算财政拨款收入        二、外交支出, 2. 政府性基金
 * 三、卫生健康支出: two columns of a table, each cell numbered, apart by a
 * run of spaces. */
static bool numbered_columns(const char *t, size_t vs, size_t ve)
{
	marker a, m;
	if (!marker_parse(t + vs, ve - vs, &a))
		return false;
	for (const char *p = memchr(t + vs, ' ', ve - vs); p;
	     p = memchr(p, ' ', (size_t)(t + ve - p))) {
		const char *q = p;
		while (q < t + ve && *q == ' ')
			q++;
		if (q >= t + ve)
			break;
		size_t at = (size_t)(q - t);
		if (q - p >= 4 && marker_parse(q, ve - at, &m))
			return true;
		p = q;
	}
	return false;
}

/* How far the line being read is set in, when [vs, ...) begins its text
 * and only spaces (and a form feed, where a page begins) stand before it;
 * else 0 (<U+00A0> written out, as some dumps have it, is text). */
static size_t indent_of(const body *b, size_t vs)
{
	const line *l = &b->s->lines[b->line];
	if (vs != l->cs)
		return 0;
	for (size_t i = l->start; i < l->cs; i++)
		if (b->s->v->text[i] != ' ' && b->s->v->text[i] != '\f')
			return 0;
	return l->cs - l->start;
}

/* Is [vs, ve), a whole line, set twenty spaces in or more? So PDF text
 * lays out the cells of a table's second column (            十、节能环保
 * 支出); a heading, centred or not, stands nearer the margin. */
static bool far_indented(const body *b, size_t vs, bool inline_marker)
{
	return !inline_marker && indent_of(b, vs) >= 20;
}

/* Is the line a bare figure (50, 1,097.43, 12.5%) and nothing else? */
static bool figure_line(const char *t, const line *l)
{
	size_t i = l->cs, digits = 0;
	for (; i < l->ce; i++) {
		char c = t[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c != '.' && c != ',' && c != '%' && c != '-' && c != ' ')
			return false;
	}
	return digits > 0;
}

/* Is [vs, ve), a whole line with a marker, the label of a table's row
 * that text converted from PDF prints a cell a line: two of the three
 * lines after it bare figures (（一）予以公开⏎50⏎0⏎0…)? */
static bool row_label(const body *b, size_t vs, bool inline_marker)
{
	if (inline_marker || vs != b->s->lines[b->line].cs)
		return false;
	const char *t = b->s->v->text;
	int seen = 0, figures = 0;
	for (size_t li = b->line + 1; li < b->footer_line && seen < 3; li++) {
		const line *l = &b->s->lines[li];
		if (l->cs >= l->ce)
			continue;
		seen++;
		figures += figure_line(t, l);
	}
	return figures >= 2;
}

/* The row labels of the table that the annual report on government
 * information disclosure has by the national template (收到和处理政府信息
 * 公开申请情况): 一、本年新收政府信息公开申请数量, （三）不予公开, 1.属于国家
 * 秘密…, numbered as headings are. */
static bool disclosure_row_label(const scan *s, const char *t, size_t vs, size_t ve,
				 const marker *m)
{
	static const char *const labels[] = {
		"本年新收", "上年结转", "本年度办理结果", "予以公开", "部分公开", "不予公开",
		"属于国家秘密", "其他法律行政", "危及“三安全", "危及\"三安全", "保护第三方合法权益",
		"属于三类内部", "属于四类过程", "属于行政执法", "属于行政查询", "无法提供",
		"本机关不掌握", "没有现成信息", "补正后申请", "不予处理", "信访举报投诉",
		"重复申请", "要求提供公开出版物", "无正当理由", "要求行政机关确认", "其他处理",
		"结转下年度"};
	enum { N = sizeof labels / sizeof *labels, LABEL_MAX = 40 };
	/* (not the heading （四）不予公开政府信息情况。, of the part that tells of
	 * them) */
	if (!s->disclosure_doc ||
	    utf8_count(t + vs, ve - vs) > LABEL_MAX || contains(t + vs, ve - vs, "情况"))
		return false;
	size_t i = vs + m->len;
	while (i < ve && t[i] == ' ')
		i++;
	return starts_any(t + i, ve - i, labels, N) < N;
}

/* Is [vs, ve), a whole line, the centred name of a part that is not
 * numbered (            名词解释, 上海市普陀区人民政府办公室机构设置, 2025年
 * 部门预算编制说明), as budgets set them? Such a part closes the sections
 * open before it. */
static bool unnumbered_part(const body *b, size_t vs, size_t ve, bool inline_marker)
{
	static const char *const parts[] = {"主要职能", "机构设置", "名词解释", "编制说明",
					    "情况说明"};
	enum { N = sizeof parts / sizeof *parts, INDENT = 8, PART_NAME_MAX = 40 };
	if (inline_marker || !b->depth)
		return false;
	const char *t = b->s->v->text;
	marker m;
	if (indent_of(b, vs) < INDENT || utf8_count(t + vs, ve - vs) > PART_NAME_MAX ||
	    marker_parse(t + vs, ve - vs, &m) || memchr(t + vs, ',', ve - vs) ||
	    contains(t + vs, ve - vs, "。"))
		return false;
	size_t e = ve;
	while (e > vs && t[e - 1] == ' ')
		e--;
	return ends_any(t, vs, e, parts, N) < N;
}

static void segment(body *b, size_t vs, size_t ve, bool inline_marker)
{
	const char *t = b->s->v->text;
	marker m;
	if (unnumbered_part(b, vs, ve, inline_marker)) {
		/* (within a 第二部分 or a chapter, which it does not end) */
		int keep = 0;
		for (int k = 0; k < b->depth; k++)
			if (b->stack[k].style == STYLE_PART || b->stack[k].style == STYLE_CHAPTER)
				keep = k + 1;
		b->depth = keep;
		add_paragraph(b, vs, ve);
		return;
	}
	if (is_table_row(t, vs, ve) || numbered_columns(t, vs, ve) ||
	    far_indented(b, vs, inline_marker) || row_label(b, vs, inline_marker)) {
		add_paragraph(b, vs, ve);
		return;
	}
	if (is_toc_entry(t, vs, ve)) {
		close_list(b);
		int32_t n = scan_add(b->s, current_parent(b), N_BOILERPLATE, vs, ve);
		doc_attr_str(b->s->doc, n, "kind", "toc");
		return;
	}
	if (marker_parse(t + vs, ve - vs, &m)) {
		if (!inline_marker && disclosure_row_label(b->s, t, vs, ve, &m))
			add_paragraph(b, vs, ve);
		else if (m.style == STYLE_CIRCLED)
			add_item(b, &m, vs, ve);
		else
			open_section(b, &m, vs, ve, inline_marker);
	} else if (marker_parse_shi(t + vs, ve - vs, &m)) {
		add_item(b, &m, vs, ve);
	} else {
		add_paragraph(b, vs, ve);
	}
}

/* Would a marker found inside a line continue the numbering? Mirrors the
 * stack logic of open_section on a copy of the styles. */
static bool continues(frame *stack, int *depth, const marker *m)
{
	if (m->style == STYLE_CIRCLED)
		return false;
	for (int k = *depth - 1; k >= 0; k--)
		if (stack[k].style == m->style) {
			if (m->ordinal != stack[k].ordinal + 1)
				return false;
			stack[k].ordinal = m->ordinal;
			*depth = k + 1;
			return true;
		}
	if (m->ordinal != 1 || *depth >= MAX_DEPTH)
		return false;
	stack[*depth].style = m->style;
	stack[*depth].ordinal = 1;
	(*depth)++;
	return true;
}

/* Does a marker after a sentence end go on with the numbering over a
 * gap, in a text a crawler flattened: open its style's level though the
 * numbering has not begun (…相关部门、单位。 二、部门预算单位基本情况, the
 * 一、 before it missed: behind a tag left over, or after text with no
 * end), or step over markers missed? Only for 一、 and （一）, and not
 * before a numeral of a series (…。三、四月份 names two months;
 * 四、一般公共预算 is a heading). */
static bool opens_late(frame *stack, int *depth, const marker *m, const char *after,
		       size_t len)
{
	static const char *const series[] = {"月", "年", "日", "季", "类", "轮", "个", "项",
					     "种", "次", "批", "期", "届", "、"};
	enum { N_SERIES = sizeof series / sizeof *series };
	size_t used;
	/* (the Chinese styles of headings only: 注：1.…。2.… are notes) */
	if ((m->style != STYLE_CN_DUN && m->style != STYLE_CN_PAREN) || m->ordinal < 2 ||
	    *depth >= MAX_DEPTH || (len && after[0] >= '0' && after[0] <= '9'))
		return false;
	if (cn_small_number(after, len, &used) >= 0 &&
	    starts_any(after + used, len - used, series, N_SERIES) < N_SERIES)
		return false; /* 三、四月份, 二、三类 */
	/* …加强党风廉政建设。四、预算收支总体情况 after 二、: a step over a
	 * marker missed (three at most) */
	for (int k = *depth - 1; k >= 0; k--)
		if (stack[k].style == m->style) {
			if (m->ordinal <= stack[k].ordinal + 1 || m->ordinal > stack[k].ordinal + 4)
				return false;
			stack[k].ordinal = m->ordinal;
			*depth = k + 1;
			return true;
		}
	stack[*depth].style = m->style;
	stack[*depth].ordinal = m->ordinal;
	(*depth)++;
	return true;
}

/* The heading at t[hs] may have its first subsection glued on
 * (主要工作情况（一）…, 重点工作1.党建引领…, see open_section): the numbering
 * then goes on from
 * that one, as continues() would have it. */
static void glued_child_continues(const char *t, size_t hs, size_t ce, frame *stack,
				  int *depth)
{
	size_t tl;
	bool fits;
	size_t term = find_terminator(t, hs, ce, &tl, &fits);
	if (term == (size_t)-1) {
		/* (no further than a heading runs: 二、2023年工作思路…再上新台阶。
		 * （一）加强党建… has its （一） after its text) */
		term = hs;
		for (size_t cps = 0; term < ce && cps < HEADING_MAX; cps++)
			term += utf8_len((unsigned char)t[term]);
	}
	size_t r = restart_before(t, hs, term);
	marker child;
	if (r != (size_t)-1 && (t[r] == '(' || t[r] == '1') &&
	    marker_parse(t + r, ce - r, &child) && child.ordinal == 1)
		continues(stack, depth, &child);
}

/* The first byte of t[p, end) that is ':' ';' '!' '?' or 0x82 (the last
 * byte of 。), or end: sixteen bytes at a time, as such a line runs on
 * for thousands of bytes between sentence ends. */
static size_t next_end_byte(const char *t, size_t p, size_t end)
{
	for (; p + 16 <= end; p += 16) {
		unsigned m = bytes16_in(t + p, ":;!?\x82", 5);
		if (m)
			return p + (size_t)__builtin_ctz(m);
	}
	for (; p < end; p++) {
		unsigned char c = (unsigned char)t[p];
		if (c == ':' || c == ';' || c == '!' || c == '?' || c == 0x82)
			break;
	}
	return p;
}

/* A crawler put the whole body on one line: find the headings inside. */
/* 其中：1.全年总天数365日； 2.双休日…, 附件：1.…名单 2.…, 注：1.本公报…:
 * the colon at p opens the parts of the sentence, a list of attachments
 * or of notes, not sections (as 报告如下：一、… does). */
static bool enumerates_parts(const char *t, size_t cs, size_t p)
{
	static const char *const words[] = {"其中", "包括", "分别为", "分别是", "附件", "注"};
	enum { N = sizeof words / sizeof *words };
	size_t e = p;
	while (e > cs && t[e - 1] == ' ')
		e--;
	return ends_any(t, cs, e, words, N) < N;
}

static void long_line(body *b, size_t cs, size_t ce)
{
	const char *t = b->s->v->text;
	frame stack[MAX_DEPTH];
	int depth = b->depth;
	memcpy(stack, b->stack, sizeof stack);
	bool flattened = (ce - cs) * 2 > b->s->v->len; /* most of the text */
	size_t from = cs;
	bool from_inline = false;
	marker_style listed = STYLE_NONE; /* a list's style after 包括： */
	marker m;
	if (marker_parse(t + cs, ce - cs, &m) && continues(stack, &depth, &m))
		glued_child_continues(t, cs + m.len, ce, stack, &depth);
	/* A heading inside the line follows a sentence end: only the bytes
	 * that end 。 : ; ! ? are looked at, not every character. */
	for (size_t p = cs; p + 1 < ce && (p = next_end_byte(t, p, ce - 1)) + 1 < ce; p++) {
		if ((unsigned char)t[p] == 0x82 && !(p >= cs + 2 && starts(t + p - 2, 3, "。")))
			continue;
		size_t i = p + 1;
		while (i < ce && t[i] == ' ')
			i++; /* 。 二、概述: the space of a crawled page */
		/* 所要达到的目标：（一）消除经济过热…。（二）…: a list run into
		 * its sentence, in a long paragraph of a text with lines; where a
		 * crawler put the whole text on one line, 报告如下：一、… heads a
		 * section */
		if (t[p] == ':' && (!flattened || enumerates_parts(t, cs, p))) {
			/* (包括：（一）人员经费…。（二）公用经费…: the list's other
			 * items open no section over the gap either) */
			if (marker_parse(t + i, ce - i, &m) && m.ordinal == 1)
				listed = m.style;
			continue;
		}
		bool end = (unsigned char)t[p] == 0x82; /* 。 */
		if (marker_parse(t + i, ce - i, &m) &&
		    (continues(stack, &depth, &m) ||
		     (flattened && end && m.style != listed &&
		      opens_late(stack, &depth, &m, t + i + m.len, ce - i - m.len)))) {
			if (m.style != listed)
				listed = STYLE_NONE;
			glued_child_continues(t, i + m.len, ce, stack, &depth);
			segment(b, from, i, from_inline);
			from = i;
			from_inline = true;
			p = i + m.len - 1;
		}
	}
	segment(b, from, ce, from_inline);
}

/* Is the line 目录 (目 录, 目　录) and nothing else? */
/* Does the line spell the n characters chars and nothing else, spaces,
 * tabs and form feeds aside (目 录, 目　录)? */
static bool line_spells(const char *t, const line *l, const char *const *chars, size_t n)
{
	size_t k = 0;
	for (size_t i = l->cs; i < l->ce; i++) {
		if ((unsigned char)t[i] <= ' ')
			continue;
		if (k == n || !starts(t + i, l->ce - i, chars[k]))
			return false;
		k++;
		i += 2;
	}
	return k == n;
}

static bool contents_title(const char *t, const line *l)
{
	static const char *const word[] = {"目", "录"};
	return line_spells(t, l, word, 2);
}

/* Does line a begin with the text of line b, spaces aside (第一部分
 * 概况 and 第一部分    概况)? */
static bool begins_spaced(const char *t, const line *a, const line *b)
{
	size_t i = a->cs, j = b->cs;
	for (;;) {
		while (i < a->ce && t[i] == ' ')
			i++;
		while (j < b->ce && t[j] == ' ')
			j++;
		if (j == b->ce)
			return true;
		if (i == a->ce || t[i] != t[j])
			return false;
		i++;
		j++;
	}
}

/* Is line a the heading of the entry b without its marker, spaces aside
 * (                部门主要职能, under the entry 一、部门主要职能: a heading the
 * page centres)? */
static bool repeats_without_marker(const char *t, const line *a, const line *b)
{
	marker m;
	if (!marker_parse(t + b->cs, b->ce - b->cs, &m) || marker_parse(t + a->cs, a->ce - a->cs, &m) ||
	    !marker_parse(t + b->cs, b->ce - b->cs, &m))
		return false;
	line text = *b;
	text.cs = b->cs + m.len;
	line whole = *a; /* and a holds nothing more */
	return begins_spaced(t, a, &text) && begins_spaced(t, &text, &whole);
}

/* Does the line begin a page, after a form feed? */
static bool new_page(const char *t, const line *l)
{
	for (size_t i = l->start; i < l->ce && (unsigned char)t[i] <= ' '; i++)
		if (t[i] == '\f')
			return true;
	return false;
}

/* 目⏎⏎录: the title of the contents over two lines, as text converted
 * from PDF may set it. The line of its 录, or k if line k begins none. */
static size_t split_contents_title(const char *t, const line *lines, size_t k, size_t end)
{
	static const char *const mu[] = {"目"}, *const lu[] = {"录"};
	if (!line_spells(t, &lines[k], mu, 1))
		return k;
	for (size_t j = k + 1; j < end && j <= k + 2; j++) {
		if (lines[j].ce == lines[j].cs)
			continue;
		return line_spells(t, &lines[j], lu, 1) ? j : k;
	}
	return k;
}

/* A table of contents without page numbers: 目录 on a line of its own
 * about the start of the body, then short numbered headings, which the
 * body repeats after them. Sets [*first, *last] to its lines. */
static bool contents_block(const scan *s, size_t body_start, size_t end, size_t *first,
			   size_t *last)
{
	enum { LOOK = 40, ENTRIES_MAX = 120, ENTRY_BYTES = 150 };
	const char *t = s->v->text;
	size_t li = 0;
	while (li < end && s->lines[li].ce <= body_start)
		li++;
	/* (目录 may close the header: 上海市普陀区财政局⏎2024年度部门决算⏎目 录) */
	for (size_t k = li >= 4 ? li - 4 : 0; k < end && k < li + LOOK; k++) {
		size_t title_end = k;
		if (!contents_title(t, &s->lines[k]) &&
		    (title_end = split_contents_title(t, s->lines, k, end)) == k)
			continue;
		/* entries up to the line that repeats the first: the body */
		size_t entries = 0, e = title_end, first_entry = 0;
		for (size_t j = title_end + 1; j < end && entries < ENTRIES_MAX; j++) {
			const line *l = &s->lines[j];
			marker m;
			if (l->ce == l->cs)
				continue;
			if (entries && (begins_spaced(t, l, &s->lines[first_entry]) ||
					repeats_without_marker(t, l, &s->lines[first_entry]))) {
				if (entries < 3)
					return false;
				*first = k;
				*last = e;
				return true;
			}
			/* (4．2023年部门财政拨款收支预算总表: an entry, though 4.2 would
			 * read as a number) */
			bool numbered = marker_parse(t + l->cs, l->ce - l->cs, &m) ||
					(l->ce - l->cs > 2 && t[l->cs] >= '1' && t[l->cs] <= '9' &&
					 t[l->cs + 1] == '.');
			/* (or the page the contents fill ends, and the body's first
			 * heading does not repeat the first entry word for word:
			 * 单位主要职能 against 上海市普陀区商务委员会主要职能) */
			if (entries >= 3 && !numbered && new_page(t, l)) {
				*first = k;
				*last = e;
				return true;
			}
			if (l->ce - l->cs > ENTRY_BYTES || !numbered)
				return false;
			if (!entries)
				first_entry = j;
			entries++;
			e = j;
		}
		return false;
	}
	return false;
}

/* The page furniture a multi-page copy repeats between its pages: the
 * portal's header and footer (【字体：大 中 小】, （责任编辑： 郭桢 ）), a
 * scanned book's watermark (…All rights reserved. http://www.cnki.net).
 * A body line that stands three times or more, word for word, and reads
 * as chrome. Marks those lines (an array by line, NULL when none; out of
 * memory fails the document). */
/* Does a line repeated between pages read as chrome? (A table's cells
 * repeat too, 合计, 05, 0.00: a line of one or two characters counts only
 * when it is punctuation, the 】 of a button broken over two lines.) */
static bool furniture_words(const char *s, size_t n)
{
	if (utf8_count(s, n) <= 2) {
		for (size_t i = 0; i < n; i += utf8_len((unsigned char)s[i])) {
			unsigned char c = (unsigned char)s[i];
			if ((c < 0x80 && isalnum(c)) || (c >= 0xE4 && c <= 0xE9))
				return false;
		}
		return true;
	}
	return text_is_chrome(s, n) || text_is_footer_chrome(s, n) || contains(s, n, "www.") ||
	       contains(s, n, "All rights reserved") || contains(s, n, "E-mail");
}

static uint8_t *repeated_chrome(const scan *s, size_t from, size_t to)
{
	enum { MAX_LINE = 360, MIN_TIMES = 3 };
	/* a repeated line's count, once it has been read: chrome or not */
	const uint32_t READ = UINT32_MAX - 1, CHROME = UINT32_MAX;
	const char *t = s->v->text;
	size_t cap = 16;
	while (cap < 2 * (to - from))
		cap *= 2;
	uint64_t *keys = rpt_calloc(cap, sizeof *keys);
	uint32_t *counts = rpt_calloc(cap, sizeof *counts);
	uint8_t *marks = NULL;
	bool any = false;
	if (!keys || !counts) {
		s->doc->oom = true;
		goto done;
	}
	/* a line's slot by a hash of its bytes (0 is no key) */
	for (int pass = 0; pass < 2; pass++)
		for (size_t li = from; li < to; li++) {
			const line *l = &s->lines[li];
			size_t n = l->ce - l->cs;
			if (n == 0 || n > MAX_LINE)
				continue;
			/* eight bytes at a time, then the rest: this runs over
			 * every line of the body */
			uint64_t h = 0xCBF29CE484222325u ^ n, w;
			size_t k = l->cs;
			for (; k + 8 <= l->ce; k += 8) {
				memcpy(&w, t + k, 8);
				h = (h ^ w) * 0x100000001B3u;
				h ^= h >> 29;
			}
			for (; k < l->ce; k++)
				h = (h ^ (unsigned char)t[k]) * 0x100000001B3u;
			h |= 1;
			size_t slot = (size_t)(h >> 7) & (cap - 1);
			while (keys[slot] && keys[slot] != h)
				slot = (slot + 1) & (cap - 1);
			if (pass == 0) {
				keys[slot] = h;
				counts[slot]++;
				continue;
			}
			/* a line is read once, not at each of its repeats: a
			 * list of 1000 items that repeat 99 sub-items would read
			 * 99 000 lines */
			if (counts[slot] >= MIN_TIMES && counts[slot] < READ) {
				bool chrome = !contains(t + l->cs, n, "。") &&
					      furniture_words(t + l->cs, n);
				counts[slot] = chrome ? CHROME : READ;
			}
			if (counts[slot] == CHROME) {
				if (!marks && !(marks = rpt_calloc(to, 1))) {
					s->doc->oom = true;
					goto done;
				}
				marks[li] = 1;
				any = true;
			}
		}
done:
	rpt_free(keys);
	rpt_free(counts);
	if (!any) {
		rpt_free(marks);
		marks = NULL;
	}
	return marks;
}

void body_build(scan *s, size_t body_start, size_t footer_line)
{
	rpt_doc *d = s->doc;
	body b = {.s = s, .list = NO_NODE, .list_parent = NO_NODE, .footer_line = footer_line};
	b.node = scan_add(s, d->root, N_BODY, body_start, s->v->len);
	d->body = b.node;

	int32_t page_bp = NO_NODE; /* boilerplate of HTML chrome range page_r */
	ptrdiff_t page_r = -1;
	size_t toc_first = 0, toc_last = 0;
	bool toc = contents_block(s, body_start, footer_line, &toc_first, &toc_last);
	bool toc_open = false;
	size_t cut_end = 0; /* the end of the line whose tail is footer (footer_cut) */
	size_t first_body = 0;
	while (first_body < footer_line && s->lines[first_body].ce <= body_start)
		first_body++;
	uint8_t *furniture = repeated_chrome(s, first_body, footer_line);
	for (size_t li = 0; li < footer_line; li++) {
		const line *l = &s->lines[li];
		b.line = li;
		if (l->ce <= body_start)
			continue;
		if (toc && li >= toc_first && li <= toc_last) {
			/* one element for the table of contents (of its lines in
			 * the body), its numbers none of the headings */
			if (!toc_open) {
				close_list(&b);
				size_t cs = l->cs < body_start ? body_start : l->cs;
				int32_t n = scan_add(s, current_parent(&b), N_BOILERPLATE, cs,
						     s->lines[toc_last].ce);
				doc_attr_str(d, n, "kind", "toc");
				toc_open = true;
			}
			continue;
		}
		size_t cs = l->cs < body_start ? body_start : l->cs;
		if (cs >= l->ce)
			continue;
		bool caption = is_photo_caption(s->v->text, cs, l->ce);
		if (caption || is_page_number(s->v->text, cs, l->ce) || (furniture && furniture[li])) {
			close_list(&b);
			int32_t n = scan_add(s, current_parent(&b), N_BOILERPLATE, cs, l->ce);
			doc_attr_str(d, n, "kind", caption ? "caption" : "page");
			continue;
		}
		ptrdiff_t r = scan_chrome(s, l);
		if (r >= 0) {
			/* page chrome amid the body: a share bar, a side column */
			close_list(&b);
			if (r == page_r) {
				doc_extend(d, page_bp, fold_orig(s->v, l->ce));
			} else {
				page_bp = scan_add(s, current_parent(&b), N_BOILERPLATE, cs, l->ce);
				doc_attr_str(d, page_bp, "kind", s->chrome[r].kind);
				page_r = r;
			}
			continue;
		}
		page_r = -1;
		size_t ce = l->ce;
		if (s->footer_cut > cs && s->footer_cut < ce) {
			cut_end = ce;
			ce = s->footer_cut; /* the body's end, before its chrome */
			while (ce > cs && s->v->text[ce - 1] == ' ')
				ce--;
		}
		/* 第一，⏎在工商业方面…, （一）⏎进一步增强企业活力…, 一是⏎企业管理
		 * 体制…: a marker alone on its line, its text on the next */
		const char *t = s->v->text;
		if (li + 1 < footer_line) {
			const line *nl = &s->lines[li + 1];
			marker im, nm;
			/* (not a page number of the contents: （315）) */
			bool alone = nl->ce > cs &&
				     (marker_parse_shi(t + cs, nl->ce - cs, &im) ||
				      marker_parse(t + cs, nl->ce - cs, &im)) &&
				     cs + im.len == ce && im.ordinal <= 50;
			if (alone && nl->cs < nl->ce && nl->ce - cs <= LONG_LINE &&
			    !marker_parse(t + nl->cs, nl->ce - nl->cs, &nm) &&
			    !marker_parse_shi(t + nl->cs, nl->ce - nl->cs, &nm)) {
				b.line = ++li;
				ce = nl->ce;
			}
		}
		if (ce - cs > LONG_LINE)
			long_line(&b, cs, ce);
		else
			segment(&b, cs, ce, false);
	}
	rpt_free(furniture);
	int32_t f = NO_NODE; /* the footer */
	if (cut_end) {
		f = scan_add(s, b.node, N_BOILERPLATE, s->footer_cut, cut_end);
		doc_attr_str(d, f, "kind", "footer");
	}
	if (footer_line < s->n_lines) {
		const line *first = &s->lines[footer_line];
		size_t fs = first->cs < first->ce ? first->cs : first->start;
		if (fs < body_start)
			fs = body_start;
		/* One footer; on an HTML page, one element per chrome element
		 * (share, print, footer …) and the kind each names. */
		ptrdiff_t key = -1;
		for (size_t li = footer_line; li < s->n_lines; li++) {
			const line *l = &s->lines[li];
			if (l->ce == l->cs)
				continue;
			ptrdiff_t r = scan_chrome(s, l);
			if (f != NO_NODE && r == key) {
				doc_extend(d, f, fold_orig(s->v, l->ce));
				continue;
			}
			size_t from = f == NO_NODE ? fs : l->cs;
			if (l->ce <= from)
				continue;
			f = scan_add(s, b.node, N_BOILERPLATE, from, l->ce);
			doc_attr_str(d, f, "kind", r >= 0 ? s->chrome[r].kind : "footer");
			key = r;
		}
	}
}
