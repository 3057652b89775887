/* reportctl diff: what changed between two reports. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char help[] =
	"usage: reportctl diff [--format text|xml|json] [--color=auto|always|never]\n"
	"                      [--exact] [--plan-vs-actual] [-q] [-o FILE] OLD NEW\n"
	"\n"
	"Compares two reports (text or reportctl extract XML): metadata, sections\n"
	"(added, removed, renumbered, reworded, moved), figures (changed, added,\n"
	"removed) and the text inside matched sections.\n"
	"Exit status: 0 no differences, 1 differences, 2 trouble.\n"
	"\n"
	"  -f, --format F        text (default), xml (report-diff) or json\n"
	"      --color[=WHEN]    colour the text format: auto (default), always, never\n"
	"      --exact           count white space and punctuation width differences\n"
	"      --plan-vs-actual  OLD is a plan, NEW the summary that follows: check\n"
	"                        each target against the actual reported for it\n"
	"  -q, --quiet           print nothing; only the exit status\n"
	"  -o, --output FILE     write to FILE atomically\n"
	"  -h, --help            show this help\n";

int cmd_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"color", optional_argument, NULL, 'C'},
		{"colour", optional_argument, NULL, 'C'},
		{"exact", no_argument, NULL, 'x'},
		{"plan-vs-actual", no_argument, NULL, 'P'},
		{"quiet", no_argument, NULL, 'q'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	rpt_diff_format format = RPT_DIFF_TEXT;
	const char *color = "auto", *output = NULL;
	unsigned flags = 0;
	bool quiet = false, text = true;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":f:qo:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			text = strcmp(optarg, "text") == 0;
			if (text)
				format = RPT_DIFF_TEXT;
			else if (strcmp(optarg, "xml") == 0)
				format = RPT_DIFF_XML;
			else if (strcmp(optarg, "json") == 0)
				format = RPT_DIFF_JSON;
			else
				return usage_error("diff", optarg, "unknown format");
			break;
		case 'C':
			color = optarg ? optarg : "always";
			if (strcmp(color, "auto") && strcmp(color, "always") && strcmp(color, "never"))
				return usage_error("diff", color, "unknown colour setting");
			break;
		case 'x': flags |= RPT_DIFF_EXACT; break;
		case 'P': flags |= RPT_DIFF_PLAN_VS_ACTUAL; break;
		case 'q': quiet = true; break;
		case 'o': output = optarg; break;
		case 'h':
			fputs(help, stdout);
			return EXIT_OK;
		case ':':
			return usage_error("diff", argv[optind - 1], "missing argument for");
		default:
			return usage_error("diff", argv[optind - 1], "unknown option");
		}
	}
	if (argc - optind != 2) {
		errorf("diff: two files are needed, OLD and NEW (try 'reportctl diff --help')");
		return EXIT_TROUBLE;
	}
	if (text && !output &&
	    (strcmp(color, "always") == 0 || (strcmp(color, "auto") == 0 && isatty(1))))
		format = RPT_DIFF_TEXT_COLOR;

	rpt_parser *parser = NULL;
	if (rpt_parser_new(&parser) != RPT_OK) {
		errorf("diff: cannot compile patterns");
		return EXIT_TROUBLE;
	}
	int status = EXIT_TROUBLE;
	rpt_doc *a = load_document(parser, argv[optind], NULL, 0);
	rpt_doc *b = a ? load_document(parser, argv[optind + 1], NULL, 0) : NULL;
	rpt_diff *df = NULL;
	if (a && b) {
		if (rpt_diff_new(a, b, flags, &df) != RPT_OK) {
			errorf("diff: out of memory");
		} else {
			status = rpt_diff_count(df) ? EXIT_SOME : EXIT_OK;
			char *rendered = NULL;
			size_t len = 0;
			if (!quiet) {
				if (rpt_diff_render(df, format, display_name(argv[optind]),
						    display_name(argv[optind + 1]), &rendered,
						    &len) != RPT_OK) {
					errorf("diff: out of memory");
					status = EXIT_TROUBLE;
				} else if (!(output ? write_atomic(output, rendered, len)
						    : write_stdout(rendered, len))) {
					status = EXIT_TROUBLE;
				}
			}
			free(rendered);
		}
	}
	rpt_diff_free(df);
	rpt_doc_free(a);
	rpt_doc_free(b);
	rpt_parser_free(parser);
	return status;
}
