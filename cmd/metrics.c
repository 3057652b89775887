/* reportctl metrics: one row per indicator, as TSV, CSV or JSON Lines. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "batch.h"
#include "cli.h"
#include "out.h"

static const char help[] =
	"usage: reportctl metrics [--format tsv|csv|jsonl] [--kind K] [--role R]\n"
	"                         [--unit U] [--min VALUE] [--all] [--no-header]\n"
	"                         [--encoding NAME] [-o FILE] [BATCH OPTIONS] [FILE...]\n"
	"\n"
	"Prints the quantitative indicators of reports (raw text, or reportctl\n"
	"extract XML), one row per indicator, in document order. With\n"
	"--input-format jsonl, one line per input line: {\"id\":…,\"status\":…,\n"
	"\"indicators\":[…]}.\n"
	"\n"
	"  -f, --format F      tsv (default), csv (RFC 4180) or jsonl\n"
	"      --kind K        only this kind (money, count, quantity, percent, ppt,\n"
	"                      permille, ratio, multiple; a comma list is allowed)\n"
	"      --role R        only this role (actual, target, estimate, policy)\n"
	"      --unit U        only this unit (CNY, 家, %, pp …)\n"
	"      --min VALUE     only values of at least VALUE (exact decimal)\n"
	"      --all           also bare numbers (kind number) and ordinals\n"
	"      --no-header     no header line (tsv and csv)\n"
	"      --encoding NAME force the input encoding of text input\n"
	"  -o, --output FILE   write to FILE atomically\n"
	"  -h, --help          show this help\n";

typedef enum { FMT_TSV, FMT_CSV, FMT_JSONL } format;

typedef struct options {
	format fmt;
	const char *kind, *role, *unit, *min, *encoding, *output;
	bool all, header;
	bool records;  /* --input-format jsonl: one record per document */
	const rpt_parser *parser;
	out collected; /* -o FILE: everything, written at the end */
} options;

static const char *const columns[] = {
	"file", "start", "end", "raw", "kind", "value", "unit", "num", "magnitude",
	"qualifier", "approx", "min", "max", "min_excl", "max_excl", "role",
	"period", "subject", "cues", "section", "section_kind", "doc_type",
	"issuer", "aspect", "direction", "basis", "flags", NULL};

/* A CSV or JSON Lines cell (TSV rows are written by tsv_row). */
static void field(out *o, format fmt, const char *s, size_t n)
{
	if (fmt == FMT_CSV) {
		bool quote = false;
		for (size_t i = 0; i < n; i++)
			if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
				quote = true;
		if (!quote) {
			out_put(o, s, n);
			return;
		}
		out_put(o, "\"", 1);
		for (size_t i = 0; i < n; i++) {
			if (s[i] == '"')
				out_put(o, "\"", 1);
			out_put(o, s + i, 1);
		}
		out_put(o, "\"", 1);
	} else {
		out_json(o, s, n);
	}
}

/* n in decimal digits, written at the end of buf[24]. */
static rpt_str decimal_str(char buf[24], size_t n)
{
	char *p = buf + 24;
	do
		*--p = (char)('0' + n % 10);
	while (n /= 10);
	return (rpt_str){p, (size_t)(buf + 24 - p)};
}

static bool in_list(const char *list, rpt_str v)
{
	if (!list)
		return true;
	for (const char *p = list; *p;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == v.len && memcmp(p, v.p, n) == 0)
			return true;
		p += n + (e ? 1 : 0);
	}
	return false;
}

static bool wanted(const options *o, const rpt_indicator *x)
{
	if (!in_list(o->kind, x->kind) || !in_list(o->role, x->role) ||
	    !in_list(o->unit, x->unit))
		return false;
	if (o->min) {
		char v[64];
		int cmp;
		if (x->value.len >= sizeof v)
			return false;
		memcpy(v, x->value.p, x->value.len);
		v[x->value.len] = '\0';
		if (rpt_decimal_compare(v, o->min, &cmp) != 0 || cmp < 0)
			return false;
	}
	return true;
}

static void header(out *o, const options *opt)
{
	if (!opt->header || opt->fmt == FMT_JSONL)
		return;
	for (int c = 0; columns[c]; c++) {
		if (c)
			out_put(o, opt->fmt == FMT_TSV ? "\t" : ",", 1);
		out_puts(o, columns[c]);
	}
	out_puts(o, opt->fmt == FMT_CSV ? "\r\n" : "\n");
}

/* Bits set in the low 16 bits of m, without a loop: how many tabs a block
 * holds varies from row to row, and a loop over them was the most
 * mispredicted branch of the command. (__builtin_popcount is a libgcc
 * call on x86-64 built without -mpopcnt.) */
static inline unsigned popcount16(unsigned m)
{
	m -= (m >> 1) & 0x5555u;
	m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
	m = (m + (m >> 4)) & 0x0F0Fu;
	return (m + (m >> 8)) & 0x1Fu;
}

