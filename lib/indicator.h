/* Indicators: a quantity plus what the text says about it: actual,
 * target, estimate or policy; the period; the subject measured. */
#ifndef RPT_INDICATOR_H
#define RPT_INDICATOR_H

#include "parser.h"
#include "quantity.h"

/* Context of one paragraph-like range, filled as its spans are emitted. */
typedef struct figure_context {
	const rpt_parser *parser;
	const fold_view *view;   /* the text, and its stops */
	size_t vs, ve;           /* the paragraph, view offsets */
	const char *section_kind; /* kind of the enclosing section, or NULL */
	int doc_year;             /* the year the report is about, or 0 */
	int section_year;         /* the year the section's heading names, or 0 */
	bool future_doc;          /* a plan or budget: figures default to targets */
	bool budget_doc;          /* a budget (scan.budget_doc) */
	bool rules_doc;           /* rules (scan.rules_doc) */
	bool bulletin_doc;        /* a statistical bulletin, of one year */
	bool summary_doc;         /* a 工作总结 (of work done, with or without its plan) */
	bool own_year_ahead;      /* a 政府工作报告 (scan.own_year_ahead) */
	bool looks_back;          /* the paragraph opens with 过去的一年, 五年来 … */
	const char *review_period; /* scan.review_period, or NULL */
	char last_date[32];       /* value of the last date seen … */
	size_t last_date_start, last_date_end; /* … and where it stood */
	char own_date[32];        /* the last date before it that was no */
	size_t own_date_end;      /* base of a comparison, and its end */
	bool date_has_figure;     /* a figure came after the last date */
	char from_date[32];       /* the last date a change started from */
	size_t from_date_end;     /* (由2010年的), and where it ended */
	/* The period the paragraph's first sentence opens with (五年来，…。
	 * 2025年，…。), the default of the sentences after it; the first
	 * date of the paragraph, where it began, whether it was a base. */
	char para_period[32];
	bool para_done;           /* the first sentence has ended */
	char first_date[32];
	size_t first_date_start;
	bool first_date_base;
	int first_word;           /* and its first period word, or -1, */
	size_t first_word_at;     /* and where it began */
	/* Role cues, tracked in one pass as figures are emitted left to
	 * right: where the current sentence began and the last cue of each
	 * sort in it (NO_CUE when none). */
	size_t cue_pos, sentence;
	/* where the sentence began for its period words and dates: a ;
	 * ends the scope of a role cue, not that of 今年 or 2014年末 */
	size_t period_sentence;
	size_t target_at, estimate_at, actual_at, done_at; /* done: 完成 */
	int period_word; /* last 上半年/全年/去年 … in the sentence, or -1, */
	size_t period_word_at; /* and where it began */
	size_t period_end; /* where it ends */
	int count_word;  /* last count of years (五年内, 五年累计) in it, or -1: */
			 /* the period of a figure that has no other */
	int base_word;   /* last period word that is a comparison's base … */
	size_t base_end; /* … (比上年, 较去年), and where it ends, */
	size_t base_figure_end; /* and where the figure of that year ends */
	/* The last figure that starts a change (由8500万人), where it ends
	 * (NO_CUE: none yet), and its subject: the level the change reaches
	 * is of the same thing. */
	size_t change_from_end, change_subject_start, change_subject_end;
	/* where the figure before ends: a subject does not reach into it
	 * (比上年的9.8亿元增长6.1%: not 亿元) */
	size_t prev_figure_end;
	/* The subject of the first part after 其中 in a sentence, and the
	 * sentence (part_sentence, NO_CUE for none): parts after a ；
	 * are known by it (其中，第一产业增加值…；第二产业增加值…) */
	size_t part_sentence, part_subject_start, part_subject_end;
	/* where the figure of a change's start year ends (从2020年的645元/月), or
	 * NO_CUE: the figures listed after it are of that year too */
	size_t date_figure_end;
	/* and the subject of the figure before, the whole a 其中 divides
	 * (固定电话用户60万户，其中城市固定电话用户…；移动电话用户 is no part) */
	size_t prev_subject_start, prev_subject_end, whole_start, whole_end;
	const char *target_word, *estimate_word, *actual_word;
	/* Where each of the words a figure looks for behind it (按, 其中,
	 * 同比 …: indicator.c's tracked[]) last began, or NO_CUE, kept by the
	 * same pass, so that no figure searches its clause backwards. */
	size_t word_at[20];
} figure_context;

#define NO_CUE ((size_t)-1)

/* Prepares ctx for the paragraph [vs, ve). */
void figure_context_init(figure_context *ctx, size_t vs, size_t ve);
/* The first year of five-year plan n (the first was of 1953-1957, the
 * second of 1958-1962, and after three years of readjustment the third
 * began in 1966). */
static inline int plan_first_year(int n)
{
	return n == 1 ? 1953 : n == 2 ? 1958 : 1966 + 5 * (n - 3);
}

/* The number of a five-year plan, 1 to 19, written out at s: 六, 十, 十四.
 * Returns 0 if none; *used is its length. */
int plan_number(const char *s, size_t len, size_t *used);

/* The plan a quoted name at s stands for, “十四五”, “七五”, “十五” (the
 * tenth), also in ASCII quotes: its number, *used the name's length with
 * its quotes; 0 if none. */
int quoted_plan_at(const char *s, size_t len, size_t *used);

/* Does the paragraph t[vs, ve) open by looking back (过去的一年, 五年来,
 * or a five-year plan over by doc_year: “十四五”时期，)? */
bool figure_looks_back(const char *t, size_t vs, size_t ve, int doc_year);
/* Records a date of the text, value at [start, end). */
void figure_context_date(figure_context *ctx, const char *t, const char *value,
			 size_t start, size_t end);
/* Reads the cues of the text from where ctx stopped up to upto. */
void figure_context_advance(figure_context *ctx, const char *t, size_t upto);

/* Adds an indicator node for q under parent, with its attributes. */
void indicator_emit(scan *s, int32_t parent, const quantity *q,
		    figure_context *ctx);

#endif
