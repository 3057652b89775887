/* Word lists by their first character: every word is found in its
 * character's bucket, in id order, and ids without a word are left out. */
#include "unit.h"
#include "wordindex.h"

static const char *const words[] = {"计划完成", "预计", "计划", NULL, "完成",
				    "计划新增", "‰"};

static const char *word(size_t id) { return words[id]; }

/* The ids of the bucket of s that begin with s's first character. */
static size_t same_start(const word_index *x, const char *s, size_t *out)
{
	size_t n, m = 0;
	const uint16_t *ids = word_index_bucket(x, s, &n);
	for (size_t k = 0; k < n; k++)
		if (memcmp(words[ids[k]], s, 3) == 0)
			out[m++] = ids[k];
	return m;
}

int main(void)
{
	word_index x;
	word_index_build(&x, sizeof words / sizeof *words, word);
	size_t got[8];
	/* the three words of 计, in the order of their ids */
	CHECK(same_start(&x, "计划", got) == 3);
	CHECK(got[0] == 0 && got[1] == 2 && got[2] == 5);
	CHECK(same_start(&x, "预计", got) == 1 && got[0] == 1);
	CHECK(same_start(&x, "完成了", got) == 1 && got[0] == 4);
	CHECK(same_start(&x, "‰", got) == 1 && got[0] == 6);
	CHECK(same_start(&x, "目标", got) == 0);
	/* six words in all: id 3 has none */
	CHECK(x.first[WORD_BUCKETS] == 6);
	for (size_t k = 0; k < x.first[WORD_BUCKETS]; k++)
		CHECK(x.ids[k] != 3);
	return UNIT_DONE();
}
