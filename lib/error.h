#ifndef RPT_ERROR_H
#define RPT_ERROR_H

#include "rpt/rpt.h"

/* Fills *error (when non-NULL) and returns status, for one-line returns. */
rpt_status rpt_set_error(rpt_error *error, rpt_status status, size_t offset,
			 const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
