/* Indicators: a quantity plus what the text says about it: actual,
 * target, estimate or policy; the period; the subject measured. */
#ifndef RPT_INDICATOR_H
#define RPT_INDICATOR_H

#include "parser.h"
#include "quantity.h"

/* Context of one paragraph-like range, filled as its spans are emitted. */
typedef struct figure_context {
	size_t vs, ve;           /* the paragraph, view offsets */
	const char *section_kind; /* kind of the enclosing section, or NULL */
	int doc_year;             /* the year the report is about, or 0 */
	bool future_doc;          /* a plan or budget: figures default to targets */
	char last_date[32];       /* value of the last date seen … */
	size_t last_date_end;     /* … and where it ended */
} figure_context;

/* Adds an indicator node for q under parent, with its attributes. */
void indicator_emit(scan *s, int32_t parent, const quantity *q,
		    figure_context *ctx);

#endif
