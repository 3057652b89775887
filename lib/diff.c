/* Comparing two reports. Sections are aligned first (by heading text,
 * then by similar headings, then by number), figures inside aligned
 * sections, and only then text, character by character, inside each
 * aligned pair: alignment never goes quadratic over a whole document. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "diff.h"
#include "utf8.h"

static rpt_str attr_of(const rpt_doc *d, int32_t n, const char *name)
{
	size_t len = 0;
	const char *p = doc_attr_get(d, n, name, &len);
	return (rpt_str){p ? p : "", p ? len : 0};
}

rpt_str diff_node_text(const rpt_doc *d, int32_t n)
{
	if (n == NO_NODE)
		return (rpt_str){"", 0};
	return (rpt_str){d->text + d->nodes[n].start, d->nodes[n].end - d->nodes[n].start};
}

static int32_t first_child(const rpt_doc *d, int32_t n, node_type type)
{
	for (int32_t c = d->nodes[n].first_child; c != NO_NODE; c = d->nodes[c].next)
		if (d->nodes[c].type == type)
			return c;
	return NO_NODE;
}

/* ---- collecting ---- */

static int32_t enclosing_section(const rpt_doc *d, int32_t n)
{
	for (n = d->nodes[n].parent; n != NO_NODE; n = d->nodes[n].parent)
		if (d->nodes[n].type == N_SECTION)
			return n;
	return NO_NODE;
}

/* index of each section node in the list, through a small search */
static int section_index(const dsec *list, size_t n, int32_t target)
{
	size_t lo = 0, hi = n;
	while (lo < hi) { /* sections are in node order */
		size_t mid = (lo + hi) / 2;
		if (list[mid].node < target)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && list[lo].node == target ? (int)lo : -1;
}

static bool collect_sections(const rpt_doc *d, dsec **out, size_t *count)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n_nodes; i++)
		n += d->nodes[i].type == N_SECTION;
	dsec *list = rpt_calloc(n ? n : 1, sizeof *list);
	if (!list)
		return false;
	size_t k = 0;
	for (size_t i = 0; i < d->n_nodes; i++) {
		if (d->nodes[i].type != N_SECTION)
			continue;
		dsec *s = &list[k++];
		s->node = (int32_t)i;
		s->match = -1;
		rpt_str num = attr_of(d, s->node, "num"), hkey = attr_of(d, s->node, "hkey");
		s->num = num.p;
		s->num_len = num.len;
		s->hkey = hkey.p;
		s->hkey_len = hkey.len;
		rpt_str h = diff_node_text(d, first_child(d, s->node, N_HEADING));
		s->heading = h.p;
		s->heading_len = h.len;
		rpt_str level = attr_of(d, s->node, "level");
		s->level = 0;
		for (size_t j = 0; j < level.len && j < 4; j++) /* not NUL-terminated */
			s->level = s->level * 10 + (level.p[j] - '0');
		doc_section_path(d, s->node, s->path, sizeof s->path);
		int32_t p = enclosing_section(d, s->node);
		s->parent = p == NO_NODE ? -1 : section_index(list, k - 1, p);
	}
	*out = list;
	*count = n;
	return true;
}

static bool collect_figures(const rpt_doc *d, const dsec *secs, size_t nsec,
			    dfig **out, size_t *count)
{
	size_t n = d->n_indicator_ids;
	dfig *list = rpt_calloc(n ? n : 1, sizeof *list);
	if (!list)
		return false;
	for (size_t i = 0; i < n; i++) {
		dfig *f = &list[i];
		f->node = d->indicator_ids[i];
		f->match = -1;
		int32_t s = enclosing_section(d, f->node);
		f->sec = s == NO_NODE ? -1 : section_index(secs, nsec, s);
		f->kind = attr_of(d, f->node, "kind");
		f->unit = attr_of(d, f->node, "unit");
		f->role = attr_of(d, f->node, "role");
		f->subject = attr_of(d, f->node, "subject");
		f->value = attr_of(d, f->node, "value");
		f->qualifier = attr_of(d, f->node, "qualifier");
		f->has_v = dec_parse(f->value.p, f->value.len, &f->v);
	}
	*out = list;
	*count = n;
	return true;
}

