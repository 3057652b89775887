/* reportctl: Chinese government reports as data. */
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{"extract", cmd_extract, "parse report text into the XML model"},
	{"validate", cmd_validate, "check XML documents against the schema"},
	{"text", cmd_text, "print the original text of an extract document"},
	{"metrics", cmd_metrics, "list the indicators: TSV, CSV or JSON Lines"},
	{"diff", cmd_diff, "what changed between two reports"},
	{"summarize", cmd_summarize, "a one-screen digest, or a roll-up of many"},
};

static void usage(FILE *to)
{
	fputs("usage: reportctl [--help | --version] COMMAND [OPTIONS] [FILE...]\n\n"
	      "commands:\n",
	      to);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(to, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fputs("\nNo FILE, or '-', reads standard input. "
	      "'reportctl COMMAND --help' describes a command.\n"
	      "Exit status: 0 success, 1 some document invalid (validate) or\n"
	      "different (diff), 2 trouble.\n",
	      to);
}

/* A batch parses one document after another, each allocating about ten
 * times its size and freeing it all at the end. By default glibc hands
 * the freed memory back to the kernel, so every document faulted its
 * pages in afresh, and a tenth of the time of a batch of small files went
 * to the kernel zeroing pages. Up to 64 MB of freed memory is kept
 * for the next document, never more than the peak the batch reached.
 * Blocks of 4 MB and more still come from mmap: a large document's arrays
 * then grow in place (mremap) instead of being copied. */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

int main(int argc, char **argv)
{
	keep_freed_memory();
	if (argc < 2) {
		usage(stderr);
		return EXIT_TROUBLE;
	}
	const char *cmd = argv[1];
	int status;
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		usage(stdout);
		return finish_stdout() ? EXIT_OK : EXIT_TROUBLE;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("reportctl %s (librpt %s)\n", REPORTCTL_VERSION, rpt_version());
		return finish_stdout() ? EXIT_OK : EXIT_TROUBLE;
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		if (strcmp(cmd, commands[i].name) == 0) {
			status = commands[i].run(argc - 1, argv + 1);
			if (!finish_stdout() && status < EXIT_TROUBLE)
				status = EXIT_TROUBLE;
			return status;
		}
	}
	if (cmd[0] == '-')
		errorf("unknown option '%s' (try 'reportctl --help')", cmd);
	else
		errorf("unknown command '%s' (try 'reportctl --help')", cmd);
	return EXIT_TROUBLE;
}
