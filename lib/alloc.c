#include "alloc.h"

#include <stdlib.h>
#include <string.h>

#ifdef RPT_FAULT_INJECTION
/* Test builds fail the Nth allocation (and every one after it, as a
 * system out of memory would), to prove each failure is handled. */
static long fault_countdown = -1;
static long fault_calls;
static int fault_configured;

void rpt_fault_inject(long n)
{
	fault_countdown = n;
	fault_calls = 0;
	fault_configured = 1;
}

/* A program linked against the test library (tests/reportctl_faulty)
 * takes N from RPT_FAULT_AT unless the program calls rpt_fault_inject()
 * first. */
static void configure_from_env(void)
{
	fault_configured = 1;
	const char *s = getenv("RPT_FAULT_AT");
	if (s && *s) {
		char *end;
		long n = strtol(s, &end, 10);
		if (*end == '\0' && n >= 1)
			fault_countdown = n;
	}
}

long rpt_fault_calls(void) { return fault_calls; }

static int fail_now(void)
{
	if (!fault_configured)
		configure_from_env();
	fault_calls++;
	if (fault_countdown < 0)
		return 0;
	if (fault_countdown == 0)
		return 1;
	fault_countdown--;
	return fault_countdown == 0;
}
#define FAIL_NOW() fail_now()
#else
#define FAIL_NOW() 0
#endif

void *rpt_malloc(size_t n) { return FAIL_NOW() ? NULL : malloc(n ? n : 1); }

void *rpt_calloc(size_t count, size_t size)
{
	return FAIL_NOW() ? NULL : calloc(count ? count : 1, size ? size : 1);
}

void *rpt_realloc(void *p, size_t n) { return FAIL_NOW() ? NULL : realloc(p, n ? n : 1); }

void rpt_free(void *p) { free(p); }

bool rpt_grow(void **p, size_t *cap, size_t n, size_t size, size_t first)
{
	if (n < *cap)
		return true;
	size_t c = *cap ? *cap * 2 : first;
	if (c <= n || c > (size_t)-1 / size)
		return false;
	void *q = rpt_realloc(*p, c * size);
	if (!q)
		return false;
	*p = q;
	*cap = c;
	return true;
}

char *rpt_strndup(const char *s, size_t n)
{
	char *p = rpt_malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}