/* How many bytes of s[0, n) TSV escapes: tab, LF, CR and backslash. */
static size_t tsv_specials(const char *s, size_t n)
{
	size_t count = 0, i = 0;
#ifdef __SSE2__
	const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'),
		      cr = _mm_set1_epi8('\r'), bs = _mm_set1_epi8('\\');
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_cmpeq_epi8(x, lf)),
					   _mm_or_si128(_mm_cmpeq_epi8(x, cr), _mm_cmpeq_epi8(x, bs)));
		count += popcount16((unsigned)_mm_movemask_epi8(hit));
	}
#endif
	for (; i < n; i++)
		count += s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\\';
	return count;
}

/* Copies a cell: most are a few bytes (money, CNY, actual), for which a
 * memcpy call costs more than the copy, and its branches on the length
 * are shared by every cell of every column. */
static inline void copy_cell(char *dst, const char *src, size_t n)
{
	if (n > 16) {
		memcpy(dst, src, n);
	} else if (n >= 8) { /* two words that may overlap */
		uint64_t a, b;
		memcpy(&a, src, 8);
		memcpy(&b, src + n - 8, 8);
		memcpy(dst, &a, 8);
		memcpy(dst + n - 8, &b, 8);
	} else if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, src, 4);
		memcpy(&b, src + n - 4, 4);
		memcpy(dst, &a, 4);
		memcpy(dst + n - 4, &b, 4);
	} else if (n) {
		dst[0] = src[0];
		dst[n / 2] = src[n / 2];
		dst[n - 1] = src[n - 1];
	}
}

/* A TSV row in one go: room for the worst case (every byte escaped) is
 * made once. Cells seldom hold a byte to escape, so the row is copied a
 * cell at a time and checked whole: only when it holds more than the
 * tabs between its cells is it written again, a byte at a time, with
 * tab, LF, CR and backslash as \t \n \r \\. */
static void tsv_row(out *o, const rpt_str *cells, size_t n)
{
	size_t need = 1;
	for (size_t c = 0; c < n; c++)
		need += 2 * cells[c].len + 1;
	if (o->len + need + 1 > o->cap && !out_grow(o, need))
		return;
	char *row = o->p + o->len, *p = row;
	for (size_t c = 0; c < n; c++) {
		if (c)
			*p++ = '\t';
		copy_cell(p, cells[c].p, cells[c].len);
		p += cells[c].len;
	}
	if (n && tsv_specials(row, (size_t)(p - row)) != n - 1) {
		p = row;
		for (size_t c = 0; c < n; c++) {
			if (c)
				*p++ = '\t';
			for (size_t i = 0; i < cells[c].len; i++) {
				char b = cells[c].p[i];
				if (b == '\t' || b == '\n' || b == '\r' || b == '\\') {
					*p++ = '\\';
					b = b == '\t' ? 't' : b == '\n' ? 'n' : b == '\r' ? 'r' : '\\';
				}
				*p++ = b;
			}
		}
	}
	*p++ = '\n';
	o->len = (size_t)(p - o->p);
}

static void row(out *o, const options *opt, const char *name,
		const rpt_indicator *x, const rpt_doc_facts *f, const char *row_end)
{
	char start[24], end[24];
	rpt_str cells[] = {
		{name, strlen(name)}, decimal_str(start, x->start), decimal_str(end, x->end),
		x->raw, x->kind, x->value, x->unit, x->num, x->magnitude, x->qualifier,
		{x->approx ? "true" : "", x->approx ? 4 : 0}, x->min, x->max,
		{x->min_excl ? "true" : "", x->min_excl ? 4 : 0},
		{x->max_excl ? "true" : "", x->max_excl ? 4 : 0},
		x->role, x->period, x->subject, x->cues,
		{x->section, strlen(x->section)}, x->section_kind, f->doc_type,
		f->issuer, x->aspect, x->direction, x->basis, x->flags,
	};
	if (opt->fmt == FMT_TSV) {
		tsv_row(o, cells, sizeof cells / sizeof *cells);
		return;
	}
	if (opt->fmt == FMT_JSONL)
		out_put(o, "{", 1);
	for (int c = 0; columns[c]; c++) {
		if (opt->fmt == FMT_JSONL) {
			if (c)
				out_put(o, ",", 1);
			field(o, opt->fmt, columns[c], strlen(columns[c]));
			out_put(o, ":", 1);
			/* offsets are numbers; every value is a string, so that
			 * nothing is rounded on the way */
			if (c == 1 || c == 2)
				out_put(o, cells[c].p, cells[c].len);
			else
				field(o, opt->fmt, cells[c].p, cells[c].len);
			continue;
		}
		if (c)
			out_put(o, opt->fmt == FMT_TSV ? "\t" : ",", 1);
		field(o, opt->fmt, cells[c].p, cells[c].len);
	}
	out_puts(o, opt->fmt == FMT_JSONL ? row_end : opt->fmt == FMT_CSV ? "\r\n" : "\n");
}

