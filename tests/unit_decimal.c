/* Writing numbers: dec_put_uint as snprintf's %0*llu writes them, and
 * dec_format's plain notation. */
#include <stdint.h>
#include <stdio.h>

#include "decimal.h"
#include "unit.h"

int main(void)
{
	/* every number of digits, around each power of ten, at every width */
	uint64_t v = 0;
	int mismatches = 0;
	for (int digits = 0; digits < 20; digits++, v = v * 10 + 9)
		for (int d = -2; d <= 2; d++)
			for (int width = 1; width <= 20; width++) {
				uint64_t x = v + (uint64_t)(int64_t)d;
				char want[32], got[32];
				snprintf(want, sizeof want, "%0*llu", width, (unsigned long long)x);
				*dec_put_uint(got, x, width) = '\0';
				if (strcmp(got, want) != 0 && mismatches++ < 5)
					printf("%llu width %d: got %s, want %s\n",
					       (unsigned long long)x, width, got, want);
			}
	CHECK(mismatches == 0);
	char b[32];
	*dec_put_uint(b, UINT64_MAX, 1) = '\0';
	CHECK_STR(b, "18446744073709551615");

	static const struct {
		long long m;
		int scale;
		const char *text;
	} forms[] = {{0, 0, "0"},        {5, 1, "0.5"},         {-5, 1, "-0.5"},
		     {12345, 2, "123.45"}, {1, 5, "0.00001"},     {-1200000, 0, "-1200000"},
		     {100, 2, "1"},        {10, 3, "0.01"},       {1234, 3, "1.234"}};
	for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
		dec_format((decimal){forms[k].m, forms[k].scale}, b, sizeof b);
		CHECK_STR(b, forms[k].text);
	}
	CHECK(dec_format((decimal){123456, 0}, b, 4) == 3); /* cut to fit, NUL kept */
	CHECK_STR(b, "123");
	return UNIT_DONE();
}
