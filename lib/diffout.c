/* Rendering a diff: text for people (by part: metadata, sections, figures,
 * text), XML valid against report-diff.xsd, and JSON. */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diff.h"

#define RPT_DIFF_NAMESPACE "urn:reportctl:diff:1"

typedef struct style {
	const char *del, *ins, *head, *off;
} style;

static const style plain = {"", "", "", ""};
static const style ansi = {"\033[31m", "\033[32m", "\033[1m", "\033[0m"};

static void put_slice(buf *b, rpt_str s) { buf_append(b, s.p, s.len); }

/* Text for one line: line breaks shown as ⏎ so a hunk stays on its line;
 * other control characters (a document's ESC must not reach the terminal)
 * as ␛-style placeholders. */
static void put_flat(buf *b, const char *p, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c >= 0x20 && c != 0x7F)
			continue;
		buf_append(b, p + run, i - run);
		if (c == '\t')
			buf_putc(b, ' ');
		else if (c == '\n')
			buf_puts(b, "⏎");
		else if (c != '\r')
			buf_puts(b, "ï¿½"); /* U+FFFD */
		run = i + 1;
	}
	buf_append(b, p + run, n - run);
}

static rpt_str section_title(const rpt_doc *d, const dsec *s)
{
	(void)d;
	return (rpt_str){s->heading, s->heading_len};
}

static void put_section(buf *b, const rpt_doc *d, const dsec *s)
{
	buf_append(b, s->num, s->num_len);
	rpt_str h = section_title(d, s);
	size_t n = h.len;
	if (n > 120) { /* long run-in headings: cut, on a character boundary */
		n = 120;
		while (n > 0 && ((unsigned char)h.p[n] & 0xC0) == 0x80)
			n--;
	}
	put_flat(b, h.p, n);
}

static void put_figure(buf *b, const rpt_doc *d, const dfig *f)
{
	rpt_str raw = diff_node_text(d, f->node);
	put_slice(b, raw);
	buf_puts(b, " (");
	put_slice(b, f->kind);
	if (f->unit.len) {
		buf_putc(b, ' ');
		put_slice(b, f->unit);
	}
	buf_putc(b, ' ');
	put_slice(b, f->role);
	if (f->subject.len) {
		buf_puts(b, ", ");
		put_slice(b, f->subject);
	}
	buf_putc(b, ')');
}

/* new - old, and the change in percent of old (2 decimals), exactly. */
static void change_of(const dfig *o, const dfig *n, char *abs, char *rel, size_t cap)
{
	abs[0] = rel[0] = '\0';
	if (!o->has_v || !n->has_v)
		return;
	decimal d = n->v, neg = o->v;
	neg.m = -neg.m;
	if (!dec_add(&d, neg))
		return;
	char tmp[48];
	dec_format(d, tmp, sizeof tmp);
	snprintf(abs, cap, "%s%s", d.m > 0 ? "+" : "", tmp);
	if (dec_is_zero(o->v))
		return;
	decimal r = d;
	if (!dec_shift(&r, 2) || !dec_div(&r, o->v, 2))
		return;
	dec_format(r, tmp, sizeof tmp);
	snprintf(rel, cap, "%s%s%%", r.m > 0 ? "+" : "", tmp);
}

static const char *plan_word(plan_status s)
{
	return s == PLAN_MET ? "met" : s == PLAN_NOT_MET ? "not-met" : "not-reported";
}

static void ratio_of(const dfig *t, const dfig *a, char *out, size_t cap)
{
	out[0] = '\0';
	if (!t->has_v || !a->has_v || dec_is_zero(t->v))
		return;
	decimal r = a->v;
	if (dec_div(&r, t->v, 4))
		dec_format(r, out, cap);
}

/* ---- text ---- */

