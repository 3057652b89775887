/* The matching view: a copy of the text where full-width ASCII
 * (U+FF01..FF5E) becomes ASCII and U+3000 and the other Unicode spaces
 * become ' ', with a map from each view byte back to the original. Patterns
 * match the view; output always quotes the original. No NFKC: ① and ㈠
 * stay what they are. */
#ifndef RPT_FOLD_H
#define RPT_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "rpt/rpt.h"

typedef struct fold_view {
	char *text;    /* NUL-terminated */
	size_t len;
	uint32_t *map; /* len + 1 entries: view offset -> original offset */
} fold_view;

rpt_status fold_build(const char *text, size_t len, fold_view *out);
void fold_free(fold_view *view);

static inline size_t fold_orig(const fold_view *v, size_t i)
{
	return v->map[i];
}

#endif
