#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

rpt_status rpt_set_error(rpt_error *error, rpt_status status, size_t offset,
			 const char *fmt, ...)
{
	if (!error)
		return status;
	memset(error, 0, sizeof *error);
	error->status = status;
	error->offset = offset;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(error->message, sizeof error->message, fmt, ap);
	va_end(ap);
	return status;
}

const char *rpt_strstatus(rpt_status status)
{
	switch (status) {
	case RPT_OK: return "success";
	case RPT_ENOMEM: return "out of memory";
	case RPT_EDECODE: return "input is not decodable text";
	case RPT_EINVAL: return "invalid argument";
	case RPT_EXML: return "XML not well-formed or not a report";
	case RPT_EINVALID: return "XML not valid against the schema";
	case RPT_ESCHEMA: return "schema could not be loaded";
	case RPT_ELIMIT: return "input exceeds a limit";
	case RPT_EREFUSED: return "XML refused for safety";
	case RPT_EWRITE: return "output refused by the writer";
	}
	return "unknown status";
}
