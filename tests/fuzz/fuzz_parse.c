/* Fuzz target: text -> model -> XML. Checks the invariants: the output is
 * well-formed and valid against the schema, its text is the input's
 * decoded text, offsets (of nodes and of diagnostics) are in bounds and
 * properly nested, and every value is a valid decimal. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "doc.h"

extern const char builtin_schema[];
extern const size_t builtin_schema_len;

static rpt_parser *parser;
static rpt_schema *schema;

static void check_tree(const rpt_doc *d)
{
	for (size_t i = 0; i < d->n_nodes; i++) {
		const node *n = &d->nodes[i];
		if (n->start > n->end || n->end > d->len)
			abort();
		if (n->parent != NO_NODE) {
			const node *p = &d->nodes[n->parent];
			if (n->start < p->start || n->end > p->end)
				abort();
		}
		if (n->next != NO_NODE && d->nodes[n->next].start < n->end)
			abort(); /* siblings in order, without overlap */
		if (n->type == N_INDICATOR) {
			static const char *const numbers[] = {"value", "min", "max", "magnitude"};
			for (size_t k = 0; k < 4; k++) {
				size_t len;
				const char *v = doc_attr_get(d, (int32_t)i, numbers[k], &len);
				decimal x;
				if (v && !dec_parse(v, len, &x))
					abort();
			}
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!parser && (rpt_parser_new(&parser) != RPT_OK ||
			rpt_schema_load_memory(builtin_schema, builtin_schema_len, &schema,
					       NULL) != RPT_OK))
		abort();
	rpt_doc *doc;
	rpt_parse_options o = {.src_name = "fuzz", .flags = size % 2 ? RPT_PARSE_ALL_NUMBERS : 0};
	if (rpt_parse(parser, (const char *)data, size, &o, &doc, NULL) != RPT_OK)
		return 0;
	check_tree(doc);
	for (size_t i = 0, n = rpt_doc_diag_count(doc); i < n; i++) {
		rpt_diag g;
		if (rpt_doc_diag(doc, i, &g) != 0 || g.start > g.end || g.end > doc->len ||
		    g.line < 1 || g.col < 1 || !g.code || !g.message)
			abort();
	}
	char *xml, *text;
	size_t xml_len, text_len, len;
	if (rpt_doc_to_xml(doc, &xml, &xml_len) != RPT_OK)
		abort();
	if (rpt_validate(schema, xml, xml_len, NULL, NULL, NULL) != RPT_OK)
		abort();
	if (rpt_xml_to_text(xml, xml_len, &text, &text_len, NULL) != RPT_OK)
		abort();
	const char *orig = rpt_doc_text(doc, &len);
	if (text_len != len || memcmp(text, orig, len) != 0)
		abort(); /* the round trip lost something */
	free(text);
	free(xml);
	rpt_doc_free(doc);
	return 0;
}
