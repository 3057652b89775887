/* reportctl summarize: the shape of a report on one screen, or a roll-up
 * of an archive, as text, markdown, JSON, HTML (with SVG charts) or, for
 * roll-ups, TSV/CSV/JSON Lines. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "batch.h"
#include "cli.h"
#include "out.h"

static const char help[] =
	"usage: reportctl summarize [--format FORMAT] [--roll-up] [-o FILE] [BATCH OPTIONS] FILE...\n"
	"\n"
	"One report: title, issuer, type, period and date; the outline; key figures\n"
	"(money by role, the largest counts, every target); the headings of the\n"
	"problems part; diagnostics. Formats: text (default, 80 columns),\n"
	"markdown, json, html (one self-contained page with SVG charts).\n"
	"\n"
	"--roll-up: one row per document plus archive totals; formats tsv\n"
	"(default), csv, jsonl, html.\n"
	"\n"
	"  -f, --format FORMAT  as above\n"
	"      --roll-up        one row per document\n"
	"  -o, --output FILE    write to FILE atomically\n"
	"  -h, --help           show this help\n";

typedef enum { F_TEXT, F_MARKDOWN, F_JSON, F_HTML, F_TSV, F_CSV, F_JSONL } fmt;

/* ---- output buffer ---- */

static void putr(out *o, rpt_str s) { out_put(o, s.p, s.len); }

static void printf_(out *o, const char *fmt_, ...) __attribute__((format(printf, 2, 3)));
static void printf_(out *o, const char *fmt_, ...)
{
	char tmp[1024];
	va_list ap;
	va_start(ap, fmt_);
	int n = vsnprintf(tmp, sizeof tmp, fmt_, ap);
	va_end(ap);
	if (n > 0)
		out_put(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static void esc_html(out *o, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;"
				  : s[i] == '>' ? "&gt;" : s[i] == '"' ? "&quot;" : NULL;
		if (!rep)
			continue;
		out_put(o, s + run, i - run);
		out_puts(o, rep);
		run = i + 1;
	}
	out_put(o, s + run, n - run);
}

/* Display width of a UTF-8 string (CJK counts 2), for the 80 columns. */
static size_t width_of(const char *s, size_t n, size_t max_width, size_t *bytes)
{
	size_t w = 0, i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			break;
		int cw = utf8proc_charwidth(cp);
		if (cp == '\n' || cp == '\r' || cp == '\t')
			cw = 1;
		if (w + (size_t)(cw > 0 ? cw : 0) > max_width)
			break;
		w += (size_t)(cw > 0 ? cw : 0);
		i += (size_t)k;
	}
	if (bytes)
		*bytes = i;
	return w;
}

/* Text cut to fit `width` columns, line breaks as spaces. */
static void put_fit(out *o, rpt_str s, size_t width, bool pad)
{
	size_t bytes;
	size_t w = width_of(s.p, s.len, width, &bytes);
	bool cut = bytes < s.len;
	if (cut) {
		w = width_of(s.p, s.len, width > 1 ? width - 1 : 0, &bytes);
	}
	for (size_t i = 0; i < bytes; i++)
		out_put(o, s.p[i] == '\n' || s.p[i] == '\r' || s.p[i] == '\t' ? " " : s.p + i, 1);
	if (cut) {
		out_puts(o, "…");
		w++;
	}
	while (pad && w++ < width)
		out_puts(o, " ");
}

/* ---- gathering ---- */

typedef struct figure {
	rpt_indicator x;
} figure;

typedef struct summary {
	const char *name;
	rpt_doc *doc;
	rpt_doc_facts facts;
	rpt_section *secs;
	size_t n_secs;
	rpt_indicator *figs;
	size_t n_figs;
	size_t *figs_per_sec; /* indicators whose section path starts at this top-level section */
} summary;

static bool eq(rpt_str s, const char *lit)
{
	return s.len == strlen(lit) && memcmp(s.p, lit, s.len) == 0;
}

/* Is word one of the space-separated tokens of flags? */
static bool has_flag(rpt_str flags, const char *word)
{
	size_t wl = strlen(word);
	for (size_t i = 0; i + wl <= flags.len; i++)
		if ((i == 0 || flags.p[i - 1] == ' ') && memcmp(flags.p + i, word, wl) == 0 &&
		    (i + wl == flags.len || flags.p[i + wl] == ' '))
			return true;
	return false;
}

static void summary_free(summary *s)
{
	free(s->secs);
	free(s->figs);
	free(s->figs_per_sec);
	rpt_doc_free(s->doc);
	memset(s, 0, sizeof *s);
}

static bool summary_load(const rpt_parser *parser, const input *in, summary *s)
{
	memset(s, 0, sizeof *s);
	s->name = in->name;
	s->doc = parse_document(parser, in->name, in->data, in->len, NULL, 0);
	if (!s->doc)
		return false;
	rpt_doc_get_facts(s->doc, &s->facts);
	s->n_secs = rpt_doc_section_count(s->doc);
	s->n_figs = rpt_doc_indicator_count(s->doc);
	s->secs = calloc(s->n_secs ? s->n_secs : 1, sizeof *s->secs);
	s->figs = calloc(s->n_figs ? s->n_figs : 1, sizeof *s->figs);
	s->figs_per_sec = calloc(s->n_secs ? s->n_secs : 1, sizeof *s->figs_per_sec);
	if (!s->secs || !s->figs || !s->figs_per_sec) {
		errorf("%s: out of memory", s->name);
		summary_free(s);
		return false;
	}
	for (size_t i = 0; i < s->n_secs; i++)
		rpt_doc_section(s->doc, i, &s->secs[i]);
	for (size_t i = 0; i < s->n_figs; i++) {
		rpt_doc_indicator(s->doc, i, &s->figs[i]);
		/* count it under the innermost section that holds it: the last
		 * in document order to begin before it and end after (by the
		 * offsets, as two parts may both be numbered 一、) */
		for (size_t k = s->n_secs; k-- > 0;) {
			if (s->secs[k].start <= s->figs[i].start && s->figs[i].start < s->secs[k].end) {
				s->figs_per_sec[k]++;
				break;
			}
		}
	}
	return true;
}

