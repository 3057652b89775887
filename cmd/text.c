/* reportctl text: XML -> the original text. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static const char help[] =
	"usage: reportctl text [-o FILE] [FILE...]\n"
	"\n"
	"Prints the original text of reportctl extract documents: all character\n"
	"data in document order, control characters restored. For UTF-8 input the\n"
	"bytes equal the input file; other encodings come back as UTF-8.\n"
	"\n"
	"  -o, --output FILE   write to FILE atomically\n"
	"  -h, --help          show this help\n";

int cmd_text(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *output = NULL;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'h':
			fputs(help, stdout);
			return EXIT_OK;
		case ':':
			return usage_error("text", argv[optind - 1],
					   "missing argument for");
		default:
			return usage_error("text", argv[optind - 1], "unknown option");
		}
	}
	char *stdin_only[] = {"-"};
	char **files = optind < argc ? argv + optind : stdin_only;
	int n = optind < argc ? argc - optind : 1;
	if (output && n > 1) {
		errorf("text: -o takes one input, not %d", n);
		return EXIT_TROUBLE;
	}
	int status = EXIT_OK;
	for (int i = 0; i < n; i++) {
		const char *name = display_name(files[i]);
		char *xml, *text;
		size_t len, text_len;
		if (!read_input(files[i], &xml, &len)) {
			status = EXIT_TROUBLE;
			continue;
		}
		rpt_error err;
		rpt_status st = rpt_xml_to_text(xml, len, &text, &text_len, &err);
		free(xml);
		if (st != RPT_OK) {
			if (err.line)
				errorf("%s:%zu: %s", name, err.line, err.message);
			else
				errorf("%s: %s", name, err.message);
			status = EXIT_TROUBLE;
			continue;
		}
		bool ok = output ? write_atomic(output, text, text_len)
				 : write_stdout(text, text_len);
		free(text);
		if (!ok)
			status = EXIT_TROUBLE;
	}
	return status;
}
