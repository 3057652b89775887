/* Small UTF-8 helpers for text already known to be valid. */
#ifndef RPT_UTF8_H
#define RPT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The code point of the three-byte sequence at s, known to be one: the
 * scanners test a lead byte first (Han is E4..E9) and then decode. */
static inline uint32_t utf8_cp3(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	return ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
	       (uint32_t)(u[2] & 0x3F);
}

/* Decodes the code point at s; *n receives its length (1..4). */
static inline uint32_t utf8_decode(const char *s, size_t avail, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] < 0x80 || avail < 2) {
		*n = 1;
		return u[0];
	}
	if (u[0] < 0xE0) {
		*n = 2;
		return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	}
	if (u[0] < 0xF0 || avail < 4) {
		*n = avail < 3 ? avail : 3;
		if (avail < 3)
			return 0xFFFD;
		return utf8_cp3(s);
	}
	*n = 4;
	return ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
	       ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

/* Length of the sequence that starts with byte c (1 below 0x80, 2 below
 * 0xE0, 3 below 0xF0, else 4): one load by the high four bits, as the
 * scanners call this for every character. */
static inline size_t utf8_len(unsigned char c)
{
	static const unsigned char by_high_bits[16] = {1, 1, 1, 1, 1, 1, 1, 1,
						       2, 2, 2, 2, 2, 2, 3, 4};
	return by_high_bits[c >> 4];
}

/* Does s[0..len) begin with the literal lit? Called in loops over word
 * lists, where most words fail at their first two bytes: those are
 * compared before strlen and memcmp, inline even where a long caller
 * would make the compiler call an out-of-line copy. */
#if defined(__GNUC__) || defined(__clang__)
#define RPT_ALWAYS_INLINE __attribute__((always_inline))
#else
#define RPT_ALWAYS_INLINE
#endif
static inline RPT_ALWAYS_INLINE bool starts(const char *s, size_t len, const char *lit)
{
	if (lit[0] == '\0')
		return true;
	if (len == 0 || s[0] != lit[0])
		return false;
	if (lit[1] != '\0' && (len < 2 || s[1] != lit[1]))
		return false;
	size_t n = strlen(lit);
	return len >= n && memcmp(s, lit, n) == 0;
}

/* Does s begin with 余 (or its traditional form 餘): 10余个, 一百四十四億餘元? */
static inline bool is_odd(const char *s, size_t len)
{
	return starts(s, len, "余") || starts(s, len, "餘");
}

/* The index of the first of words[0..n) that s[0..len) begins with, or n. */
static inline size_t starts_any(const char *s, size_t len, const char *const *words, size_t n)
{
	size_t k = 0;
	while (k < n && !starts(s, len, words[k]))
		k++;
	return k;
}

/* Is the string s the literal lit? Most names compared differ in their
 * first two bytes: those are tested before any call. */
static inline bool str_is(const char *s, const char *lit)
{
	if (s[0] != lit[0])
		return false;
	if (!lit[0])
		return true;
	return s[1] == lit[1] && (!lit[1] || strcmp(s + 2, lit + 2) == 0);
}

/* Does the text t[lo..i) end with the literal word? Its last byte is
 * compared first: most words of a list fail there. */
static inline bool ends_with(const char *t, size_t lo, size_t i, const char *word)
{
	size_t n = strlen(word);
	return i >= lo + n && (n == 0 || t[i - 1] == word[n - 1]) &&
	       memcmp(t + i - n, word, n) == 0;
}

/* The same for a word of n bytes (n > 0) known to the caller: no strlen
 * before the last byte rules out nearly every word of a list. */
static inline bool ends_with_n(const char *t, size_t lo, size_t i, const char *word,
			       size_t n)
{
	return i >= lo + n && t[i - 1] == word[n - 1] && memcmp(t + i - n, word, n) == 0;
}

/* The index of the first of words[0..n) that t[lo..i) ends with, or n. */
static inline size_t ends_any(const char *t, size_t lo, size_t i, const char *const *words,
			      size_t n)
{
	size_t k = 0;
	while (k < n && !ends_with(t, lo, i, words[k]))
		k++;
	return k;
}

/* A word of a list with its length, for the loops that try every word
 * of a list at one place: WORD("达到") spells it once. */
typedef struct word_ref {
	const char *s;
	size_t n;
} word_ref;
#define WORD(lit) {lit, sizeof lit - 1}

/* Does s[0..len) contain the literal lit? */
bool contains(const char *s, size_t len, const char *lit);
/* Does s[0, len) hold two pipes or more: cells of a table as a page's
 * text prints them (一、食品烟酒 | 0.1 |)? */
bool pipe_cells(const char *s, size_t len);
/* The same for the n bytes at lit, NUL-terminated or not. */
bool contains_n(const char *s, size_t len, const char *lit, size_t n);

/* Number of code points in s[0..len). */
size_t utf8_count(const char *s, size_t len);

/* Byte offset of the code point before offset i (i > 0). Inline: the
 * subject of every figure is read backwards with it. */
static inline size_t utf8_prev(const char *s, size_t i)
{
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
	return i;
}

/* Where the three-byte character c (。, 是 …) first begins in t[i, end),
 * or end: all three bytes compared 16 places at a time, where a search
 * for one of them would stop at every character that shares it. */
static inline size_t utf8_find3(const char *t, size_t i, size_t end, const char *c)
{
#ifdef __SSE2__
	const __m128i c0 = _mm_set1_epi8(c[0]), c1 = _mm_set1_epi8(c[1]),
		      c2 = _mm_set1_epi8(c[2]);
	for (; end - i >= 18; i += 16) {
		__m128i hit = _mm_and_si128(
			_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(t + i)), c0),
			_mm_and_si128(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(t + i + 1)), c1),
				      _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(t + i + 2)), c2)));
		unsigned m = (unsigned)_mm_movemask_epi8(hit);
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i + 3 <= end; i++)
		if (t[i] == c[0] && t[i + 1] == c[1] && t[i + 2] == c[2])
			return i;
	return end;
}

#endif
