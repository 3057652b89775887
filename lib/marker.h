/* The numbering markers that open headings and list items, read from the
 * matching view: 一、 (一) 1. 1、 (1) 1) ① ⑴ ㈠ 第一部分 第一章 …, together
 * with the damaged forms real documents contain (四), 一., (一)、). */
#ifndef RPT_MARKER_H
#define RPT_MARKER_H

#include <stdbool.h>
#include <stddef.h>

typedef enum marker_style {
	STYLE_NONE,
	STYLE_CN_DUN,   /* 一、 */
	STYLE_CN_PAREN, /* (一) */
	STYLE_AR_DOT,   /* 1. */
	STYLE_AR_DUN,   /* 1、 */
	STYLE_AR_PAREN, /* (1) */
	STYLE_AR_HALF,  /* 1) */
	STYLE_CIRCLED,  /* ① */
	STYLE_PART,     /* 第一部分 第一篇 第一编 */
	STYLE_CHAPTER,  /* 第一章 */
	STYLE_JIE,      /* 第一节 */
	STYLE_ARTICLE,  /* 第一条 */
	STYLE_CN_SHI,   /* 一是 (list items only) */
	STYLE_CN_DI,    /* 第一， (list items), 第一、 (sections) */
	STYLE_COUNT
} marker_style;

enum {
	MARK_MISSING_OPEN = 1 << 0,  /* 四) */
	MARK_NONSTANDARD = 1 << 1,   /* 一. or (一)、 or 1、 */
	MARK_BRACKET_ASCII = 1 << 2, /* set by the caller from the original */
};

typedef struct marker {
	marker_style style;
	int ordinal;
	size_t len;        /* bytes of the marker in the view, punctuation included */
	size_t open, close; /* view offsets of the brackets, (size_t)-1 if none */
	unsigned flags;
} marker;

/* Reads a heading marker at the start of s. */
bool marker_parse(const char *s, size_t len, marker *m);
/* Reads 一是 二是 …, or 第一， 第二， …, at the start of s. */
bool marker_parse_shi(const char *s, size_t len, marker *m);

const char *marker_style_name(marker_style style);
/* The level GB/T 9704-2012 gives a style: 1..4, 0 for none. */
int marker_gbt_level(marker_style style);

/* Reads a Chinese numeral from 1 to 99 (一 … 九十九, 两, 〇); returns it,
 * or -1; *used receives the bytes read. */
int cn_small_number(const char *s, size_t len, size_t *used);

#endif