/* Pairing compares each item of one document with each of the other:
 * fine for reports of a few thousand sections and figures, quadratic
 * beyond. Past PAIR_LIMIT pairs, an item is compared only with the items
 * of the other document within a band around its proportional place
 * (what moved further is reported as removed and added), and a figure's
 * last resort is the nearest one of its measure, not the one of its rank. */
enum { PAIR_LIMIT = 4000000, SECTION_BAND = 16, FIGURE_BAND = 256 };

static bool banded(size_t n, size_t m) { return n && m && n > PAIR_LIMIT / m; }

/* The items [*lo, *hi) of the other document, of m, to compare with item
 * i of n. */
static void band(size_t i, size_t n, size_t m, bool on, size_t width, size_t *lo,
		 size_t *hi)
{
	*lo = 0;
	*hi = m;
	if (!on)
		return;
	size_t c = (size_t)((double)i * (double)m / (double)n);
	*lo = c > width ? c - width : 0;
	*hi = c + width < m ? c + width : m;
}

/* ---- sections ---- */

static bool same(const char *a, size_t al, const char *b, size_t bl)
{
	return al == bl && memcmp(a, b, al) == 0;
}

/* Dice coefficient of the character bigrams of two strings, in percent. */
static int similarity(const char *a, size_t al, const char *b, size_t bl)
{
	enum { MAX = 64 };
	uint32_t ca[MAX], cb[MAX];
	size_t na = 0, nb = 0, n;
	for (size_t i = 0; i < al && na < MAX; i += n)
		ca[na++] = utf8_decode(a + i, al - i, &n);
	for (size_t i = 0; i < bl && nb < MAX; i += n)
		cb[nb++] = utf8_decode(b + i, bl - i, &n);
	if (na < 2 || nb < 2)
		return na == nb && na && ca[0] == cb[0] ? 100 : 0;
	bool used[MAX] = {false};
	int common = 0;
	for (size_t i = 0; i + 1 < na; i++)
		for (size_t j = 0; j + 1 < nb; j++)
			if (!used[j] && ca[i] == cb[j] && ca[i + 1] == cb[j + 1]) {
				used[j] = true;
				common++;
				break;
			}
	return (int)(200 * common / (int)((na - 1) + (nb - 1)));
}

static void pair_sections(rpt_diff *df, int i, int j)
{
	dsec *s = &df->sa[i], *t = &df->sb[j];
	s->match = j;
	t->match = i;
	if (!same(s->num, s->num_len, t->num, t->num_len))
		s->what |= DS_RENUMBERED;
	if (!same(s->hkey, s->hkey_len, t->hkey, t->hkey_len))
		s->what |= DS_REWORDED;
	t->what = s->what;
}

/* Parents must be paired for children to pair: a (一) under 一、 and a
 * (一) under 二、 are different sections. */
static bool parents_agree(const rpt_diff *df, int i, int j)
{
	int pa = df->sa[i].parent, pb = df->sb[j].parent;
	if (pa < 0 || pb < 0)
		return pa < 0 && pb < 0;
	return df->sa[pa].match == pb;
}

static void align_sections(rpt_diff *df)
{
	/* Three passes, each over the sections still alone, in document order
	 * so that parents are paired before their children. */
	bool on = banded(df->na, df->nb);
	for (int pass = 0; pass < 3; pass++) {
		for (size_t i = 0; i < df->na; i++) {
			dsec *s = &df->sa[i];
			if (s->match >= 0)
				continue;
			int best = -1, best_score = 0;
			size_t lo, hi;
			band(i, df->na, df->nb, on, SECTION_BAND, &lo, &hi);
			for (size_t j = lo; j < hi; j++) {
				dsec *t = &df->sb[j];
				if (t->match >= 0 || !parents_agree(df, (int)i, (int)j))
					continue;
				int score = 0;
				if (pass == 0 && s->hkey_len &&
				    same(s->hkey, s->hkey_len, t->hkey, t->hkey_len))
					score = 100;
				else if (pass == 1 && s->hkey_len && t->hkey_len)
					score = similarity(s->hkey, s->hkey_len, t->hkey, t->hkey_len);
				else if (pass == 2 && same(s->num, s->num_len, t->num, t->num_len) &&
					 s->level == t->level)
					score = 1 + similarity(s->hkey, s->hkey_len, t->hkey,
							       t->hkey_len);
				int floor = pass == 0 ? 100 : pass == 1 ? 60 : 1;
				if (score >= floor && score > best_score) {
					best = (int)j;
					best_score = score;
				}
				if (score == 100 && pass == 0)
					break;
			}
			if (best >= 0)
				pair_sections(df, (int)i, best);
		}
	}
	/* Moved: a pair whose order differs from its neighbours' pairs. */
	int last = -1;
	for (size_t i = 0; i < df->na; i++) {
		int m = df->sa[i].match;
		if (m < 0)
			continue;
		if (m < last) {
			df->sa[i].what |= DS_MOVED;
			df->sb[m].what |= DS_MOVED;
		} else {
			last = m;
		}
	}
}

