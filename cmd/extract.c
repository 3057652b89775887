/* reportctl extract: text -> XML. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
	"usage: reportctl extract [-q] [-o FILE] [--encoding NAME] [--schema FILE] [FILE...]\n"
	"\n"
	"Parses report text (UTF-8, UTF-16 with BOM, GB18030/GBK) into the reportctl\n"
	"XML model and writes it to standard output. Structural diagnostics go to\n"
	"standard error as FILE:LINE:COL: SEVERITY: message [CODE].\n"
	"\n"
	"  -o, --output FILE   write to FILE atomically (one input only)\n"
	"  -q, --quiet         do not print document diagnostics\n"
	"      --encoding NAME force the input encoding (an iconv name)\n"
	"      --schema FILE   validate the output against FILE\n"
	"  -h, --help          show this help\n";

typedef struct options {
	const char *output;
	const char *encoding;
	const char *schema;
	bool quiet;
} options;

static void print_diagnostics(const rpt_doc *doc, const char *name)
{
	size_t n = rpt_doc_diag_count(doc);
	for (size_t i = 0; i < n; i++) {
		rpt_diag g;
		if (rpt_doc_diag(doc, i, &g) == 0)
			fprintf(stderr, "reportctl: %s:%zu:%zu: %s: %s [%s]\n", name,
				g.line, g.col, g.severity, g.message, g.code);
	}
}

static void print_problem(void *ctx, size_t line, const char *message)
{
	errorf("%s: internal error: output invalid at line %zu: %s",
	       (const char *)ctx, line, message);
}

static int extract_one(const rpt_parser *parser, const rpt_schema *schema,
		       const options *o, const char *path)
{
	const char *name = display_name(path);
	char *data;
	size_t len;
	if (!read_input(path, &data, &len))
		return EXIT_TROUBLE;

	rpt_parse_options po = {.src_name = name, .encoding = o->encoding};
	rpt_doc *doc = NULL;
	rpt_error err;
	rpt_status st = rpt_parse(parser, data, len, &po, &doc, &err);
	if (st != RPT_OK) {
		if (st == RPT_EDECODE) {
			size_t line, col;
			offset_position(data, len, err.offset, &line, &col);
			errorf("%s:%zu:%zu: error: %s", name, line, col, err.message);
		} else {
			errorf("%s: %s", name, err.message);
		}
		free(data);
		return EXIT_TROUBLE;
	}
	free(data);

	char *xml = NULL;
	size_t xml_len = 0;
	int status = EXIT_OK;
	if (rpt_doc_to_xml(doc, &xml, &xml_len) != RPT_OK) {
		errorf("%s: out of memory", name);
		status = EXIT_TROUBLE;
	} else if (rpt_validate(schema, xml, xml_len, print_problem, (void *)name,
				&err) != RPT_OK) {
		/* Never write what we could not read back. */
		errorf("%s: internal error: output does not validate: %s", name,
		       err.message);
		status = EXIT_TROUBLE;
	} else {
		if (!o->quiet)
			print_diagnostics(doc, name);
		bool ok = o->output ? write_atomic(o->output, xml, xml_len)
				    : write_stdout(xml, xml_len);
		if (!ok)
			status = EXIT_TROUBLE;
	}
	free(xml);
	rpt_doc_free(doc);
	return status;
}

int cmd_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"quiet", no_argument, NULL, 'q'},
		{"encoding", required_argument, NULL, 'E'},
		{"schema", required_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	options o = {0};
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o.output = optarg; break;
		case 'q': o.quiet = true; break;
		case 'E': o.encoding = optarg; break;
		case 'S': o.schema = optarg; break;
		case 'h':
			fputs(help, stdout);
			return EXIT_OK;
		case ':':
			return usage_error("extract", argv[optind - 1],
					   "missing argument for");
		default:
			return usage_error("extract", argv[optind - 1],
					   "unknown option");
		}
	}
	char *stdin_only[] = {"-"};
	char **files = optind < argc ? argv + optind : stdin_only;
	int n = optind < argc ? argc - optind : 1;
	if (o.output && n > 1) {
		errorf("extract: -o takes one input, not %d", n);
		return EXIT_TROUBLE;
	}

	rpt_parser *parser = NULL;
	if (rpt_parser_new(&parser) != RPT_OK) {
		errorf("extract: cannot compile patterns");
		return EXIT_TROUBLE;
	}
	rpt_schema *schema = load_schema(o.schema);
	if (!schema) {
		rpt_parser_free(parser);
		return EXIT_TROUBLE;
	}
	int status = EXIT_OK;
	for (int i = 0; i < n; i++) {
		int s = extract_one(parser, schema, &o, files[i]);
		if (s > status)
			status = s;
	}
	rpt_schema_free(schema);
	rpt_parser_free(parser);
	return status;
}
