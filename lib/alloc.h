/* Every allocation of the library goes through here, so that a test build
 * can fail the Nth one and prove that each failure is handled. */
#ifndef RPT_ALLOC_H
#define RPT_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

void *rpt_malloc(size_t n);
void *rpt_calloc(size_t count, size_t size);
void *rpt_realloc(void *p, size_t n);
void rpt_free(void *p);
char *rpt_strndup(const char *s, size_t n);
/* Makes room in the array *p of *cap elements of size bytes for element
 * n: the capacity doubles (from first); false, leaving the array as it
 * was, when memory runs out. */
bool rpt_grow(void **p, size_t *cap, size_t n, size_t size, size_t first);

#ifdef RPT_FAULT_INJECTION
/* Fail the nth allocation from now on (n >= 1), or none (n < 0). */
void rpt_fault_inject(long n);
/* Allocations made since the last rpt_fault_inject(). */
long rpt_fault_calls(void);
#endif

#endif