/* Exact sum of the values of money figures of one role in one currency;
 * ranges count their lower bound, as metrics reports them. */
static bool money_total(const summary *s, const char *role, const char *unit,
			char *total, size_t cap, size_t *count)
{
	/* decimals as integer part + fraction up to 6 places, in int64 pairs */
	long long whole = 0, frac = 0; /* frac in millionths */
	*count = 0;
	for (size_t i = 0; i < s->n_figs; i++) {
		const rpt_indicator *x = &s->figs[i];
		/* a part (其中…) is already inside its whole */
		if (!eq(x->kind, "money") || !eq(x->role, role) || !eq(x->unit, unit) ||
		    has_flag(x->flags, "part"))
			continue;
		char v[48];
		size_t n = x->value.len < sizeof v - 1 ? x->value.len : sizeof v - 1;
		memcpy(v, x->value.p, n);
		v[n] = '\0';
		char *dot = strchr(v, '.');
		long long f = 0;
		if (dot) {
			*dot = '\0';
			char frac_s[7] = "000000";
			memcpy(frac_s, dot + 1, strlen(dot + 1) < 6 ? strlen(dot + 1) : 6);
			f = atoll(frac_s);
		}
		long long w = atoll(v);
		if (v[0] == '-')
			f = -f;
		if (__builtin_add_overflow(whole, w, &whole))
			return false;
		frac += f;
		(*count)++;
	}
	whole += frac / 1000000;
	frac %= 1000000;
	if (frac < 0) {
		frac += 1000000;
		whole--;
	}
	if (frac) {
		char fs[24];
		snprintf(fs, sizeof fs, "%06lld", frac);
		for (int k = 5; k >= 0 && fs[k] == '0'; k--)
			fs[k] = '\0';
		snprintf(total, cap, "%lld.%s", whole, fs);
	} else {
		snprintf(total, cap, "%lld", whole);
	}
	return true;
}

/* Indices of the k largest figures of the given kind (and role, unless
 * NULL), by value, largest first. */
static size_t largest(const summary *s, const char *kind, const char *role,
		      size_t *idx, size_t k)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n_figs; i++) {
		const rpt_indicator *x = &s->figs[i];
		if (!eq(x->kind, kind) || (role && !eq(x->role, role)))
			continue;
		char v[48];
		size_t vl = x->value.len < 47 ? x->value.len : 47;
		memcpy(v, x->value.p, vl);
		v[vl] = '\0';
		/* insertion into the top-k list */
		size_t pos = n;
		while (pos > 0) {
			const rpt_indicator *y = &s->figs[idx[pos - 1]];
			char w[48];
			size_t wl = y->value.len < 47 ? y->value.len : 47;
			memcpy(w, y->value.p, wl);
			w[wl] = '\0';
			int cmp;
			if (rpt_decimal_compare(v, w, &cmp) != 0 || cmp <= 0)
				break;
			pos--;
		}
		if (pos >= k)
			continue;
		size_t last = n < k ? n : k - 1;
		memmove(idx + pos + 1, idx + pos, (last - pos) * sizeof *idx);
		idx[pos] = i;
		if (n < k)
			n++;
	}
	return n;
}

static void diag_line(const summary *s, out *o, bool with_counts)
{
	size_t n = rpt_doc_diag_count(s->doc);
	printf_(o, "%zu", n);
	if (!n || !with_counts)
		return;
	/* counts by code, in order of first appearance */
	const char *codes[16];
	size_t counts[16], nc = 0;
	for (size_t i = 0; i < n; i++) {
		rpt_diag g;
		if (rpt_doc_diag(s->doc, i, &g) != 0)
			continue;
		size_t k = 0;
		while (k < nc && strcmp(codes[k], g.code) != 0)
			k++;
		if (k == nc && nc < 16) {
			codes[nc] = g.code;
			counts[nc++] = 0;
		}
		if (k < nc)
			counts[k]++;
	}
	out_puts(o, " (");
	for (size_t k = 0; k < nc; k++)
		printf_(o, "%s%s %zu", k ? ", " : "", codes[k], counts[k]);
	out_puts(o, ")");
}

static void period_text(const summary *s, out *o)
{
	for (int k = 0; k < 2; k++) {
		if (!s->facts.period[k].len)
			continue;
		if (k)
			out_puts(o, ", ");
		putr(o, s->facts.period[k]);
		out_puts(o, " (");
		putr(o, s->facts.period_role[k]);
		out_puts(o, ")");
	}
}

/* The first date of the header and its type: 2026-01-26 (delivered). */
static void date_text(const summary *s, out *o)
{
	if (!s->facts.date.len) {
		out_puts(o, "-");
		return;
	}
	putr(o, s->facts.date);
	if (s->facts.date_type.len) {
		out_puts(o, " (");
		putr(o, s->facts.date_type);
		out_puts(o, ")");
	}
}

/* The year the document is of: its title's first period, else the day
 * it was delivered (a 政府工作报告 has no year in its title); or empty. */
static rpt_str doc_year(const summary *s)
{
	if (s->facts.period[0].len >= 4)
		return (rpt_str){s->facts.period[0].p, 4};
	if (s->facts.date.len >= 4 && s->facts.date_type.len == 9 &&
	    memcmp(s->facts.date_type.p, "delivered", 9) == 0)
		return (rpt_str){s->facts.date.p, 4};
	return (rpt_str){"", 0};
}

/* ---- one document: text and markdown ---- */

/* One figure on one line of at most 80 columns: the figure as written in
 * 16 columns, its subject, its section path. */