static void render_text(const rpt_diff *df, const style *st, const char *on,
			const char *nn, buf *b)
{
	const rpt_doc *A = df->a, *B = df->b;
	buf_printf(b, "%s--- %s%s\n%s+++ %s%s\n", st->head, on, st->off, st->head, nn, st->off);

	if (df->n_metas) {
		buf_printf(b, "%s== metadata%s\n", st->head, st->off);
		for (size_t k = 0; k < df->n_metas; k++) {
			const dmeta *m = &df->metas[k];
			buf_printf(b, "  %s: %s", m->field, st->del);
			put_slice(b, diff_node_text(A, m->old_node));
			buf_printf(b, "%s -> %s", st->off, st->ins);
			put_slice(b, diff_node_text(B, m->new_node));
			buf_printf(b, "%s\n", st->off);
		}
	}

	bool any = false;
	for (size_t i = 0; i < df->na; i++) {
		const dsec *s = &df->sa[i];
		if (s->match >= 0 && !s->what)
			continue;
		if (!any)
			buf_printf(b, "%s== sections%s\n", st->head, st->off);
		any = true;
		if (s->match < 0) {
			buf_printf(b, "%s- ", st->del);
			put_section(b, A, s);
			buf_printf(b, "%s  (removed, %s)\n", st->off, s->path);
			continue;
		}
		const dsec *t = &df->sb[s->match];
		buf_puts(b, "~ ");
		put_section(b, A, s);
		buf_puts(b, " -> ");
		put_section(b, B, t);
		buf_puts(b, "  (");
		const char *sep = "";
		if (s->what & DS_RENUMBERED) {
			buf_printf(b, "%srenumbered", sep);
			sep = ", ";
		}
		if (s->what & DS_REWORDED) {
			buf_printf(b, "%sheading reworded", sep);
			sep = ", ";
		}
		if (s->what & DS_MOVED)
			buf_printf(b, "%smoved", sep);
		buf_puts(b, ")\n");
	}
	for (size_t j = 0; j < df->nb; j++) {
		const dsec *t = &df->sb[j];
		if (t->match >= 0)
			continue;
		if (!any)
			buf_printf(b, "%s== sections%s\n", st->head, st->off);
		any = true;
		buf_printf(b, "%s+ ", st->ins);
		put_section(b, B, t);
		buf_printf(b, "%s  (added, %s)\n", st->off, t->path);
	}

	any = false;
	for (size_t i = 0; i < df->nfa; i++) {
		const dfig *f = &df->fa[i];
		const char *path = f->sec >= 0 ? df->sa[f->sec].path : "";
		if (f->match < 0) {
			if (!any)
				buf_printf(b, "%s== figures%s\n", st->head, st->off);
			any = true;
			buf_printf(b, "%s- %s%s", st->del, path, *path ? " " : "");
			put_figure(b, A, f);
			buf_printf(b, "%s\n", st->off);
			continue;
		}
		const dfig *g = &df->fb[f->match];
		if (f->value.len == g->value.len && memcmp(f->value.p, g->value.p, f->value.len) == 0)
			continue;
		if (!any)
			buf_printf(b, "%s== figures%s\n", st->head, st->off);
		any = true;
		char abs[64], rel[64];
		change_of(f, g, abs, rel, sizeof abs);
		buf_printf(b, "~ %s%s", path, *path ? " " : "");
		put_figure(b, A, f);
		buf_printf(b, ": %s", st->del);
		put_slice(b, f->value);
		buf_printf(b, "%s -> %s", st->off, st->ins);
		put_slice(b, g->value);
		buf_printf(b, "%s (%s%s%s)\n", st->off, abs, *rel ? ", " : "", rel);
	}
	for (size_t j = 0; j < df->nfb; j++) {
		const dfig *g = &df->fb[j];
		if (g->match >= 0)
			continue;
		if (!any)
			buf_printf(b, "%s== figures%s\n", st->head, st->off);
		any = true;
		const char *path = g->sec >= 0 ? df->sb[g->sec].path : "";
		buf_printf(b, "%s+ %s%s", st->ins, path, *path ? " " : "");
		put_figure(b, B, g);
		buf_printf(b, "%s\n", st->off);
	}

	if (df->n_plans) {
		buf_printf(b, "%s== plan vs actual%s\n", st->head, st->off);
		for (size_t k = 0; k < df->n_plans; k++) {
			const dplan *p = &df->plans[k];
			const dfig *t = &df->fa[p->target];
			buf_printf(b, "  %s ", plan_word(p->status));
			put_figure(b, A, t);
			if (p->actual >= 0) {
				char ratio[48];
				ratio_of(t, &df->fb[p->actual], ratio, sizeof ratio);
				buf_puts(b, " <- ");
				put_slice(b, diff_node_text(B, df->fb[p->actual].node));
				if (*ratio)
					buf_printf(b, " (ratio %s)", ratio);
			}
			buf_putc(b, '\n');
		}
	}

	int last = -2;
	for (size_t k = 0; k < df->n_hunks; k++) {
		const dhunk *h = &df->hunks[k];
		if (h->old_sec != last) {
			last = h->old_sec;
			buf_printf(b, "%s@@ %s", st->head,
				   h->old_sec >= 0 ? df->sa[h->old_sec].path : "(outside sections)");
			if (h->old_sec >= 0) {
				buf_putc(b, ' ');
				put_section(b, A, &df->sa[h->old_sec]);
			}
			buf_printf(b, " @@%s\n", st->off);
		}
		/* a little context on each side */
		enum { CONTEXT = 12 };
		size_t cs = h->old_start, ce = h->old_end;
		size_t lead = 0, trail = 0;
		while (cs > 0 && lead < CONTEXT && A->text[cs - 1] != '\n') {
			cs--;
			if (((unsigned char)A->text[cs] & 0xC0) != 0x80)
				lead++;
		}
		while (ce < A->len && trail < CONTEXT && A->text[ce] != '\n' && A->text[ce] != '\r') {
			ce++;
			while (ce < A->len && ((unsigned char)A->text[ce] & 0xC0) == 0x80)
				ce++;
			trail++;
		}
		buf_puts(b, "  ");
		put_flat(b, A->text + cs, h->old_start - cs);
		if (h->old_end > h->old_start) {
			buf_printf(b, "%s[-", st->del);
			put_flat(b, A->text + h->old_start, h->old_end - h->old_start);
			buf_printf(b, "-]%s", st->off);
		}
		if (h->new_end > h->new_start) {
			buf_printf(b, "%s{+", st->ins);
			put_flat(b, B->text + h->new_start, h->new_end - h->new_start);
			buf_printf(b, "+}%s", st->off);
		}
		put_flat(b, A->text + h->old_end, ce - h->old_end);
		buf_putc(b, '\n');
	}
}

