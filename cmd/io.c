#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static _Thread_local struct capture {
	out *out, *err;
	char *last_error;
	size_t cap;
} captured;

void io_capture(out *o, out *err, char *last_error, size_t cap)
{
	captured = (struct capture){o, err, last_error, cap};
}

static void message(bool error, const char *fmt, va_list ap)
{
	char line[1024];
	vsnprintf(line, sizeof line, fmt, ap);
	if (error && captured.last_error)
		snprintf(captured.last_error, captured.cap, "%s", line);
	if (captured.err) {
		out_puts(captured.err, "reportctl: ");
		out_puts(captured.err, line);
		out_put(captured.err, "\n", 1);
	} else {
		fprintf(stderr, "reportctl: %s\n", line);
	}
}

void errorf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	message(true, fmt, ap);
	va_end(ap);
}

void notef(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	message(false, fmt, ap);
	va_end(ap);
}

int usage_error(const char *command, const char *arg, const char *what)
{
	errorf("%s: %s '%s' (try 'reportctl %s --help')", command, what, arg,
	       command);
	return EXIT_TROUBLE;
}

const char *display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

const char *read_stream(FILE *f, size_t max, size_t size, char **data, size_t *len)
{
	/* Room for the expected size and one byte more, so that the read
	 * that finds the end needs no more room: one read, no copy. */
	size_t cap = size > 0 && size < max ? size + 1 : 65536, n = 0;
	char *b = malloc(cap + 1);
	if (!b)
		return "out of memory";
	for (;;) {
		if (n == cap) {
			char *p = realloc(b, cap * 2 + 1);
			if (!p) {
				free(b);
				return "out of memory";
			}
			b = p;
			cap *= 2;
		}
		size_t got = fread(b + n, 1, cap - n, f);
		n += got;
		if (n > max) {
			free(b);
			return NULL;
		}
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		int err = errno ? errno : EIO;
		free(b);
		return strerror(err);
	}
	b[n] = '\0';
	*data = b;
	*len = n;
	return "";
}

bool read_input(const char *path, char **data, size_t *len)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		errorf("%s: %s", path, strerror(errno));
		return false;
	}
	struct stat st;
	bool known = fstat(fileno(f), &st) == 0;
	if (known && S_ISDIR(st.st_mode)) {
		errorf("%s: is a directory", path);
		if (!is_stdin)
			fclose(f);
		return false;
	}
	const char *why = read_stream(f, (size_t)-1 / 2,
				      known && S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, data, len);
	if (!is_stdin)
		fclose(f);
	if (why && *why) {
		errorf("%s: %s", display_name(path), why);
		return false;
	}
	return true;
}

bool write_stdout(const char *data, size_t len)
{
	if (captured.out) {
		out_put(captured.out, data, len);
		return true;
	}
	if (fwrite(data, 1, len, stdout) != len) {
		errorf("write error: %s", strerror(errno));
		return false;
	}
	return true;
}

bool finish_stdout(void)
{
	bool ok = fflush(stdout) == 0 && !ferror(stdout);
	int err = errno;
	if (fclose(stdout) != 0 && ok) {
		ok = false;
		err = errno;
	}
	if (!ok)
		errorf("write error: %s", strerror(err ? err : EIO));
	return ok;
}

static bool stdout_piece(void *ctx, const char *p, size_t n)
{
	bool ok = write_stdout(p, n);
	*(bool *)ctx = !ok; /* write_stdout has said why */
	return ok;
}

bool write_stdout_out(const out *o)
{
	bool write_failed = false;
	if (out_each(o, stdout_piece, &write_failed))
		return true;
	if (!write_failed)
		errorf("write error: cannot read the spilled output back: %s", strerror(errno));
	return false;
}

bool write_fd_piece(void *ctx, const char *p, size_t n)
{
	return write_all(*(int *)ctx, p, n);
}

bool write_atomic_with(const char *path, bool (*fill)(int fd, void *ctx), void *ctx)
{
	size_t pl = strlen(path);
	char *tmp = malloc(pl + 16);
	if (!tmp) {
		errorf("%s: out of memory", path);
		return false;
	}
	memcpy(tmp, path, pl);
	memcpy(tmp + pl, ".tmpXXXXXX", 11);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		errorf("%s: %s", path, strerror(errno));
		free(tmp);
		return false;
	}
	int err = 0;
	errno = 0;
	if (!fill(fd, ctx))
		err = errno ? errno : EIO;
	if (!err && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	/* mkstemp makes the file 0600; give it the usual permissions. */
	if (!err) {
		mode_t mask = umask(0);
		umask(mask);
		chmod(tmp, 0666 & ~mask);
	}
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err) {
		unlink(tmp);
		errorf("%s: %s", path, strerror(err));
	}
	free(tmp);
	return err == 0;
}

typedef struct bytes {
	const char *data;
	size_t len;
} bytes;

static bool fill_bytes(int fd, void *ctx)
{
	const bytes *b = ctx;
	return write_fd_piece(&fd, b->data, b->len);
}

bool write_atomic(const char *path, const char *data, size_t len)
{
	bytes b = {data, len};
	return write_atomic_with(path, fill_bytes, &b);
}

static bool fill_out(int fd, void *ctx)
{
	return out_each(ctx, write_fd_piece, &fd);
}

bool write_atomic_out(const char *path, const out *o)
{
	return write_atomic_with(path, fill_out, (void *)o);
}

