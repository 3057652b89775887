/* Spec-table runner: each row of a TSV file is an input text and the
 * outline the model must have. The outline lists, in document order, every
 * element except the containers (report, meta, body, p, diagnostics, ctl)
 * as name(attr=value,...) with start, end, id, hkey and messages left out;
 * headings, titles and slogans add their text in quotes. Diagnostics come
 * last as !code. Rows: id <TAB> input <TAB> expected, where \n \r \t \f \\
 * are escapes.
 *
 *   spec FILE.tsv            check every row
 *   spec --print TEXT        print the outline of TEXT (escapes allowed)
 *
 * With --indicators before the file or --print, the expected column is
 * the indicator table instead: one raw|kind|value|unit|qualifier|min|max|
 * role entry per indicator, in order, joined by "; ".
 *
 * A row whose id starts with "todo:" records a known gap: its expected
 * column is right and the program is not (yet). It is reported, not
 * failed; when it starts to pass it fails as XPASS, so that the marker
 * comes off. A row whose id (after any "todo:") starts with "all:" is
 * parsed as `metrics --all` does, so bare numbers and ordinals show too.
 */
#include <libxml/parser.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rpt/rpt.h>

typedef struct out {
	char *s;
	size_t len, cap;
} out;

static void put(out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->s = realloc(o->s, o->cap);
		if (!o->s)
			abort();
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = '\0';
}

static void puts_(out *o, const char *s) { put(o, s, strlen(s)); }

static bool skipped_attr(const char *name)
{
	static const char *const skip[] = {"start", "end", "id", "hkey",
					   "message", "ref", NULL};
	for (int i = 0; skip[i]; i++)
		if (strcmp(name, skip[i]) == 0)
			return true;
	return false;
}

static bool container(const char *name)
{
	static const char *const names[] = {"report", "meta", "body", "p",
					    "diagnostics", "ctl", NULL};
	for (int i = 0; names[i]; i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

static void outline(xmlNodePtr n, out *o, out *diags)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		if (strcmp(name, "diag") == 0) {
			xmlChar *code = xmlGetProp(n, (const xmlChar *)"code");
			puts_(diags, diags->len ? "; !" : "!");
			puts_(diags, (const char *)code);
			xmlFree(code);
			continue;
		}
		if (!container(name)) {
			if (o->len)
				puts_(o, "; ");
			puts_(o, name);
			bool first = true;
			for (xmlAttrPtr a = n->properties; a; a = a->next) {
				if (skipped_attr((const char *)a->name))
					continue;
				puts_(o, first ? "(" : ",");
				first = false;
				xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
				puts_(o, (const char *)a->name);
				puts_(o, "=");
				puts_(o, (const char *)v);
				xmlFree(v);
			}
			if (!first)
				puts_(o, ")");
			if (strcmp(name, "heading") == 0 || strcmp(name, "title") == 0 ||
			    strcmp(name, "slogan") == 0) {
				xmlChar *text = xmlNodeGetContent(n);
				puts_(o, "\"");
				puts_(o, (const char *)text);
				puts_(o, "\"");
				xmlFree(text);
			}
		}
		outline(n->children, o, diags);
	}
}

static char *unescape(const char *s)
{
	char *r = malloc(strlen(s) + 1), *w = r;
	if (!r)
		abort();
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			*w++ = *s;
			continue;
		}
		s++;
		*w++ = *s == 'n' ? '\n' : *s == 'r' ? '\r' : *s == 't' ? '\t' : *s == 'f' ? '\f' : *s;
	}
	*w = '\0';
	return r;
}

/* The outline of text, or NULL with a message in *why. */
static char *outline_of(const rpt_parser *p, const char *text, unsigned flags,
			char *why, size_t why_len)
{
	rpt_doc *doc;
	rpt_error err;
	rpt_parse_options opt = {.flags = flags};
	if (rpt_parse(p, text, strlen(text), &opt, &doc, &err) != RPT_OK) {
		snprintf(why, why_len, "parse failed: %.200s", err.message);
		return NULL;
	}
	char *xml;
	size_t len;
	if (rpt_doc_to_xml(doc, &xml, &len) != RPT_OK) {
		rpt_doc_free(doc);
		snprintf(why, why_len, "serialisation failed");
		return NULL;
	}
	rpt_doc_free(doc);
	xmlDocPtr x = xmlReadMemory(xml, (int)len, NULL, NULL, XML_PARSE_NONET);
	free(xml);
	if (!x) {
		snprintf(why, why_len, "output is not well-formed");
		return NULL;
	}
	out o = {0}, d = {0};
	puts_(&o, "");
	puts_(&d, "");
	outline(xmlDocGetRootElement(x), &o, &d);
	xmlFreeDoc(x);
	if (d.len) {
		puts_(&o, o.len ? "; " : "");
		puts_(&o, d.s);
	}
	free(d.s);
	return o.s;
}

