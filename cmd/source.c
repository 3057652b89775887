/* Where a batch's documents come from: the arguments, --files-from lists,
 * directories (sorted, so that every run sees the same order), tar and zip
 * archives read in place through libarchive, and JSON Lines streams. One
 * document is read at a time, so memory does not grow with the batch. */
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "batch.h"
#include "cli.h"
#include "json.h"

enum { MAX_FRAMES = 64, ARCHIVE_BLOCK = 65536 };

typedef enum { F_ARGS, F_LIST, F_DIR, F_ARCHIVE, F_JSONL } frame_kind;

typedef struct frame {
	frame_kind kind;
	char *name; /* the directory, archive, list or stream */
	char *base; /* F_DIR: the path below the walked argument, for patterns */
	/* F_ARGS */
	char **args;
	int nargs, next;
	/* F_DIR */
	char **entries;
	size_t n_entries, next_entry;
	/* F_LIST, F_JSONL */
	FILE *f;
	size_t line;
	/* F_ARCHIVE */
	struct archive *a;
	char *mem; /* an archive read from standard input */
} frame;

struct source {
	const batch_opts *o;
	frame stack[MAX_FRAMES];
	int depth;
	bool total_known;
	size_t total;
	char *buf; /* getline(3) and getdelim(3) buffer */
	size_t buf_cap;
	char *stdin_only[1];
};

static char *copy(const char *s)
{
	return s ? strdup(s) : NULL;
}

static char *join(const char *a, const char *sep, const char *b)
{
	size_t n = strlen(a) + strlen(sep) + strlen(b) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s%s", a, sep, b);
	return s;
}

/* A name as a relative path with no way up: what -o DIR mirrors. */
static char *relative(const char *name)
{
	char *r = malloc(strlen(name) + 1);
	if (!r)
		return NULL;
	size_t k = 0;
	for (const char *p = name; *p;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		bool skip = n == 0 || (n == 1 && p[0] == '.') ||
			    (n == 2 && p[0] == '.' && p[1] == '.');
		if (!skip) {
			if (k)
				r[k++] = '/';
			memcpy(r + k, p, n);
			k += n;
		}
		p += n + (e ? 1 : 0);
	}
	r[k] = '\0';
	if (!k) {
		free(r);
		return strdup("stdin");
	}
	return r;
}

void input_free(input *in)
{
	free(in->name);
	free(in->path);
	free(in->data);
	free(in->id);
	free(in->error);
	memset(in, 0, sizeof *in);
}

/* An input that could not be read: the message says why. */
static bool failed(input *in, const char *name, const char *why)
{
	memset(in, 0, sizeof *in);
	in->name = copy(name);
	in->error = copy(why);
	return true;
}

static bool matches(const char *pattern, const char *rel)
{
	const char *base = strrchr(rel, '/');
	/* a pattern with a slash names a path, like git's; else a file name */
	if (strchr(pattern, '/'))
		return fnmatch(pattern, rel, FNM_PATHNAME) == 0;
	return fnmatch(pattern, base ? base + 1 : rel, 0) == 0;
}

/* Does a file found in a directory or an archive belong to the batch? */
static bool selected(const source *s, const char *rel, bool is_dir)
{
	const batch_opts *o = s->o;
	for (int i = 0; i < o->n_exclude; i++)
		if (matches(o->exclude[i], rel))
			return false;
	if (is_dir)
		return true;
	if (o->n_include) {
		for (int i = 0; i < o->n_include; i++)
			if (matches(o->include[i], rel))
				return true;
		return false;
	}
	if (o->shallow_dirs && !o->recursive) {
		size_t n = strlen(rel);
		return n > 4 && (strcmp(rel + n - 4, ".txt") == 0 ||
				 strcmp(rel + n - 4, ".xml") == 0);
	}
	return true;
}

static void too_large(input *in, const char *name, size_t max)
{
	char why[96];
	snprintf(why, sizeof why, "larger than --max-input-size (%zu bytes)", max);
	failed(in, name, why);
}

static bool push(source *s, frame f, input *in)
{
	if (s->depth == MAX_FRAMES) {
		failed(in, f.name ? f.name : "", "nested too deeply");
		free(f.name);
		free(f.base);
		if (f.f && f.f != stdin)
			fclose(f.f);
		return true;
	}
	s->stack[s->depth++] = f;
	return false;
}

