/* Internals shared by the parsing passes: the compiled patterns, the line
 * table over the matching view, and the passes themselves. */
#ifndef RPT_PARSER_H
#define RPT_PARSER_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "doc.h"
#include "html.h"
#include "utf8.h"

/* Han characters (U+4E00..U+9FFF) that begin a word of one of the word
 * lists scanned at every character of a paragraph, so that a scanner
 * looks at a list only where one of its words can start. */
enum { HAN_FIRST = 0x4E00, HAN_COUNT = 0x9FFF - 0x4E00 + 1 };
enum {
	BEGINS_FORMULA = 1 << 0, /* inline.c: unquoted numeral formulae */
	BEGINS_CUE = 1 << 1,     /* indicator.c: role cues and period words */
	BEGINS_HEADING = 1 << 2, /* body.c: words naming a section's kind */
	BEGINS_FIGURE = 1 << 3,  /* inline.c: characters a figure may begin with */
	BEGINS_DATE = 1 << 4,    /* inline.c: 年 and 月, which dates hold */
};

/* Bytes of a title kept for telling the document's type (scan.title). */
enum { TITLE_MAX = 512 };

struct rpt_parser {
	pcre2_code *docref; /* 《title》 and an optional (文号) */
	pcre2_code *docnum; /* agency [year] seq 号, anchored */
	pcre2_code *date;   /* year, month, day, range and half-year forms
			       (the Chinese-digit year is read by inline.c) */
	/* Match and depth limits, so that no input can make a pattern
	 * backtrack for long; a match that hits them counts as no match. */
	pcre2_match_context *limits;
	uint8_t begins[HAN_COUNT]; /* BEGINS_* flags of each Han character */
	/* The ASCII stops of the view (fold_stops): what the figure scan
	 * starts at (digits, '.', the h and w of an address) and the
	 * sentence ends the cue pass stops at (; ! ?, also the folds of
	 * ；！？), and '-', which a date may hold. The Han stops are the
	 * characters with BEGINS_* flags. */
	uint8_t ascii_stops[128];
	uint8_t han_stops[0x6000]; /* U+4000..U+9FFF */
};

/* The BEGINS_* flags of the character at s (0 for all but Han). */
static inline unsigned han_begins(const rpt_parser *p, const char *s, size_t avail)
{
	const unsigned char *u = (const unsigned char *)s;
	if (avail < 3 || u[0] < 0xE4 || u[0] > 0xE9)
		return 0;
	uint32_t cp = utf8_cp3(s);
	return cp >= HAN_FIRST ? p->begins[cp - HAN_FIRST] : 0;
}

/* Sets flag on the first character of each word (all Han characters). */
void parser_mark_words(rpt_parser *p, const char *const *words, size_t n,
		       unsigned flag);
/* inline.c, indicator.c, body.c: mark the first characters of their lists. */
void inline_mark_words(rpt_parser *p);
void indicator_mark_words(rpt_parser *p);
void body_mark_words(rpt_parser *p);

/* One line of the view; [start, end) excludes the line break, and
 * [cs, ce) is the line without leading and trailing white space. */
typedef struct line {
	size_t start, end;
	size_t cs, ce;
} line;

