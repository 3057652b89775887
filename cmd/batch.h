/* Batches: where the documents come from (files, directories, lists,
 * tar and zip archives, JSON Lines), and how they are processed (worker
 * threads, results written in input order, progress, a summary). */
#ifndef REPORTCTL_BATCH_H
#define REPORTCTL_BATCH_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#include "out.h"

/* The options every batch command takes, as getopt_long codes. */
enum {
	OPT_RECURSIVE = 'r',
	OPT_JOBS = 'j',
	OPT_NUL = '0',
	OPT_INCLUDE = 0x100,
	OPT_EXCLUDE,
	OPT_FILES_FROM,
	OPT_FAIL_FAST,
	OPT_PROGRESS,
	OPT_NO_PROGRESS,
	OPT_INPUT_FORMAT,
	OPT_MAX_INPUT_SIZE,
};

#define BATCH_SHORTOPTS "rj:0"
#define BATCH_LONGOPTS                                                        \
	{"recursive", no_argument, NULL, OPT_RECURSIVE},                      \
	{"jobs", required_argument, NULL, OPT_JOBS},                          \
	{"null", no_argument, NULL, OPT_NUL},                                 \
	{"include", required_argument, NULL, OPT_INCLUDE},                    \
	{"exclude", required_argument, NULL, OPT_EXCLUDE},                    \
	{"files-from", required_argument, NULL, OPT_FILES_FROM},              \
	{"fail-fast", no_argument, NULL, OPT_FAIL_FAST},                      \
	{"progress", no_argument, NULL, OPT_PROGRESS},                        \
	{"no-progress", no_argument, NULL, OPT_NO_PROGRESS},                  \
	{"input-format", required_argument, NULL, OPT_INPUT_FORMAT},          \
	{"max-input-size", required_argument, NULL, OPT_MAX_INPUT_SIZE}

/* The help text for those options. */
extern const char batch_help[];

#define MAX_PATTERNS 32

typedef struct batch_opts {
	bool recursive;
	bool shallow_dirs; /* a directory without -r: its .txt and .xml files */
	bool nul;          /* --files-from lists are NUL-separated */
	bool fail_fast;
	bool jsonl;        /* --input-format jsonl */
	int progress;      /* -1 when stderr is a terminal, 0 never, 1 always */
	int jobs;
	size_t max_input;
	const char *files_from;
	const char *include[MAX_PATTERNS], *exclude[MAX_PATTERNS];
	int n_include, n_exclude;
} batch_opts;

/* Defaults: one job per core, 256 MiB inputs, progress on a terminal. */
void batch_defaults(batch_opts *o);
/* Takes one getopt_long result if it is a batch option: 1 taken, 0 not a
 * batch option, -1 a bad value (reported, exit 2). */
int batch_option(batch_opts *o, const char *command, int c, const char *arg);

/* One document to process. */
typedef struct input {
	char *name;  /* for messages and the file column: path, ARCHIVE:MEMBER,
			or FILE:LINE for JSON Lines */
	char *path;  /* the name as a relative path, for -o DIR */
	char *data;  /* NUL-terminated; NULL when it could not be read */
	size_t len;
	char *id;    /* JSON Lines: the "id" member as written ("null") */
	char *error; /* why it could not be read */
} input;

/* A document on its way through the batch. */
typedef struct job {
	input in;
	out out, err; /* what it writes to stdout and to stderr */
	char error[512]; /* the last error message it reported */
	int status;
	void *result; /* the command's own, freed by ops->release */
	bool done;
} job;

typedef struct batch_ops {
	/* Processes one document, on any thread: writes through
	 * write_stdout() and errorf(), which go to the job. */
	void (*work)(void *ctx, job *j);
	/* On the main thread, in input order: NULL writes j->out to stdout. */
	bool (*emit)(void *ctx, job *j);
	/* Frees j->result; may be NULL. */
	void (*release)(void *ctx, job *j);
} batch_ops;

/* Runs a batch over args (no args: standard input) and returns the worst
 * exit status seen. */
int batch_run(const batch_opts *o, char **args, int nargs,
	      const batch_ops *ops, void *ctx);

/* JSON output: opens a record with "id" (JSON Lines input) or "file". */
void batch_json_key(out *o, const input *in);
/* The whole record of a document that failed: key, status, error. */
void batch_json_error(out *o, const job *j);
/* The same, written to stdout; false if that fails. */
bool batch_write_json_error(const job *j);
/* Writes p (len bytes from malloc, cap of them allocated, cap > len) to
 * standard output, which the batch captures as the job's output, and
 * frees it. When the job has written nothing else, p becomes that output
 * instead of being copied into it: a document's XML is megabytes. */
bool batch_give_stdout(job *j, char *p, size_t len, size_t cap);
/* The same for everything o holds, spilled or not; o is left empty. A
 * failed o is reported (false). */
bool batch_give_out(job *j, out *o);

/* ---- sources (source.c) ---- */

typedef struct source source;

source *source_new(const batch_opts *o, char **args, int nargs);
/* The next document; false at the end. An input that could not be read
 * comes back with data NULL and error set. */
bool source_next(source *s, input *in);
/* How many documents there will be, when that is known in advance. */
bool source_total(const source *s, size_t *n);
void source_free(source *s);
void input_free(input *in);

#endif