/* ---- figures ---- */

static bool same_str(rpt_str a, rpt_str b) { return same(a.p, a.len, b.p, b.len); }

static bool same_measure(const dfig *a, const dfig *b)
{
	return same_str(a->kind, b->kind) && same_str(a->unit, b->unit) &&
	       same_str(a->role, b->role);
}

static int section_pair_of(const rpt_diff *df, int sec_a)
{
	return sec_a < 0 ? -1 : df->sa[sec_a].match;
}

static void align_figures(rpt_diff *df)
{
	/* 1: same subject in the paired section; 2: same subject anywhere;
	 * 3: the k-th figure of its measure in the paired section */
	bool on = banded(df->nfa, df->nfb);
	for (int pass = 0; pass < 3; pass++) {
		for (size_t i = 0; i < df->nfa; i++) {
			dfig *f = &df->fa[i];
			if (f->match >= 0)
				continue;
			int want_sec = section_pair_of(df, f->sec);
			int rank = 0;
			if (pass == 2 && on) {
				/* banded: the unpaired figure of its measure in the
				 * paired section nearest its proportional place */
				size_t lo, hi, best = SIZE_MAX, c;
				band(i, df->nfa, df->nfb, on, FIGURE_BAND, &lo, &hi);
				c = (size_t)((double)i * (double)df->nfb / (double)df->nfa);
				for (size_t j = lo; j < hi; j++) {
					const dfig *g = &df->fb[j];
					bool in_pair = f->sec < 0 ? g->sec < 0
								  : want_sec >= 0 && g->sec == want_sec;
					if (g->match < 0 && in_pair && same_measure(f, g) &&
					    (best == SIZE_MAX || (j > c ? j - c : c - j) <
								     (best > c ? best - c : c - best)))
						best = j;
				}
				if (best != SIZE_MAX) {
					f->match = (int)best;
					df->fb[best].match = (int)i;
				}
				continue;
			}
			if (pass == 2)
				for (size_t k = 0; k < i; k++)
					rank += df->fa[k].sec == f->sec && same_measure(&df->fa[k], f);
			int seen = 0;
			size_t lo, hi;
			band(i, df->nfa, df->nfb, on, FIGURE_BAND, &lo, &hi);
			for (size_t j = lo; j < hi; j++) {
				dfig *g = &df->fb[j];
				if (!same_measure(f, g))
					continue;
				/* outside sections pairs with outside sections; a section
				 * without a partner pairs with nothing */
				bool in_pair = f->sec < 0 ? g->sec < 0
							  : want_sec >= 0 && g->sec == want_sec;
				bool ok = false;
				if (pass == 0)
					ok = g->match < 0 && in_pair && f->subject.len &&
					     same_str(f->subject, g->subject);
				else if (pass == 1)
					ok = g->match < 0 && f->subject.len && same_str(f->subject, g->subject);
				else if (in_pair && seen++ == rank)
					ok = g->match < 0;
				if (ok) {
					f->match = (int)j;
					g->match = (int)i;
					break;
				}
			}
		}
	}
}

/* ---- text ---- */

typedef struct unit_seq {
	uint32_t *cp;
	uint32_t *at;  /* byte offset of each unit in the text */
	uint8_t *len;  /* its length in bytes */
	size_t n, cap;
} unit_seq;

