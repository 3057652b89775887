#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

extern const char builtin_schema[];
extern const size_t builtin_schema_len;

rpt_schema *load_schema(const char *option)
{
	const char *path = option ? option : getenv("REPORTCTL_SCHEMA");
	const char *installed = REPORTCTL_SCHEMA_DIR "/report.xsd";
	rpt_schema *schema = NULL;
	rpt_error err;
	rpt_status st;

	if (path && *path)
		st = rpt_schema_load_file(path, &schema, &err);
	else if (access(installed, R_OK) == 0)
		st = rpt_schema_load_file(path = installed, &schema, &err);
	else
		st = rpt_schema_load_memory(builtin_schema, builtin_schema_len,
					    &schema, &err);
	if (st != RPT_OK) {
		errorf("%s: %s", path ? path : "built-in schema", err.message);
		return NULL;
	}
	return schema;
}
