#include "out.h"

#include <stdlib.h>
#include <string.h>

void out_put(out *o, const char *s, size_t n)
{
	if (o->failed || !n)
		return;
	if (o->len + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 65536;
		while (cap < o->len + n + 1)
			cap *= 2;
		char *q = realloc(o->p, cap);
		if (!q) {
			o->failed = true;
			return;
		}
		o->p = q;
		o->cap = cap;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

void out_puts(out *o, const char *s) { out_put(o, s, strlen(s)); }