static void seq_free(unit_seq *s)
{
	rpt_free(s->cp);
	rpt_free(s->at);
	rpt_free(s->len);
	memset(s, 0, sizeof *s);
}

static bool seq_push(unit_seq *s, uint32_t cp, size_t at, size_t len)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		uint32_t *a = rpt_realloc(s->cp, cap * sizeof *a);
		if (a)
			s->cp = a;
		uint32_t *b = rpt_realloc(s->at, cap * sizeof *b);
		if (b)
			s->at = b;
		uint8_t *c = rpt_realloc(s->len, cap);
		if (c)
			s->len = c;
		if (!a || !b || !c)
			return false;
		s->cap = cap;
	}
	s->cp[s->n] = cp;
	s->at[s->n] = (uint32_t)at;
	s->len[s->n] = (uint8_t)len;
	s->n++;
	return true;
}

/* Full-width ASCII as ASCII; white space and the marks whose width is the
 * only difference between two copies of a page count for nothing. */
static uint32_t normalise(uint32_t cp, bool exact)
{
	if (exact)
		return cp;
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0;
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 ||
	    cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF || cp == '\f')
		return 0;
	return cp;
}

static bool add_range(const rpt_doc *d, size_t start, size_t end, bool exact,
		      unit_seq *s)
{
	for (size_t i = start; i < end;) {
		size_t len;
		uint32_t cp = utf8_decode(d->text + i, end - i, &len);
		uint32_t u = normalise(cp, exact);
		if (u && !seq_push(s, u, i, len))
			return false;
		i += len;
	}
	return true;
}

static bool add_text(const rpt_doc *d, int32_t n, bool exact, unit_seq *s)
{
	/* Only the headings and paragraphs: the marker is compared as the
	 * section's number, subsections on their own, chrome not at all. */
	for (int32_t c = d->nodes[n].first_child; c != NO_NODE; c = d->nodes[c].next) {
		const node *nd = &d->nodes[c];
		if (nd->type != N_HEADING && nd->type != N_P && nd->type != N_LIST)
			continue;
		if (!add_range(d, nd->start, nd->end, exact, s))
			return false;
	}
	return true;
}

static bool add_hunk(rpt_diff *df, int sa, int sb, const unit_seq *a, size_t a0,
		     size_t a1, const unit_seq *b, size_t b0, size_t b1)
{
	if (!rpt_grow((void **)&df->hunks, &df->cap_hunks, df->n_hunks, sizeof *df->hunks, 16))
		return false;
	dhunk *h = &df->hunks[df->n_hunks++];
	h->old_sec = sa;
	h->new_sec = sb;
	/* empty sides sit where the text would go */
	h->old_start = a0 < a->n ? a->at[a0] : a->n ? a->at[a->n - 1] + a->len[a->n - 1] : 0;
	h->old_end = a1 > a0 ? a->at[a1 - 1] + a->len[a1 - 1] : h->old_start;
	h->new_start = b0 < b->n ? b->at[b0] : b->n ? b->at[b->n - 1] + b->len[b->n - 1] : 0;
	h->new_end = b1 > b0 ? b->at[b1 - 1] + b->len[b1 - 1] : h->new_start;
	return true;
}

enum { DP_LIMIT = 4000000, JOIN = 4 };

/* Character diff of two unit sequences into hunks: common ends first,
 * then an LCS table for the middle when it is small enough, else one
 * hunk for the whole middle. */
