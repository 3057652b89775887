/* Running a batch: documents are read on the main thread, processed by
 * worker threads, and written in input order, so that the output is the
 * same bytes whatever -j says. A bounded number of documents is in memory
 * at once (see read_ahead). */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "cli.h"

const char batch_help[] =
	"  -r, --recursive     read directories, and the directories in them\n"
	"      --include GLOB  in directories and archives, only files matching GLOB\n"
	"      --exclude GLOB  in directories and archives, skip files matching GLOB\n"
	"      --files-from LIST  also read the files named in LIST ('-': stdin)\n"
	"  -0, --null          names in LIST end with NUL, not newline\n"
	"      --input-format F  text (default) or jsonl: {\"id\":…,\"text\":…} per line\n"
	"  -j, --jobs N        N worker threads (default: one per core)\n"
	"      --fail-fast     stop at the first document that fails\n"
	"      --progress, --no-progress  a progress line on stderr (default: on a terminal)\n"
	"      --max-input-size SIZE  refuse larger documents (default 256M)\n";

enum { MAX_JOBS = 256 };

/* How far reading may run ahead of writing. Output goes out in input
 * order, so while a worker parses a large document the others finish the
 * small ones after it and their results wait. With two documents per
 * worker they soon had nothing to do: one 480 KB report among files of
 * 50 KB left -j 2 at 1.5 times -j 1. So up to 16 documents per worker may
 * be read ahead, as long as the documents waiting to be written hold no
 * more than READ_AHEAD_BYTES of input (their results are about twice
 * that); two per worker are always allowed, so that large documents are
 * still parsed side by side. */
enum { MIN_AHEAD = 2, MAX_AHEAD = 16 };
#define READ_AHEAD_BYTES ((size_t)8 << 20)

void batch_defaults(batch_opts *o)
{
	memset(o, 0, sizeof *o);
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	o->jobs = cores < 1 ? 1 : cores > MAX_JOBS ? MAX_JOBS : (int)cores;
	o->progress = -1;
	o->max_input = (size_t)256 << 20;
}

/* 12, 64K, 256M, 1G (powers of 1024). */
static bool parse_size(const char *s, size_t *size)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s || errno || *s == '-')
		return false;
	int shift = 0;
	switch (*end) {
	case '\0': break;
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	default: return false;
	}
	if (*end == 'i' && shift)
		end++;
	if (*end == 'B' && shift)
		end++;
	if (*end || v == 0 || v > (((unsigned long long)SIZE_MAX / 2) >> shift))
		return false;
	*size = (size_t)(v << shift);
	return true;
}

int batch_option(batch_opts *o, const char *command, int c, const char *arg)
{
	switch (c) {
	case OPT_RECURSIVE: o->recursive = true; return 1;
	case OPT_NUL: o->nul = true; return 1;
	case OPT_FAIL_FAST: o->fail_fast = true; return 1;
	case OPT_PROGRESS: o->progress = 1; return 1;
	case OPT_NO_PROGRESS: o->progress = 0; return 1;
	case OPT_FILES_FROM: o->files_from = arg; return 1;
	case OPT_JOBS: {
		char *end;
		long n = strtol(arg, &end, 10);
		if (*arg == '\0' || *end || n < 1 || n > MAX_JOBS) {
			errorf("%s: -j takes a number of jobs from 1 to %d, not '%s'",
			       command, MAX_JOBS, arg);
			return -1;
		}
		o->jobs = (int)n;
		return 1;
	}
	case OPT_INPUT_FORMAT:
		if (strcmp(arg, "jsonl") == 0 || strcmp(arg, "text") == 0) {
			o->jsonl = arg[0] == 'j';
			return 1;
		}
		errorf("%s: unknown input format '%s' (text or jsonl)", command, arg);
		return -1;
	case OPT_MAX_INPUT_SIZE:
		if (parse_size(arg, &o->max_input))
			return 1;
		errorf("%s: --max-input-size takes a size such as 4096, 64K or 256M, not '%s'",
		       command, arg);
		return -1;
	case OPT_INCLUDE:
	case OPT_EXCLUDE: {
		bool inc = c == OPT_INCLUDE;
		int *n = inc ? &o->n_include : &o->n_exclude;
		if (*n == MAX_PATTERNS) {
			errorf("%s: at most %d --%s patterns", command, MAX_PATTERNS,
			       inc ? "include" : "exclude");
			return -1;
		}
		(inc ? o->include : o->exclude)[(*n)++] = arg;
		return 1;
	}
	default: return 0;
	}
}

void batch_json_key(out *o, const input *in)
{
	if (in->id) {
		out_puts(o, "{\"id\":");
		out_puts(o, in->id);
	} else {
		out_puts(o, "{\"file\":");
		out_json(o, in->name ? in->name : "", in->name ? strlen(in->name) : 0);
	}
}

