/* Numerals as written in reports: Arabic digits with grouping and decimals
 * (already ASCII in the matching view), PDF-spaced digits (2 9 0 0),
 * Chinese numerals (零〇一二两三…十百千万亿, 壹贰叁…, 廿卅, 萬億), and mixes
 * (1.2万, 2万5千, 两千万, 9千亿, 六亿三千多万). Values are exact. */
#ifndef RPT_NUMERAL_H
#define RPT_NUMERAL_H

#include <stdbool.h>
#include <stddef.h>

#include "decimal.h"

typedef struct numeral {
	decimal value;
	size_t len;          /* bytes read from the view */
	bool approx_inside;  /* 多/余 between digits and magnitude: 2800多亿 */
	bool vague;          /* 几 stands for a digit: 十几, 几十 */
	bool hundred_million_by_ge; /* 5个亿: money spoken of in 亿 */
	bool chinese;        /* some digit is a Chinese numeral */
	bool bare_one;       /* just 一: 一个机制 is prose, not a count */
	bool spaced;         /* digits spaced apart by PDF extraction */
	bool slang;          /* 15k, 30w: a money amount in informal writing */
	bool financial;      /* written with 壹贰叁…拾佰仟: an amount of money */
	bool in_word;        /* one numeral character before more Han text */
	bool ranged;         /* 三五百, 八九亿: a vague range from value to high */
	bool lone_financial; /* just one of 壹…玖/拾: also a word (陆地, 入伍) */
	bool positional;     /* 一七二零, 二〇〇二: digits without places */
	decimal high;
	char num[48];        /* the leading number, ASCII, magnitude removed */
	decimal magnitude;   /* what num is multiplied by: 1, 10000, 1e8 … */
	long trailing;       /* the last place or magnitude written: 三万 → 10000 */
} numeral;

/* Reads a numeral at the start of s. */
bool numeral_parse(const char *s, size_t len, numeral *out);

/* The same without the shortcut for the common shapes (2019, 3800万, 三)
 * that numeral_parse() takes first: the reference it is tested against. */
bool numeral_parse_full(const char *s, size_t len, numeral *out);

/* Value of a Chinese digit character (一 → 1, 两 → 2, 〇 → 0), or -1. */
int numeral_cn_digit(const char *s, size_t len, size_t *used);

/* A year in four Chinese digits at s (二〇二六, 二○○六, and 二00六 as
 * OCR mixes them): the year, and its length in *used; -1 if none. */
int numeral_cn_year(const char *s, size_t len, size_t *used);

/* True when the character at s can begin a numeral. */
bool numeral_can_start(const char *s, size_t len);

/* False when numeral_can_start() is false for every text that begins with
 * the three-byte character at s: for tables built once per parser. */
bool numeral_may_start_with(const char *s);

#endif