static bool diff_units(rpt_diff *df, int sa, int sb, const unit_seq *a, const unit_seq *b)
{
	size_t p = 0, n = a->n, m = b->n;
	while (p < n && p < m && a->cp[p] == b->cp[p])
		p++;
	size_t sfx = 0;
	while (sfx < n - p && sfx < m - p && a->cp[n - 1 - sfx] == b->cp[m - 1 - sfx])
		sfx++;
	size_t an = n - p - sfx, bn = m - p - sfx;
	if (an == 0 && bn == 0)
		return true;
	if (an == 0 || bn == 0 || (an + 1) * (bn + 1) > DP_LIMIT)
		return add_hunk(df, sa, sb, a, p, p + an, b, p, p + bn);

	/* lcs[i][j]: LCS length of a[p+i..] and b[p+j..] */
	size_t w = bn + 1;
	uint16_t *lcs = rpt_calloc((an + 1) * w, sizeof *lcs);
	if (!lcs)
		return false;
	for (size_t i = an; i-- > 0;)
		for (size_t j = bn; j-- > 0;)
			lcs[i * w + j] = a->cp[p + i] == b->cp[p + j]
						 ? (uint16_t)(lcs[(i + 1) * w + j + 1] + 1)
					 : lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]
						 ? lcs[(i + 1) * w + j]
						 : lcs[i * w + j + 1];
	/* Walk the table; a hunk closes after JOIN equal characters in a row,
	 * so that a word changed letter by letter reads as one change. */
	size_t i = 0, j = 0, hs_a = 0, hs_b = 0, run = 0;
	bool open = false;
	bool ok = true;
	while ((i < an || j < bn) && ok) {
		if (i < an && j < bn && a->cp[p + i] == b->cp[p + j]) {
			if (open && ++run >= JOIN) {
				ok = add_hunk(df, sa, sb, a, p + hs_a, p + i - run + 1, b,
					      p + hs_b, p + j - run + 1);
				open = false;
			}
			i++;
			j++;
			continue;
		}
		if (!open) {
			hs_a = i;
			hs_b = j;
			open = true;
		}
		run = 0;
		if (j >= bn || (i < an && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]))
			i++;
		else
			j++;
	}
	if (open && ok)
		ok = add_hunk(df, sa, sb, a, p + hs_a, p + i - run, b, p + hs_b, p + j - run);
	rpt_free(lcs);
	return ok;
}

static bool diff_text(rpt_diff *df, int sa, int sb, int32_t na_node, int32_t nb_node)
{
	bool exact = df->flags & RPT_DIFF_EXACT;
	unit_seq a = {0}, b = {0};
	bool ok = add_text(df->a, na_node, exact, &a) && add_text(df->b, nb_node, exact, &b) &&
		  diff_units(df, sa, sb, &a, &b);
	seq_free(&a);
	seq_free(&b);
	return ok;
}

/* ---- metadata ---- */

static int32_t first_of(const rpt_doc *d, node_type type, const char *name,
			const char *value)
{
	for (size_t i = 0; i < d->n_nodes; i++) {
		if (d->nodes[i].type != type)
			continue;
		if (!name)
			return (int32_t)i;
		rpt_str v = attr_of(d, (int32_t)i, name);
		if (same(v.p, v.len, value, strlen(value)))
			return (int32_t)i;
	}
	return NO_NODE;
}

static void compare_meta(rpt_diff *df)
{
	static const struct {
		const char *field;
		node_type type;
		const char *attr, *value;
	} fields[] = {{"title", N_TITLE, NULL, NULL},
		      {"doc-number", N_DOC_NUMBER, NULL, NULL},
		      {"index-no", N_INDEX_NO, NULL, NULL},
		      {"generated", N_DATE, "type", "generated"},
		      {"published", N_DATE, "type", "published"},
		      {"issuer", N_ISSUER, NULL, NULL}};
	for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
		int32_t a = first_of(df->a, fields[k].type, fields[k].attr, fields[k].value);
		int32_t b = first_of(df->b, fields[k].type, fields[k].attr, fields[k].value);
		rpt_str ta = diff_node_text(df->a, a), tb = diff_node_text(df->b, b);
		/* a field inside the body (a date in a paragraph) is not metadata */
		if (a != NO_NODE && df->a->nodes[a].start >= df->a->nodes[df->a->body].start)
			a = NO_NODE, ta = (rpt_str){"", 0};
		if (b != NO_NODE && df->b->nodes[b].start >= df->b->nodes[df->b->body].start)
			b = NO_NODE, tb = (rpt_str){"", 0};
		if (same(ta.p, ta.len, tb.p, tb.len))
			continue;
		df->metas[df->n_metas++] = (dmeta){fields[k].field, a, b};
	}
}

/* ---- plan against actual ---- */

