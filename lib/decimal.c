#include "decimal.h"

#include <string.h>

#define P18 ((dec_mantissa)1000000000000000000)

/* 10^0 … 10^38, the powers a 128-bit mantissa can hold. */
static const dec_mantissa pow10_table[39] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000, 100000000000, 1000000000000, 10000000000000,
	100000000000000, 1000000000000000, 10000000000000000,
	100000000000000000, P18, P18 * 10, P18 * 100, P18 * 1000, P18 * 10000,
	P18 * 100000, P18 * 1000000, P18 * 10000000, P18 * 100000000,
	P18 * 1000000000, P18 * 10000000000, P18 * 100000000000,
	P18 * 1000000000000, P18 * 10000000000000, P18 * 100000000000000,
	P18 * 1000000000000000, P18 * 10000000000000000,
	P18 * 100000000000000000, P18 * P18, P18 * P18 * 10, P18 * P18 * 100};

bool dec_is_zero(decimal d) { return d.m == 0; }

/* Does m have at most DEC_MAX_DIGITS digits? */
static bool fits(dec_mantissa m)
{
	return m < pow10_table[DEC_MAX_DIGITS] && m > -pow10_table[DEC_MAX_DIGITS];
}

/* Removes trailing zeros of the fraction. */
static void normalise(decimal *a)
{
	while (a->scale > 0 && a->m % 10 == 0) {
		a->m /= 10;
		a->scale--;
	}
	if (a->m == 0)
		a->scale = 0;
}

/* Brings a to the given larger scale. */
static bool rescale(decimal *a, int scale)
{
	if (scale > DEC_MAX_SCALE)
		return false;
	dec_mantissa r;
	if (__builtin_mul_overflow(a->m, pow10_table[scale - a->scale], &r))
		return false;
	a->m = r;
	a->scale = scale;
	return true;
}

bool dec_shift(decimal *a, int k)
{
	if (k < 0)
		return false;
	while (k > 0 && a->scale > 0) {
		a->scale--;
		k--;
	}
	if (k > 38)
		return false;
	dec_mantissa r;
	if (__builtin_mul_overflow(a->m, pow10_table[k], &r) || !fits(r))
		return false;
	a->m = r;
	normalise(a);
	return true;
}

bool dec_add(decimal *a, decimal b)
{
	/* The parts of a numeral are summed, most of them zero: adding zero
	 * to an integer changes nothing. */
	if (b.m == 0 && a->scale == 0 && fits(a->m))
		return true;
	int s = a->scale > b.scale ? a->scale : b.scale;
	decimal x = *a;
	/* Only an operand of a smaller scale is multiplied (most sums are of
	 * integers): rescale() to its own scale changes nothing. */
	if (s > DEC_MAX_SCALE || (x.scale != s && !rescale(&x, s)) ||
	    (b.scale != s && !rescale(&b, s)))
		return false;
	if (__builtin_add_overflow(x.m, b.m, &x.m))
		return false;
	normalise(&x);
	if (!fits(x.m))
		return false;
	*a = x;
	return true;
}

bool dec_mul(decimal *a, decimal b)
{
	dec_mantissa r;
	if (__builtin_mul_overflow(a->m, b.m, &r))
		return false;
	decimal x = {r, a->scale + b.scale};
	normalise(&x);
	if (x.scale > DEC_MAX_SCALE || !fits(x.m))
		return false;
	*a = x;
	return true;
}

bool dec_div(decimal *a, decimal b, int places)
{
	if (b.m == 0 || places > 12)
		return false;
	/* a/b = (a.m * 10^(places + b.scale - a.scale)) / b.m, rounded. */
	dec_mantissa n = a->m;
	int k = places + b.scale - a->scale;
	for (; k > 0; k--)
		if (__builtin_mul_overflow(n, 10, &n))
			return false;
	for (; k < 0; k++)
		n /= 10;
	dec_mantissa q = n / b.m, rem = n % b.m;
	/* |rem| < |b.m|, so doubling it cannot overflow unless |b.m| is
	 * near the top of the range; compare against half instead */
	dec_mantissa r = rem < 0 ? -rem : rem, d = b.m < 0 ? -b.m : b.m;
	if (r >= d - r)
		q += (n < 0) != (b.m < 0) ? -1 : 1;
	if (!fits(q))
		return false;
	a->m = q;
	a->scale = places;
	normalise(a);
	return true;
}