typedef struct scan {
	rpt_doc *doc;
	const rpt_parser *parser;
	const fold_view *v;
	pcre2_match_data *md;
	line *lines;
	size_t n_lines;
	int docrefs; /* ids given out so far */
	bool all_numbers; /* also bare numbers and ordinals as indicators */
	struct spans *spans;  /* inline.c's scratch table, one per parse */
	const char *doc_type; /* from the title, once meta is built */
	bool future_doc;      /* a plan or budget: figures default to targets */
	bool budget_doc;      /* a budget, whose plans are sums of money */
	bool rules_doc;       /* rules (meta_rules): figures default to policy */
	bool bulletin_doc;    /* a statistical bulletin, of one year */
	bool summary_doc;     /* a 工作总结, with or without its plan */
	bool disclosure_doc;  /* an annual report on information disclosure */
	/* the report's own year is over: a 决算 (meta_final_accounts) or a
	 * statistical bulletin, whose figures are results */
	bool own_year_past;
	/* the report's own year lies ahead: a 政府工作报告, delivered as the
	 * year begins, reviews the year before it and plans its own */
	bool own_year_ahead;
	/* the kind named by the last short line of its own that names a part
	 * of the report (“十四五”时期工作回顾, 2026年重点工作), for the sections
	 * after it that name none and the paragraphs outside sections */
	const char *lead_kind;
	int doc_year;         /* the year the report is about, or 0 */
	/* the period the title reviews (2020-H1 of 2020年上半年工作总结及下半年
	 * 工作计划), "" when none */
	char review_period[16];
	/* the first title without its spacing (meta_build), for the
	 * document's type and kind; title_len is -1 when there is none */
	char title[TITLE_MAX];
	ptrdiff_t title_len;
	/* the first title node, in a field or not, and its view span */
	bool has_title_node;
	int32_t title_node;
	size_t title_vs, title_ve;
	const html_range *chrome; /* HTML page chrome, sorted; NULL for text */
	size_t n_chrome;
	bool has_carry; /* inline.c's spans hold a sentence that runs on */
	/* a page flattened into one line ends in its chrome (… 来源：某局 附件
	 * 下载): the view offset in the last line of the body where the
	 * footer begins, or 0 */
	size_t footer_cut;
} scan;

/* View range -> node, mapped to original offsets. */
int32_t scan_add(scan *s, int32_t parent, node_type type, size_t vs, size_t ve);
/* Is the view text [cs, ce), a whole line, the caption of a news photo
 * (…作政府工作报告。本报记者 朱江 摄)? */
bool is_photo_caption(const char *t, size_t cs, size_t ce);
/* Is the line [cs, ce) a page number alone (-1-, 第3页)? */
bool is_page_number(const char *t, size_t cs, size_t ce);

/* The HTML chrome range that holds the whole of line l's content, or -1
 * (always for text input and blank lines). */
ptrdiff_t scan_chrome(const scan *s, const line *l);

/* meta.c: finds the header and footer lines and builds meta. Returns the
 * view offset where the body begins; *footer_line receives the first line
 * of the trailing chrome (n_lines when none). */
size_t meta_build(scan *s, size_t *footer_line);
/* Document type from the title (or "other"). */
const char *meta_doc_type(const scan *s);
/* Is the document a final account (决算) of a past budget, not a budget:
 * its figures are what was spent, not plans? */
bool meta_final_accounts(const scan *s);
/* Does the title name rules (…管理暂行办法, …实施细则) in a notice or an
 * untyped document? Its figures default to policy. */
bool meta_rules(const scan *s);
/* Is the document a notice that issues a plan (…工作方案, …指导意见)? */
bool meta_notice_of_plan(const scan *s);
/* The value of the title's period of role review into out[16] ("" when
 * there is none). */
void meta_review_period(const scan *s, char *out);
/* The year of the title's first period, else of a date field; 0 if none. */
int meta_doc_year(const scan *s);

/* body.c: sections, paragraphs, lists and the footer. */
void body_build(scan *s, size_t body_start, size_t footer_line);

/* Bytes of the scratch table the inline pass needs (scan.spans). */
size_t inline_scratch_size(void);

/* inline.c: docref, date, slogan and item children of parent in [vs, ve). */
void inline_scan(scan *s, int32_t parent, size_t vs, size_t ve);
/* The same, but also recognises 一是/二是 … items inside a paragraph. */
void inline_scan_items(scan *s, int32_t parent, size_t vs, size_t ve);
/* Periods (2020年上半年 …) inside a title. */
void inline_title_periods(scan *s, int32_t title, size_t vs, size_t ve);

/* Chrome vocabulary shared by header and footer detection. */
bool text_is_chrome(const char *s, size_t len);
bool text_is_footer_chrome(const char *s, size_t len);

#endif
