#include "utf8.h"

size_t utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

bool pipe_cells(const char *s, size_t len)
{
	const char *bar = memchr(s, '|', len);
	return bar && memchr(bar + 1, '|', (size_t)(s + len - bar - 1)) != NULL;
}

bool contains(const char *s, size_t len, const char *lit)
{
	return contains_n(s, len, lit, strlen(lit));
}

bool contains_n(const char *s, size_t len, const char *lit, size_t n)
{
	if (n == 0)
		return true;
	if (n > len)
		return false;
	/* memchr finds the candidates by the last byte, for a Han word a
	 * continuation byte that few characters share */
	const char *end = s + len;
	char last = lit[n - 1];
	for (const char *p = memchr(s + n - 1, last, len - n + 1); p;
	     p = memchr(p + 1, last, (size_t)(end - p - 1)))
		if (memcmp(p - (n - 1), lit, n) == 0)
			return true;
	return false;
}