static void figure_line(out *o, const rpt_indicator *x, bool md)
{
	out line = {0};
	out_puts(&line, md ? "- " : "  ");
	put_fit(&line, x->raw, 16, !md);
	out_puts(&line, " ");
	put_fit(&line, x->subject, 40, false);
	if (*x->section) {
		out_puts(&line, "  (");
		out_puts(&line, x->section);
		out_puts(&line, ")");
	}
	put_fit(o, (rpt_str){line.p ? line.p : "", line.len}, md ? 400 : 80, false);
	free(line.p);
	out_puts(o, "\n");
}

static const char *const roles[] = {"actual", "target", "estimate", "policy"};

static void render_text(const summary *s, out *o, bool md)
{
	rpt_str title = s->facts.title.len ? s->facts.title : (rpt_str){s->name, strlen(s->name)};
	if (md)
		out_puts(o, "# ");
	put_fit(o, title, 78, false);
	out_puts(o, "\n\n");
	out_puts(o, md ? "- **file**: " : "  file:    ");
	out_puts(o, s->name);
	out_puts(o, md ? "\n- **issuer**: " : "\n  issuer:  ");
	putr(o, s->facts.issuer.len ? s->facts.issuer : (rpt_str){"-", 1});
	out_puts(o, md ? "\n- **type**: " : "\n  type:    ");
	putr(o, s->facts.doc_type);
	out_puts(o, md ? "\n- **period**: " : "\n  period:  ");
	period_text(s, o);
	out_puts(o, md ? "\n- **date**: " : "\n  date:    ");
	date_text(s, o);
	printf_(o, md ? "\n- **sections**: %zu, **figures**: %zu\n\n" : "\n  sections %zu, figures %zu\n\n",
		s->n_secs, s->n_figs);

	out_puts(o, md ? "## Outline\n\n" : "Outline\n");
	for (size_t i = 0; i < s->n_secs; i++) {
		const rpt_section *c = &s->secs[i];
		if (c->level > 3)
			continue;
		size_t indent = 2 * (size_t)c->level;
		if (md) {
			for (int k = 1; k < c->level; k++)
				out_puts(o, "  ");
			out_puts(o, "- ");
			putr(o, c->num);
			put_fit(o, c->heading, 200, false);
			if (c->level == 1) {
				out_puts(o, " *(");
				putr(o, c->kind);
				out_puts(o, ")*");
			}
			out_puts(o, "\n");
			continue;
		}
		for (size_t k = 0; k < indent; k++)
			out_puts(o, " ");
		rpt_str line = c->num;
		size_t used = width_of(line.p, line.len, 80, NULL);
		putr(o, line);
		size_t room = 80 - indent - used - 16;
		put_fit(o, c->heading, room, true);
		printf_(o, " %-8.*s %3zu\n", (int)c->kind.len, c->kind.p, s->figs_per_sec[i]);
	}

	out_puts(o, md ? "\n## Money\n\n" : "\nMoney (sum of the figures in each role, CNY)\n");
	if (md)
		out_puts(o, "| role | figures | total (CNY) |\n|---|---:|---:|\n");
	for (size_t r = 0; r < sizeof roles / sizeof *roles; r++) {
		char total[64];
		size_t count;
		if (!money_total(s, roles[r], "CNY", total, sizeof total, &count) || !count)
			continue;
		if (md)
			printf_(o, "| %s | %zu | %s |\n", roles[r], count, total);
		else
			printf_(o, "  %-9s %4zu figures  %22s 元\n", roles[r], count, total);
	}

	size_t idx[5];
	size_t n = largest(s, "count", NULL, idx, 5);
	if (n) {
		out_puts(o, md ? "\n## Largest counts\n\n" : "\nLargest counts\n");
		for (size_t k = 0; k < n; k++) {
			figure_line(o, &s->figs[idx[k]], md);
		}
	}

	bool any = false;
	for (size_t i = 0; i < s->n_figs; i++) {
		const rpt_indicator *x = &s->figs[i];
		if (!eq(x->role, "target"))
			continue;
		if (!any)
			out_puts(o, md ? "\n## Targets\n\n" : "\nTargets\n");
		any = true;
		figure_line(o, x, md);
	}

	any = false;
	for (size_t i = 0; i < s->n_secs; i++) {
		const rpt_section *c = &s->secs[i];
		if (!eq(c->kind, "issues"))
			continue;
		if (!any)
			out_puts(o, md ? "\n## Problems\n\n" : "\nProblems (存在的问题)\n");
		any = true;
		out line = {0};
		out_puts(&line, md ? "- " : "  ");
		putr(&line, c->num);
		putr(&line, c->heading);
		put_fit(o, (rpt_str){line.p ? line.p : "", line.len}, md ? 400 : 80, false);
		free(line.p);
		out_puts(o, "\n");
	}

	out line = {0};
	out_puts(&line, md ? "**Diagnostics**: " : "Diagnostics: ");
	diag_line(s, &line, true);
	out_puts(o, "\n");
	put_fit(o, (rpt_str){line.p ? line.p : "", line.len}, md ? 400 : 80, false);
	free(line.p);
	out_puts(o, "\n");
}

/* ---- one document: JSON ---- */

