/* rpt_parse: decode, take the text out of an HTML page, fold, split into
 * lines, then the meta and body passes. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "decode.h"
#include "error.h"
#include "html.h"
#include "parser.h"
#include "quantity.h"
#include "sha256.h"
#include "swar.h"
#include "utf8.h"

#ifndef RPT_VERSION
#define RPT_VERSION "0"
#endif

const char *rpt_version(void) { return RPT_VERSION; }

static const char docref_re[] =
	"《([^《》\\r\\n]{1,200})》"
	"(?:\\(([^()\\[\\]〔〕【】《》\\r\\n]{1,40}?)\\s*([\\[〔(【])\\s*"
	"((?:19|20)\\d{2})\\s*([\\]〕)】])\\s*第?\\s*(\\d{1,6})\\s*[号號]\\s*\\))?";

static const char docnum_re[] =
	"\\s*([^\\s()\\[\\]〔〕【】]{1,40}?)\\s*([\\[〔(【])\\s*((?:19|20)\\d{2})"
	"\\s*([\\]〕)】])\\s*第?\\s*(\\d{1,6})\\s*[号號]";

/* Alternatives in order of preference; inline.c reads the groups. Each
 * begins with 19 or 20 (a bare year also spaced out, 2 0 0 5年, as OCR
 * leaves it); the one more, a year in Chinese digits
 * ([〇○零一二三四五六七八九O0]{4}\s*年, group 23), is read by inline.c, as
 * a pattern that may begin at any Han character would be tried at every
 * one. */
static const char date_re[] =
	"(?<![0-9.])(?:"
	"((?:19|20)\\d{2})-(\\d{1,2})-(\\d{1,2})(?![0-9])"
	"(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?"
	"|((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]"
	"|((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月(?:份)?"
	"|((?:19|20)\\d{2})\\s*[-—–~至到]\\s*((?:19|20)\\d{2})\\s*年(?:度)?"
	"|((?:19|20)\\d{2})\\s*年\\s*(?:度\\s*)?(上半年|下半年|前三季度|第?[一二三四]季度)"
	"|((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*[-—–~至到]\\s*(\\d{1,2})\\s*月(?:份)?"
	"|((?:19|20)\\d{2}|(?<![0-9] )(?:1 9|2 0) \\d \\d)\\s*年(?:度)?"
	"|(?<![0-9.:/])(1[0-2]|0?[1-9])\\s*[-—–~至到]\\s*(1[0-2]|0?[1-9])\\s*月(?:份)?(?!\\d)"
	"|(?<=截至|截止|截止到)\\s*(1[0-2]|0?[1-9])\\s*月(?:底|末|份)?(?!\\d)"
	")";

static pcre2_code *compile(const char *pattern, uint32_t extra)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
				       PCRE2_UTF | PCRE2_NO_UTF_CHECK | extra,
				       &err, &off, NULL);
	if (re)
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back if absent */
	return re;
}

rpt_status rpt_parser_new(rpt_parser **out)
{
	if (!out)
		return RPT_EINVAL;
	rpt_parser *p = rpt_calloc(1, sizeof *p);
	if (!p)
		return RPT_ENOMEM;
	p->docref = compile(docref_re, 0);
	p->docnum = compile(docnum_re, PCRE2_ANCHORED);
	p->date = compile(date_re, 0);
	p->limits = pcre2_match_context_create(NULL);
	if (p->limits) {
		/* Our patterns need a few hundred steps on real text. */
		pcre2_set_match_limit(p->limits, 100000);
		pcre2_set_depth_limit(p->limits, 1000);
	}
	if (!p->docref || !p->docnum || !p->date || !p->limits) {
		rpt_parser_free(p);
		return RPT_ENOMEM;
	}
	inline_mark_words(p);
	indicator_mark_words(p);
	body_mark_words(p);
	for (const char *c = "0123456789.hw;!?-"; *c; c++)
		p->ascii_stops[(unsigned char)*c] = 1;
	for (size_t k = 0; k < HAN_COUNT; k++)
		p->han_stops[HAN_FIRST - 0x4000 + k] = p->begins[k] != 0;
	*out = p;
	return RPT_OK;
}