/* ---- XML and JSON ---- */

static void xml_escape(buf *b, const char *p, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		const char *rep = c == '&'	 ? "&amp;"
				  : c == '<' ? "&lt;"
				  : c == '>' ? "&gt;"
				  : c == '"' ? "&quot;"
				  : c == '\n' ? "&#10;"
				  : c == '\r' ? "&#13;"
				  : c == '\t' ? "&#9;"
				  : c < 0x20 ? "&#xFFFD;"
					     : NULL;
		size_t skip = 1;
		if (c == 0xEF && i + 2 < n && (unsigned char)p[i + 1] == 0xBF &&
		    ((unsigned char)p[i + 2] == 0xBE || (unsigned char)p[i + 2] == 0xBF)) {
			rep = "&#xFFFD;";
			skip = 3;
		}
		if (!rep)
			continue;
		buf_append(b, p + run, i - run);
		buf_puts(b, rep);
		run = i + skip;
		i += skip - 1;
	}
	buf_append(b, p + run, n - run);
}

static void json_escape(buf *b, const char *p, size_t n)
{
	buf_putc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c != '"' && c != '\\' && c >= 0x20)
			continue;
		buf_append(b, p + run, i - run);
		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
		} else {
			buf_printf(b, "\\u%04x", c);
		}
		run = i + 1;
	}
	buf_append(b, p + run, n - run);
	buf_putc(b, '"');
}

typedef struct emitter {
	buf *b;
	bool json;
	bool first; /* first field of the current object */
} emitter;

static void begin(emitter *e, const char *name)
{
	if (e->json)
		buf_printf(e->b, "{\"type\":\"%s\"", name);
	else
		buf_printf(e->b, "<%s", name);
}

static void field(emitter *e, const char *name, const char *p, size_t n)
{
	if (e->json) {
		buf_printf(e->b, ",\"%s\":", name);
		json_escape(e->b, p, n);
	} else {
		buf_printf(e->b, " %s=\"", name);
		xml_escape(e->b, p, n);
		buf_putc(e->b, '"');
	}
}

static void fieldz(emitter *e, const char *name, const char *s)
{
	field(e, name, s, strlen(s));
}

static void fieldn(emitter *e, const char *name, size_t v)
{
	if (e->json)
		buf_printf(e->b, ",\"%s\":%zu", name, v);
	else
		buf_printf(e->b, " %s=\"%zu\"", name, v);
}

