/* Serialises the model. The writer, not the parser, guarantees the
 * lossless property: it writes every byte of the text exactly once, either
 * inside a child element or as the text between children. */
#include <string.h>

#include "alloc.h"
#include "doc.h"
#include "sha256.h"
#include "utf8.h"

/* The bytes of a code point XML 1.0 cannot carry, or 0. */
static uint32_t unencodable(const char *s, size_t avail, size_t *n)
{
	unsigned char c = (unsigned char)s[0];
	*n = 1;
	if (c < 0x20)
		return (c == '\t' || c == '\n' || c == '\r') ? 0 : c;
	if (c == 0xEF && avail >= 3 && (unsigned char)s[1] == 0xBF &&
	    ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF)) {
		*n = 3;
		return (unsigned char)s[2] == 0xBE ? 0xFFFE : 0xFFFF;
	}
	return 0;
}

static void put_text(buf *out, const char *text, size_t from, size_t to)
{
	size_t run = from;
	for (size_t i = from; i < to;) {
		unsigned char c = (unsigned char)text[i];
		const char *rep = NULL;
		size_t n = 1;
		uint32_t ctl = 0;

		if (c == '&')
			rep = "&amp;";
		else if (c == '<')
			rep = "&lt;";
		else if (c == '>')
			rep = "&gt;";
		else if (c == '\r')
			rep = "&#13;"; /* a literal CR would be folded into LF */
		else if (c < 0x20 || c == 0xEF)
			ctl = unencodable(text + i, to - i, &n);
		if (!rep && !ctl) {
			i++;
			continue;
		}
		buf_append(out, text + run, i - run);
		if (rep)
			buf_puts(out, rep);
		else
			buf_printf(out, "<ctl cp=\"%02X\" start=\"%zu\" end=\"%zu\"/>",
				   ctl, i, i + n);
		i += n;
		run = i;
	}
	buf_append(out, text + run, to - run);
}

static void put_attr_value(buf *out, const char *v, size_t len)
{
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)v[i];
		const char *rep = NULL;
		if (c == '&')
			rep = "&amp;";
		else if (c == '<')
			rep = "&lt;";
		else if (c == '"')
			rep = "&quot;";
		else if (c == '\t')
			rep = "&#9;";
		else if (c == '\n')
			rep = "&#10;";
		else if (c == '\r')
			rep = "&#13;";
		else if (c < 0x20)
			rep = "&#xFFFD;";
		size_t skip = 1;
		if (c == 0xEF && i + 2 < len && (unsigned char)v[i + 1] == 0xBF &&
		    ((unsigned char)v[i + 2] == 0xBE || (unsigned char)v[i + 2] == 0xBF)) {
			rep = "&#xFFFD;"; /* U+FFFE, U+FFFF: not XML characters */
			skip = 3;
		}
		if (!rep)
			continue;
		buf_append(out, v + run, i - run);
		buf_puts(out, rep);
		run = i + skip;
		i += skip - 1;
	}
	buf_append(out, v + run, len - run);
}

static void put_attrs(buf *out, const rpt_doc *d, int32_t n)
{
	for (int32_t a = d->nodes[n].first_attr; a >= 0; a = d->attrs[a].next) {
		buf_putc(out, ' ');
		buf_puts(out, d->attrs[a].name);
		buf_puts(out, "=\"");
		put_attr_value(out, d->strings.data + d->attrs[a].value,
			       d->attrs[a].value_len);
		buf_putc(out, '"');
	}
}

static void put_node(buf *out, const rpt_doc *d, int32_t n)
{
	const node *nd = &d->nodes[n];
	buf_putc(out, '<');
	buf_puts(out, node_name(nd->type));
	put_attrs(out, d, n);
	buf_printf(out, " start=\"%u\" end=\"%u\"", nd->start, nd->end);
	if (nd->first_child == NO_NODE && nd->start == nd->end) {
		buf_puts(out, "/>");
		return;
	}
	buf_putc(out, '>');
	size_t at = nd->start;
	for (int32_t c = nd->first_child; c != NO_NODE; c = d->nodes[c].next) {
		put_text(out, d->text, at, d->nodes[c].start);
		put_node(out, d, c);
		at = d->nodes[c].end;
	}
	put_text(out, d->text, at, nd->end);
	buf_puts(out, "</");
	buf_puts(out, node_name(nd->type));
	buf_putc(out, '>');
}

static void put_diagnostics(buf *out, const rpt_doc *d)
{
	if (d->n_diags == 0) {
		buf_puts(out, "<diagnostics/>");
		return;
	}
	buf_puts(out, "<diagnostics>");
	for (size_t i = 0; i < d->n_diags; i++) {
		const diag *g = &d->diags[i];
		buf_printf(out, "<diag code=\"%s\" severity=\"%s\"", g->code,
			   g->severity);
		if (g->ref != NO_NODE) {
			size_t len;
			const char *id = doc_attr_get(d, g->ref, "id", &len);
			if (id) {
				buf_puts(out, " ref=\"");
				put_attr_value(out, id, len);
				buf_putc(out, '"');
			}
		}
		buf_printf(out, " start=\"%u\" end=\"%u\" message=\"", g->start,
			   g->end);
		const char *m = d->strings.data + g->message;
		put_attr_value(out, m, strlen(m));
		buf_puts(out, "\"/>");
	}
	buf_puts(out, "</diagnostics>");
}

rpt_status rpt_doc_to_xml(const rpt_doc *d, char **xml, size_t *len)
{
	if (!d || !xml)
		return RPT_EINVAL;
	buf out = {0};
	if (!buf_reserve(&out, d->len + d->len / 2 + 4096))
		return RPT_ENOMEM;
	buf_puts(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_puts(&out, "<report xmlns=\"" RPT_NAMESPACE "\"");
	put_attrs(&out, d, d->root);
	if (d->digest_deferred) {
		char hex[65];
		sha256_hex(d->text, d->len, hex);
		buf_printf(&out, " src-sha256=\"%s\"", hex);
	}
	buf_puts(&out, ">");
	for (int32_t c = d->nodes[d->root].first_child; c != NO_NODE;
	     c = d->nodes[c].next)
		put_node(&out, d, c);
	put_diagnostics(&out, d);
	buf_puts(&out, "</report>\n");
	*xml = buf_detach(&out, len);
	return *xml ? RPT_OK : RPT_ENOMEM;
}