void rpt_parser_free(rpt_parser *p)
{
	if (!p)
		return;
	pcre2_code_free(p->docref);
	pcre2_code_free(p->docnum);
	pcre2_code_free(p->date);
	pcre2_match_context_free(p->limits);
	rpt_free(p);
}

void parser_mark_words(rpt_parser *p, const char *const *words, size_t n,
		       unsigned flag)
{
	for (size_t k = 0; k < n; k++) {
		const unsigned char *u = (const unsigned char *)words[k];
		uint32_t cp = utf8_cp3(words[k]);
		if (u[0] >= 0xE4 && u[0] <= 0xE9 && cp >= HAN_FIRST)
			p->begins[cp - HAN_FIRST] |= (uint8_t)flag;
	}
}

int32_t scan_add(scan *s, int32_t parent, node_type type, size_t vs, size_t ve)
{
	return doc_add(s->doc, parent, type, fold_orig(s->v, vs),
		       fold_orig(s->v, ve));
}

ptrdiff_t scan_chrome(const scan *s, const line *l)
{
	if (!s->n_chrome || l->cs == l->ce)
		return -1;
	size_t a = fold_orig(s->v, l->cs), b = fold_orig(s->v, l->ce);
	/* the last range starting at or before a */
	size_t lo = 0, hi = s->n_chrome;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->chrome[mid].start <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || s->chrome[lo - 1].end < b)
		return -1;
	return (ptrdiff_t)(lo - 1);
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* The first line break in t[i, end) (end when none): an LF, or a lone
 * CR. A CR is lone unless an LF follows it at once (looked for up to
 * len, the text's end): a CR LF breaks at its LF. */
static size_t next_break(const char *t, size_t i, size_t end, size_t len)
{
	size_t c = i;
	for (; c + 16 <= end; c += 16) {
		unsigned m = bytes16_in(t + c, "\n\r", 2);
		if (m) {
			c += (size_t)__builtin_ctz(m);
			break;
		}
	}
	while (c < end && t[c] != '\n' && t[c] != '\r')
		c++;
	if (c < end && t[c] == '\r' && c + 1 < len && t[c + 1] == '\n')
		return c + 1;
	return c;
}

/* Does the break after the line [ls, le) fall inside a sentence: the line
 * ends in an opening bracket or quote (…落实《), or the next one, from
 * next, begins with a closing one or with punctuation that never opens a
 * line (》…条例, ）浓度, ，…)? Copies that put each linked word on a line
 * of its own break so. */
static bool sentence_wraps(const char *t, size_t ls, size_t le, size_t next, size_t n)
{
	static const char *const openers[] = {"《", "（", "(", "“", "「"};
	static const char *const closers[] = {"》", "）", ")", "”", "」", "，", ",", "。",
					      "、", "；", ";", "："};
	enum { N_OPEN = sizeof openers / sizeof *openers, N_CLOSE = sizeof closers / sizeof *closers };
	while (le > ls && (t[le - 1] == ' ' || t[le - 1] == '\t'))
		le--;
	while (next < n && (t[next] == ' ' || t[next] == '\t'))
		next++;
	if (le == ls || next >= n || t[next] == '\n' || t[next] == '\r')
		return false; /* (an empty line ends the paragraph) */
	size_t o = ends_any(t, ls, le, openers, N_OPEN);
	/* (a bracket alone on its line, ⏎（⏎三）改革开放…, opens a marker the
	 * next line begins: joined, the space between would hide it) */
	if (o < N_OPEN)
		return le - ls != strlen(openers[o]);
	return starts_any(t + next, n - next, closers, N_CLOSE) < N_CLOSE;
}

/* Splits the view at LF, CR LF and lone CR, but for a break inside a
 * figure (quantity_unit_wraps) or a sentence (sentence_wraps): there the
 * view reads a space instead, so that the two lines are one, and the
 * figure one with its unit. The text itself keeps its line break. */
static rpt_status split_lines(scan *s)
{
	char *t = s->v->text;
	size_t n = s->v->len, cap = 0;
	size_t start = 0, k = 0;
	for (;;) {
		/* one pass, the table grown as lines come (s->lines is freed
		 * by the caller, also when growing it fails) */
		if (!rpt_grow((void **)&s->lines, &cap, k, sizeof *s->lines, 64))
			return RPT_ENOMEM;
		size_t i = next_break(t, start, n, n), end;
		for (;;) {
			end = i;
			if (end > start && t[end - 1] == '\r')
				end--;
			if (i >= n || !(quantity_unit_wraps(t, start, end, i + 1, n) ||
					sentence_wraps(t, start, end, i + 1, n)))
				break;
			memset(t + end, ' ', i + 1 - end);
			i = next_break(t, i + 1, n, n);
		}
		line *l = &s->lines[k++];
		l->start = start;
		l->end = end;
		l->cs = start;
		l->ce = end;
		/* The BOM, the form feed of pdftotext and a <U+00A0> of an
		 * export are not content. */
		while (l->cs < l->ce) {
			if (is_space(t[l->cs]) || t[l->cs] == '\f' || t[l->cs] == '\v')
				l->cs++;
			else if (strncmp(t + l->cs, "\xEF\xBB\xBF", 3) == 0 &&
				 l->cs + 3 <= l->ce)
				l->cs += 3;
			/* a no-break space written out by a text export */
			else if (l->cs + 8 <= l->ce && memcmp(t + l->cs, "<U+00A0>", 8) == 0)
				l->cs += 8;
			else
				break;
		}
		while (l->ce > l->cs && (is_space(t[l->ce - 1]) ||
					 t[l->ce - 1] == '\f' || t[l->ce - 1] == '\v'))
			l->ce--;
		if (i >= n)
			break;
		start = i + 1;
	}
	s->n_lines = k;
	return RPT_OK;
}

static void set_report_attrs(rpt_doc *d, const scan *s)
{
	int32_t r = d->root;
	doc_attr_str(d, r, "schema-version", RPT_SCHEMA_VERSION);
	doc_attr_str(d, r, "src-name", d->src_name ? d->src_name : "-");
	doc_attr_int(d, r, "src-bytes", (long long)d->src_bytes);
	if (!d->digest_deferred)
		doc_attr_str(d, r, "src-sha256", d->src_sha256);
	doc_attr_str(d, r, "encoding", d->encoding);
	doc_attr_str(d, r, "bom", d->bom ? "true" : "false");
	doc_attr_str(d, r, "offset-unit", "byte");
	if (d->html)
		doc_attr_str(d, r, "source-format", "html");
	doc_attr_str(d, r, "doc-type", s->doc_type);
}

/* The nodes of one type, in document order, for O(1) access by index. */
static int32_t *index_nodes(rpt_doc *d, node_type type, size_t *count)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n_nodes; i++)
		n += d->nodes[i].type == type;
	int32_t *ids = rpt_malloc((n ? n : 1) * sizeof *ids);
	if (!ids) {
		d->oom = true;
		return NULL;
	}
	*count = 0;
	for (size_t i = 0; i < d->n_nodes; i++)
		if (d->nodes[i].type == type)
			ids[(*count)++] = (int32_t)i;
	return ids;
}