/* A field as the expected column writes it: a line break (a figure
 * wrapped across lines) as \n. */
static void put_str(out *o, rpt_str v)
{
	size_t from = 0;
	for (size_t i = 0; i < v.len; i++)
		if (v.p[i] == '\n' || v.p[i] == '\r') {
			put(o, v.p + from, i - from);
			puts_(o, v.p[i] == '\n' ? "\\n" : "\\r");
			from = i + 1;
		}
	put(o, v.p + from, v.len - from);
}

/* The indicator rows of text, or NULL with a message in *why. */
static char *indicators_of(const rpt_parser *p, const char *text, unsigned flags,
			   char *why, size_t why_len)
{
	rpt_doc *doc;
	rpt_error err;
	rpt_parse_options opt = {.flags = flags};
	if (rpt_parse(p, text, strlen(text), &opt, &doc, &err) != RPT_OK) {
		snprintf(why, why_len, "parse failed: %.200s", err.message);
		return NULL;
	}
	out o = {0};
	puts_(&o, "");
	size_t n = rpt_doc_indicator_count(doc);
	for (size_t i = 0; i < n; i++) {
		rpt_indicator x;
		if (rpt_doc_indicator(doc, i, &x) != 0)
			continue;
		if (i)
			puts_(&o, "; ");
		rpt_str fields[] = {x.raw, x.kind, x.value, x.unit, x.qualifier,
				    x.min, x.max, x.role};
		for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
			if (f)
				puts_(&o, "|");
			put_str(&o, fields[f]);
		}
	}
	rpt_doc_free(doc);
	return o.s;
}

int main(int argc, char **argv)
{
	bool indicators = argc > 1 && strcmp(argv[1], "--indicators") == 0;
	if (indicators) {
		argc--;
		argv++;
	}
	char *(*describe)(const rpt_parser *, const char *, unsigned, char *, size_t) =
		indicators ? indicators_of : outline_of;
	rpt_parser *p;
	char why[256];
	if (argc != 2 && !(argc == 3 && strcmp(argv[1], "--print") == 0)) {
		fprintf(stderr, "usage: spec [--indicators] FILE.tsv | "
				"spec [--indicators] --print TEXT\n");
		return 2;
	}
	if (rpt_parser_new(&p) != RPT_OK)
		return 2;
	if (argc == 3) {
		char *text = unescape(argv[2]);
		char *o = describe(p, text, 0, why, sizeof why);
		printf("%s\n", o ? o : why);
		free(o);
		free(text);
		rpt_parser_free(p);
		return o ? 0 : 1;
	}
	FILE *f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	char *line = NULL;
	size_t cap = 0;
	int rows = 0, failed = 0, todos = 0;
	while (getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *id = line, *input = strchr(line, '\t');
		char *expected = input ? strchr(input + 1, '\t') : NULL;
		if (!expected || expected == input + 1) {
			/* (a row without an input tests nothing) */
			fprintf(stderr, "malformed row: %s\n", line);
			failed++;
			continue;
		}
		*input++ = '\0';
		*expected++ = '\0';
		rows++;
		char *text = unescape(input);
		bool todo = strncmp(id, "todo:", 5) == 0;
		unsigned flags = strncmp(id + (todo ? 5 : 0), "all:", 4) == 0
					 ? RPT_PARSE_ALL_NUMBERS
					 : 0;
		char *got = describe(p, text, flags, why, sizeof why);
		bool ok = got && strcmp(got, expected) == 0;
		if (todo && !ok) {
			todos++;
			printf("TODO %s\n  expected: %s\n  got:      %s\n", id + 5, expected,
			       got ? got : why);
		} else if (todo) {
			failed++;
			printf("XPASS %s: passes now; remove its todo: marker\n", id + 5);
		} else if (!ok) {
			failed++;
			printf("FAIL %s\n  input:    %s\n  expected: %s\n  got:      %s\n",
			       id, input, expected, got ? got : why);
		}
		free(got);
		free(text);
	}
	free(line);
	fclose(f);
	rpt_parser_free(p);
	printf("%d rows, %d failed, %d known gaps (todo)\n", rows, failed, todos);
	return failed ? 1 : rows ? 0 : 1;
}