void batch_json_error(out *o, const job *j)
{
	batch_json_key(o, &j->in);
	out_puts(o, ",\"status\":\"error\",\"error\":");
	const char *why = j->in.error ? j->in.error : j->error;
	out_json(o, why, strlen(why));
	out_puts(o, "}\n");
}

bool batch_write_json_error(const job *j)
{
	out rec = {0};
	batch_json_error(&rec, j);
	bool ok = !rec.failed && write_stdout(rec.p, rec.len);
	free(rec.p);
	return ok;
}

bool batch_give_stdout(job *j, char *p, size_t len, size_t cap)
{
	out o = {.p = p, .len = len, .cap = cap};
	return batch_give_out(j, &o);
}

bool batch_give_out(job *j, out *o)
{
	if (o->failed) {
		char why[256];
		errorf("%s: %s", j->in.name, out_error(o, why, sizeof why));
		out_free(o);
		return false;
	}
	if (!j->out.p && !j->out.spill_open && !j->out.failed) {
		bool may_spill = j->out.may_spill;
		j->out = *o;
		j->out.may_spill = may_spill;
		*o = (out){0};
		return true;
	}
	out_append(&j->out, o);
	out_free(o);
	return !j->out.failed;
}

/* ---- progress and summary ---- */

typedef struct meter {
	bool on, shown;
	struct timespec start, last;
	size_t done, failed, bytes, total;
	bool total_known;
} meter;

static double since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void meter_clear(meter *m)
{
	if (m->shown) {
		fputs("\r\033[K", stderr);
		m->shown = false;
	}
}

static void meter_show(meter *m)
{
	if (!m->on)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (since(&m->last, &now) < 0.1)
		return;
	m->last = now;
	double secs = since(&m->start, &now);
	double mb = (double)m->bytes / 1e6;
	char line[160];
	int n = 0;
	if (m->total_known && m->total >= m->done)
		n = snprintf(line, sizeof line, "%zu/%zu files", m->done, m->total);
	else
		n = snprintf(line, sizeof line, "%zu files", m->done);
	n += snprintf(line + n, sizeof line - (size_t)n, ", %.1f MB, %.1f MB/s", mb,
		      secs > 0 ? mb / secs : 0.0);
	if (m->failed)
		n += snprintf(line + n, sizeof line - (size_t)n, ", %zu failed", m->failed);
	if (m->total_known && m->done && m->total > m->done && secs > 0)
		snprintf(line + n, sizeof line - (size_t)n, ", ETA %.0f s",
			 secs / (double)m->done * (double)(m->total - m->done));
	fprintf(stderr, "\r\033[K%s", line);
	fflush(stderr);
	m->shown = true;
}

static void meter_summary(meter *m)
{
	meter_clear(m);
	if (m->done < 2 && !m->on)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	notef("%zu files: %zu ok, %zu failed; %zu bytes in %.2f s", m->done,
	       m->done - m->failed, m->failed, m->bytes, since(&m->start, &now));
}

/* ---- the pool ---- */

typedef struct pool {
	const batch_ops *ops;
	void *ctx;
	job *slots;
	size_t window;
	size_t submitted;     /* documents read so far */
	size_t pending_bytes; /* input bytes of those read and not yet written */
	size_t *queue;        /* the readable ones' numbers, waiting for a worker */
	size_t queued, taken; /* counts into queue, which holds window entries */
	bool quit;
	pthread_mutex_t lock;
	pthread_cond_t work_ready, job_done;
} pool;

static void run_job(pool *p, job *j)
{
	/* a large document's output waits for its turn in a file */
	j->out.may_spill = true;
	io_capture(&j->out, &j->err, j->error, sizeof j->error);
	p->ops->work(p->ctx, j);
	io_capture(NULL, NULL, NULL, 0);
}

static void *worker(void *arg)
{
	pool *p = arg;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->quit && p->taken == p->queued)
			pthread_cond_wait(&p->work_ready, &p->lock);
		if (p->taken == p->queued)
			break;
		size_t seq = p->queue[p->taken++ % p->window];
		job *j = &p->slots[seq % p->window];
		pthread_mutex_unlock(&p->lock);
		run_job(p, j);
		pthread_mutex_lock(&p->lock);
		j->done = true;
		pthread_cond_broadcast(&p->job_done);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

static void job_clear(pool *p, job *j)
{
	if (p->ops->release)
		p->ops->release(p->ctx, j);
	input_free(&j->in);
	out_free(&j->out);
	out_free(&j->err);
	memset(j, 0, sizeof *j);
}