static void end(emitter *e, const char *name)
{
	(void)name;
	buf_puts(e->b, e->json ? "}" : "/>");
}

static void span_fields(emitter *e, const char *side, const rpt_doc *d, int32_t n)
{
	char name[16];
	if (n == NO_NODE)
		return;
	snprintf(name, sizeof name, "%s-start", side);
	fieldn(e, name, d->nodes[n].start);
	snprintf(name, sizeof name, "%s-end", side);
	fieldn(e, name, d->nodes[n].end);
}

static void render_structured(const rpt_diff *df, bool json, const char *on,
			      const char *nn, buf *b)
{
	emitter e = {b, json, true};
	const rpt_doc *A = df->a, *B = df->b;
	if (json) {
		buf_puts(b, "{\"type\":\"report-diff\"");
		e.json = true;
		fieldz(&e, "old", on);
		fieldz(&e, "new", nn);
		fieldn(&e, "differences", rpt_diff_count(df));
		buf_puts(b, ",\"changes\":[");
	} else {
		buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report-diff xmlns=\"" RPT_DIFF_NAMESPACE "\"");
		fieldz(&e, "old", on);
		fieldz(&e, "new", nn);
		fieldn(&e, "differences", rpt_diff_count(df));
		buf_puts(b, ">\n");
	}
	bool first = true;
	/* JSON: one change object per line */
