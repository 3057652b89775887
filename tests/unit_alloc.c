/* Allocation failure: for every N, a parse and render of the reference
 * document whose Nth allocation fails returns RPT_ENOMEM (or succeeds, if
 * N is past the last allocation), frees everything and never crashes.
 * Run under ASan/LeakSanitizer this also proves nothing leaks. */
#include <stdio.h>
#include <stdlib.h>

#include <rpt/rpt.h>

#include "alloc.h"
#include "unit.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 20);
	*len = buf ? fread(buf, 1, 1 << 20, f) : 0;
	fclose(f);
	return buf;
}

/* One full run: parse, serialise, list indicators, diff with itself.
 * Returns the first failing status, RPT_OK when all went through. */
static rpt_status run(const rpt_parser *p, const char *text, size_t len)
{
	rpt_doc *doc = NULL;
	rpt_status st = rpt_parse(p, text, len, NULL, &doc, NULL);
	if (st != RPT_OK)
		return st;
	char *xml = NULL;
	size_t xml_len;
	st = rpt_doc_to_xml(doc, &xml, &xml_len);
	free(xml);
	if (st == RPT_OK) {
		rpt_diff *df = NULL;
		st = rpt_diff_new(doc, doc, 0, &df);
		if (st == RPT_OK) {
			char *out = NULL;
			size_t out_len;
			st = rpt_diff_render(df, RPT_DIFF_XML, "a", "b", &out, &out_len);
			free(out);
		}
		rpt_diff_free(df);
	}
	rpt_doc_free(doc);
	return st;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: unit_alloc REPORT.txt\n");
		return 2;
	}
	size_t len;
	char *text = slurp(argv[1], &len);
	rpt_parser *p;
	CHECK(text != NULL);
	CHECK(rpt_parser_new(&p) == RPT_OK);
	if (!text)
		return UNIT_DONE();

	rpt_fault_inject(-1);
	CHECK(run(p, text, len) == RPT_OK);
	long total = rpt_fault_calls();
	CHECK(total > 10);
	long failures = 0;
	for (long n = 1; n <= total + 1; n++) {
		rpt_fault_inject(n);
		rpt_status st = run(p, text, len);
		if (st == RPT_ENOMEM)
			failures++;
		else if (st != RPT_OK) {
			printf("allocation %ld: status %d\n", n, st);
			unit_failures++;
		}
	}
	rpt_fault_inject(-1);
	CHECK(failures >= total); /* every allocation's failure was seen */
	printf("%ld allocations, each failed once: %ld runs reported out of memory\n",
	       total, failures);
	rpt_parser_free(p);
	free(text);
	return UNIT_DONE();
}