/* Writes a finished job, in order; false if output failed. */
static bool emit(pool *p, meter *m, job *j)
{
	if (j->in.error || j->err.len)
		meter_clear(m);
	if (j->in.error) {
		/* could not be read: say so where the output would be */
		errorf("%s: %s", j->in.name ? j->in.name : "", j->in.error);
	}
	if (j->err.len)
		fwrite(j->err.p, 1, j->err.len, stderr);
	if (j->out.failed || j->err.failed) {
		char why[256];
		errorf("%s: %s", j->in.name ? j->in.name : "",
		       j->out.failed ? out_error(&j->out, why, sizeof why) : "out of memory");
		j->status = EXIT_TROUBLE;
		out_free(&j->out); /* never half of a document's output */
	}
	bool ok = p->ops->emit ? p->ops->emit(p->ctx, j)
			       : out_empty(&j->out) || write_stdout_out(&j->out);
	m->done++;
	m->bytes += j->in.len;
	if (j->status >= EXIT_TROUBLE)
		m->failed++;
	meter_show(m);
	return ok;
}

/* May the main thread read another document before writing the next? */
static bool read_ahead(const pool *p, size_t emitted, int threads)
{
	size_t ahead = p->submitted - emitted;
	if (ahead >= p->window)
		return false;
	return ahead < MIN_AHEAD * (size_t)threads || p->pending_bytes < READ_AHEAD_BYTES;
}

int batch_run(const batch_opts *o, char **args, int nargs,
	      const batch_ops *ops, void *ctx)
{
	source *src = source_new(o, args, nargs);
	if (!src)
		return EXIT_TROUBLE;
	meter m = {.on = o->progress == 1 || (o->progress < 0 && isatty(2))};
	clock_gettime(CLOCK_MONOTONIC, &m.start);
	m.total_known = source_total(src, &m.total);

	int threads = o->jobs > 1 ? o->jobs : 0;
	pool p = {.ops = ops, .ctx = ctx, .window = threads ? MAX_AHEAD * (size_t)threads : 1};
	p.slots = calloc(p.window, sizeof *p.slots);
	p.queue = calloc(p.window, sizeof *p.queue);
	pthread_t tids[MAX_JOBS];
	int started = 0;
	if (!p.slots || !p.queue) {
		free(p.slots);
		free(p.queue);
		errorf("out of memory");
		source_free(src);
		return EXIT_TROUBLE;
	}
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.work_ready, NULL);
	pthread_cond_init(&p.job_done, NULL);
	for (; started < threads; started++)
		if (pthread_create(&tids[started], NULL, worker, &p) != 0)
			break;
	if (threads && !started)
		threads = 0; /* no thread to be had: do the work here */

	int status = EXIT_OK;
	size_t emitted = 0;
	bool more = true, stop = false;
	for (;;) {
		/* fill the window */
		while (more && !stop && read_ahead(&p, emitted, threads)) {
			job *j = &p.slots[p.submitted % p.window];
			if (!source_next(src, &j->in)) {
				more = false;
				break;
			}
			bool readable = j->in.data != NULL;
			p.pending_bytes += j->in.len;
			if (!readable)
				j->status = EXIT_TROUBLE;
			if (!threads) {
				if (readable)
					run_job(&p, j);
				j->done = true;
				p.submitted++;
				break;
			}
			pthread_mutex_lock(&p.lock);
			if (readable)
				p.queue[p.queued++ % p.window] = p.submitted;
			else
				j->done = true; /* nothing to do but report it */
			p.submitted++;
			pthread_mutex_unlock(&p.lock);
			if (readable)
				pthread_cond_signal(&p.work_ready);
		}
		if (emitted == p.submitted)
			break;
		job *j = &p.slots[emitted % p.window];
		if (threads) {
			pthread_mutex_lock(&p.lock);
			while (!j->done)
				pthread_cond_wait(&p.job_done, &p.lock);
			pthread_mutex_unlock(&p.lock);
		}
		if (!stop) {
			if (!emit(&p, &m, j))
				status = EXIT_TROUBLE, stop = true;
			if (j->status > status)
				status = j->status;
			if (o->fail_fast && j->status >= EXIT_TROUBLE)
				stop = true;
		}
		p.pending_bytes -= j->in.len;
		job_clear(&p, j);
		emitted++;
	}
	pthread_mutex_lock(&p.lock);
	p.quit = true;
	pthread_cond_broadcast(&p.work_ready);
	pthread_mutex_unlock(&p.lock);
	for (int i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	pthread_mutex_destroy(&p.lock);
	pthread_cond_destroy(&p.work_ready);
	pthread_cond_destroy(&p.job_done);
	free(p.slots);
	free(p.queue);
	source_free(src);
	meter_summary(&m);
	return status;
}