static void pop(source *s)
{
	frame *f = &s->stack[--s->depth];
	if (f->f && f->f != stdin)
		fclose(f->f);
	if (f->a)
		archive_read_free(f->a);
	for (size_t i = f->next_entry; i < f->n_entries; i++)
		free(f->entries[i]);
	free(f->entries);
	free(f->mem);
	free(f->name);
	free(f->base);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool push_dir(source *s, const char *path, const char *base, input *in)
{
	DIR *d = opendir(path);
	if (!d)
		return failed(in, path, strerror(errno));
	frame f = {.kind = F_DIR, .name = copy(path), .base = copy(base)};
	size_t cap = 0;
	struct dirent *e;
	bool oom = !f.name || !f.base;
	while (!oom && (e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (f.n_entries == cap) {
			cap = cap ? cap * 2 : 64;
			char **more = realloc(f.entries, cap * sizeof *more);
			if (!more) {
				oom = true;
				break;
			}
			f.entries = more;
		}
		if (!(f.entries[f.n_entries] = strdup(e->d_name)))
			oom = true;
		else
			f.n_entries++;
	}
	closedir(d);
	if (oom) {
		while (f.n_entries)
			free(f.entries[--f.n_entries]);
		free(f.entries);
		free(f.name);
		free(f.base);
		return failed(in, path, "out of memory");
	}
	if (f.n_entries)
		qsort(f.entries, f.n_entries, sizeof *f.entries, by_name);
	return push(s, f, in);
}

static bool archive_magic(const unsigned char *b, size_t n)
{
	return (n >= 2 && b[0] == 0x1F && b[1] == 0x8B) ||	       /* gzip */
	       (n >= 3 && memcmp(b, "BZh", 3) == 0) ||		       /* bzip2 */
	       (n >= 6 && memcmp(b, "\xFD" "7zXZ\0", 6) == 0) ||      /* xz */
	       (n >= 4 && memcmp(b, "\x28\xB5\x2F\xFD", 4) == 0) ||   /* zstd */
	       (n >= 4 && (memcmp(b, "PK\3\4", 4) == 0 ||
			   memcmp(b, "PK\5\6", 4) == 0)) ||	       /* zip */
	       (n >= 262 && memcmp(b + 257, "ustar", 5) == 0);	       /* tar */
}

static struct archive *archive_reader(void)
{
	struct archive *a = archive_read_new();
	if (!a)
		return NULL;
	archive_read_support_filter_all(a);
	archive_read_support_format_tar(a);
	archive_read_support_format_gnutar(a);
	archive_read_support_format_zip(a);
	/* a lone compressed file (report.txt.gz) is one document */
	archive_read_support_format_raw(a);
	return a;
}

static bool push_archive(source *s, const char *name, char *mem, size_t len,
			 input *in)
{
	struct archive *a = archive_reader();
	int r = !a ? ARCHIVE_FATAL
	    : mem  ? archive_read_open_memory(a, mem, len)
		   : archive_read_open_filename(a, name, ARCHIVE_BLOCK);
	if (r != ARCHIVE_OK) {
		failed(in, name, a ? archive_error_string(a) : "out of memory");
		if (a)
			archive_read_free(a);
		free(mem);
		return true;
	}
	frame f = {.kind = F_ARCHIVE, .name = copy(name), .a = a, .mem = mem};
	if (!f.name) {
		archive_read_free(a);
		free(mem);
		return failed(in, name, "out of memory");
	}
	return push(s, f, in);
}

/* A document read whole: the common case. */
static bool whole(input *in, const char *name, char *data, size_t len)
{
	memset(in, 0, sizeof *in);
	in->name = copy(name);
	in->path = relative(name);
	in->data = data;
	in->len = len;
	if (!in->name || !in->path) {
		input_free(in);
		return failed(in, name, "out of memory");
	}
	return true;
}

/* Opens one named input: a document (true, *in filled) or a directory,
 * archive or stream whose documents follow (false). */
static bool open_path(source *s, const char *path, const char *base, input *in)
{
	const batch_opts *o = s->o;
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	struct stat st;
	if (!is_stdin) {
		if (stat(path, &st) != 0)
			return failed(in, name, strerror(errno));
		if (S_ISDIR(st.st_mode)) {
			if (!o->recursive && !(o->shallow_dirs && s->depth == 1))
				return failed(in, name, "is a directory (use -r to read it)");
			return push_dir(s, path, base, in);
		}
	}
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return failed(in, name, strerror(errno));
	if (o->jsonl) {
		frame fr = {.kind = F_JSONL, .name = copy(name), .f = f};
		if (!fr.name) {
			if (!is_stdin)
				fclose(f);
			return failed(in, name, "out of memory");
		}
		return push(s, fr, in);
	}
	bool regular = !is_stdin && S_ISREG(st.st_mode);
	if (regular) {
		/* an archive is read in place, and may be larger than the
		 * documents in it */
		unsigned char head[512];
		size_t n = fread(head, 1, sizeof head, f);
		if (archive_magic(head, n)) {
			fclose(f);
			return push_archive(s, path, NULL, 0, in);
		}
		rewind(f);
	}
	char *data = NULL;
	size_t len = 0;
	const char *why = read_stream(f, regular ? o->max_input : (size_t)-1 / 2,
				      regular ? (size_t)st.st_size : 0, &data, &len);
	if (!is_stdin)
		fclose(f);
	if (!why) {
		too_large(in, name, o->max_input);
		return true;
	}
	if (*why)
		return failed(in, name, why);
	if (!regular && archive_magic((unsigned char *)data, len))
		return push_archive(s, name, data, len, in);
	if (len > o->max_input) {
		free(data);
		too_large(in, name, o->max_input);
		return true;
	}
	return whole(in, name, data, len);
}

static bool next_arg(source *s, frame *f, input *in)
{
	if (f->next == f->nargs) {
		pop(s);
		return false;
	}
	return open_path(s, f->args[f->next++], "", in);
}

static bool next_list_entry(source *s, frame *f, input *in)
{
	ssize_t n = getdelim(&s->buf, &s->buf_cap, s->o->nul ? '\0' : '\n', f->f);
	if (n < 0) {
		bool err = ferror(f->f);
		char *name = copy(f->name);
		pop(s);
		if (err)
			failed(in, name ? name : "", strerror(errno ? errno : EIO));
		free(name);
		return err;
	}
	f->line++;
	if (n > 0 && (s->buf[n - 1] == '\n' || s->buf[n - 1] == '\0'))
		s->buf[--n] = '\0';
	if (n > 0 && !s->o->nul && s->buf[n - 1] == '\r')
		s->buf[--n] = '\0';
	if (n == 0)
		return false; /* blank lines separate nothing */
	char *path = copy(s->buf);
	if (!path)
		return failed(in, f->name, "out of memory");
	bool got = open_path(s, path, "", in);
	free(path);
	return got;
}

static bool next_dir_entry(source *s, frame *f, input *in)
{
	if (f->next_entry == f->n_entries) {
		pop(s);
		return false;
	}
	char *entry = f->entries[f->next_entry++];
	char *path = join(f->name, "/", entry);
	char *rel = *f->base ? join(f->base, "/", entry) : copy(entry);
	free(entry);
	if (!path || !rel) {
		free(path);
		free(rel);
		return failed(in, f->name, "out of memory");
	}
	bool got = false;
	struct stat st;
	if (lstat(path, &st) != 0) {
		got = failed(in, path, strerror(errno)); /* vanished meanwhile */
	} else if (S_ISDIR(st.st_mode)) {
		/* directory links are not followed: no loops */
		if (s->o->recursive && selected(s, rel, true))
			got = push_dir(s, path, rel, in);
	} else if (selected(s, rel, false)) {
		/* a link to a directory is passed over; a dangling one is an
		 * error, as a file that vanished */
		if (!S_ISLNK(st.st_mode) || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
			got = open_path(s, path, rel, in);
	}
	free(path);
	free(rel);
	return got;
}

static bool next_member(source *s, frame *f, input *in)
{
	struct archive_entry *e;
	int r = archive_read_next_header(f->a, &e);
	if (r == ARCHIVE_EOF) {
		pop(s);
		return false;
	}
	if (r < ARCHIVE_WARN) {
		failed(in, f->name, archive_error_string(f->a));
		pop(s);
		return true;
	}
	/* a lone compressed file: the document is named after it */
	bool raw = archive_format(f->a) == ARCHIVE_FORMAT_RAW;
	if (!raw && archive_entry_filetype(e) != AE_IFREG)
		return false;
	const char *member = archive_entry_pathname(e);
	if (!member)
		member = "";
	if (!raw && !selected(s, member, false))
		return false;
	char *name = raw ? copy(f->name) : join(f->name, ":", member);
	if (!name)
		return failed(in, f->name, "out of memory");
	size_t max = s->o->max_input;
	if (archive_entry_size_is_set(e) && (size_t)archive_entry_size(e) > max) {
		too_large(in, name, max);
		free(name);
		return true;
	}
	size_t cap = 65536, n = 0;
	char *b = malloc(cap + 1);
	const char *why = b ? NULL : "out of memory";
	while (!why) {
		if (n == cap) {
			char *p = realloc(b, cap * 2 + 1);
			if (!p) {
				why = "out of memory";
				break;
			}
			b = p;
			cap *= 2;
		}
		la_ssize_t got = archive_read_data(f->a, b + n, cap - n);
		if (got < 0)
			why = archive_error_string(f->a);
		else if (got == 0)
			break;
		else if ((n += (size_t)got) > max)
			why = "";
	}
	if (why) {
		free(b);
		if (*why)
			failed(in, name, why);
		else
			too_large(in, name, max);
		free(name);
		return true;
	}
	b[n] = '\0';
	bool got = whole(in, name, b, n);
	if (!raw && in->path) {
		/* mirror the member below a directory named after the archive */
		char *arch = relative(f->name), *mem = relative(member);
		char *p = arch && mem ? join(arch, "/", mem) : NULL;
		free(arch);
		free(mem);
		if (p) {
			free(in->path);
			in->path = p;
		}
	}
	free(name);
	return got;
}

static bool next_record(source *s, frame *f, input *in)
{
	ssize_t n = getline(&s->buf, &s->buf_cap, f->f);
	if (n < 0) {
		bool err = ferror(f->f);
		char *name = err ? copy(f->name) : NULL;
		pop(s);
		if (!err)
			return false;
		failed(in, name ? name : "", strerror(errno ? errno : EIO));
		free(name);
		return true;
	}
	f->line++;
	char label[64];
	snprintf(label, sizeof label, ":%zu", f->line);
	char *name = join(f->name, label, "");
	if (!name)
		return failed(in, f->name, "out of memory");
	json_record_out rec;
	const char *why = NULL;
	if ((size_t)n / 6 > s->o->max_input + 64) {
		/* no escape is longer than six bytes (\u0001 for one), so no
		 * text within the limit makes a longer line */
		too_large(in, name, s->o->max_input);
		rec.id = NULL;
	} else if (!json_record(s->buf, (size_t)n, &rec, &why)) {
		failed(in, name, why);
	} else if (rec.text_len > s->o->max_input) {
		free(rec.text);
		too_large(in, name, s->o->max_input);
	} else {
		whole(in, name, rec.text, rec.text_len);
	}
	in->id = rec.id ? rec.id : copy("null");
	free(name);
	return true;
}

source *source_new(const batch_opts *o, char **args, int nargs)
{
	source *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->o = o;
	s->stdin_only[0] = "-";
	frame f = {.kind = F_ARGS, .args = args, .nargs = nargs};
	if (!nargs && !o->files_from) {
		f.args = s->stdin_only;
		f.nargs = 1;
	}
	s->stack[s->depth++] = f;
	if (o->files_from) {
		bool is_stdin = strcmp(o->files_from, "-") == 0;
		frame l = {.kind = F_LIST, .name = copy(is_stdin ? "<stdin>" : o->files_from),
			   .f = is_stdin ? stdin : fopen(o->files_from, "rb")};
		if (!l.f || !l.name) {
			errorf("%s: %s", o->files_from, l.f ? "out of memory" : strerror(errno));
			if (l.f && !is_stdin)
				fclose(l.f);
			free(l.name);
			free(s);
			return NULL;
		}
		/* the list's documents come after the arguments' */
		s->stack[0] = l;
		s->stack[s->depth++] = f;
	}
	s->total_known = !o->jsonl && !o->files_from;
	for (int i = 0; s->total_known && i < f.nargs; i++) {
		struct stat st;
		s->total_known = strcmp(f.args[i], "-") == 0 ||
				 (stat(f.args[i], &st) == 0 && !S_ISDIR(st.st_mode));
	}
	s->total = (size_t)f.nargs;
	return s;
}

bool source_next(source *s, input *in)
{
	memset(in, 0, sizeof *in);
	while (s->depth > 0) {
		frame *f = &s->stack[s->depth - 1];
		bool got = false;
		switch (f->kind) {
		case F_ARGS: got = next_arg(s, f, in); break;
		case F_LIST: got = next_list_entry(s, f, in); break;
		case F_DIR: got = next_dir_entry(s, f, in); break;
		case F_ARCHIVE: got = next_member(s, f, in); break;
		case F_JSONL: got = next_record(s, f, in); break;
		}
		if (got)
			return true;
	}
	return false;
}

bool source_total(const source *s, size_t *n)
{
	*n = s->total;
	return s->total_known;
}

void source_free(source *s)
{
	if (!s)
		return;
	while (s->depth > 0)
		pop(s);
	free(s->buf);
	free(s);
}
