/* Word lists looked up by their first character. A list is indexed once
 * into WORD_BUCKETS buckets of ids, each bucket in increasing id order,
 * so that a caller numbering its words in order of preference still
 * meets them in that order, and a character that begins some word is
 * compared with the two or three words of its bucket instead of all of
 * them. Every word begins with a character of three bytes (Han, or a
 * symbol such as ‰). */
#ifndef RPT_WORDINDEX_H
#define RPT_WORDINDEX_H

#include <stddef.h>
#include <stdint.h>

#define WORD_BUCKETS 256
#define WORD_INDEX_MAX 512 /* ids, and words */

typedef struct word_index {
	uint16_t first[WORD_BUCKETS + 1]; /* bucket b is ids[first[b], first[b + 1]) */
	uint16_t ids[WORD_INDEX_MAX];
} word_index;

/* Indexes the words word(0) … word(n - 1), n <= WORD_INDEX_MAX; an id
 * for which word() gives NULL has no word and is left out. */
void word_index_build(word_index *x, size_t n, const char *(*word)(size_t id));

static inline unsigned word_bucket(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	return ((unsigned)u[0] * 61u + (unsigned)u[1] * 31u + (unsigned)u[2]) % WORD_BUCKETS;
}

/* The ids of the words that may begin with the character at s (three
 * bytes must be readable there), *count of them. */
static inline const uint16_t *word_index_bucket(const word_index *x, const char *s,
						size_t *count)
{
	unsigned b = word_bucket(s);
	*count = (size_t)(x->first[b + 1] - x->first[b]);
	return x->ids + x->first[b];
}

#endif
