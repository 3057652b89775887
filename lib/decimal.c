#include "decimal.h"

#include <stdio.h>
#include <string.h>

static const int64_t pow10_table[19] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000, 100000000000, 1000000000000, 10000000000000,
	100000000000000, 1000000000000000, 10000000000000000,
	100000000000000000, 1000000000000000000};

bool dec_is_zero(decimal d) { return d.m == 0; }

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
	if (scale > 18)
		return false;
	int64_t r;
	if (__builtin_mul_overflow(a->m, pow10_table[scale - a->scale], &r))
		return false;
	a->m = r;
	a->scale = scale;
	return true;
}

bool dec_shift(decimal *a, int k)
{
	while (k > 0 && a->scale > 0) {
		a->scale--;
		k--;
	}
	if (k > 18)
		return false;
	int64_t r;
	if (__builtin_mul_overflow(a->m, pow10_table[k], &r))
		return false;
	a->m = r;
	normalise(a);
	return true;
}

bool dec_add(decimal *a, decimal b)
{
	int s = a->scale > b.scale ? a->scale : b.scale;
	decimal x = *a;
	if (!rescale(&x, s) || !rescale(&b, s))
		return false;
	if (__builtin_add_overflow(x.m, b.m, &x.m))
		return false;
	normalise(&x);
	*a = x;
	return true;
}

bool dec_mul(decimal *a, decimal b)
{
	int64_t r;
	if (a->scale + b.scale > 18 || __builtin_mul_overflow(a->m, b.m, &r))
		return false;
	a->m = r;
	a->scale += b.scale;
	normalise(a);
	return true;
}

bool dec_div(decimal *a, decimal b, int places)
{
	if (b.m == 0 || places > 12)
		return false;
	/* a/b = (a.m * 10^(places + b.scale - a.scale)) / b.m, rounded. */
	__int128 n = a->m;
	int k = places + b.scale - a->scale;
	for (; k > 0; k--)
		if (__builtin_mul_overflow(n, 10, &n))
			return false;
	for (; k < 0; k++)
		n /= 10;
	__int128 q = n / b.m, rem = n % b.m;
	if (2 * (rem < 0 ? -rem : rem) >= (b.m < 0 ? -(__int128)b.m : b.m))
		q += (n < 0) != (b.m < 0) ? -1 : 1;
	if (q > INT64_MAX || q < INT64_MIN)
		return false;
	a->m = (int64_t)q;
	a->scale = places;
	normalise(a);
	return true;
}

int dec_cmp(decimal a, decimal b)
{
	int s = a.scale > b.scale ? a.scale : b.scale;
	__int128 x = a.m, y = b.m;
	for (int i = a.scale; i < s; i++)
		x *= 10;
	for (int i = b.scale; i < s; i++)
		y *= 10;
	return x < y ? -1 : x > y;
}

size_t dec_format(decimal d, char *out, size_t cap)
{
	normalise(&d);
	char digits[32];
	uint64_t u = d.m < 0 ? (uint64_t)0 - (uint64_t)d.m : (uint64_t)d.m;
	int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)u);
	char tmp[48];
	size_t k = 0;
	if (d.m < 0)
		tmp[k++] = '-';
	if (d.scale == 0) {
		memcpy(tmp + k, digits, (size_t)n);
		k += (size_t)n;
	} else if (n > d.scale) {
		memcpy(tmp + k, digits, (size_t)(n - d.scale));
		k += (size_t)(n - d.scale);
		tmp[k++] = '.';
		memcpy(tmp + k, digits + n - d.scale, (size_t)d.scale);
		k += (size_t)d.scale;
	} else {
		tmp[k++] = '0';
		tmp[k++] = '.';
		for (int i = n; i < d.scale; i++)
			tmp[k++] = '0';
		memcpy(tmp + k, digits, (size_t)n);
		k += (size_t)n;
	}
	if (k >= cap)
		k = cap ? cap - 1 : 0;
	if (cap) {
		memcpy(out, tmp, k);
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
		if (point && ++d.scale > 18)
			return false;
	}
	if (!digits)
		return false;
	if (neg)
		d.m = -d.m;
	normalise(&d);
	*out = d;
	return true;
}
