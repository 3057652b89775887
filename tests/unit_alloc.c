/* Allocation failure. For every N, a run over the reference document
 * whose Nth allocation (and every one after it) fails returns RPT_ENOMEM,
 * or succeeds when N is past the last allocation, frees everything and
 * never crashes. A run is: load the schema, parse, serialise, validate the
 * XML, read its text back, list the indicators, and diff the document
 * with another one, rendered in every format.
 *
 * Two passes: the library's own allocations (rpt_malloc and friends),
 * then libxml2's (through xmlMemSetup) while the XML is read back. Run
 * under ASan/LeakSanitizer or valgrind this also proves nothing leaks;
 * what libxml2 2.9 itself loses on its out-of-memory paths is counted,
 * reported and released by the test's allocator.
 *
 * usage: unit_alloc REPORT.txt OTHER.txt SCHEMA.xsd */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
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

/* libxml2's allocator, failing the Nth call and every one after it.
 * It keeps a list of the blocks alive, so that what libxml2 itself loses
 * on its own out-of-memory paths (libxml2 2.9 has such leaks) can be told
 * from a leak of ours, and released. */
typedef union block {
	struct {
		union block *prev, *next;
		long seq;
	} l;
	max_align_t align;
} block;

static block live = {.l = {&live, &live, 0}};
static long xml_countdown = -1, xml_calls, xml_seq, xml_live;

static int xml_fail(void)
{
	xml_calls++;
	if (xml_countdown < 0)
		return 0;
	if (xml_countdown == 0)
		return 1;
	return --xml_countdown == 0;
}

static void xml_inject(long n)
{
	xml_countdown = n;
	xml_calls = 0;
}

static void *link_block(block *b)
{
	b->l.seq = ++xml_seq;
	b->l.prev = &live;
	b->l.next = live.l.next;
	live.l.next->l.prev = b;
	live.l.next = b;
	xml_live++;
	return b + 1;
}

static void unlink_block(block *b)
{
	b->l.prev->l.next = b->l.next;
	b->l.next->l.prev = b->l.prev;
	xml_live--;
}

static void *xml_malloc(size_t n)
{
	block *b = xml_fail() ? NULL : malloc(sizeof *b + n);
	return b ? link_block(b) : NULL;
}

static void xml_free(void *p)
{
	if (!p)
		return;
	block *b = (block *)p - 1;
	unlink_block(b);
	free(b);
}

static void *xml_realloc(void *p, size_t n)
{
	if (!p)
		return xml_malloc(n);
	if (xml_fail())
		return NULL;
	block *b = (block *)p - 1;
	unlink_block(b);
	block *nb = realloc(b, sizeof *b + n);
	if (!nb) {
		link_block(b);
		return NULL;
	}
	return link_block(nb);
}

static char *xml_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xml_malloc(n);
	return p ? memcpy(p, s, n) : NULL;
}

/* Releases the blocks allocated after seq and still alive; their count.
 * libxml2's record of the last error is its own, not lost: it is let go
 * first (an HTML page's recovered errors leave one). */
static long release_since(long seq)
{
	long n = 0;
	xmlResetLastError();
	for (block *b = live.l.next, *next; b != &live; b = next) {
		next = b->l.next;
		if (b->l.seq > seq) {
			xml_free(b + 1);
			n++;
		}
	}
	return n;
}

typedef struct input {
	const char *text, *other, *schema;
	size_t len, other_len;
} input;

/* One full run. Returns the first failing status, RPT_OK when all went
 * through; *lost is set when a step succeeded with a wrong result. */
