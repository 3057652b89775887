/* reportctl validate: XML against the report schema. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static const char help[] =
	"usage: reportctl validate [--schema FILE] [FILE...]\n"
	"\n"
	"Checks reportctl XML documents against the schema. Prints nothing for a\n"
	"valid document and FILE:LINE: message for each problem.\n"
	"Exit status: 0 all valid, 1 some invalid, 2 trouble.\n"
	"\n"
	"      --schema FILE   use FILE instead of the installed schema\n"
	"  -h, --help          show this help\n";

typedef struct reporting {
	const char *name;
	size_t count;
} reporting;

static void print_problem(void *ctx, size_t line, const char *message)
{
	reporting *r = ctx;
	r->count++;
	errorf("%s:%zu: %s", r->name, line, message);
}

static int validate_one(const rpt_schema *schema, const char *path)
{
	const char *name = display_name(path);
	char *data;
	size_t len;
	if (!read_input(path, &data, &len))
		return EXIT_TROUBLE;
	rpt_error err;
	reporting rep = {name, 0};
	rpt_status st = rpt_validate(schema, data, len, print_problem, &rep, &err);
	free(data);
	switch (st) {
	case RPT_OK:
		return EXIT_OK;
	case RPT_EINVALID:
	case RPT_EXML:
		/* invalid, or not well-formed: each problem was reported as
		 * found, unless there was nothing to report it from */
		if (!rep.count)
			errorf("%s:%zu: %s", name, err.line ? err.line : 1, err.message);
		return EXIT_SOME;
	case RPT_EREFUSED:
	case RPT_ELIMIT:
		/* a document type declaration, another encoding or markup
		 * beyond the limits: trouble, not mere invalidity */
		errorf("%s:%zu: %s", name, err.line ? err.line : 1, err.message);
		return EXIT_TROUBLE;
	default:
		errorf("%s: %s", name, err.message);
		return EXIT_TROUBLE;
	}
}

int cmd_validate(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"schema", required_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *schema_path = NULL;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'S': schema_path = optarg; break;
		case 'h':
			fputs(help, stdout);
			return EXIT_OK;
		case ':':
			return usage_error("validate", argv[optind - 1],
					   "missing argument for");
		default:
			return usage_error("validate", argv[optind - 1],
					   "unknown option");
		}
	}
	rpt_schema *schema = load_schema(schema_path);
	if (!schema)
		return EXIT_TROUBLE;
	char *stdin_only[] = {"-"};
	char **files = optind < argc ? argv + optind : stdin_only;
	int n = optind < argc ? argc - optind : 1;
	int status = EXIT_OK;
	for (int i = 0; i < n; i++) {
		int s = validate_one(schema, files[i]);
		if (s > status)
			status = s;
	}
	rpt_schema_free(schema);
	return status;
}
