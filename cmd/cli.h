/* Shared by the reportctl commands. Only <rpt/rpt.h> is used from the
 * library. */
#ifndef REPORTCTL_CLI_H
#define REPORTCTL_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <rpt/rpt.h>

#include "out.h"

enum { EXIT_OK = 0, EXIT_SOME = 1, EXIT_TROUBLE = 2 };

int cmd_extract(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_text(int argc, char **argv);
int cmd_metrics(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_summarize(int argc, char **argv);

/* "reportctl: " + message on stderr: an error, remembered as the last one
 * (see io_capture). */
void errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same for a message that is not an error (a diagnostic). */
void notef(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* From now on, on this thread, write_stdout() appends to out, errorf()
 * and notef() to err, and errorf() keeps its message in last_error
 * (cap bytes). NULLs go back to the real stdout and stderr. */
void io_capture(out *to, out *err, char *last_error, size_t cap);
/* One line for an unknown option or a missing argument; returns 2. */
int usage_error(const char *command, const char *arg, const char *what);

/* Reads a stream to its end into a NUL-terminated buffer: "" when done,
 * NULL (nothing kept) past max bytes, else why it failed. size is what
 * the stream is expected to hold (a regular file's size), or 0. */
const char *read_stream(FILE *f, size_t max, size_t size, char **data, size_t *len);
/* Reads a whole file ("-" is standard input). On failure prints the
 * reason and returns false. */
bool read_input(const char *path, char **data, size_t *len);
/* Parses text, or reportctl XML whose text is parsed again; on failure
 * prints why and returns NULL. data is not kept, unless flags hold
 * RPT_PARSE_TAKE_INPUT: then data (from malloc, NUL-terminated) is given
 * away, whatever happens. */
rpt_doc *parse_document(const rpt_parser *parser, const char *name,
			const char *data, size_t len, const char *encoding,
			unsigned flags);
/* Name to show for a path in messages. */
const char *display_name(const char *path);

/* Writes all of data to stdout (or where io_capture says); false (with a
 * message) on failure. */
bool write_stdout(const char *data, size_t len);
/* Flushes and closes stdout; false (with a message) if anything was lost. */
bool finish_stdout(void);
/* Writes everything o holds to stdout, as write_stdout does. */
bool write_stdout_out(const out *o);
/* Writes data to path through a temporary file and rename(2), so that
 * path is either the old file or the whole new one. */
bool write_atomic(const char *path, const char *data, size_t len);
/* The same for everything o holds. */
bool write_atomic_out(const char *path, const out *o);
/* The same for what fill writes to fd, a piece at a time; fill returns
 * false with errno set when it fails (message: "PATH: strerror"). */
bool write_atomic_with(const char *path, bool (*fill)(int fd, void *ctx), void *ctx);
/* A fill piece writer: all of p to *(int *)ctx; false with errno set. */
bool write_fd_piece(void *ctx, const char *p, size_t n);

/* Is -o PATH a directory: one that exists, or a name ending in '/'? */
bool is_output_dir(const char *path);
/* mkdir -p: the directory itself, or the directories a file goes in. */
bool make_dir(const char *path);
bool make_parents(const char *file);

/* Finds and loads the schema: --schema, then $REPORTCTL_SCHEMA, then the
 * installed copy, then the copy built into the program. */
rpt_schema *load_schema(const char *option);

/* Reads FILE (text, or reportctl XML whose text is parsed again) and
 * parses it; on failure prints why and returns NULL. */
rpt_doc *load_document(const rpt_parser *parser, const char *path,
		       const char *encoding, unsigned flags);

/* Line and column (1-based, column in bytes) of a byte offset. */
void offset_position(const char *data, size_t len, size_t offset, size_t *line,
		     size_t *col);

#endif
