/* A growing output buffer that commands fill and write in one go at the end
 * (atomically with -o). A failed allocation is sticky: later appends do
 * nothing and the caller checks `failed` once. */
#ifndef REPORTCTL_OUT_H
#define REPORTCTL_OUT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct out {
	char *p;
	size_t len, cap;
	bool failed;
} out;

void out_put(out *o, const char *s, size_t n);
void out_puts(out *o, const char *s);
/* s as a JSON string, quotes included. */
void out_json(out *o, const char *s, size_t n);

#endif
