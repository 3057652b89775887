#include "utf8.h"

size_t utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

bool contains(const char *s, size_t len, const char *lit)
{
	size_t n = strlen(lit);
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(s + i, lit, n) == 0)
			return true;
	return false;
}