static void render_json(const summary *s, out *o)
{
	out_puts(o, "{\"file\":");
	out_json(o, s->name, strlen(s->name));
	out_puts(o, ",\"title\":");
	out_json(o, s->facts.title.p, s->facts.title.len);
	out_puts(o, ",\"issuer\":");
	out_json(o, s->facts.issuer.p, s->facts.issuer.len);
	out_puts(o, ",\"doc_type\":");
	out_json(o, s->facts.doc_type.p, s->facts.doc_type.len);
	out_puts(o, ",\"periods\":[");
	for (int k = 0; k < 2 && s->facts.period[k].len; k++) {
		out_puts(o, k ? ",{\"value\":" : "{\"value\":");
		out_json(o, s->facts.period[k].p, s->facts.period[k].len);
		out_puts(o, ",\"role\":");
		out_json(o, s->facts.period_role[k].p, s->facts.period_role[k].len);
		out_puts(o, "}");
	}
	out_puts(o, "],\"date\":");
	if (s->facts.date.len) {
		out_puts(o, "{\"value\":");
		out_json(o, s->facts.date.p, s->facts.date.len);
		out_puts(o, ",\"type\":");
		out_json(o, s->facts.date_type.p, s->facts.date_type.len);
		out_puts(o, "}");
	} else {
		out_puts(o, "null");
	}
	out_puts(o, ",\"outline\":[");
	for (size_t i = 0; i < s->n_secs; i++) {
		const rpt_section *c = &s->secs[i];
		printf_(o, "%s{\"level\":%d,\"path\":", i ? "," : "", c->level);
		out_json(o, c->path, strlen(c->path));
		out_puts(o, ",\"num\":");
		out_json(o, c->num.p, c->num.len);
		out_puts(o, ",\"heading\":");
		out_json(o, c->heading.p, c->heading.len);
		out_puts(o, ",\"kind\":");
		out_json(o, c->kind.p, c->kind.len);
		printf_(o, ",\"figures\":%zu}", s->figs_per_sec[i]);
	}
	out_puts(o, "],\"money\":{");
	bool first = true;
	for (size_t r = 0; r < sizeof roles / sizeof *roles; r++) {
		char total[64];
		size_t count;
		if (!money_total(s, roles[r], "CNY", total, sizeof total, &count) || !count)
			continue;
		printf_(o, "%s\"%s\":{\"figures\":%zu,\"total\":\"%s\",\"unit\":\"CNY\"}",
			first ? "" : ",", roles[r], count, total);
		first = false;
	}
	out_puts(o, "},\"largest_counts\":[");
	size_t idx[5];
	size_t n = largest(s, "count", NULL, idx, 5);
	for (size_t k = 0; k < n; k++) {
		const rpt_indicator *x = &s->figs[idx[k]];
		out_puts(o, k ? ",{\"raw\":" : "{\"raw\":");
		out_json(o, x->raw.p, x->raw.len);
		out_puts(o, ",\"value\":");
		out_json(o, x->value.p, x->value.len);
		out_puts(o, ",\"unit\":");
		out_json(o, x->unit.p, x->unit.len);
		out_puts(o, ",\"subject\":");
		out_json(o, x->subject.p, x->subject.len);
		out_puts(o, "}");
	}
	out_puts(o, "],\"targets\":[");
	first = true;
	for (size_t i = 0; i < s->n_figs; i++) {
		const rpt_indicator *x = &s->figs[i];
		if (!eq(x->role, "target"))
			continue;
		out_puts(o, first ? "{\"raw\":" : ",{\"raw\":");
		first = false;
		out_json(o, x->raw.p, x->raw.len);
		out_puts(o, ",\"kind\":");
		out_json(o, x->kind.p, x->kind.len);
		out_puts(o, ",\"value\":");
		out_json(o, x->value.p, x->value.len);
		out_puts(o, ",\"unit\":");
		out_json(o, x->unit.p, x->unit.len);
		out_puts(o, ",\"subject\":");
		out_json(o, x->subject.p, x->subject.len);
		out_puts(o, ",\"section\":");
		out_json(o, x->section, strlen(x->section));
		out_puts(o, "}");
	}
	out_puts(o, "],\"problems\":[");
	first = true;
	for (size_t i = 0; i < s->n_secs; i++) {
		const rpt_section *c = &s->secs[i];
		if (!eq(c->kind, "issues"))
			continue;
		if (!first)
			out_puts(o, ",");
		first = false;
		out_json(o, c->heading.p, c->heading.len);
	}
	printf_(o, "],\"diagnostics\":%zu}\n", rpt_doc_diag_count(s->doc));
}

/* ---- HTML with SVG charts ---- */

static const char html_head[] =
	"<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	"<title>%s</title>\n<style>\n"
	"body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\","
	"\"Microsoft YaHei\",sans-serif;max-width:60em;margin:2em auto;color:#222}\n"
	"td{overflow-wrap:anywhere}\n"
	"table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
	"padding:.2em .5em;text-align:left}td.n{text-align:right}\n"
	"ul.outline li{margin:.1em 0}.k{color:#777;font-size:.85em}\n"
	"svg text{font-size:12px}\n"
	"</style>\n</head>\n<body>\n";

/* A horizontal bar chart: labels, values (as doubles only for drawing;
 * the numbers printed beside the bars are the exact ones). */
static void svg_bars(out *o, const char *title, size_t n, const char *const *labels,
		     const size_t *label_lens, const double *values, const char *const *shown,
		     const char *color)
{
	double max = 0;
	for (size_t i = 0; i < n; i++)
		if (values[i] > max)
			max = values[i];
	if (n == 0 || max <= 0)
		return;
	size_t h = 22 * n + 30;
	printf_(o, "<figure><figcaption>%s</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
		   "width=\"720\" height=\"%zu\" role=\"img\">\n", title, h);
	for (size_t i = 0; i < n; i++) {
		double w = 420.0 * values[i] / max;
		size_t y = 10 + 22 * i;
		printf_(o, "<text x=\"0\" y=\"%zu\">", y + 14);
		esc_html(o, labels[i], label_lens[i]);
		printf_(o, "</text><rect x=\"200\" y=\"%zu\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>"
			   "<text x=\"%.1f\" y=\"%zu\">%s</text>\n",
			y, w < 1 ? 1 : w, color, 205 + (w < 1 ? 1 : w), y + 14, shown[i]);
	}
	out_puts(o, "</svg></figure>\n");
}

/* Actual against target per subject: each row is scaled to its own
 * larger value (units differ from row to row); exact values are printed. */
