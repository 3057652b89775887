/* reportctl extract: text -> XML. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cli.h"

static const char help_text[] =
	"usage: reportctl extract [-q] [-o FILE|DIR/] [--jsonl] [--encoding NAME]\n"
	"                         [--validate] [--schema FILE] [BATCH OPTIONS] [FILE...]\n"
	"\n"
	"Parses report text (UTF-8, UTF-16 with BOM, GB18030/GBK; saved HTML pages)\n"
	"into the reportctl XML model and writes it to standard output. Structural\n"
	"diagnostics go to standard error as FILE:LINE:COL: SEVERITY: message [CODE].\n"
	"FILE may be a directory (with -r), a tar or zip archive, or '-'.\n"
	"\n"
	"  -o, --output FILE   write the one document to FILE atomically\n"
	"  -o, --output DIR/   write one XML per document below DIR, mirroring the\n"
	"                      input names (a.txt -> DIR/a.xml), each atomically\n"
	"      --jsonl         one JSON object per document on stdout: file (or id),\n"
	"                      status, encoding, and xml or error\n"
	"  -q, --quiet         do not print document diagnostics\n"
	"      --encoding NAME force the input encoding (an iconv name)\n"
	"      --validate      check each document against the schema before it\n"
	"                      is written (nothing is written if that fails)\n"
	"      --schema FILE   validate against FILE (implies --validate)\n"
	"  -h, --help          show this help\n";

typedef struct options {
	const char *output;
	const char *dir; /* -o DIR/ */
	const char *encoding;
	const char *schema;
	bool quiet, jsonl;
	bool validate; /* --validate, or --schema */
	size_t written; /* -o FILE: documents seen */
} options;

typedef struct context {
	const rpt_parser *parser;
	const rpt_schema *schema; /* NULL unless validating */
	options *o;
} context;

static void print_diagnostics(const rpt_doc *doc, const char *name)
{
	size_t n = rpt_doc_diag_count(doc);
	for (size_t i = 0; i < n; i++) {
		rpt_diag g;
		if (rpt_doc_diag(doc, i, &g) == 0)
			notef("%s:%zu:%zu: %s: %s [%s]", name, g.line, g.col,
			      g.severity, g.message, g.code);
	}
}

static void print_problem(void *ctx, size_t line, const char *message)
{
	errorf("%s: internal error: output invalid at line %zu: %s",
	       (const char *)ctx, line, message);
}

/* --validate: the writer is valid by construction, and the test suite
 * checks it over every corpus document; this reads the document back
 * before it is written, so that a failure writes nothing. */
static bool check_output(const rpt_schema *schema, const char *name,
			 const char *xml, size_t len)
{
	rpt_error err;
	rpt_status st = rpt_validate(schema, xml, len, print_problem, (void *)name,
				     &err);
	if (st == RPT_OK)
		return true;
	if (st == RPT_ENOMEM)
		errorf("%s: out of memory", name);
	else
		errorf("%s: internal error: output does not validate: %s", name,
		       err.message);
	return false;
}

/* DIR/a/b.txt -> DIR/a/b.xml; other names get .xml added. */
static char *output_path(const char *dir, const char *rel)
{
	size_t n = strlen(rel);
	static const char *const exts[] = {".txt", ".html", ".htm", ".xml"};
	for (size_t k = 0; k < sizeof exts / sizeof *exts; k++) {
		size_t e = strlen(exts[k]);
		if (n > e && strcmp(rel + n - e, exts[k]) == 0) {
			n -= e;
			break;
		}
	}
	size_t dl = strlen(dir);
	while (dl > 1 && dir[dl - 1] == '/')
		dl--;
	size_t need = dl + n + 6;
	char *p = malloc(need);
	if (p)
		snprintf(p, need, "%.*s/%.*s.xml", (int)dl, dir, (int)n, rel);
	return p;
}

/* Where the XML goes, a piece at a time as the writer makes it, or from
 * the whole of it when --validate has had it made first. */
typedef struct xml_source {
	const rpt_doc *doc;
	const char *xml; /* NULL: write it from doc */
	size_t len;
} xml_source;

static rpt_status put_xml(const xml_source *src, rpt_write_fn fn, void *ctx)
{
	if (src->xml)
		return fn(ctx, src->xml, src->len) ? RPT_OK : RPT_EWRITE;
	return rpt_doc_write_xml(src->doc, fn, ctx);
}

static bool to_out(void *ctx, const char *p, size_t n)
{
	out *o = ctx;
	out_put(o, p, n);
	return !o->failed;
}

static bool to_json(void *ctx, const char *p, size_t n)
{
	out *o = ctx;
	out_json_part(o, p, n);
	return !o->failed;
}

/* -o DIR/: the XML into the temporary file that becomes the output */
static bool fill_file(int fd, void *ctx)
{
	rpt_status st = put_xml(ctx, write_fd_piece, &fd);
	if (st == RPT_ENOMEM)
		errno = ENOMEM;
	return st == RPT_OK;
}