#define NEXT() do { if (json) buf_puts(b, first ? "\n" : ",\n"); first = false; } while (0)

	for (size_t k = 0; k < df->n_metas; k++) {
		const dmeta *m = &df->metas[k];
		NEXT();
		begin(&e, "meta-change");
		fieldz(&e, "field", m->field);
		rpt_str o = diff_node_text(A, m->old_node), n = diff_node_text(B, m->new_node);
		field(&e, "old-text", o.p, o.len);
		field(&e, "new-text", n.p, n.len);
		span_fields(&e, "old", A, m->old_node);
		span_fields(&e, "new", B, m->new_node);
		end(&e, "meta-change");
		if (!json)
			buf_putc(b, '\n');
	}
	for (size_t i = 0; i < df->na; i++) {
		const dsec *s = &df->sa[i];
		if (s->match >= 0 && !s->what)
			continue;
		NEXT();
		begin(&e, "section-change");
		fieldz(&e, "change", s->match < 0 ? "removed" : "matched");
		if (s->match >= 0) {
			const char *sep = "";
			char what[64] = "";
			if (s->what & DS_RENUMBERED) {
				strcat(what, "renumbered");
				sep = " ";
			}
			if (s->what & DS_REWORDED) {
				strcat(what, sep);
				strcat(what, "reworded");
				sep = " ";
			}
			if (s->what & DS_MOVED) {
				strcat(what, sep);
				strcat(what, "moved");
			}
			fieldz(&e, "flags", what);
		}
		fieldz(&e, "old-path", s->path);
		field(&e, "old-num", s->num, s->num_len);
		field(&e, "old-heading", s->heading, s->heading_len);
		span_fields(&e, "old", A, s->node);
		if (s->match >= 0) {
			const dsec *t = &df->sb[s->match];
			fieldz(&e, "new-path", t->path);
			field(&e, "new-num", t->num, t->num_len);
			field(&e, "new-heading", t->heading, t->heading_len);
			span_fields(&e, "new", B, t->node);
		}
		end(&e, "section-change");
		if (!json)
			buf_putc(b, '\n');
	}
	for (size_t j = 0; j < df->nb; j++) {
		const dsec *t = &df->sb[j];
		if (t->match >= 0)
			continue;
		NEXT();
		begin(&e, "section-change");
		fieldz(&e, "change", "added");
		fieldz(&e, "new-path", t->path);
		field(&e, "new-num", t->num, t->num_len);
		field(&e, "new-heading", t->heading, t->heading_len);
		span_fields(&e, "new", B, t->node);
		end(&e, "section-change");
		if (!json)
			buf_putc(b, '\n');
	}
	for (size_t i = 0; i < df->nfa + df->nfb; i++) {
		bool old_side = i < df->nfa;
		const dfig *f = old_side ? &df->fa[i] : &df->fb[i - df->nfa];
		const dfig *g = old_side && f->match >= 0 ? &df->fb[f->match] : NULL;
		if (!old_side && f->match >= 0)
			continue;
		if (g && f->value.len == g->value.len &&
		    memcmp(f->value.p, g->value.p, f->value.len) == 0)
			continue;
		NEXT();
		begin(&e, "figure-change");
		fieldz(&e, "change", g ? "changed" : old_side ? "removed" : "added");
		field(&e, "kind", f->kind.p, f->kind.len);
		field(&e, "unit", f->unit.p, f->unit.len);
		field(&e, "role", f->role.p, f->role.len);
		field(&e, "subject", f->subject.p, f->subject.len);
		const rpt_doc *fd = old_side ? A : B;
		const char *side = old_side ? "old" : "new";
		char name[16];
		snprintf(name, sizeof name, "%s-value", side);
		field(&e, name, f->value.p, f->value.len);
		span_fields(&e, side, fd, f->node);
		if (g) {
			char abs[64], rel[64];
			change_of(f, g, abs, rel, sizeof abs);
			field(&e, "new-value", g->value.p, g->value.len);
			span_fields(&e, "new", B, g->node);
			if (*abs)
				fieldz(&e, "delta", abs);
			if (*rel)
				fieldz(&e, "relative", rel);
		}
		end(&e, "figure-change");
		if (!json)
			buf_putc(b, '\n');
	}
	for (size_t k = 0; k < df->n_plans; k++) {
		const dplan *p = &df->plans[k];
		const dfig *t = &df->fa[p->target];
		NEXT();
		begin(&e, "plan-check");
		fieldz(&e, "status", plan_word(p->status));
		field(&e, "kind", t->kind.p, t->kind.len);
		field(&e, "unit", t->unit.p, t->unit.len);
		field(&e, "subject", t->subject.p, t->subject.len);
		field(&e, "target", t->value.p, t->value.len);
		span_fields(&e, "old", A, t->node);
		if (p->actual >= 0) {
			const dfig *a = &df->fb[p->actual];
			char ratio[48];
			ratio_of(t, a, ratio, sizeof ratio);
			field(&e, "actual", a->value.p, a->value.len);
			span_fields(&e, "new", B, a->node);
			if (*ratio)
				fieldz(&e, "ratio", ratio);
		}
		end(&e, "plan-check");
		if (!json)
			buf_putc(b, '\n');
	}
	for (size_t k = 0; k < df->n_hunks; k++) {
		const dhunk *h = &df->hunks[k];
		NEXT();
		begin(&e, "text-change");
		if (h->old_sec >= 0) {
			fieldz(&e, "old-path", df->sa[h->old_sec].path);
			fieldz(&e, "new-path", df->sb[h->new_sec].path);
		}
		fieldn(&e, "old-start", h->old_start);
		fieldn(&e, "old-end", h->old_end);
		fieldn(&e, "new-start", h->new_start);
		fieldn(&e, "new-end", h->new_end);
		field(&e, "deleted", A->text + h->old_start, h->old_end - h->old_start);
		field(&e, "inserted", B->text + h->new_start, h->new_end - h->new_start);
		end(&e, "text-change");
		if (!json)
			buf_putc(b, '\n');
	}
#undef NEXT
	buf_puts(b, json ? "\n]}\n" : "</report-diff>\n");
}

rpt_status rpt_diff_render(const rpt_diff *df, rpt_diff_format format,
			   const char *old_name, const char *new_name, char **text,
			   size_t *len)
{
	if (!df || !text)
		return RPT_EINVAL;
	buf b = {0};
	const char *on = old_name ? old_name : "old", *nn = new_name ? new_name : "new";
	switch (format) {
	case RPT_DIFF_TEXT: render_text(df, &plain, on, nn, &b); break;
	case RPT_DIFF_TEXT_COLOR: render_text(df, &ansi, on, nn, &b); break;
	case RPT_DIFF_XML: render_structured(df, false, on, nn, &b); break;
	case RPT_DIFF_JSON: render_structured(df, true, on, nn, &b); break;
	default: return RPT_EINVAL;
	}
	if (!b.data)
		buf_reserve(&b, 0);
	*text = buf_detach(&b, len);
	return *text ? RPT_OK : RPT_ENOMEM;
}