bool is_output_dir(const char *path)
{
	struct stat st;
	size_t n = strlen(path);
	return (n && path[n - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

/* Creates each directory of path[0, upto) in turn; they may exist, also
 * when another thread has just made one. */
static bool make_upto(const char *path, size_t upto)
{
	char *p = strdup(path);
	if (!p) {
		errorf("%s: out of memory", path);
		return false;
	}
	bool ok = true;
	for (size_t i = 1; ok && i <= upto; i++) {
		if (i < upto && p[i] != '/')
			continue;
		char c = p[i];
		p[i] = '\0';
		struct stat st;
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			errorf("%s: %s", p, strerror(errno));
			ok = false;
		} else if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
			errorf("%s: not a directory", p);
			ok = false;
		}
		p[i] = c;
	}
	free(p);
	return ok;
}

bool make_dir(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	return make_upto(path, n);
}

bool make_parents(const char *file)
{
	const char *slash = strrchr(file, '/');
	return !slash || slash == file || make_upto(file, (size_t)(slash - file));
}

void offset_position(const char *data, size_t len, size_t offset, size_t *line,
		     size_t *col)
{
	size_t l = 1, c = 1;
	for (size_t i = 0; i < offset && i < len; i++) {
		/* LF, CR LF and a lone CR each end a line, as in the parser */
		if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n'))) {
			l++;
			c = 1;
		} else if (data[i] != '\r') {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static bool starts_nocase(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(end - p) < n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (tolower((unsigned char)p[k]) != word[k])
			return false;
	return true;
}

/* An XHTML page after its <?xml declaration: a saved page, which the
 * library reads as HTML, not one of our documents. */
static bool is_xhtml(const char *p, size_t len)
{
	const char *end = p + len, *q = p;
	while ((q = memchr(q, '?', (size_t)(end - q))) && (q + 1 >= end || q[1] != '>'))
		q++;
	if (!q)
		return false;
	for (q += 2; q < end;) {
		if (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t') {
			q++;
		} else if (starts_nocase(q, end, "<!--")) {
			const char *close = NULL;
			for (const char *r = q + 4; r + 3 <= end; r++)
				if (memcmp(r, "-->", 3) == 0) {
					close = r + 3;
					break;
				}
			if (!close)
				return false;
			q = close;
		} else {
			return starts_nocase(q, end, "<!doctype html") || starts_nocase(q, end, "<html");
		}
	}
	return false;
}

/* XML from reportctl extract, or text? Look past a BOM and blanks.
 * UTF-16 markup counts as XML too, so that the reader refuses it instead
 * of the text parser taking it for a report. */
static bool looks_like_xml(const char *data, size_t len)
{
	static const char utf16[][6] = {"\xFF\xFE<\0?", "\xFE\xFF\0<\0?", "<\0?\0", "\0<\0?"};
	static const size_t utf16_len[] = {5, 6, 4, 4};
	for (size_t k = 0; k < sizeof utf16_len / sizeof *utf16_len; k++)
		if (len >= utf16_len[k] && memcmp(data, utf16[k], utf16_len[k]) == 0)
			return true;
	size_t i = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' ||
			   data[i] == '\t'))
		i++;
	if (len - i >= 7 && memcmp(data + i, "<report", 7) == 0)
		return true;
	if (len - i < 5 || memcmp(data + i, "<?xml", 5) != 0)
		return false;
	return !is_xhtml(data + i, len - i);
}

rpt_doc *parse_document(const rpt_parser *parser, const char *name,
			const char *data, size_t len, const char *encoding,
			unsigned flags)
{
	rpt_error err;
	char *text = NULL;
	bool take = flags & RPT_PARSE_TAKE_INPUT;
	if (looks_like_xml(data, len)) {
		size_t tl;
		rpt_status xs = rpt_xml_to_text(data, len, &text, &tl, &err);
		if (take)
			free((char *)data);
		if (xs != RPT_OK) {
			if (err.line)
				errorf("%s:%zu: %s", name, err.line, err.message);
			else
				errorf("%s: %s", name, err.message);
			return NULL;
		}
		data = text;
		len = tl;
		encoding = NULL; /* the text inside is UTF-8 whatever the file was */
		flags |= RPT_PARSE_TAKE_INPUT; /* the text is ours to give */
		take = true;
	}
	rpt_parse_options po = {.src_name = name, .encoding = encoding, .flags = flags};
	rpt_doc *doc = NULL;
	rpt_status st = rpt_parse(parser, data, len, &po, &doc, &err);
	if (st != RPT_OK) {
		/* after a failure the input is still ours: its lines for the
		 * message, then freed if it was given */
		if (st == RPT_EDECODE) {
			size_t line, col;
			offset_position(data, len, err.offset, &line, &col);
			errorf("%s:%zu:%zu: error: %s", name, line, col, err.message);
		} else {
			errorf("%s: %s", name, err.message);
		}
		if (take)
			free((char *)data);
		doc = NULL;
	}
	return doc;
}

rpt_doc *load_document(const rpt_parser *parser, const char *path,
		       const char *encoding, unsigned flags)
{
	char *data;
	size_t len;
	if (!read_input(path, &data, &len))
		return NULL;
	/* (data is freed here: never given away) */
	rpt_doc *doc = parse_document(parser, display_name(path), data, len,
				      encoding, flags & ~(unsigned)RPT_PARSE_TAKE_INPUT);
	free(data);
	return doc;
}