static void extract_work(void *ctx, job *j)
{
	context *c = ctx;
	const options *o = c->o;
	const char *name = j->in.name;
	/* the input becomes the document's text, no copy of it made (the
	 * batch counts its length, kept) */
	rpt_doc *doc = parse_document(c->parser, name, j->in.data, j->in.len,
				      o->encoding, RPT_PARSE_TAKE_INPUT);
	j->in.data = NULL;
	if (!doc) {
		j->status = EXIT_TROUBLE;
		return;
	}
	/* The XML is written as it is made, into a file or an output that
	 * spills to one, never held whole: it is ten times the text of a
	 * dense document. Only --validate makes it whole, to read it back
	 * before anything is written. */
	xml_source src = {doc, NULL, 0};
	char *whole = NULL;
	bool ok = true;
	if (c->schema) {
		ok = rpt_doc_to_xml(doc, &whole, &src.len) == RPT_OK;
		if (!ok)
			errorf("%s: out of memory", name);
		ok = ok && check_output(c->schema, name, whole, src.len);
		src.xml = whole;
	}
	if (ok && !o->quiet)
		print_diagnostics(doc, name);
	if (ok && o->jsonl) {
		out rec = {.may_spill = true};
		batch_json_key(&rec, &j->in);
		out_puts(&rec, ",\"status\":\"ok\",\"encoding\":");
		const char *enc = rpt_doc_encoding(doc);
		out_json(&rec, enc, strlen(enc));
		out_puts(&rec, ",\"xml\":\"");
		if (put_xml(&src, to_json, &rec) == RPT_ENOMEM)
			rec.failed = true;
		out_puts(&rec, "\"}\n");
		ok = batch_give_out(j, &rec);
	} else if (ok && o->dir) {
		char *path = output_path(o->dir, j->in.path);
		ok = path && make_parents(path) && write_atomic_with(path, fill_file, &src);
		if (!path)
			errorf("%s: out of memory", name);
		free(path);
	} else if (ok) {
		/* -o FILE is written by extract_emit, once */
		out xml = {.may_spill = true};
		if (put_xml(&src, to_out, &xml) == RPT_ENOMEM)
			xml.failed = true;
		ok = batch_give_out(j, &xml);
	}
	if (!ok)
		j->status = EXIT_TROUBLE;
	free(whole);
	rpt_doc_free(doc);
}

static bool extract_emit(void *ctx, job *j)
{
	options *o = ((context *)ctx)->o;
	if (o->jsonl && j->status >= EXIT_TROUBLE)
		return batch_write_json_error(j);
	if (o->output && !o->dir) {
		if (j->status >= EXIT_TROUBLE)
			return true;
		if (o->written++) {
			errorf("%s: -o %s holds one document; name a directory (%s/) for many",
			       j->in.name, o->output, o->output);
			j->status = EXIT_TROUBLE;
			return true;
		}
		if (!write_atomic_out(o->output, &j->out))
			j->status = EXIT_TROUBLE;
		return true;
	}
	return out_empty(&j->out) || write_stdout_out(&j->out);
}

int cmd_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"quiet", no_argument, NULL, 'q'},
		{"jsonl", no_argument, NULL, 'J'},
		{"encoding", required_argument, NULL, 'E'},
		{"validate", no_argument, NULL, 'V'},
		{"schema", required_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		BATCH_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	options o = {0};
	batch_opts b;
	batch_defaults(&b);
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:qh" BATCH_SHORTOPTS, longopts, NULL)) != -1) {
		int taken = batch_option(&b, "extract", c, optarg);
		if (taken < 0)
			return EXIT_TROUBLE;
		if (taken)
			continue;
		switch (c) {
		case 'o': o.output = optarg; break;
		case 'q': o.quiet = true; break;
		case 'J': o.jsonl = true; break;
		case 'E': o.encoding = optarg; break;
		case 'V': o.validate = true; break;
		case 'S': o.schema = optarg; o.validate = true; break;
		case 'h':
			fputs(help_text, stdout);
			fputs(batch_help, stdout);
			return EXIT_OK;
		case ':':
			return usage_error("extract", argv[optind - 1],
					   "missing argument for");
		default:
			return usage_error("extract", argv[optind - 1],
					   "unknown option");
		}
	}
	if (b.jsonl)
		o.jsonl = true; /* one result line per input line */
	if (o.output && is_output_dir(o.output))
		o.dir = o.output;
	if (o.output && (o.jsonl || (!o.dir && (argc - optind > 1 || b.recursive ||
					       b.files_from)))) {
		errorf("extract: -o FILE takes one document and no --jsonl; "
		       "name a directory (%s/) for many", o.output);
		return EXIT_TROUBLE;
	}
	if (o.dir && !make_dir(o.dir))
		return EXIT_TROUBLE;

	rpt_parser *parser = NULL;
	if (rpt_parser_new(&parser) != RPT_OK) {
		errorf("extract: cannot compile patterns");
		return EXIT_TROUBLE;
	}
	rpt_schema *schema = NULL;
	if (o.validate && !(schema = load_schema(o.schema))) {
		rpt_parser_free(parser);
		return EXIT_TROUBLE;
	}
	context ctx = {parser, schema, &o};
	batch_ops ops = {.work = extract_work, .emit = extract_emit};
	int status = batch_run(&b, argv + optind, argc - optind, &ops, &ctx);
	rpt_schema_free(schema);
	rpt_parser_free(parser);
	return status;
}
