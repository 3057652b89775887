/* A growing output buffer that commands fill and write in one go at the end
 * (atomically with -o). A failed allocation is sticky: later appends do
 * nothing and the caller checks `failed` once. */
#ifndef REPORTCTL_OUT_H
#define REPORTCTL_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct out {
	char *p;
	size_t len, cap;
	bool failed;
} out;

/* Makes room for n more bytes (and a NUL); false once out of memory. */
bool out_grow(out *o, size_t n);

/* Appends are inline: a metrics row is some fifty of them. */
static inline void out_put(out *o, const char *s, size_t n)
{
	if (!n || (o->len + n + 1 > o->cap && !out_grow(o, n)))
		return;
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

static inline void out_puts(out *o, const char *s) { out_put(o, s, strlen(s)); }
/* s as a JSON string, quotes included. */
void out_json(out *o, const char *s, size_t n);

#endif
