/* Serialises the model. The writer, not the parser, guarantees the
 * lossless property: it writes every byte of the text exactly once, either
 * inside a child element or as the text between children. */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "decimal.h"
#include "doc.h"
#include "sha256.h"
#include "swar.h"

/* The XML being written: a buffer that grows (rpt_doc_to_xml), or one
 * that goes to the caller's writer each time it fills (rpt_doc_write_xml),
 * so that the XML of a large document, ten times its text, is never held
 * whole. The buf comes first: the helpers below take the buf, and the
 * slow path of room() finds the writer from it. */
typedef struct xml_out {
	buf b;
	rpt_write_fn write; /* NULL: grow */
	void *ctx;
	bool refused;       /* write returned false */
} xml_out;

enum { XML_PIECE = 64 * 1024 };

static bool make_room(buf *b, size_t n)
{
	xml_out *o = (xml_out *)b;
	if (o->write && b->len && !b->failed) {
		if (!o->write(o->ctx, b->data, b->len)) {
			o->refused = b->failed = true;
			return false;
		}
		b->len = 0;
		if (n < b->cap)
			return true;
	}
	return buf_reserve(b, n); /* a run of text longer than a piece */
}

/* A document is a few hundred thousand small pieces (names, offsets,
 * escapes): they are appended through these inline helpers rather than
 * a buf_append call (and a strlen) each. Every append leaves the length
 * below the capacity, so the closing NUL always has room; it is written
 * once, at the end. */
static inline bool room(buf *b, size_t n)
{
	return b->len + n < b->cap || make_room(b, n);
}

static inline void put(buf *b, const char *s, size_t n)
{
	if (room(b, n)) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
	}
}

/* A string literal: its length is known when compiling. */
#define PUT_LIT(b, s) put((b), (s), sizeof(s) - 1)

static inline void put_byte(buf *b, char c)
{
	if (room(b, 1))
		b->data[b->len++] = c;
}

/* Element and attribute names, diagnostic codes: static strings, all
 * short, so copied a byte at a time into room made for any short name
 * rather than measured first. */
enum { NAME_ROOM = 32 };

static inline void put_name(buf *b, const char *s)
{
	if (!room(b, NAME_ROOM))
		return;
	char *p = b->data + b->len;
	char *e = p + NAME_ROOM;
	while (*s && p < e)
		*p++ = *s++;
	b->len = (size_t)(p - b->data);
	if (*s)
		put(b, s, strlen(s)); /* longer than any name today */
}

/* Upper-case hex digits, at least two, as %02X writes them. */
static void put_hex(buf *b, uint32_t v)
{
	static const char digits[] = "0123456789ABCDEF";
	char tmp[8];
	char *p = tmp + sizeof tmp;
	do {
		*--p = digits[v & 15];
		v >>= 4;
	} while (v || tmp + sizeof tmp - p < 2);
	put(b, p, (size_t)(tmp + sizeof tmp - p));
}

/* ` start="S" end="E"`, which every element has: one check for room. */
static void put_span(buf *b, uint64_t start, uint64_t end)
{
	static const char s1[] = " start=\"", s2[] = "\" end=\"";
	if (!room(b, sizeof s1 + sizeof s2 + 40))
		return;
	char *p = b->data + b->len;
	memcpy(p, s1, sizeof s1 - 1);
	p = dec_put_uint(p + sizeof s1 - 1, start, 1);
	memcpy(p, s2, sizeof s2 - 1);
	p = dec_put_uint(p + sizeof s2 - 1, end, 1);
	*p++ = '"';
	b->len = (size_t)(p - b->data);
}

/* Is s[0..2] U+FFFE or U+FFFF, code points XML 1.0 cannot carry? avail
 * bytes are left at s. */
static inline bool is_fffe_ffff(const unsigned char *s, size_t avail)
{
	return avail >= 3 && s[0] == 0xEF && s[1] == 0xBF &&
	       (s[2] == 0xBE || s[2] == 0xBF);
}

/* The bytes at which escaping text or attribute values stops to look:
 * markup characters, control characters, and 0xEF, which begins U+FFFE
 * and U+FFFF (most often it begins a full-width form, which passes). */
enum { PASS, STOP };