static bool check_plans(rpt_diff *df)
{
	size_t n = 0;
	for (size_t i = 0; i < df->nfa; i++)
		n += same(df->fa[i].role.p, df->fa[i].role.len, "target", 6);
	df->plans = rpt_calloc(n ? n : 1, sizeof *df->plans);
	if (!df->plans)
		return false;
	for (size_t i = 0; i < df->nfa; i++) {
		const dfig *t = &df->fa[i];
		if (!same(t->role.p, t->role.len, "target", 6))
			continue;
		dplan *pl = &df->plans[df->n_plans++];
		pl->target = (int)i;
		pl->actual = -1;
		pl->status = PLAN_NOT_REPORTED;
		/* an actual of the same measure and subject, else of the same
		 * measure in the paired section */
		int found = -1;
		size_t lo, hi;
		band(i, df->nfa, df->nfb, banded(df->nfa, df->nfb), FIGURE_BAND, &lo, &hi);
		for (int pass = 0; pass < 2 && found < 0; pass++)
			for (size_t j = lo; j < hi && found < 0; j++) {
				const dfig *a = &df->fb[j];
				if (!same(a->role.p, a->role.len, "actual", 6) ||
				    !same_str(t->kind, a->kind) || !same_str(t->unit, a->unit))
					continue;
				if (pass == 0 ? t->subject.len && same_str(t->subject, a->subject)
					      : a->sec >= 0 && a->sec == section_pair_of(df, t->sec))
					found = (int)j;
			}
		if (found < 0 || !t->has_v || !df->fb[found].has_v)
			continue;
		pl->actual = found;
		int c = dec_cmp(df->fb[found].v, t->v);
		bool ceiling = same(t->qualifier.p, t->qualifier.len, "max", 3);
		pl->status = (ceiling ? c <= 0 : c >= 0) ? PLAN_MET : PLAN_NOT_MET;
	}
	return true;
}

/* ---- the whole ---- */

rpt_status rpt_diff_new(const rpt_doc *a, const rpt_doc *b, unsigned flags,
			rpt_diff **out)
{
	if (!a || !b || !out)
		return RPT_EINVAL;
	rpt_diff *df = rpt_calloc(1, sizeof *df);
	if (!df)
		return RPT_ENOMEM;
	df->a = a;
	df->b = b;
	df->flags = flags;
	bool ok = collect_sections(a, &df->sa, &df->na) &&
		  collect_sections(b, &df->sb, &df->nb) &&
		  collect_figures(a, df->sa, df->na, &df->fa, &df->nfa) &&
		  collect_figures(b, df->sb, df->nb, &df->fb, &df->nfb);
	if (ok) {
		align_sections(df);
		align_figures(df);
		compare_meta(df);
		/* the text before any section, then each pair of sections */
		ok = diff_text(df, -1, -1, a->body, b->body);
		for (size_t i = 0; ok && i < df->na; i++)
			if (df->sa[i].match >= 0)
				ok = diff_text(df, (int)i, df->sa[i].match, df->sa[i].node,
					       df->sb[df->sa[i].match].node);
		if (ok && (flags & RPT_DIFF_PLAN_VS_ACTUAL))
			ok = check_plans(df);
	}
	if (!ok) {
		rpt_diff_free(df);
		return RPT_ENOMEM;
	}
	*out = df;
	return RPT_OK;
}

void rpt_diff_free(rpt_diff *df)
{
	if (!df)
		return;
	rpt_free(df->sa);
	rpt_free(df->sb);
	rpt_free(df->fa);
	rpt_free(df->fb);
	rpt_free(df->hunks);
	rpt_free(df->plans);
	rpt_free(df);
}

static bool figure_changed(const rpt_diff *df, const dfig *f)
{
	return f->match >= 0 && !same_str(f->value, df->fb[f->match].value);
}

size_t rpt_diff_count(const rpt_diff *df)
{
	if (!df)
		return 0;
	size_t n = df->n_metas + df->n_hunks;
	for (size_t i = 0; i < df->na; i++)
		n += df->sa[i].match < 0 || df->sa[i].what;
	for (size_t j = 0; j < df->nb; j++)
		n += df->sb[j].match < 0;
	for (size_t i = 0; i < df->nfa; i++)
		n += df->fa[i].match < 0 || figure_changed(df, &df->fa[i]);
	for (size_t j = 0; j < df->nfb; j++)
		n += df->fb[j].match < 0;
	return n;
}
