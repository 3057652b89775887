/* Fuzz target: diff of two inputs (the bytes split at the first 0xFF, or
 * in the middle), rendered in every format; and of the first with itself,
 * which must find no difference. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rpt/rpt.h>

static rpt_parser *parser;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!parser && rpt_parser_new(&parser) != RPT_OK)
		abort();
	const uint8_t *cut = memchr(data, 0xFF, size);
	size_t a_len = cut ? (size_t)(cut - data) : size / 2;
	size_t b_off = cut ? a_len + 1 : a_len;
	rpt_doc *a = NULL, *b = NULL;
	if (rpt_parse(parser, (const char *)data, a_len, NULL, &a, NULL) == RPT_OK &&
	    rpt_parse(parser, (const char *)data + b_off, size - b_off, NULL, &b, NULL) == RPT_OK) {
		rpt_diff *df;
		/* a document does not differ from itself */
		if (rpt_diff_new(a, a, size % 2 ? RPT_DIFF_EXACT : 0, &df) == RPT_OK) {
			if (rpt_diff_count(df) != 0)
				abort();
			rpt_diff_free(df);
		}
		if (rpt_diff_new(a, b, size % 4, &df) == RPT_OK) {
			for (int f = RPT_DIFF_TEXT; f <= RPT_DIFF_JSON; f++) {
				char *out;
				size_t len;
				if (rpt_diff_render(df, (rpt_diff_format)f, "a", "b", &out, &len) != RPT_OK)
					abort();
				free(out);
			}
			rpt_diff_free(df);
		}
	}
	rpt_doc_free(a);
	rpt_doc_free(b);
	return 0;
}