static void svg_pairs(out *o, const summary *s)
{
	enum { MAX_ROWS = 12 };
	size_t t_idx[MAX_ROWS], a_idx[MAX_ROWS], n = 0;
	for (size_t i = 0; i < s->n_figs && n < MAX_ROWS; i++) {
		const rpt_indicator *t = &s->figs[i];
		/* 同比 and the like name a comparison, not what is measured */
		static const char *const vague[] = {"同比", "比上年", "较上年", "环比", "增长",
						    "其中", "全年", "占", NULL};
		bool is_vague = t->subject.len < 6;
		for (size_t v = 0; vague[v] && !is_vague; v++)
			is_vague = eq(t->subject, vague[v]);
		if (!eq(t->role, "target") || is_vague)
			continue;
		for (size_t j = 0; j < s->n_figs; j++) {
			const rpt_indicator *a = &s->figs[j];
			if (eq(a->role, "actual") && a->subject.len == t->subject.len &&
			    memcmp(a->subject.p, t->subject.p, a->subject.len) == 0 &&
			    a->kind.len == t->kind.len && memcmp(a->kind.p, t->kind.p, a->kind.len) == 0 &&
			    a->unit.len == t->unit.len && memcmp(a->unit.p, t->unit.p, a->unit.len) == 0) {
				t_idx[n] = i;
				a_idx[n++] = j;
				break;
			}
		}
	}
	if (!n)
		return;
	printf_(o, "<figure><figcaption>Actual (blue) against target (red), per subject"
		   "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" "
		   "height=\"%zu\" role=\"img\">\n", 40 * n + 10);
	for (size_t k = 0; k < n; k++) {
		const rpt_indicator *t = &s->figs[t_idx[k]], *a = &s->figs[a_idx[k]];
		double tv = strtod(t->value.p, NULL), av = strtod(a->value.p, NULL);
		double max = tv > av ? tv : av;
		if (max <= 0)
			max = 1;
		size_t y = 10 + 40 * k;
		size_t b;
		width_of(t->subject.p, t->subject.len, 26, &b);
		printf_(o, "<text x=\"0\" y=\"%zu\">", y + 22);
		esc_html(o, t->subject.p, b);
		printf_(o, "</text><rect x=\"200\" y=\"%zu\" width=\"%.1f\" height=\"14\" fill=\"#4a7ab5\"/>"
			   "<text x=\"%.1f\" y=\"%zu\">", y, 1 + 400 * av / max, 205 + 400 * av / max, y + 12);
		esc_html(o, a->raw.p, a->raw.len);
		printf_(o, "</text><rect x=\"200\" y=\"%zu\" width=\"%.1f\" height=\"14\" fill=\"#c0504d\"/>"
			   "<text x=\"%.1f\" y=\"%zu\">", y + 16, 1 + 400 * tv / max, 205 + 400 * tv / max,
			y + 28);
		esc_html(o, t->raw.p, t->raw.len);
		out_puts(o, "</text>\n");
	}
	out_puts(o, "</svg></figure>\n");
}

static void render_html(const summary *s, out *o)
{
	char title[512];
	size_t tl = s->facts.title.len < sizeof title - 1 ? s->facts.title.len : sizeof title - 1;
	memcpy(title, s->facts.title.p, tl);
	title[tl] = '\0';
	out esc = {0};
	esc_html(&esc, title, tl);
	out_put(&esc, "\0", 1); /* a C string for the format below */
	printf_(o, html_head, esc.p ? esc.p : "");
	if (esc.len)
		esc.len--;
	out_puts(o, "<h1>");
	out_put(o, esc.p ? esc.p : "", esc.len);
	free(esc.p);
	out_puts(o, "</h1>\n<table>\n<tr><th>file</th><td>");
	esc_html(o, s->name, strlen(s->name));
	out_puts(o, "</td></tr>\n<tr><th>issuer</th><td>");
	esc_html(o, s->facts.issuer.p, s->facts.issuer.len);
	out_puts(o, "</td></tr>\n<tr><th>type</th><td>");
	esc_html(o, s->facts.doc_type.p, s->facts.doc_type.len);
	out_puts(o, "</td></tr>\n<tr><th>period</th><td>");
	out pt = {0};
	period_text(s, &pt);
	esc_html(o, pt.p ? pt.p : "", pt.len);
	free(pt.p);
	out_puts(o, "</td></tr>\n<tr><th>date</th><td>");
	out dt = {0};
	date_text(s, &dt);
	esc_html(o, dt.p ? dt.p : "", dt.len);
	free(dt.p);
	printf_(o, "</td></tr>\n<tr><th>sections / figures</th><td>%zu / %zu</td></tr>\n</table>\n",
		s->n_secs, s->n_figs);

	/* figures per top-level section */
	size_t n_top = 0;
	for (size_t i = 0; i < s->n_secs; i++)
		n_top += s->secs[i].level == 1;
	const char **labels = calloc(n_top + 1, sizeof *labels);
	char (*texts)[96] = calloc(n_top + 1, sizeof *texts);
	size_t *lens = calloc(n_top + 1, sizeof *lens);
	double *vals = calloc(n_top + 1, sizeof *vals);
	char (*shown)[32] = calloc(n_top + 1, sizeof *shown);
	const char **shownp = calloc(n_top + 1, sizeof *shownp);
	if (labels && texts && lens && vals && shown && shownp) {
		size_t k = 0;
		for (size_t i = 0; i < s->n_secs; i++) {
			if (s->secs[i].level != 1)
				continue;
			size_t figs = 0;
			size_t pl = strlen(s->secs[i].path);
			for (size_t f = 0; f < s->n_figs; f++)
				figs += strncmp(s->figs[f].section, s->secs[i].path, pl) == 0 &&
					(s->figs[f].section[pl] == '\0' || s->figs[f].section[pl] == '/');
			/* 一、重点工作情况, cut to 24 columns */
			out label = {0};
			putr(&label, s->secs[i].num);
			putr(&label, s->secs[i].heading);
			size_t b;
			width_of(label.p ? label.p : "", label.len, 24, &b);
			if (b >= sizeof texts[k])
				b = sizeof texts[k] - 1;
			memcpy(texts[k], label.p ? label.p : "", b);
			free(label.p);
			labels[k] = texts[k];
			lens[k] = b;
			vals[k] = (double)figs;
			snprintf(shown[k], sizeof shown[k], "%zu", figs);
			shownp[k] = shown[k];
			k++;
		}
		svg_bars(o, "Figures per section", k, labels, lens, vals, shownp, "#4a7ab5");
	}
	free(labels);
	free(texts);
	free(lens);
	free(vals);
	free(shown);
	free(shownp);

	/* money by role, exact totals beside the bars */
	const char *rl[4];
	size_t rlen[4];
	double rv[4];
	char rs[4][64];
	const char *rsp[4];
	size_t nr = 0;
	for (size_t r = 0; r < sizeof roles / sizeof *roles; r++) {
		size_t count;
		if (!money_total(s, roles[r], "CNY", rs[nr], sizeof rs[nr], &count) || !count)
			continue;
		rl[nr] = roles[r];
		rlen[nr] = strlen(roles[r]);
		rv[nr] = strtod(rs[nr], NULL);
		rsp[nr] = rs[nr];
		nr++;
	}
	svg_bars(o, "Money by role (CNY): actual against target", nr, rl, rlen, rv, rsp, "#c0504d");
	svg_pairs(o, s);

	out_puts(o, "<h2>Outline</h2>\n<ul class=\"outline\">\n");
	for (size_t i = 0; i < s->n_secs; i++) {
		const rpt_section *c = &s->secs[i];
		printf_(o, "<li style=\"margin-left:%dem\">", 2 * (c->level - 1));
		esc_html(o, c->num.p, c->num.len);
		esc_html(o, c->heading.p, c->heading.len);
		out_puts(o, " <span class=\"k\">");
		esc_html(o, c->kind.p, c->kind.len);
		printf_(o, ", %zu</span></li>\n", s->figs_per_sec[i]);
	}
	out_puts(o, "</ul>\n<h2>Figures</h2>\n<table>\n<tr><th>section</th><th>figure</th><th>kind</th>"
		 "<th>value</th><th>unit</th><th>role</th><th>subject</th></tr>\n");
	for (size_t i = 0; i < s->n_figs; i++) {
		const rpt_indicator *x = &s->figs[i];
		out_puts(o, "<tr><td>");
		esc_html(o, x->section, strlen(x->section));
		out_puts(o, "</td><td>");
		esc_html(o, x->raw.p, x->raw.len);
		out_puts(o, "</td><td>");
		esc_html(o, x->kind.p, x->kind.len);
		out_puts(o, "</td><td class=\"n\">");
		esc_html(o, x->value.p, x->value.len);
		out_puts(o, "</td><td>");
		esc_html(o, x->unit.p, x->unit.len);
		out_puts(o, "</td><td>");
		esc_html(o, x->role.p, x->role.len);
		out_puts(o, "</td><td>");
		esc_html(o, x->subject.p, x->subject.len);
		out_puts(o, "</td></tr>\n");
	}
	out_puts(o, "</table>\n<p>Diagnostics: ");
	out dl = {0};
	diag_line(s, &dl, true);
	esc_html(o, dl.p ? dl.p : "", dl.len);
	free(dl.p);
	out_puts(o, "</p>\n</body>\n</html>\n");
}