static void index_indicators(rpt_doc *d)
{
	d->indicator_ids = index_nodes(d, N_INDICATOR, &d->n_indicator_ids);
	d->section_ids = index_nodes(d, N_SECTION, &d->n_section_ids);
	facts_index_names(d);
}

typedef struct diag_at {
	uint32_t start, i;
} diag_at;

static int by_start(const void *a, const void *b)
{
	const diag_at *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The line and column (in characters; LF, CRLF and CR end a line) of
 * every diagnostic, in one pass over the text: counting from the start
 * for each one took quadratic time on a document of 100 000 malformed
 * headings and their 200 000 diagnostics. Line breaks are found 16 bytes
 * at a time; characters are counted only on the lines that hold one. */
static bool place_diags(rpt_doc *d)
{
	if (d->n_diags == 0)
		return true;
	diag_at *order = rpt_malloc(d->n_diags * sizeof *order);
	if (!order)
		return false;
	for (size_t i = 0; i < d->n_diags; i++)
		order[i] = (diag_at){d->diags[i].start, (uint32_t)i};
	qsort(order, d->n_diags, sizeof *order, by_start);
	const char *t = d->text;
	size_t k = 0, ln = 1, col = 1; /* col is the column at k */
	for (size_t i = 0; i < d->n_diags; i++) {
		size_t target = order[i].start < d->len ? order[i].start : d->len;
		while (k < target) {
			size_t b = next_break(t, k, target, d->len);
			if (b == target) {
				for (; k < target; k++)
					col += ((unsigned char)t[k] & 0xC0) != 0x80 && t[k] != '\r';
				break;
			}
			ln++;
			col = 1;
			k = b + 1;
		}
		diag *g = &d->diags[order[i].i];
		g->line = (uint32_t)ln;
		g->col = (uint32_t)col;
	}
	rpt_free(order);
	return true;
}

/* A document that failed, freed without the caller's input: with
 * RPT_PARSE_TAKE_INPUT the input is still the caller's after a failure. */
static void drop_doc(rpt_doc *d, const char *bytes)
{
	if (d->text == bytes)
		d->text = NULL;
	rpt_doc_free(d);
}

/* rpt_parse; on success *taken says whether the input (taken with
 * RPT_PARSE_TAKE_INPUT) has become the document's text or been freed. */
static rpt_status parse(const rpt_parser *parser, const char *bytes, size_t len,
			const rpt_parse_options *options, rpt_doc **out,
			rpt_error *error, bool *taken)
{
	bool take = options && (options->flags & RPT_PARSE_TAKE_INPUT) && bytes;
	if (!parser || (!bytes && len) || !out)
		return rpt_set_error(error, RPT_EINVAL, 0, "invalid argument");
	*out = NULL;
	if (len >= UINT32_MAX / 2)
		return rpt_set_error(error, RPT_ELIMIT, 0,
				     "input of %zu bytes is too large", len);

	rpt_doc *d = rpt_calloc(1, sizeof *d);
	if (!d)
		return rpt_set_error(error, RPT_ENOMEM, 0, "out of memory");

	decoded dec;
	rpt_status st = decode_input(bytes ? bytes : "", len,
				     options ? options->encoding : NULL, take, &dec,
				     error);
	if (st != RPT_OK) {
		rpt_free(d);
		return st;
	}
	/* A page's markup is not the report: its visible text is, and every
	 * offset from here on refers to that text. */
	html_page page = {0};
	char *markup = NULL; /* the page as decoded, the input if it was taken */
	if (html_detect(dec.text, dec.len)) {
		st = html_extract(dec.text, dec.len, &page);
		markup = dec.text; /* freed once the digest is made */
		if (st != RPT_OK) {
			if (!dec.adopted)
				rpt_free(markup);
			rpt_free(d);
			return rpt_set_error(error, st, 0, "%s",
					     st == RPT_ENOMEM ? "out of memory"
							      : "HTML page too large");
		}
		dec.text = page.text;
		dec.len = page.len;
		page.text = NULL;
		d->html = true;
	}
	d->text = dec.text;
	d->len = dec.len;
	d->bom = dec.bom;
	d->src_bytes = len;
	/* The digest is for the XML only. When the text is the input itself
	 * (UTF-8) it is computed there, on demand; otherwise now, while the
	 * input bytes are at hand. */
	d->digest_deferred = len == dec.len && (len == 0 || memcmp(bytes, dec.text, len) == 0);
	if (!d->digest_deferred)
		sha256_hex(bytes ? bytes : "", len, d->src_sha256);
	if (!dec.adopted) {
		rpt_free(markup);
		markup = NULL;
	} /* else the input, freed on success only */
	if (options && options->encoding) {
		d->encoding_owned = rpt_strndup(options->encoding,
						strlen(options->encoding));
		d->encoding = d->encoding_owned;
	} else {
		d->encoding = dec.encoding;
	}
	if (options && options->src_name)
		d->src_name = rpt_strndup(options->src_name,
					  strlen(options->src_name));
	if (!d->encoding || (options && options->src_name && !d->src_name)) {
		html_page_free(&page);
		drop_doc(d, bytes);
		return rpt_set_error(error, RPT_ENOMEM, 0, "out of memory");
	}

	scan s = {.doc = d, .parser = parser, .v = &d->view,
		  .all_numbers = options && (options->flags & RPT_PARSE_ALL_NUMBERS),
		  .chrome = page.ranges, .n_chrome = page.n_ranges};
	fold_stops stops = {parser->ascii_stops, parser->han_stops};
	st = fold_build(d->text, d->len, &stops, &d->view);
	if (st == RPT_OK)
		st = split_lines(&s);
	if (st == RPT_OK) {
		s.md = pcre2_match_data_create(32, NULL);
		s.spans = rpt_malloc(inline_scratch_size());
		if (!s.md || !s.spans)
			st = RPT_ENOMEM;
	}
	if (st == RPT_OK) {
		d->root = doc_add(d, NO_NODE, N_REPORT, 0, d->len);
		size_t footer_line;
		size_t body_start = meta_build(&s, &footer_line);
		s.doc_type = meta_doc_type(&s);
		bool final_accounts = meta_final_accounts(&s);
		s.bulletin_doc = s.doc_type && strcmp(s.doc_type, "stat-bulletin") == 0;
		s.summary_doc = s.doc_type && (strcmp(s.doc_type, "work-summary") == 0 ||
					       strcmp(s.doc_type, "summary-plan") == 0);
		s.disclosure_doc = s.doc_type && strcmp(s.doc_type, "disclosure-report") == 0;
		s.own_year_past = final_accounts || s.bulletin_doc || s.disclosure_doc;
		s.budget_doc = s.doc_type && strcmp(s.doc_type, "budget") == 0 && !final_accounts;
		s.future_doc = s.doc_type && (strcmp(s.doc_type, "work-plan") == 0 ||
					      s.budget_doc || strcmp(s.doc_type, "plan") == 0 ||
					      meta_notice_of_plan(&s));
		s.rules_doc = meta_rules(&s);
		s.own_year_ahead = s.doc_type && strcmp(s.doc_type, "gov-work-report") == 0;
		s.doc_year = meta_doc_year(&s);
		meta_review_period(&s, s.review_period);
		body_build(&s, body_start, footer_line);
		set_report_attrs(d, &s);
		index_indicators(d);
		if (!d->oom && !place_diags(d))
			d->oom = true;
		if (d->oom)
			st = RPT_ENOMEM;
	}
	pcre2_match_data_free(s.md);
	rpt_free(s.spans);
	rpt_free(s.lines);
	html_page_free(&page);
	if (st != RPT_OK) {
		drop_doc(d, bytes);
		return rpt_set_error(error, st, 0, "out of memory");
	}
	/* The matching view, five bytes for each byte of text, serves the
	 * parse only: a large document keeps none of it. */
	fold_free(&d->view);
	rpt_free(markup);
	*taken = dec.adopted;
	*out = d;
	return RPT_OK;
}

rpt_status rpt_parse(const rpt_parser *parser, const char *bytes, size_t len,
		     const rpt_parse_options *options, rpt_doc **out,
		     rpt_error *error)
{
	bool taken = false;
	rpt_status st = parse(parser, bytes, len, options, out, error, &taken);
	if (st == RPT_OK && options && (options->flags & RPT_PARSE_TAKE_INPUT) && !taken)
		rpt_free((char *)bytes); /* ours, and decoded into a text of its own */
	return st;
}

void rpt_doc_free(rpt_doc *d)
{
	if (!d)
		return;
	rpt_free(d->text);
	fold_free(&d->view);
	rpt_free(d->encoding_owned);
	rpt_free(d->src_name);
	rpt_free(d->nodes);
	rpt_free(d->attrs);
	rpt_free(d->diags);
	rpt_free(d->indicator_ids);
	rpt_free(d->section_ids);
	buf_free(&d->strings);
	rpt_free(d);
}

const char *rpt_doc_text(const rpt_doc *d, size_t *len)
{
	if (len)
		*len = d ? d->len : 0;
	return d ? d->text : NULL;
}

const char *rpt_doc_encoding(const rpt_doc *d) { return d ? d->encoding : NULL; }

const char *rpt_doc_source_format(const rpt_doc *d)
{
	return d ? (d->html ? "html" : "text") : NULL;
}

size_t rpt_doc_diag_count(const rpt_doc *d) { return d ? d->n_diags : 0; }

int rpt_doc_diag(const rpt_doc *d, size_t i, rpt_diag *out)
{
	if (!d || i >= d->n_diags || !out)
		return -1;
	const diag *g = &d->diags[i];
	out->code = g->code;
	out->severity = g->severity;
	out->message = d->strings.data + g->message;
	out->start = g->start;
	out->end = g->end;
	out->line = g->line;
	out->col = g->col;
	return 0;
}

/* 省长刘小涛代表省人民政府向大会作政府工作报告。本报记者 朱江 摄: the
 * caption of a news photo, a line that ends in the credit of a reporter
 * (记者, a name of two to four characters, perhaps 摄). */
bool is_photo_caption(const char *t, size_t cs, size_t ce)
{
	if (ce - cs > 450) /* 150 Han characters */
		return false;
	size_t e = ce;
	while (e > cs && t[e - 1] == ' ')
		e--;
	if (ends_with(t, cs, e, "摄"))
		e -= 3;
	size_t han = 0, b = e;
	while (b > cs && han <= 4) {
		if (t[b - 1] == ' ') {
			b--;
			continue;
		}
		if (b < cs + 3 || (unsigned char)t[b - 3] < 0xE4 || (unsigned char)t[b - 3] > 0xE9 ||
		    ends_with(t, cs, b, "记者"))
			break;
		b -= 3;
		han++;
	}
	return han >= 2 && han <= 4 && ends_with(t, cs, b, "记者");
}

/* -1-, — 2 —, 第3页, 第3页 共9页: a page number as pdftotext leaves it on a
 * line of its own (with the form feed before it or after it). */
static size_t skip_page_space(const char *t, size_t i, size_t e)
{
	while (i < e && (t[i] == ' ' || t[i] == '\f'))
		i++;
	return i;
}

static size_t skip_dashes(const char *t, size_t i, size_t e)
{
	size_t k = i;
	while (k < e) {
		if (t[k] == '-')
			k++;
		else if (starts(t + k, e - k, "—") || starts(t + k, e - k, "–"))
			k += 3;
		else
			break;
	}
	return k;
}

static size_t skip_number(const char *t, size_t i, size_t e)
{
	size_t k = i;
	while (k < e && k - i < 4 && t[k] >= '0' && t[k] <= '9')
		k++;
	return k > i && (k == e || t[k] < '0' || t[k] > '9') ? k : i;
}

bool is_page_number(const char *t, size_t cs, size_t ce)
{
	size_t i = skip_page_space(t, cs, ce), k;
	if ((k = skip_dashes(t, i, ce)) > i) {
		/* -1-: dashes on both sides */
		i = skip_page_space(t, k, ce);
		if ((k = skip_number(t, i, ce)) == i)
			return false;
		i = skip_page_space(t, k, ce);
		if ((k = skip_dashes(t, i, ce)) == i)
			return false;
		return skip_page_space(t, k, ce) == ce;
	}
	/* 第3页, and its total after it: 第3页 共9页 */
	for (int part = 0; part < 2; part++) {
		const char *open = part ? "共" : "第";
		if (!starts(t + i, ce - i, open))
			return part == 1 && i == ce;
		i = skip_page_space(t, i + 3, ce);
		if ((k = skip_number(t, i, ce)) == i)
			return false;
		i = skip_page_space(t, k, ce);
		if (!starts(t + i, ce - i, "页"))
			return false;
		i = skip_page_space(t, i + 3, ce);
		if (i < ce && t[i] == ',')
			i = skip_page_space(t, i + 1, ce);
	}
	return i == ce;
}
