/* The helpers of utf8.h that scan text several bytes at a time, against
 * the plain loops they stand for. */
#include "unit.h"
#include "utf8.h"

static size_t find3_plain(const char *t, size_t i, size_t end, const char *c)
{
	for (; i + 3 <= end; i++)
		if (memcmp(t + i, c, 3) == 0)
			return i;
	return end;
}

int main(void)
{
	/* 。 at every offset of texts of every length up to 60, among
	 * characters that share its first two bytes (、 〇) or its last
	 * (a Han character ending in 0x82), and cut short at the end */
	char t[64];
	int mismatches = 0;
	for (size_t len = 0; len <= 60; len++)
		for (size_t at = 0; at < len; at++)
			for (size_t from = 0; from <= len; from++) {
				for (size_t k = 0; k < len; k++)
					t[k] = "\xE3\x80\x81\xE4\xB8\x82\xE3\x80\x87x"[k % 10];
				memcpy(t + at, "\xE3\x80\x82", len - at < 3 ? len - at : 3);
				if (utf8_find3(t, from, len, "。") != find3_plain(t, from, len, "。"))
					mismatches++;
			}
	CHECK(mismatches == 0);
	CHECK(utf8_find3("一是二是", 0, 12, "是") == 3);
	CHECK(utf8_find3("一是二是", 4, 12, "是") == 9);
	CHECK(utf8_find3("一是二是", 4, 11, "是") == 11); /* the end cuts it */
	return UNIT_DONE();
}
