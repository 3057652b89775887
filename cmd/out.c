#include "out.h"

#include <stdio.h>
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
	out_put(o, "\"", 1);
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c != '"' && c != '\\' && c >= 0x20)
			continue;
		out_put(o, s + run, i - run);
		char e[8];
		if (c == '"' || c == '\\')
			snprintf(e, sizeof e, "\\%c", c);
		else if (c == '\n' || c == '\t' || c == '\r')
			snprintf(e, sizeof e, "\\%c", c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
		else
			snprintf(e, sizeof e, "\\u%04x", c);
		out_puts(o, e);
		run = i + 1;
	}
	out_put(o, s + run, n - run);
	out_put(o, "\"", 1);
}