int dec_cmp(decimal a, decimal b)
{
	int s = a.scale > b.scale ? a.scale : b.scale;
	dec_mantissa x, y;
	/* a value too large to bring to the other's scale is the larger in
	 * size, so its sign decides */
	if (__builtin_mul_overflow(a.m, pow10_table[s - a.scale], &x))
		return a.m < 0 ? -1 : 1;
	if (__builtin_mul_overflow(b.m, pow10_table[s - b.scale], &y))
		return b.m < 0 ? 1 : -1;
	return x < y ? -1 : x > y;
}

size_t dec_format(decimal d, char *out, size_t cap)
{
	normalise(&d);
	/* |m| unsigned, so that the most negative mantissa has one too,
	 * written from its last digit back, the point after the last scale
	 * digits; zeros make up for a number below 1 */
	__extension__ typedef unsigned __int128 umant;
	umant u = d.m < 0 ? (umant)0 - (umant)d.m : (umant)d.m;
	char tmp[80];
	char *end = tmp + sizeof tmp, *p = end;
	int n = 0;
	/* 128-bit division is a call per digit: only the digits above 64 bits
	 * (amounts past 1.8e19) take it */
	while (u > UINT64_MAX) {
		*--p = (char)('0' + (int)(u % 10));
		u /= 10;
		if (++n == d.scale)
			*--p = '.';
	}
	uint64_t small = (uint64_t)u;
	do {
		*--p = (char)('0' + (int)(small % 10));
		small /= 10;
		if (++n == d.scale)
			*--p = '.';
	} while (small);
	if (n < d.scale) {
		while (n++ < d.scale)
			*--p = '0';
		*--p = '.';
	}
	if (*p == '.')
		*--p = '0';
	if (d.m < 0)
		*--p = '-';
	size_t k = (size_t)(end - p);
	if (k >= cap)
		k = cap ? cap - 1 : 0;
	if (cap) {
		memcpy(out, p, k);
		out[k] = '\0';
	}
	return k;
}

bool dec_parse(const char *s, size_t len, decimal *out)
{
	decimal d = {0, 0};
	size_t i = 0;
	bool neg = false, digits = false, point = false;
	if (i < len && s[i] == '-') {
		neg = true;
		i++;
	}
	/* The first 18 digits fit in 64 bits, where arithmetic is cheap;
	 * the mantissa takes over from there. */
	uint64_t small = 0;
	int small_digits = 0;
	for (; i < len && small_digits < 18; i++) {
		if (s[i] == '.' && !point) {
			point = true;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return false;
		small = small * 10 + (uint64_t)(s[i] - '0');
		small_digits++;
		if (point && ++d.scale > DEC_MAX_SCALE)
			return false;
	}
	d.m = small;
	digits = small_digits > 0;
	for (; i < len; i++) {
		if (s[i] == '.' && !point) {
			point = true;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return false;
		digits = true;
		if (__builtin_mul_overflow(d.m, 10, &d.m) ||
		    __builtin_add_overflow(d.m, s[i] - '0', &d.m))
			return false;
		if (point && ++d.scale > DEC_MAX_SCALE)
			return false;
	}
	if (!digits || !fits(d.m))
		return false;
	if (neg)
		d.m = -d.m;
	normalise(&d);
	*out = d;
	return true;
}

char *dec_put_uint(char *p, uint64_t v, int width)
{
	/* two digits at a time, from the last */
	static const char pairs[] = "00010203040506070809101112131415161718192021222324"
				    "25262728293031323334353637383940414243444546474849"
				    "50515253545556575859606162636465666768697071727374"
				    "75767778798081828384858687888990919293949596979899";
	int n = 1;
	for (uint64_t t = 10; n < 20 && v >= t; t *= 10)
		n++;
	if (n < width)
		n = width > 20 ? 20 : width;
	char *q = p + n;
	while (v >= 100) {
		q -= 2;
		memcpy(q, pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10) {
		q -= 2;
		memcpy(q, pairs + 2 * v, 2);
	} else {
		*--q = (char)('0' + v);
	}
	while (q > p)
		*--q = '0';
	return p + n;
}