static const unsigned char text_stop[256] = {
	/* tab and line feed pass; CR becomes &#13;, the others <ctl> */
	STOP, STOP, STOP, STOP, STOP, STOP, STOP, STOP,
	STOP, PASS, PASS, STOP, STOP, STOP, STOP, STOP,
	STOP, STOP, STOP, STOP, STOP, STOP, STOP, STOP,
	STOP, STOP, STOP, STOP, STOP, STOP, STOP, STOP,
	['&'] = STOP, ['<'] = STOP, ['>'] = STOP, [0xEF] = STOP,
};

static const unsigned char attr_stop[256] = {
	/* all control characters: tab, LF and CR as character references,
	 * since attribute value normalisation would turn them into spaces */
	STOP, STOP, STOP, STOP, STOP, STOP, STOP, STOP,
	STOP, STOP, STOP, STOP, STOP, STOP, STOP, STOP,
	STOP, STOP, STOP, STOP, STOP, STOP, STOP, STOP,
	STOP, STOP, STOP, STOP, STOP, STOP, STOP, STOP,
	['&'] = STOP, ['<'] = STOP, ['"'] = STOP, [0xEF] = STOP,
};

#ifdef __SSE2__
/* A bit for each of the 16 bytes at s that may be a text_stop byte:
 * those, and tab and line feed (control characters too). */
static inline unsigned may_stop16(const unsigned char *s)
{
	__m128i x = _mm_loadu_si128((const __m128i *)s);
	__m128i below = _mm_set1_epi8(0x1F);
	__m128i m = _mm_cmpeq_epi8(_mm_max_epu8(x, below), below);
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('&')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('<')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('>')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xEF)));
	return (unsigned)_mm_movemask_epi8(m);
}

/* The first text_stop byte in s[i, to), or to. The text of a report is
 * megabytes between rare stops: looked at 16 bytes at a time. */
static size_t text_skip(const unsigned char *s, size_t i, size_t to)
{
	for (; to - i >= 16; i += 16)
		for (unsigned m = may_stop16(s + i); m; m &= m - 1) {
			size_t k = i + (size_t)__builtin_ctz(m);
			/* 0xEF mostly begins a full-width form (，（）): those
			 * pass here, not one by one in the caller */
			if (text_stop[s[k]] == STOP &&
			    (s[k] != 0xEF || is_fffe_ffff(s + k, to - k)))
				return k;
		}
	while (i < to && text_stop[s[i]] == PASS)
		i++;
	return i;
}
#else
/* Has x a zero byte? (Exact as to whether, not as to which.) */
static inline uint64_t zero_byte(uint64_t x)
{
	return (x - BYTES(1)) & ~x & BYTES(0x80);
}

/* May one of the 8 bytes at s be a text_stop byte? Besides those, tab
 * and line feed (below 0x20 too) say yes; the bytes are then looked at
 * one by one. */
static inline bool word_may_stop(const unsigned char *s)
{
	uint64_t x = load8(s);
	return ((x - BYTES(0x20)) & ~x & BYTES(0x80)) | zero_byte(x ^ BYTES('&')) |
	       zero_byte(x ^ BYTES('<')) | zero_byte(x ^ BYTES('>')) |
	       zero_byte(x ^ BYTES(0xEF));
}

/* The first text_stop byte in s[i, to), or to. The text of a report is
 * megabytes between rare stops: looked at 8 bytes at a time. */
static size_t text_skip(const unsigned char *s, size_t i, size_t to)
{
	for (;;) {
		while (to - i >= 8 && !word_may_stop(s + i))
			i += 8;
		size_t end = to - i >= 8 ? i + 8 : to;
		for (; i < end; i++)
			if (text_stop[s[i]] == STOP)
				return i;
		if (i == to)
			return to;
	}
}
#endif

/* An entity or character reference, with its length. */
typedef struct entity {
	const char *s;
	size_t n;
} entity;

#define ENTITY(s) ((entity){s, sizeof(s) - 1})

/* What stands for the text_stop byte c in text; none (NULL) for a <ctl>
 * element. */
static entity text_entity(unsigned char c)
{
	switch (c) {
	case '&': return ENTITY("&amp;");
	case '<': return ENTITY("&lt;");
	case '>': return ENTITY("&gt;");
	case '\r': return ENTITY("&#13;"); /* a literal CR would be folded into LF */
	default: return (entity){NULL, 0};
	}
}

