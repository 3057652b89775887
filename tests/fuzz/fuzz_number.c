/* Fuzz target: the numeral and quantity readers. A value must survive
 * formatting and re-parsing unchanged, and no read may go past the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "numeral.h"
#include "quantity.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *t = malloc(size + 1);
	if (!t)
		return 0;
	memcpy(t, data, size);
	t[size] = '\0'; /* the matching view is always NUL-terminated */
	numeral n;
	if (numeral_parse(t, size, &n)) {
		char buf[64];
		decimal back;
		size_t k = dec_format(n.value, buf, sizeof buf);
		if (n.len > size || !dec_parse(buf, k, &back) || dec_cmp(back, n.value) != 0)
			abort();
	}
	for (size_t i = 0; i < size; i++) {
		quantity q;
		if (quantity_at(t, NULL, 0, i, size, &q)) {
			char buf[64];
			decimal back;
			size_t k = dec_format(q.value, buf, sizeof buf);
			if (q.start > q.end || q.end > size || !dec_parse(buf, k, &back) ||
			    dec_cmp(back, q.value) != 0)
				abort();
		}
	}
	free(t);
	return 0;
}
