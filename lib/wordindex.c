#include "wordindex.h"

void word_index_build(word_index *x, size_t n, const char *(*word)(size_t id))
{
	size_t count[WORD_BUCKETS] = {0}, fill[WORD_BUCKETS];
	for (size_t id = 0; id < n; id++)
		if (word(id))
			count[word_bucket(word(id))]++;
	x->first[0] = 0;
	for (size_t b = 0; b < WORD_BUCKETS; b++) {
		x->first[b + 1] = (uint16_t)(x->first[b] + count[b]);
		fill[b] = x->first[b];
	}
	for (size_t id = 0; id < n; id++)
		if (word(id))
			x->ids[fill[word_bucket(word(id))]++] = (uint16_t)id;
}