static void put_ctl(buf *out, uint32_t cp, size_t start, size_t end)
{
	PUT_LIT(out, "<ctl cp=\"");
	put_hex(out, cp);
	put_byte(out, '"');
	put_span(out, start, end);
	PUT_LIT(out, "/>");
}

static void put_text(buf *out, const char *text, size_t from, size_t to)
{
	if (from >= to)
		return; /* children next to each other */
	const unsigned char *s = (const unsigned char *)text;
	size_t run = from;
	for (size_t i = text_skip(s, from, to); i < to; i = text_skip(s, i, to)) {
		unsigned char c = s[i];
		size_t n = 1;
		entity rep = {NULL, 0};
		uint32_t cp = c;
		if (c == 0xEF) {
			if (!is_fffe_ffff(s + i, to - i)) {
				i++; /* a full-width form, or other text */
				continue;
			}
			n = 3;
			cp = s[i + 2] == 0xBE ? 0xFFFE : 0xFFFF;
		} else {
			rep = text_entity(c);
		}
		put(out, text + run, i - run);
		if (rep.s)
			put(out, rep.s, rep.n);
		else
			put_ctl(out, cp, i, i + n);
		i += n;
		run = i;
	}
	put(out, text + run, to - run);
}

/* What stands for the attr_stop byte c in an attribute value. */
static entity attr_entity(unsigned char c)
{
	switch (c) {
	case '&': return ENTITY("&amp;");
	case '<': return ENTITY("&lt;");
	case '"': return ENTITY("&quot;");
	case '\t': return ENTITY("&#9;");
	case '\n': return ENTITY("&#10;");
	case '\r': return ENTITY("&#13;");
	default: return ENTITY("&#xFFFD;"); /* not an XML character */
	}
}

/* Is s[k] a byte that a value stops at? A 0xEF only when it begins
 * U+FFFE or U+FFFF: mostly it begins a full-width form. */
static inline bool attr_stops_at(const unsigned char *s, size_t k, size_t len)
{
	return attr_stop[s[k]] == STOP && (s[k] != 0xEF || is_fffe_ffff(s + k, len - k));
}

/* The first byte of s[i, len) that a value stops at, or len: 16 bytes
 * at a time where the processor can, as subjects run to tens of bytes. */
static size_t attr_skip(const unsigned char *s, size_t i, size_t len)
{
#ifdef __SSE2__
	const __m128i below = _mm_set1_epi8(0x1F), amp = _mm_set1_epi8('&'),
		      lt = _mm_set1_epi8('<'), quot = _mm_set1_epi8('"'),
		      ef = _mm_set1_epi8((char)0xEF);
	for (; len - i >= 16; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i m = _mm_cmpeq_epi8(_mm_max_epu8(x, below), below);
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, amp), _mm_cmpeq_epi8(x, lt)));
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, quot), _mm_cmpeq_epi8(x, ef)));
		for (unsigned bits = (unsigned)_mm_movemask_epi8(m); bits; bits &= bits - 1) {
			size_t k = i + (size_t)__builtin_ctz(bits);
			if (attr_stops_at(s, k, len))
				return k;
		}
	}
#endif
	while (i < len && !attr_stops_at(s, i, len))
		i++;
	return i;
}

static void put_attr_value(buf *out, const char *v, size_t len)
{
	const unsigned char *s = (const unsigned char *)v;
	size_t run = 0;
	for (size_t i = attr_skip(s, 0, len); i < len; i = attr_skip(s, i + 1, len)) {
		size_t skip = 1;
		entity rep;
		if (s[i] == 0xEF) {
			rep = ENTITY("&#xFFFD;"); /* U+FFFE, U+FFFF: not XML characters */
			skip = 3;
		} else {
			rep = attr_entity(s[i]);
		}
		put(out, v + run, i - run);
		put(out, rep.s, rep.n);
		run = i + skip;
		i += skip - 1;
	}
	put(out, v + run, len - run);
}

