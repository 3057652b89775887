/* Quantities: a numeral with its unit, magnitude, qualifiers and range,
 * read from the matching view. This is the lexical half of an indicator;
 * its meaning (role, period, subject) is decided from context elsewhere. */
#ifndef RPT_QUANTITY_H
#define RPT_QUANTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decimal.h"
#include "fold.h"

typedef enum qkind {
	Q_MONEY,
	Q_COUNT,
	Q_QUANTITY,
	Q_PERCENT,
	Q_PPT,
	Q_PERMILLE,
	Q_RATIO,
	Q_MULTIPLE,
	Q_NUMBER,   /* no unit: reported only on request */
	Q_ORDINAL,  /* 第3 …: reported only on request */
	Q_DURATION, /* 3年, 5个工作日: never a figure */
	Q_SKIP,     /* read, and found too vague to be a figure: 二三十个百分点 */
	Q_KIND_COUNT
} qkind;

typedef struct quantity {
	size_t start, end; /* view offsets of the figure as written */
	qkind kind;
	const char *unit;  /* "CNY", "家", "%", "pp" …, "" for none */
	size_t per_at, per_len; /* 吨/日: the view bytes of 日, a unit per
				   another (per_len 0: none) */
	decimal value;     /* in the base unit; a range's lower bound */
	decimal min, max;
	bool has_min, has_max, min_excl, max_excl, approx;
	const char *qualifier; /* exact approx min max range */
	char num[48];      /* numeral as written, ASCII */
	decimal magnitude;
	const char *cue;   /* the qualifier word, if any: 以上, 约, 余 … */
} quantity;

const char *qkind_name(qkind kind);

/* Reads a quantity starting at view offset i of t (the text before i is
 * looked at for prefix qualifiers and context, never before lo). map, when
 * not NULL, is the view t belongs to, whose map to the original text tells
 * a Chinese comma (，) from a thousands separator. Returns false when no
 * figure starts there. */
bool quantity_at(const char *t, const fold_view *map, size_t lo, size_t i,
		 size_t hi, quantity *q);

/* Is s[0, len) a unit alone, with its magnitude (万吨, 亿元, %), as the
 * cell of a table row prints it? Gives its kind, unit and magnitude in
 * *unit. */
bool quantity_unit_cell(const char *s, size_t len, quantity *unit);

/* The bytes of the bound word after a figure at t[at] (以上, 以下, 以内,
 * also as 及以上, (含)以上 and 以上(含)), 0 when there is none. */
size_t quantity_bound_after(const char *t, size_t at, size_t hi);

/* The length of the word of a change to a level at s (提高到, 增加至, 降至 …),
 * or 0. */
size_t quantity_change_word(const char *s, size_t len);

/* 分别突破9千亿元、3万亿元: when figure a of a list has its bound from a
 * word before it, after 分别, figure b after it takes the same bound.
 * Returns whether it did. */
bool quantity_share_bound(const char *t, size_t lo, const quantity *a, quantity *b);

/* A line of this many bytes or more (twenty Han characters) is taken to
 * be a paragraph wrapped at the page edge, not a title or a table row,
 * when it ends in the middle of a sentence. */
enum { QUANTITY_FULL_LINE = 60 };

/* PDF text breaks its lines wherever the page edge falls, also between a
 * figure and its unit: 预算执行数为1.48⏎万元, 2,389.52万⏎元, 增长8.5⏎%.
 * Does the figure at the end of the full line t[ls, le) go on at next,
 * the first byte of the line after (before hi), which starts with its
 * unit (or a magnitude and a unit) at once? Dates (2022⏎年) and the
 * last column of a table row (a number after a tab or spaces) do not. */
bool quantity_unit_wraps(const char *t, size_t ls, size_t le, size_t next,
			 size_t hi);

#endif
