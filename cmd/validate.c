/* reportctl validate: XML against the report schema. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "batch.h"
#include "cli.h"

static const char help[] =
	"usage: reportctl validate [--schema FILE] [BATCH OPTIONS] [FILE...]\n"
	"\n"
	"Checks reportctl XML documents against the schema. Prints nothing for a\n"
	"valid document and FILE:LINE: message for each problem.\n"
	"Exit status: 0 all valid, 1 some invalid, 2 trouble. With --input-format\n"
	"jsonl, one line per input line: {\"id\":…,\"status\":\"valid\"|\"invalid\"|\n"
	"\"error\",\"problems\":[…]}.\n"
	"\n"
	"      --schema FILE   use FILE instead of the installed schema\n"
	"  -h, --help          show this help\n";

typedef struct reporting {
	const char *name;
	size_t count;
	out *problems; /* JSON Lines: the problems as a JSON array's items */
} reporting;

static void print_problem(void *ctx, size_t line, const char *message)
{
	reporting *r = ctx;
	if (r->problems) {
		char where[32];
		snprintf(where, sizeof where, "%s{\"line\":%zu,\"message\":",
			 r->count ? "," : "", line);
		out_puts(r->problems, where);
		out_json(r->problems, message, strlen(message));
		out_put(r->problems, "}", 1);
	}
	r->count++;
	errorf("%s:%zu: %s", r->name, line, message);
}

typedef struct context {
	const rpt_schema *schema;
	bool records;
} context;

static int check(const rpt_schema *schema, const char *name, const char *data,
		 size_t len, reporting *rep)
{
	rpt_error err;
	rpt_status st = rpt_validate(schema, data, len, print_problem, rep, &err);
	switch (st) {
	case RPT_OK:
		return EXIT_OK;
	case RPT_EINVALID:
	case RPT_EXML:
		/* invalid, or not well-formed: each problem was reported as
		 * found, unless there was nothing to report it from */
		if (!rep->count)
			print_problem(rep, err.line ? err.line : 1, err.message);
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

static void validate_work(void *ctx, job *j)
{
	const context *c = ctx;
	out problems = {0};
	reporting rep = {j->in.name, 0, c->records ? &problems : NULL};
	j->status = check(c->schema, j->in.name, j->in.data, j->in.len, &rep);
	if (c->records && j->status < EXIT_TROUBLE) {
		out rec = {0};
		batch_json_key(&rec, &j->in);
		out_puts(&rec, j->status == EXIT_OK ? ",\"status\":\"valid\",\"problems\":["
						    : ",\"status\":\"invalid\",\"problems\":[");
		out_put(&rec, problems.p, problems.len);
		out_puts(&rec, "]}\n");
		if (rec.failed || problems.failed) {
			errorf("%s: out of memory", j->in.name);
			j->status = EXIT_TROUBLE;
		} else {
			write_stdout(rec.p, rec.len);
		}
		free(rec.p);
	}
	free(problems.p);
}

static bool validate_emit(void *ctx, job *j)
{
	const context *c = ctx;
	if (c->records && j->status >= EXIT_TROUBLE)
		return batch_write_json_error(j);
	return out_empty(&j->out) || write_stdout_out(&j->out);
}

int cmd_validate(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"schema", required_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		BATCH_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	const char *schema_path = NULL;
	batch_opts b;
	batch_defaults(&b);
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h" BATCH_SHORTOPTS, longopts, NULL)) != -1) {
		int taken = batch_option(&b, "validate", c, optarg);
		if (taken < 0)
			return EXIT_TROUBLE;
		if (taken)
			continue;
		switch (c) {
		case 'S': schema_path = optarg; break;
		case 'h':
			fputs(help, stdout);
			fputs(batch_help, stdout);
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
	context ctx = {schema, b.jsonl};
	batch_ops ops = {.work = validate_work, .emit = validate_emit};
	int status = batch_run(&b, argv + optind, argc - optind, &ops, &ctx);
	rpt_schema_free(schema);
	return status;
}