static void metrics_work(void *ctx, job *j)
{
	const options *o = ctx;
	/* the input becomes the document's text, no copy of it made */
	rpt_doc *doc = parse_document(o->parser, j->in.name, j->in.data, j->in.len, o->encoding,
				      RPT_PARSE_TAKE_INPUT | (o->all ? RPT_PARSE_ALL_NUMBERS : 0));
	j->in.data = NULL;
	if (!doc) {
		j->status = EXIT_TROUBLE;
		return;
	}
	rpt_doc_facts facts;
	rpt_doc_get_facts(doc, &facts);
	out rows = {.may_spill = true}; /* a large document's rows wait in a file */
	if (o->records) {
		batch_json_key(&rows, &j->in);
		out_puts(&rows, ",\"status\":\"ok\",\"indicators\":[");
	}
	size_t n = rpt_doc_indicator_count(doc), listed = 0;
	for (size_t i = 0; i < n; i++) {
		rpt_indicator x;
		if (rpt_doc_indicator(doc, i, &x) != 0 || !wanted(o, &x))
			continue;
		if (o->records && listed)
			out_put(&rows, ",", 1);
		row(&rows, o, j->in.name, &x, &facts, o->records ? "}" : "}\n");
		listed++;
	}
	if (o->records)
		out_puts(&rows, "]}\n");
	if (!batch_give_out(j, &rows))
		j->status = EXIT_TROUBLE;
	rpt_doc_free(doc);
}

static bool metrics_emit(void *ctx, job *j)
{
	options *o = ctx;
	out rec = {0};
	const out *what = &j->out;
	if (o->records && j->status >= EXIT_TROUBLE) {
		batch_json_error(&rec, j);
		what = &rec;
	}
	bool ok = true;
	if (o->output)
		out_append(&o->collected, what);
	else if (!out_empty(what))
		ok = write_stdout_out(what);
	free(rec.p);
	return ok;
}

int cmd_metrics(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"kind", required_argument, NULL, 'K'},
		{"role", required_argument, NULL, 'R'},
		{"unit", required_argument, NULL, 'U'},
		{"min", required_argument, NULL, 'M'},
		{"all", no_argument, NULL, 'a'},
		{"no-header", no_argument, NULL, 'H'},
		{"encoding", required_argument, NULL, 'E'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		BATCH_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	options o = {.fmt = FMT_TSV, .header = true};
	batch_opts b;
	batch_defaults(&b);
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":f:o:h" BATCH_SHORTOPTS, longopts, NULL)) != -1) {
		int taken = batch_option(&b, "metrics", c, optarg);
		if (taken < 0)
			return EXIT_TROUBLE;
		if (taken)
			continue;
		switch (c) {
		case 'f':
			if (strcmp(optarg, "tsv") == 0)
				o.fmt = FMT_TSV;
			else if (strcmp(optarg, "csv") == 0)
				o.fmt = FMT_CSV;
			else if (strcmp(optarg, "jsonl") == 0)
				o.fmt = FMT_JSONL;
			else
				return usage_error("metrics", optarg, "unknown format");
			break;
		case 'K': o.kind = optarg; break;
		case 'R': o.role = optarg; break;
		case 'U': o.unit = optarg; break;
		case 'M': {
			int cmp;
			if (rpt_decimal_compare(optarg, "0", &cmp) != 0)
				return usage_error("metrics", optarg, "not a decimal:");
			o.min = optarg;
			break;
		}
		case 'a': o.all = true; break;
		case 'H': o.header = false; break;
		case 'E': o.encoding = optarg; break;
		case 'o': o.output = optarg; break;
		case 'h':
			fputs(help, stdout);
			fputs(batch_help, stdout);
			return EXIT_OK;
		case ':':
			return usage_error("metrics", argv[optind - 1],
					   "missing argument for");
		default:
			return usage_error("metrics", argv[optind - 1], "unknown option");
		}
	}
	if (b.jsonl) {
		/* one record per input line, each with its rows inside */
		o.records = true;
		o.fmt = FMT_JSONL;
	}
	rpt_parser *parser = NULL;
	if (rpt_parser_new(&parser) != RPT_OK) {
		errorf("metrics: cannot compile patterns");
		return EXIT_TROUBLE;
	}
	o.parser = parser;
	out head = {0};
	header(&head, &o);
	int status = EXIT_OK;
	if (o.output) {
		o.collected = head;
		o.collected.may_spill = true; /* the whole batch's rows */
	}
	else if (head.len && !write_stdout(head.p, head.len))
		status = EXIT_TROUBLE;
	if (!o.output)
		free(head.p);
	batch_ops ops = {.work = metrics_work, .emit = metrics_emit};
	if (status == EXIT_OK)
		status = batch_run(&b, argv + optind, argc - optind, &ops, &o);
	rpt_parser_free(parser);
	if (o.collected.failed) {
		char why[256];
		errorf("metrics: %s", out_error(&o.collected, why, sizeof why));
		status = EXIT_TROUBLE;
	} else if (o.output && !write_atomic_out(o.output, &o.collected)) {
		status = EXIT_TROUBLE;
	}
	out_free(&o.collected);
	return status;
}
