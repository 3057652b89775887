/* Exact decimals: a 128-bit mantissa and a power-of-ten scale, holding up
 * to 24 digits (一万亿亿 is 1e20; some amounts run to 24 digits). 24 is
 * the most that XML Schema validation (libxml2) takes for xs:decimal, so
 * every value can be written out. Figures are never binary floating point;
 * an operation that would overflow fails and the caller drops the figure
 * rather than round it. */
#ifndef RPT_DECIMAL_H
#define RPT_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

__extension__ typedef __int128 dec_mantissa;

/* The most digits a value has, in all, and after the point. */
#define DEC_MAX_DIGITS 24
#define DEC_MAX_SCALE 24

typedef struct decimal {
	dec_mantissa m;
	int scale; /* value = m / 10^scale, 0 <= scale <= DEC_MAX_SCALE */
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
/* v in decimal digits at p, at least width of them (zeros before, width
 * at most 20), as %0*llu writes it; returns the end. For the offsets,
 * counts and date parts written a few hundred thousand times a document. */
char *dec_put_uint(char *p, uint64_t v, int width);
/* Parses [-]digits[.digits]; false on anything else or overflow. */
bool dec_parse(const char *s, size_t len, decimal *out);

#endif
