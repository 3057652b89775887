/* Ranges in 角 that the number fuzzer found read wrong (a lower bound of
 * 0, and a read before a table, when the negative shift of 角 and 分 was
 * applied): each bound is checked exactly. */
#include <stdio.h>
#include <string.h>

#include "quantity.h"

static int expect(const char *text, const char *min, const char *max)
{
	quantity q;
	char lo[64] = "", hi[64] = "";
	size_t len = strlen(text);
	bool found = false;
	for (size_t i = 0; i < len && !found; i++) /* the first figure */
		found = quantity_at(text, NULL, 0, i, len, &q);
	if (found && q.has_min)
		dec_format(q.min, lo, sizeof lo);
	if (found && q.has_max)
		dec_format(q.max, hi, sizeof hi);
	bool ok = found && strcmp(lo, min) == 0 && strcmp(hi, max) == 0;
	printf("%s %s: %s to %s, expected %s to %s\n", ok ? "ok" : "FAIL", text,
	       found ? lo : "(no figure)", hi, min, max);
	return ok ? 0 : 1;
}

int main(void)
{
	int bad = 0;
	bad |= expect("3-5角", "0.3", "0.5");
	bad |= expect("三五角", "0.3", "0.5");
	bad |= expect("每人3至5角", "0.3", "0.5");
	return bad;
}
