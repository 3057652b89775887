/* Fuzz target: the numeral and quantity readers. A value must survive
 * formatting and re-parsing unchanged, no read may go past the input, a
 * range's bounds must be in order, and a figure whose number is not zero
 * must not come out as zero (no unit scales a number to nothing; a
 * fraction's first number is its denominator, and does not count). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "numeral.h"
#include "quantity.h"

static void check_exact(decimal v)
{
	char buf[64];
	decimal back;
	size_t k = dec_format(v, buf, sizeof buf);
	if (k == 0 || k >= sizeof buf || !dec_parse(buf, k, &back) || dec_cmp(back, v) != 0)
		abort();
}

static bool has(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(s + i, word, n) == 0)
			return true;
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *t = malloc(size + 1);
	if (!t)
		return 0;
	memcpy(t, data, size);
	t[size] = '\0'; /* the matching view is always NUL-terminated */
	numeral n;
	if (numeral_parse(t, size, &n)) {
		if (n.len > size)
			abort();
		check_exact(n.value);
	}
	for (size_t i = 0; i < size; i++) {
		quantity q;
		if (!quantity_at(t, NULL, 0, i, size, &q))
			continue;
		if (q.start > q.end || q.end > size)
			abort();
		check_exact(q.value);
		if (q.has_min)
			check_exact(q.min);
		if (q.has_max)
			check_exact(q.max);
		if (q.has_min && q.has_max && dec_cmp(q.min, q.max) > 0)
			abort(); /* 三五角: 0.3 to 0 */
		/* the number the figure starts with, when it starts with one
		 * and is not a denominator (三分之0, 百分之0 are zero) */
		numeral first;
		if (q.kind != Q_SKIP && !has(t + q.start, q.end - q.start, "分之") &&
		    numeral_parse(t + q.start, q.end - q.start, &first) &&
		    !dec_is_zero(first.value) &&
		    (dec_is_zero(q.value) || (q.has_min && dec_is_zero(q.min))))
			abort(); /* 3-5角: 0 to 0.5 */
	}
	free(t);
	return 0;
}
