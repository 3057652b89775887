/* Exact decimals: a 64-bit mantissa and a power-of-ten scale. Figures are
 * never binary floating point; an operation that would overflow fails and
 * the caller drops the figure rather than round it. */
#ifndef RPT_DECIMAL_H
#define RPT_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct decimal {
	int64_t m;
	int scale; /* value = m / 10^scale, 0 <= scale <= 18 */
} decimal;

static inline decimal dec_int(int64_t v) { return (decimal){v, 0}; }
bool dec_is_zero(decimal d);
/* a * 10^k, k >= 0. */
bool dec_shift(decimal *a, int k);
bool dec_add(decimal *a, decimal b);
bool dec_mul(decimal *a, decimal b);
/* a / b rounded half-up to `places` decimals. */
bool dec_div(decimal *a, decimal b, int places);
int dec_cmp(decimal a, decimal b);
/* Plain notation, no exponent, trailing zeros dropped: "38000000", "0.333333". */
size_t dec_format(decimal d, char *out, size_t cap);
/* Parses [-]digits[.digits]; false on anything else or overflow. */
bool dec_parse(const char *s, size_t len, decimal *out);

#endif
