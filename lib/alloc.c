#include "alloc.h"

#include <stdlib.h>
#include <string.h>

void *rpt_malloc(size_t n) { return malloc(n ? n : 1); }

void *rpt_calloc(size_t count, size_t size)
{
	return calloc(count ? count : 1, size ? size : 1);
}

void *rpt_realloc(void *p, size_t n) { return realloc(p, n ? n : 1); }

void rpt_free(void *p) { free(p); }

char *rpt_strndup(const char *s, size_t n)
{
	char *p = rpt_malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}
