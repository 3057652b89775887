/* Fuzz target: the XML reader (validate, text) on untrusted bytes. What
 * the schema accepts, the text reader must read. */
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
	rpt_status read = rpt_xml_to_text((const char *)data, size, &text, &len, NULL);
	if (read == RPT_OK)
		free(text);
	rpt_status valid = rpt_validate(schema, (const char *)data, size, NULL, NULL, NULL);
	if (valid == RPT_OK && read != RPT_OK)
		abort(); /* a valid document whose text cannot be read back */
	return 0;
}