static void put_attrs(buf *out, const rpt_doc *d, int32_t n)
{
	for (int32_t a = d->nodes[n].first_attr; a >= 0; a = d->attrs[a].next) {
		const attr *at = &d->attrs[a];
		put_byte(out, ' ');
		put_name(out, doc_attr_name(d, at));
		PUT_LIT(out, "=\"");
		put_attr_value(out, d->strings.data + at->value, attr_len(at));
		put_byte(out, '"');
	}
}

static void put_node(buf *out, const rpt_doc *d, int32_t n)
{
	const node *nd = &d->nodes[n];
	const char *name = node_name(nd->type);
	put_byte(out, '<');
	put_name(out, name);
	put_attrs(out, d, n);
	put_span(out, nd->start, nd->end);
	if (nd->first_child == NO_NODE && nd->start == nd->end) {
		PUT_LIT(out, "/>");
		return;
	}
	put_byte(out, '>');
	size_t at = nd->start;
	for (int32_t c = nd->first_child; c != NO_NODE; c = d->nodes[c].next) {
		put_text(out, d->text, at, d->nodes[c].start);
		put_node(out, d, c);
		at = d->nodes[c].end;
	}
	put_text(out, d->text, at, nd->end);
	PUT_LIT(out, "</");
	put_name(out, name);
	put_byte(out, '>');
}

static void put_diagnostics(buf *out, const rpt_doc *d)
{
	if (d->n_diags == 0) {
		PUT_LIT(out, "<diagnostics/>");
		return;
	}
	PUT_LIT(out, "<diagnostics>");
	for (size_t i = 0; i < d->n_diags; i++) {
		const diag *g = &d->diags[i];
		PUT_LIT(out, "<diag code=\"");
		put_name(out, g->code);
		PUT_LIT(out, "\" severity=\"");
		put_name(out, g->severity);
		put_byte(out, '"');
		if (g->ref != NO_NODE) {
			size_t len;
			const char *id = doc_attr_get(d, g->ref, "id", &len);
			if (id) {
				PUT_LIT(out, " ref=\"");
				put_attr_value(out, id, len);
				put_byte(out, '"');
			}
		}
		put_span(out, g->start, g->end);
		PUT_LIT(out, " message=\"");
		const char *m = d->strings.data + g->message;
		put_attr_value(out, m, strlen(m));
		PUT_LIT(out, "\"/>");
	}
	PUT_LIT(out, "</diagnostics>");
}

static rpt_status write_xml(const rpt_doc *d, xml_out *o)
{
	buf *out = &o->b;
	PUT_LIT(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	PUT_LIT(out, "<report xmlns=\"" RPT_NAMESPACE "\"");
	put_attrs(out, d, d->root);
	if (d->digest_deferred) {
		char hex[65];
		sha256_hex(d->text, d->len, hex);
		PUT_LIT(out, " src-sha256=\"");
		put(out, hex, 64);
		put_byte(out, '"');
	}
	put_byte(out, '>');
	for (int32_t c = d->nodes[d->root].first_child; c != NO_NODE;
	     c = d->nodes[c].next)
		put_node(out, d, c);
	put_diagnostics(out, d);
	PUT_LIT(out, "</report>\n");
	return o->refused ? RPT_EWRITE : out->failed ? RPT_ENOMEM : RPT_OK;
}

rpt_status rpt_doc_to_xml(const rpt_doc *d, char **xml, size_t *len)
{
	if (!d || !xml)
		return RPT_EINVAL;
	xml_out o = {0};
	if (!buf_reserve(&o.b, d->len + d->len / 2 + 4096))
		return RPT_ENOMEM;
	if (write_xml(d, &o) == RPT_OK && room(&o.b, 0))
		o.b.data[o.b.len] = '\0';
	*xml = buf_detach(&o.b, len);
	return *xml ? RPT_OK : RPT_ENOMEM;
}

rpt_status rpt_doc_write_xml(const rpt_doc *d, rpt_write_fn write, void *ctx)
{
	if (!d || !write)
		return RPT_EINVAL;
	xml_out o = {.write = write, .ctx = ctx};
	if (!buf_reserve(&o.b, XML_PIECE - 1)) /* a buffer of XML_PIECE */
		return RPT_ENOMEM;
	rpt_status st = write_xml(d, &o);
	if (st == RPT_OK && o.b.len && !write(ctx, o.b.data, o.b.len))
		st = RPT_EWRITE;
	buf_free(&o.b);
	return st;
}