/* ---- roll-up ---- */

static const char *const rollup_cols[] = {"file", "issuer", "year", "doc_type", "sections",
					  "figures", "money_actual", "money_target",
					  "top_figures", NULL};

static void cell(out *o, fmt f, int col, const char *s, size_t n)
{
	if (f == F_JSONL) {
		printf_(o, "%s\"%s\":", col ? "," : "{", rollup_cols[col]);
		out_json(o, s, n);
		return;
	}
	if (col)
		out_puts(o, f == F_TSV ? "\t" : ",");
	if (f == F_CSV) {
		bool quote = memchr(s, ',', n) || memchr(s, '"', n) || memchr(s, '\n', n) ||
			     memchr(s, '\r', n);
		if (quote) {
			out_puts(o, "\"");
			for (size_t i = 0; i < n; i++) {
				if (s[i] == '"')
					out_puts(o, "\"");
				out_put(o, s + i, 1);
			}
			out_puts(o, "\"");
			return;
		}
	}
	for (size_t i = 0; i < n; i++)
		out_put(o, s[i] == '\t' || s[i] == '\n' ? " " : s + i, 1);
}

static void end_row(out *o, fmt f)
{
	out_puts(o, f == F_JSONL ? "}\n" : f == F_CSV ? "\r\n" : "\n");
}

typedef struct totals {
	size_t docs, sections, figures;
	long long actual_whole, target_whole; /* in 元, integer part */
	long long actual_frac, target_frac;   /* millionths */
} totals;

static void add_money(long long *whole, long long *frac, const char *v)
{
	const char *dot = strchr(v, '.');
	*whole += atoll(v);
	if (dot) {
		char fs[7] = "000000";
		memcpy(fs, dot + 1, strlen(dot + 1) < 6 ? strlen(dot + 1) : 6);
		*frac += (v[0] == '-' ? -1 : 1) * atoll(fs);
	}
	*whole += *frac / 1000000;
	*frac %= 1000000;
}

static void fmt_money(long long whole, long long frac, char *outs, size_t cap)
{
	if (frac < 0) {
		frac += 1000000;
		whole--;
	}
	if (!frac) {
		snprintf(outs, cap, "%lld", whole);
		return;
	}
	char fs[24];
	snprintf(fs, sizeof fs, "%06lld", frac);
	for (int k = 5; k >= 0 && fs[k] == '0'; k--)
		fs[k] = '\0';
	snprintf(outs, cap, "%lld.%s", whole, fs);
}

