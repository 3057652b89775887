#include "out.h"

#include <stdlib.h>
#include <string.h>

bool out_grow(out *o, size_t n)
{
	if (o->failed)
		return false;
	size_t cap = o->cap ? o->cap * 2 : 65536;
	while (cap < o->len + n + 1)
		cap *= 2;
	char *q = realloc(o->p, cap);
	if (!q) {
		/* cap stays short of len + n, so every later append lands here */
		o->failed = true;
		return false;
	}
	o->p = q;
	o->cap = cap;
	return true;
}

void out_json(out *o, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	out_put(o, "\"", 1);
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c != '"' && c != '\\' && c >= 0x20)
			continue;
		out_put(o, s + run, i - run);
		/* \" \\ \n \t \r, and \u00XX for the other controls */
		char e[6] = {'\\', (char)c};
		size_t k = 2;
		if (c == '\n' || c == '\t' || c == '\r') {
			e[1] = c == '\n' ? 'n' : c == '\t' ? 't' : 'r';
		} else if (c < 0x20) {
			memcpy(e + 1, "u00", 3);
			e[4] = hex[c >> 4];
			e[5] = hex[c & 15];
			k = 6;
		}
		out_put(o, e, k);
		run = i + 1;
	}
	out_put(o, s + run, n - run);
	out_put(o, "\"", 1);
}