static rpt_status run(const rpt_parser *p, const input *in,
		      const rpt_schema *loaded, long xml_n, int *lost)
{
	rpt_schema *schema = NULL;
	rpt_doc *doc = NULL, *other = NULL;
	char *xml = NULL, *text = NULL;
	size_t xml_len, text_len;
	rpt_status st = loaded ? RPT_OK : rpt_schema_load_file(in->schema, &schema, NULL);
	if (st == RPT_OK)
		st = rpt_parse(p, in->text, in->len, NULL, &doc, NULL);
	if (st == RPT_OK)
		st = rpt_doc_to_xml(doc, &xml, &xml_len);
	if (st == RPT_OK)
		st = rpt_validate(loaded ? loaded : schema, xml, xml_len, NULL, NULL, NULL);
	if (st == RPT_OK) {
		if (xml_n != 0)
			xml_inject(xml_n);
		st = rpt_xml_to_text(xml, xml_len, &text, &text_len, NULL);
		if (xml_n != 0)
			xml_countdown = -1; /* keeps xml_calls */
	}
	if (st == RPT_OK) {
		size_t len;
		const char *orig = rpt_doc_text(doc, &len);
		if (len != text_len || memcmp(orig, text, len) != 0)
			*lost = 1;
		size_t n = rpt_doc_indicator_count(doc);
		for (size_t i = 0; i < n; i++) {
			rpt_indicator ind;
			if (rpt_doc_indicator(doc, i, &ind) != 0)
				*lost = 1;
		}
		st = rpt_parse(p, in->other, in->other_len, NULL, &other, NULL);
	}
	if (st == RPT_OK) {
		rpt_diff *df = NULL;
		st = rpt_diff_new(doc, other, 0, &df);
		if (st == RPT_OK && rpt_diff_count(df) == 0)
			*lost = 1; /* the two documents differ */
		for (int f = RPT_DIFF_TEXT; st == RPT_OK && f <= RPT_DIFF_JSON; f++) {
			char *out = NULL;
			size_t out_len;
			st = rpt_diff_render(df, (rpt_diff_format)f, "a", "b", &out, &out_len);
			free(out);
		}
		rpt_diff_free(df);
	}
	free(text);
	free(xml);
	rpt_doc_free(other);
	rpt_doc_free(doc);
	rpt_schema_free(schema);
	return st;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: unit_alloc REPORT.txt OTHER.txt SCHEMA.xsd\n");
		return 2;
	}
	/* before libxml2 allocates anything */
	CHECK(xmlMemSetup(xml_free, xml_malloc, xml_realloc, xml_strdup) == 0);
	xmlInitParser();
	input in = {.schema = argv[3]};
	char *text = slurp(argv[1], &in.len), *other = slurp(argv[2], &in.other_len);
	in.text = text;
	in.other = other;
	rpt_parser *p;
	CHECK(text != NULL && other != NULL);
	CHECK(rpt_parser_new(&p) == RPT_OK);
	if (!text || !other)
		return UNIT_DONE();

	int lost = 0;
	rpt_fault_inject(-1);
	CHECK(run(p, &in, NULL, 0, &lost) == RPT_OK);
	CHECK(!lost);
	long total = rpt_fault_calls(), xml_total;
	CHECK(total > 10);

	/* UNIT_ALLOC_STRIDE=K tries every Kth allocation only (the valgrind
	 * setup, where a run is 50 times slower, sets it) */
	const char *k_env = getenv("UNIT_ALLOC_STRIDE");
	long k = k_env ? strtol(k_env, NULL, 10) : 1;
	if (k < 1)
		k = 1;

	/* the library's allocations: each failure is RPT_ENOMEM */
	long failures = 0, runs = 0;
	for (long n = 1; n <= total + 1; n += k) {
		runs++;
		rpt_fault_inject(n);
		rpt_status st = run(p, &in, NULL, 0, &lost);
		if (st == RPT_ENOMEM)
			failures++;
		else if (st != RPT_OK) {
			printf("allocation %ld: status %d\n", n, st);
			unit_failures++;
		}
		if (lost) {
			printf("allocation %ld: a step succeeded with a wrong result\n", n);
			unit_failures++;
			lost = 0;
		}
	}
	rpt_fault_inject(-1);
	CHECK(failures >= runs - 1); /* every allocation's failure was seen */
	printf("librpt: %ld allocations, %ld of them failed in turn: %ld runs reported out of memory\n",
	       total, runs, failures);

	/* libxml2's, over reading back the text of the XML: RPT_ENOMEM,
	 * never a partial text (libxml2 2.9 returns the tree it had built
	 * when an allocation failed). Only there: libxml2 2.9 itself crashes
	 * when an allocation fails in its schema parser or validator (a NULL
	 * dereference in xmlSchemaSAXUnplug, a free of an uninitialised
	 * pointer in xmlSchemaFreeValidCtxt), and now and then in its parser
	 * (a double free below xmlParseElement; which allocation fails moves
	 * from run to run, as libxml2 seeds its hash tables at random). So
	 * each run is a child process: a child that dies is libxml2's crash,
	 * reported and counted; a child that returns says how it went. Every
	 * allocation of the first 200, then 300 more spread over the rest, to
	 * keep the test short (a fork under ASan is slow);
	 * UNIT_ALLOC_LIBXML2=0 skips this pass (the valgrind setup, where
	 * libxml2's crashes would be reported as errors, sets it). */
	const char *x_env = getenv("UNIT_ALLOC_LIBXML2");
	rpt_schema *schema = NULL;
	CHECK(rpt_schema_load_file(in.schema, &schema, NULL) == RPT_OK);
	long seq = xml_seq;
	CHECK(run(p, &in, schema, -1, &lost) == RPT_OK);
	CHECK(release_since(seq) == 0); /* a run without failures loses nothing */
	xml_total = xml_calls;
	CHECK(xml_total > 10);
	enum { C_OK = 10, C_ENOMEM, C_WRONG, C_STATUS, C_LOST = 20 };
	long xml_failures = 0, xml_runs = 0, libxml2_lost = 0, libxml2_crashed = 0;
	long stride = xml_total > 1000 ? xml_total / 300 : 1;
	if (x_env && strcmp(x_env, "0") == 0) {
		printf("libxml2: skipped (UNIT_ALLOC_LIBXML2=0)\n");
		stride = xml_total + 2;
	}
	for (long n = 1; schema && n <= xml_total + 1 && stride <= xml_total;
	     n += n < 200 ? k : stride * k) {
		fflush(stdout);
		pid_t pid = fork();
		if (pid < 0) {
			CHECK(pid >= 0);
			break;
		}
		if (pid == 0) {
			seq = xml_seq;
			rpt_status st = run(p, &in, schema, n, &lost);
			int code = lost ? C_WRONG
				   : st == RPT_ENOMEM ? C_ENOMEM
				   : st == RPT_OK ? C_OK : C_STATUS;
			_exit(code + (release_since(seq) ? C_LOST : 0));
		}
		int ws;
		if (waitpid(pid, &ws, 0) != pid) {
			CHECK(0);
			break;
		}
		xml_runs++;
		int code = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
		if (code >= C_LOST + C_OK) {
			printf("libxml2 allocation %ld: libxml2 lost memory\n", n);
			libxml2_lost++;
			code -= C_LOST;
		}
		if (code == C_ENOMEM)
			xml_failures++;
		else if (code == C_WRONG) {
			printf("libxml2 allocation %ld: a step succeeded with a wrong result\n", n);
			unit_failures++;
		} else if (code == C_STATUS) {
			printf("libxml2 allocation %ld: not RPT_ENOMEM\n", n);
			unit_failures++;
		} else if (code != C_OK) {
			printf("libxml2 allocation %ld: libxml2 crashed (%s %d)\n", n,
			       WIFSIGNALED(ws) ? "signal" : "exit", WIFSIGNALED(ws) ? WTERMSIG(ws) : code);
			libxml2_crashed++;
		}
	}
	CHECK(stride > xml_total || xml_failures > 0);
	printf("libxml2: %ld allocations, %ld of them failed in turn: %ld runs reported out of memory, "
	       "in %ld libxml2 lost memory, in %ld libxml2 crashed\n",
	       xml_total, xml_runs, xml_failures, libxml2_lost, libxml2_crashed);
	rpt_schema_free(schema);

	rpt_parser_free(p);
	free(text);
	free(other);
	xmlCleanupParser();
	CHECK(xml_live == 0); /* libxml2 holds nothing of ours */
	return UNIT_DONE();
}