static void rollup_row(const summary *s, out *o, fmt f, totals *t)
{
	char actual[64], target[64], num[32];
	size_t ca, ct;
	/* an overflowing sum (beyond 9.2e18 元) is left empty, never guessed */
	if (!money_total(s, "actual", "CNY", actual, sizeof actual, &ca))
		actual[0] = '\0';
	if (!money_total(s, "target", "CNY", target, sizeof target, &ct))
		target[0] = '\0';
	add_money(&t->actual_whole, &t->actual_frac, actual);
	add_money(&t->target_whole, &t->target_frac, target);
	t->docs++;
	t->sections += s->n_secs;
	t->figures += s->n_figs;

	cell(o, f, 0, s->name, strlen(s->name));
	cell(o, f, 1, s->facts.issuer.p, s->facts.issuer.len);
	rpt_str year = doc_year(s);
	cell(o, f, 2, year.p, year.len);
	cell(o, f, 3, s->facts.doc_type.p, s->facts.doc_type.len);
	snprintf(num, sizeof num, "%zu", s->n_secs);
	cell(o, f, 4, num, strlen(num));
	snprintf(num, sizeof num, "%zu", s->n_figs);
	cell(o, f, 5, num, strlen(num));
	cell(o, f, 6, actual, strlen(actual));
	cell(o, f, 7, target, strlen(target));
	/* the three largest actual money figures, as written */
	out top = {0};
	size_t idx[3];
	size_t n = largest(s, "money", "actual", idx, 3);
	for (size_t k = 0; k < n; k++) {
		if (k)
			out_puts(&top, "; ");
		putr(&top, s->figs[idx[k]].raw);
	}
	cell(o, f, 8, top.p ? top.p : "", top.len);
	free(top.p);
	end_row(o, f);
}

static void rollup_totals(out *o, fmt f, const totals *t)
{
	char a[64], g[64], num[32];
	fmt_money(t->actual_whole, t->actual_frac, a, sizeof a);
	fmt_money(t->target_whole, t->target_frac, g, sizeof g);
	snprintf(num, sizeof num, "%zu document%s", t->docs, t->docs == 1 ? "" : "s");
	cell(o, f, 0, "(total)", 7);
	cell(o, f, 1, num, strlen(num));
	cell(o, f, 2, "", 0);
	cell(o, f, 3, "", 0);
	snprintf(num, sizeof num, "%zu", t->sections);
	cell(o, f, 4, num, strlen(num));
	snprintf(num, sizeof num, "%zu", t->figures);
	cell(o, f, 5, num, strlen(num));
	cell(o, f, 6, a, strlen(a));
	cell(o, f, 7, g, strlen(g));
	cell(o, f, 8, "", 0);
	end_row(o, f);
}

/* ---- command ---- */

static bool parse_format(const char *s, fmt *f)
{
	static const struct {
		const char *name;
		fmt f;
	} names[] = {{"text", F_TEXT}, {"markdown", F_MARKDOWN}, {"json", F_JSON},
		     {"html", F_HTML}, {"tsv", F_TSV},		 {"csv", F_CSV},
		     {"jsonl", F_JSONL}};
	for (size_t k = 0; k < sizeof names / sizeof *names; k++)
		if (strcmp(s, names[k].name) == 0) {
			*f = names[k].f;
			return true;
		}
	return false;
}

/* One bar of the roll-up page's chart. */
typedef struct bar {
	char name[96], shown[64];
	size_t name_len;
	double value; /* only for the bar's length on the page */
} bar;

typedef struct context {
	const rpt_parser *parser;
	fmt f;
	bool rollup;
	bool records; /* --input-format jsonl: one JSON record per document */
	const char *output;
	out o; /* what is not yet written: all of it with -o or HTML roll-ups */
	totals t;
	bar *bars;
	size_t n_bars, cap_bars;
} context;

static void summarize_work(void *ctx, job *j)
{
	context *c = ctx;
	summary *s = malloc(sizeof *s);
	if (!s) {
		errorf("%s: out of memory", j->in.name);
		j->status = EXIT_TROUBLE;
		return;
	}
	if (!summary_load(c->parser, &j->in, s)) {
		free(s);
		j->status = EXIT_TROUBLE;
		return;
	}
	if (c->rollup) {
		j->result = s; /* totals are added up in order, by the emitter */
		return;
	}
	out text = {0};
	if (c->records) {
		batch_json_key(&text, &j->in);
		out_puts(&text, ",\"status\":\"ok\",\"summary\":");
		render_json(s, &text);
		if (text.len && text.p[text.len - 1] == '\n')
			text.len--;
		out_puts(&text, "}\n");
	} else if (c->f == F_JSON)
		render_json(s, &text);
	else if (c->f == F_HTML)
		render_html(s, &text);
	else
		render_text(s, &text, c->f == F_MARKDOWN);
	if (text.failed) {
		errorf("%s: out of memory", j->in.name);
		j->status = EXIT_TROUBLE;
	} else {
		write_stdout(text.p, text.len);
	}
	free(text.p);
	summary_free(s);
	free(s);
}

static void add_bar(context *c, const summary *s)
{
	if (c->n_bars == c->cap_bars) {
		size_t cap = c->cap_bars ? c->cap_bars * 2 : 64;
		bar *more = realloc(c->bars, cap * sizeof *more);
		if (!more) {
			c->o.failed = true;
			return;
		}
		c->bars = more;
		c->cap_bars = cap;
	}
	bar *b = &c->bars[c->n_bars++];
	char a[64];
	size_t cnt;
	money_total(s, "actual", "CNY", a, sizeof a, &cnt);
	rpt_str year = doc_year(s);
	if (year.len)
		snprintf(b->name, sizeof b->name, "%.4s %s", year.p, s->name);
	else
		snprintf(b->name, sizeof b->name, "%s", s->name);
	width_of(b->name, strlen(b->name), 26, &b->name_len);
	b->value = strtod(a, NULL);
	snprintf(b->shown, sizeof b->shown, "%s", a);
}

