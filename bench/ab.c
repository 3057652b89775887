/* Two builds of librpt compared in one process: both libraries are
 * loaded side by side (dlopen, each with its own symbols), and each file
 * is parsed and its indicators read by one build and then the other,
 * round after round. On a shared machine whose speed drifts from one
 * second to the next, taking turns file by file lets the drift fall on
 * both builds alike; the ratio of their total times is the figure to
 * read.
 *   ab LIST BASE.so NEW.so ROUNDS */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rpt/rpt.h"

typedef struct build {
	const char *path;
	rpt_status (*parser_new)(rpt_parser **);
	rpt_status (*parse)(const rpt_parser *, const char *, size_t,
			    const rpt_parse_options *, rpt_doc **, rpt_error *);
	void (*doc_free)(rpt_doc *);
	size_t (*indicator_count)(const rpt_doc *);
	int (*indicator)(const rpt_doc *, size_t, rpt_indicator *);
	rpt_parser *parser;
	double best, total;
} build;

typedef struct input {
	char *bytes;
	size_t len;
} input;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void *symbol(void *lib, const char *path, const char *name)
{
	void *p = dlsym(lib, name);
	if (!p) {
		fprintf(stderr, "ab: %s: no %s\n", path, name);
		exit(2);
	}
	return p;
}

static void load(build *b, const char *path)
{
	void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		fprintf(stderr, "ab: %s\n", dlerror());
		exit(2);
	}
	b->path = path;
	*(void **)&b->parser_new = symbol(lib, path, "rpt_parser_new");
	*(void **)&b->parse = symbol(lib, path, "rpt_parse");
	*(void **)&b->doc_free = symbol(lib, path, "rpt_doc_free");
	*(void **)&b->indicator_count = symbol(lib, path, "rpt_doc_indicator_count");
	*(void **)&b->indicator = symbol(lib, path, "rpt_doc_indicator");
	if (b->parser_new(&b->parser) != RPT_OK) {
		fprintf(stderr, "ab: %s: no parser\n", path);
		exit(2);
	}
	b->best = 1e30;
	b->total = 0;
}

static input *read_list(const char *list, size_t *count, size_t *bytes)
{
	FILE *l = fopen(list, "r");
	if (!l) {
		perror(list);
		exit(2);
	}
	size_t cap = 64, n = 0;
	input *in = malloc(cap * sizeof *in);
	char name[4096];
	*bytes = 0;
	while (in && fgets(name, sizeof name, l)) {
		name[strcspn(name, "\n")] = '\0';
		FILE *f = fopen(name, "rb");
		if (!f) {
			perror(name);
			exit(2);
		}
		if (n == cap)
			in = realloc(in, (cap *= 2) * sizeof *in);
		fseek(f, 0, SEEK_END);
		long size = ftell(f);
		rewind(f);
		in[n].bytes = malloc(size > 0 ? (size_t)size : 1);
		in[n].len = fread(in[n].bytes, 1, (size_t)(size > 0 ? size : 0), f);
		*bytes += in[n++].len;
		fclose(f);
	}
	fclose(l);
	if (!in) {
		fprintf(stderr, "ab: out of memory\n");
		exit(2);
	}
	*count = n;
	return in;
}

/* One file parsed and its indicators read, timed. Returns the
 * indicators seen, which both builds should agree on. */
static size_t parse_one(build *b, const input *in, double *took)
{
	size_t seen = 0;
	double t = now();
	rpt_doc *d = NULL;
	rpt_error e;
	if (b->parse(b->parser, in->bytes, in->len, NULL, &d, &e) == RPT_OK) {
		size_t m = b->indicator_count(d);
		for (size_t i = 0; i < m; i++) {
			rpt_indicator x;
			seen += b->indicator(d, i, &x) == 0;
		}
		b->doc_free(d);
	}
	*took += now() - t;
	return seen;
}

int main(int argc, char **argv)
{
	if (argc != 5 || atoi(argv[4]) < 1) {
		fprintf(stderr, "usage: ab LIST BASE.so NEW.so ROUNDS\n");
		return 2;
	}
	int rounds = atoi(argv[4]);
	build base, new;
	load(&base, argv[2]);
	load(&new, argv[3]);
	size_t n, bytes;
	input *in = read_list(argv[1], &n, &bytes);
	/* Each file by one build and then the other, the order swapped
	 * from file to file: the machine's drift over a round falls on
	 * both builds alike. */
	size_t seen_base = 0, seen_new = 0;
	for (int r = 0; r < rounds; r++) {
		double t_base = 0, t_new = 0;
		seen_base = seen_new = 0;
		for (size_t k = 0; k < n; k++) {
			if ((k + (size_t)r) % 2) {
				seen_new += parse_one(&new, &in[k], &t_new);
				seen_base += parse_one(&base, &in[k], &t_base);
			} else {
				seen_base += parse_one(&base, &in[k], &t_base);
				seen_new += parse_one(&new, &in[k], &t_new);
			}
		}
		base.total += t_base;
		new.total += t_new;
		if (t_base < base.best)
			base.best = t_base;
		if (t_new < new.best)
			new.best = t_new;
	}
	double mb = (double)bytes / 1e6;
	printf("%zu files, %.1f MB, %d rounds each\n", n, mb, rounds);
	printf("base: %8.2f MB/s mean %8.2f MB/s best  %zu indicators\n",
	       mb * rounds / base.total, mb / base.best, seen_base);
	printf("new:  %8.2f MB/s mean %8.2f MB/s best  %zu indicators\n",
	       mb * rounds / new.total, mb / new.best, seen_new);
	printf("new / base: %.3fx (total time), %.3fx (best round)\n",
	       base.total / new.total, base.best / new.best);
	return 0;
}
