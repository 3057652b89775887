/* Fuzz target: the XML reader (validate, text) on untrusted bytes. */
#include <stdint.h>
#include <stdlib.h>

#include <rpt/rpt.h>

extern const char builtin_schema[];
extern const size_t builtin_schema_len;

static rpt_schema *schema;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!schema && rpt_schema_load_memory(builtin_schema, builtin_schema_len, &schema,
					      NULL) != RPT_OK)
		abort();
	char *text;
	size_t len;
	if (rpt_xml_to_text((const char *)data, size, &text, &len, NULL) == RPT_OK)
		free(text);
	rpt_validate(schema, (const char *)data, size, NULL, NULL, NULL);
	return 0;
}