static void html_row(out *o, const out *tsv, const char *cell)
{
	printf_(o, "<tr><%s>", cell);
	for (size_t k = 0; k + 1 < tsv->len; k++) {
		if (tsv->p[k] == '\t')
			printf_(o, "</%s><%s>", cell, cell);
		else
			esc_html(o, tsv->p + k, 1);
	}
	printf_(o, "</%s></tr>\n", cell);
}

static bool summarize_emit(void *ctx, job *j)
{
	context *c = ctx;
	summary *s = j->result;
	if (s && c->f == F_HTML) {
		out row = {0};
		rollup_row(s, &row, F_TSV, &c->t);
		html_row(&c->o, &row, "td");
		free(row.p);
		add_bar(c, s);
	} else if (s) {
		rollup_row(s, &c->o, c->f, &c->t);
	} else if (c->records && j->status >= EXIT_TROUBLE) {
		batch_json_error(&c->o, j);
	} else {
		out_append(&c->o, &j->out);
	}
	/* stream what can be streamed */
	if (!c->output && c->o.len && !c->o.failed && !(c->rollup && c->f == F_HTML)) {
		bool ok = write_stdout(c->o.p, c->o.len);
		c->o.len = 0;
		return ok;
	}
	return true;
}

static void summarize_release(void *ctx, job *j)
{
	(void)ctx;
	if (j->result) {
		summary_free(j->result);
		free(j->result);
		j->result = NULL;
	}
}

static void rollup_head(context *c)
{
	if (c->f == F_HTML) {
		printf_(&c->o, html_head, "reportctl roll-up");
		out_puts(&c->o, "<h1>Roll-up</h1>\n<table>\n<tr>");
		for (int col = 0; rollup_cols[col]; col++)
			printf_(&c->o, "<th>%s</th>", rollup_cols[col]);
		out_puts(&c->o, "</tr>\n");
	} else if (c->f != F_JSONL) {
		for (int col = 0; rollup_cols[col]; col++) {
			if (col)
				out_puts(&c->o, c->f == F_TSV ? "\t" : ",");
			out_puts(&c->o, rollup_cols[col]);
		}
		end_row(&c->o, c->f);
	}
}

static void rollup_tail(context *c)
{
	if (c->f != F_HTML) {
		rollup_totals(&c->o, c->f, &c->t);
		return;
	}
	out row = {0};
	rollup_totals(&row, F_TSV, &c->t);
	html_row(&c->o, &row, "th");
	out_puts(&c->o, "</table>\n");
	free(row.p);
	size_t n = c->n_bars;
	const char **labels = calloc(n ? n : 1, sizeof *labels);
	const char **shown = calloc(n ? n : 1, sizeof *shown);
	size_t *lens = calloc(n ? n : 1, sizeof *lens);
	double *vals = calloc(n ? n : 1, sizeof *vals);
	if (labels && shown && lens && vals) {
		for (size_t i = 0; i < n; i++) {
			labels[i] = c->bars[i].name;
			shown[i] = c->bars[i].shown;
			lens[i] = c->bars[i].name_len;
			vals[i] = c->bars[i].value;
		}
		svg_bars(&c->o, "Money reported as actual, by document (CNY)", n, labels,
			 lens, vals, shown, "#4a7ab5");
	} else {
		c->o.failed = true;
	}
	free(labels);
	free(shown);
	free(lens);
	free(vals);
	out_puts(&c->o, "</body>\n</html>\n");
}

int cmd_summarize(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"roll-up", no_argument, NULL, 'R'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		BATCH_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	context c = {.f = F_TEXT};
	bool format_given = false;
	batch_opts b;
	batch_defaults(&b);
	b.shallow_dirs = true;
	int opt;
	opterr = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, ":f:o:h" BATCH_SHORTOPTS, longopts, NULL)) != -1) {
		int taken = batch_option(&b, "summarize", opt, optarg);
		if (taken < 0)
			return EXIT_TROUBLE;
		if (taken)
			continue;
		switch (opt) {
		case 'f':
			if (!parse_format(optarg, &c.f))
				return usage_error("summarize", optarg, "unknown format");
			format_given = true;
			break;
		case 'R': c.rollup = true; break;
		case 'o': c.output = optarg; break;
		case 'h':
			fputs(help, stdout);
			fputs(batch_help, stdout);
			return EXIT_OK;
		case ':':
			return usage_error("summarize", argv[optind - 1], "missing argument for");
		default:
			return usage_error("summarize", argv[optind - 1], "unknown option");
		}
	}
	if (c.rollup && !format_given)
		c.f = F_TSV;
	if (c.rollup ? (c.f == F_TEXT || c.f == F_MARKDOWN || c.f == F_JSON)
		     : (c.f == F_TSV || c.f == F_CSV || c.f == F_JSONL)) {
		errorf("summarize: format not available %s --roll-up",
		       c.rollup ? "with" : "without");
		return EXIT_TROUBLE;
	}
	if (b.jsonl && c.rollup) {
		errorf("summarize: --roll-up writes one table, not a line per --input-format jsonl record");
		return EXIT_TROUBLE;
	}
	c.records = b.jsonl;
	rpt_parser *parser = NULL;
	if (rpt_parser_new(&parser) != RPT_OK) {
		errorf("summarize: cannot compile patterns");
		return EXIT_TROUBLE;
	}
	c.parser = parser;
	if (c.rollup)
		rollup_head(&c);
	batch_ops ops = {.work = summarize_work, .emit = summarize_emit,
			 .release = summarize_release};
	int status = batch_run(&b, argv + optind, argc - optind, &ops, &c);
	if (c.rollup)
		rollup_tail(&c);
	rpt_parser_free(parser);
	free(c.bars);
	if (c.o.failed) {
		errorf("summarize: out of memory");
		status = EXIT_TROUBLE;
	} else if (c.output) {
		if (!write_atomic(c.output, c.o.p ? c.o.p : "", c.o.len))
			status = EXIT_TROUBLE;
	} else if (c.o.len && !write_stdout(c.o.p, c.o.len)) {
		status = EXIT_TROUBLE;
	}
	free(c.o.p);
	return status;
}
