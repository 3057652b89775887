/* Reading XML back: schema validation and recovery of the original text.
 * The XML may come from strangers, so it is read with no network, no DTD
 * and no entity expansion, and a document type declaration is refused
 * before libxml2 sees it. libxml2's messages go to our callbacks, never
 * to stderr. */
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "libxml.h"

struct rpt_schema {
	xmlSchemaPtr schema;
};

/* A hostile document can hold millions of errors; a reader wants the
 * first ones. */
enum { MAX_PROBLEMS = 100 };

typedef struct problems {
	rpt_problem_fn fn;
	void *ctx;
	size_t count;
	size_t first_line;
	bool stopped; /* MAX_PROBLEMS were reported: the rest are counted */
	bool oom;     /* libxml2 ran out of memory: what it built is partial */
	char first[200];
} problems;

static void on_error(void *ctx, xmlErrorPtr e)
{
	problems *p = ctx;
	if (!p || !e || e->level == XML_ERR_WARNING)
		return;
	if (e->code == XML_ERR_NO_MEMORY)
		p->oom = true;
	char msg[512];
	size_t n = strlen(e->message ? e->message : "error");
	if (n >= sizeof msg)
		n = sizeof msg - 1;
	memcpy(msg, e->message ? e->message : "error", n);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	msg[n] = '\0';
	if (p->count++ == 0) {
		p->first_line = (size_t)(e->line > 0 ? e->line : 0);
		snprintf(p->first, sizeof p->first, "%.199s", msg);
	}
	if (!p->fn || p->stopped)
		return;
	if (p->count > MAX_PROBLEMS) {
		p->stopped = true;
		p->fn(p->ctx, (size_t)(e->line > 0 ? e->line : 0),
		      "too many problems; the rest are not reported");
		return;
	}
	p->fn(p->ctx, (size_t)(e->line > 0 ? e->line : 0), msg);
}

static void silent(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* libxml2 writes some messages (a failed allocation in the text reader,
 * for one) through its generic handler, which prints to stderr. */
static void silent_generic(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/* Routes this thread's libxml2 errors to p for the length of a call. */
typedef struct error_route {
	xmlStructuredErrorFunc fn;
	void *ctx;
	xmlGenericErrorFunc generic;
	void *generic_ctx;
} error_route;

static error_route route_errors(problems *p)
{
	error_route old = {xmlStructuredError, xmlStructuredErrorContext, xmlGenericError,
			   xmlGenericErrorContext};
	xmlSetStructuredErrorFunc(p, p ? on_error : silent);
	xmlSetGenericErrorFunc(NULL, silent_generic);
	return old;
}

static void restore_errors(error_route old)
{
	xmlSetStructuredErrorFunc(old.ctx, old.fn);
	xmlSetGenericErrorFunc(old.generic_ctx, old.generic);
}

static size_t line_of(const char *xml, size_t at)
{
	size_t line = 1;
	for (size_t i = 0; i < at; i++)
		if (xml[i] == '\n')
			line++;
	return line;
}

/* find_bytes(3), which C11 lacks. */
static const char *find_bytes(const char *hay, size_t len, const char *needle,
			      size_t n)
{
	const char *end = hay + len;
	while ((size_t)(end - hay) >= n) {
		const char *p = memchr(hay, needle[0], (size_t)(end - hay) - n + 1);
		if (!p)
			return NULL;
		if (memcmp(p, needle, n) == 0)
			return p;
		hay = p + 1;
	}
	return NULL;
}

static bool ascii_prefix_nocase(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	if (len < n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c != prefix[i])
			return false;
	}
	return true;
}

/* Our XML is UTF-8. Any other encoding is refused rather than
 * decoded: the DOCTYPE scan below reads bytes, and a UTF-16 document
 * would hide its declaration from it. */
static bool foreign_encoding(const char *xml, size_t len)
{
	const unsigned char *u = (const unsigned char *)xml;
	if (len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE)))
		return true;
	for (size_t i = 0; i < len && i < 4; i++)
		if (u[i] == 0) /* UTF-16 or UTF-32 without a byte order mark */
			return true;
	if (len >= 4 && memcmp(u, "\x4C\x6F\xA7\x94", 4) == 0) /* EBCDIC "<?xm" */
		return true;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		xml += 3;
		len -= 3;
	}
	if (len < 5 || memcmp(xml, "<?xml", 5) != 0)
		return false;
	const char *end = memchr(xml, '>', len < 200 ? len : 200);
	size_t decl = end ? (size_t)(end - xml) : (len < 200 ? len : 200);
	const char *enc = find_bytes(xml, decl, "encoding", 8);
	if (!enc)
		return false;
	const char *q = enc + 8;
	while (q < xml + decl && (*q == ' ' || *q == '=' || *q == '\t' ||
				  *q == '\n' || *q == '\r'))
		q++;
	if (q >= xml + decl || (*q != '"' && *q != '\''))
		return true;
	q++;
	size_t rest = (size_t)(xml + decl - q);
	return !((ascii_prefix_nocase(q, rest, "UTF-8") && rest > 5 && q[5] == q[-1]) ||
		 (ascii_prefix_nocase(q, rest, "UTF8") && rest > 4 && q[4] == q[-1]));
}

/* Limits on markup. Our documents nest a few levels deep and their
 * longest tag is an indicator's attributes; libxml2 in XML_PARSE_HUGE
 * mode would accept any depth and, past 10 MB, take quadratic time over a
 * long attribute value. */
enum { MAX_DEPTH = 256, MAX_TAG_BYTES = 1 << 20 };

/* Where the comment, processing instruction or CDATA section at p ends
 * (its last byte), or NULL when p starts none of them or it never ends. */
static const char *skip_special(const char *p, size_t rest, bool *special)
{
	*special = true;
	if (rest >= 4 && memcmp(p, "<!--", 4) == 0)
		return find_bytes(p + 4, rest - 4, "-->", 3);
	if (rest >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
		return find_bytes(p + 9, rest - 9, "]]>", 3);
	if (rest >= 2 && p[1] == '?')
		return find_bytes(p + 2, rest - 2, "?>", 2);
	*special = rest >= 2 && p[1] == '!';
	return NULL;
}

/* One linear pass over the markup before libxml2 sees it: refuses a
 * document type declaration anywhere (entity tricks such as billion
 * laughs and external entities all start there) and markup beyond the
 * limits. What is malformed is left for the parser to report. */
static rpt_status scan_markup(const char *xml, size_t len, rpt_error *error)
{
	const char *p = xml, *end = xml + len;
	size_t depth = 0;
	rpt_status st = RPT_OK;
	while (st == RPT_OK && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		size_t rest = (size_t)(end - p), at = (size_t)(p - xml);
		if (rest >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0) {
			st = rpt_set_error(error, RPT_EREFUSED, at,
					   "document type declarations are refused");
			break;
		}
		bool special;
		const char *last = skip_special(p, rest, &special);
		if (special) {
			if (!last)
				return RPT_OK;
			p = last + 1;
			continue;
		}
		/* a tag: its '>' is the first outside quoted attribute values */
		const char *q = p + 1;
		char quote = 0;
		while (q < end && (quote || *q != '>') && (size_t)(q - p) <= MAX_TAG_BYTES) {
			if (quote ? *q == quote : (*q == '"' || *q == '\''))
				quote = quote ? 0 : *q;
			q++;
		}
		if ((size_t)(q - p) > MAX_TAG_BYTES)
			st = rpt_set_error(error, RPT_ELIMIT, at, "a tag longer than %d bytes",
					   MAX_TAG_BYTES);
		else if (q >= end)
			return RPT_OK;
		else if (p[1] == '/')
			depth -= depth > 0;
		else if (q[-1] != '/' && ++depth > MAX_DEPTH)
			st = rpt_set_error(error, RPT_ELIMIT, at,
					   "elements nested deeper than %d levels", MAX_DEPTH);
		p = q + 1;
	}
	if (st != RPT_OK && error)
		error->line = line_of(xml, error->offset);
	return st;
}

/* The checks every reader runs before libxml2 sees the bytes. */
static rpt_status refuse_prolog(const char *xml, size_t len, rpt_error *error)
{
	if (len > (size_t)INT32_MAX)
		return rpt_set_error(error, RPT_ELIMIT, 0, "XML input too large");
	if (foreign_encoding(xml, len))
		return rpt_set_error(error, RPT_EREFUSED, 0,
				     "XML in an encoding other than UTF-8 is refused");
	return scan_markup(xml, len, error);
}

/* XML_PARSE_HUGE because a report can hold one line of tens of
 * megabytes, a single text node; the markup limits it lifts (depth, tag
 * size) are enforced by scan_markup() instead. */
static const int read_options = XML_PARSE_NONET | XML_PARSE_NOCDATA |
				XML_PARSE_HUGE | XML_PARSE_NOERROR |
				XML_PARSE_NOWARNING;

static pthread_once_t libxml_once = PTHREAD_ONCE_INIT;

void libxml_init(void) { pthread_once(&libxml_once, xmlInitParser); }

static rpt_status read_doc(const char *xml, size_t len, problems *p,
			   xmlDocPtr *out, rpt_error *error)
{
	*out = NULL;
	rpt_status refused = refuse_prolog(xml, len, error);
	if (refused != RPT_OK)
		return refused;
	libxml_init();
	error_route old = route_errors(p);
	xmlDocPtr doc = xmlReadMemory(xml, (int)len, NULL, "UTF-8", read_options);
	restore_errors(old);
	/* libxml2 2.9 hands back the part of the tree it built before an
	 * allocation failed, as if the document ended there */
	if (p->oom) {
		xmlFreeDoc(doc);
		return rpt_set_error(error, RPT_ENOMEM, 0, "out of memory");
	}
	if (!doc) {
		rpt_status st = rpt_set_error(error, RPT_EXML, 0, "%s",
					      p->count ? p->first : "not well-formed XML");
		if (error)
			error->line = p->first_line;
		return st;
	}
	if (doc->intSubset || doc->extSubset) {
		xmlFreeDoc(doc);
		return rpt_set_error(error, RPT_EREFUSED, 0,
				     "document type declarations are refused");
	}
	*out = doc;
	return RPT_OK;
}

static rpt_status load(xmlSchemaParserCtxtPtr pctx, rpt_schema **out,
		       rpt_error *error)
{
	if (!pctx)
		return rpt_set_error(error, RPT_ESCHEMA, 0, "cannot read the schema");
	problems p = {0};
	xmlSchemaSetParserStructuredErrors(pctx, on_error, &p);
	error_route old = route_errors(&p);
	xmlSchemaPtr schema = xmlSchemaParse(pctx);
	restore_errors(old);
	xmlSchemaFreeParserCtxt(pctx);
	if (p.oom) {
		xmlSchemaFree(schema);
		return rpt_set_error(error, RPT_ENOMEM, 0, "out of memory");
	}
	if (!schema)
		return rpt_set_error(error, RPT_ESCHEMA, 0, "%s",
				     p.count ? p.first : "cannot load the schema");
	rpt_schema *s = rpt_malloc(sizeof *s);
	if (!s) {
		xmlSchemaFree(schema);
		return rpt_set_error(error, RPT_ENOMEM, 0, "out of memory");
	}
	s->schema = schema;
	*out = s;
	return RPT_OK;
}

rpt_status rpt_schema_load_file(const char *path, rpt_schema **out,
				rpt_error *error)
{
	if (!path || !out)
		return rpt_set_error(error, RPT_EINVAL, 0, "invalid argument");
	libxml_init();
	return load(xmlSchemaNewParserCtxt(path), out, error);
}

rpt_status rpt_schema_load_memory(const char *xsd, size_t len,
				  rpt_schema **out, rpt_error *error)
{
	if (!xsd || !out || len > (size_t)INT32_MAX)
		return rpt_set_error(error, RPT_EINVAL, 0, "invalid argument");
	libxml_init();
	return load(xmlSchemaNewMemParserCtxt(xsd, (int)len), out, error);
}

void rpt_schema_free(rpt_schema *schema)
{
	if (!schema)
		return;
	xmlSchemaFree(schema->schema);
	rpt_free(schema);
}

/* Validation streams through a text reader: memory stays flat however
 * large the document (a tree of a 40 MB document takes 600 MB). */
rpt_status rpt_validate(const rpt_schema *schema, const char *xml, size_t len,
			rpt_problem_fn fn, void *ctx, rpt_error *error)
{
	if (!schema || !xml)
		return rpt_set_error(error, RPT_EINVAL, 0, "invalid argument");
	rpt_status st = refuse_prolog(xml, len, error);
	if (st != RPT_OK)
		return st;
	if (len == 0)
		return rpt_set_error(error, RPT_EXML, 0, "the document is empty");
	libxml_init();
	problems p = {.fn = fn, .ctx = ctx};
	error_route old = route_errors(&p);
	xmlTextReaderPtr r = xmlReaderForMemory(xml, (int)len, NULL, "UTF-8", read_options);
	xmlSchemaValidCtxtPtr v = r ? xmlSchemaNewValidCtxt(schema->schema) : NULL;
	if (!r || !v) {
		xmlSchemaFreeValidCtxt(v);
		xmlFreeTextReader(r);
		restore_errors(old);
		return rpt_set_error(error, RPT_ENOMEM, 0, "out of memory");
	}
	xmlSchemaSetValidStructuredErrors(v, on_error, &p);
	xmlTextReaderSetStructuredErrorHandler(r, on_error, &p);
	int ret = xmlTextReaderSchemaValidateCtxt(r, v, 0);
	bool refused = false;
	/* a DOCTYPE the byte scan missed (UTF-16 input) stops the reader
	 * before any entity is expanded */
	if (ret == 0)
		while ((ret = xmlTextReaderRead(r)) == 1)
			if (xmlTextReaderNodeType(r) == XML_READER_TYPE_DOCUMENT_TYPE) {
				refused = true;
				break;
			}
	if (refused) {
		xmlFreeTextReader(r);
		xmlSchemaFreeValidCtxt(v);
		restore_errors(old);
		return rpt_set_error(error, RPT_EREFUSED, 0,
				     "document type declarations are refused");
	}
	bool well_formed = ret == 0;
	bool valid = well_formed && xmlTextReaderIsValid(r) == 1 && p.count == 0;
	xmlFreeTextReader(r);
	xmlSchemaFreeValidCtxt(v);
	restore_errors(old);
	if (p.oom)
		return rpt_set_error(error, RPT_ENOMEM, 0, "out of memory");
	if (valid)
		return RPT_OK;
	st = rpt_set_error(error, well_formed ? RPT_EINVALID : RPT_EXML, 0, "%s",
				      p.count ? p.first : "not valid");
	if (error)
		error->line = p.first_line;
	return st;
}

static void put_cp(buf *b, unsigned long cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	}
	buf_append(b, u, n);
}

static bool is_ours(xmlNodePtr n, const char *name)
{
	return n->ns && strcmp((const char *)n->ns->href, RPT_NAMESPACE) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

rpt_status rpt_xml_to_text(const char *xml, size_t len, char **text,
			   size_t *text_len, rpt_error *error)
{
	if (!xml || !text)
		return rpt_set_error(error, RPT_EINVAL, 0, "invalid argument");
	problems p = {0};
	xmlDocPtr doc;
	rpt_status st = read_doc(xml, len, &p, &doc, error);
	if (st != RPT_OK)
		return st;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!root || !is_ours(root, "report")) {
		xmlFreeDoc(doc);
		return rpt_set_error(error, RPT_EXML, 0,
				     "not a reportctl document (root must be "
				     "report in " RPT_NAMESPACE ")");
	}
	buf out = {0};
	/* Iterative walk: depth is bounded by the parser, not by our stack. */
	xmlNodePtr n = root->children;
	while (n && st == RPT_OK) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				buf_puts(&out, (const char *)n->content);
		} else if (n->type == XML_ENTITY_REF_NODE) {
			st = rpt_set_error(error, RPT_EXML, 0,
					   "entity references are not allowed");
			break;
		} else if (n->type == XML_ELEMENT_NODE && is_ours(n, "ctl")) {
			xmlChar *cp = xmlGetProp(n, (const xmlChar *)"cp");
			char *end = NULL;
			unsigned long v = cp ? strtoul((const char *)cp, &end, 16) : 0;
			bool ok = cp && end && *end == '\0' && end != (char *)cp &&
				  (v < 0x20 || v == 0xFFFE || v == 0xFFFF);
			xmlFree(cp);
			if (!ok) {
				st = rpt_set_error(error, RPT_EXML, 0,
						   "line %ld: bad ctl element",
						   (long)xmlGetLineNo(n));
				break;
			}
			put_cp(&out, v);
		} else if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n && !n->next && n != root)
			n = n->parent;
		if (!n || n == root)
			break;
		n = n->next;
	}
	xmlFreeDoc(doc);
	if (st != RPT_OK) {
		buf_free(&out);
		return st;
	}
	if (buf_failed(&out)) {
		buf_free(&out);
		return rpt_set_error(error, RPT_ENOMEM, 0, "out of memory");
	}
	if (!out.data)
		buf_reserve(&out, 0);
	*text = buf_detach(&out, text_len);
	if (!*text)
		return rpt_set_error(error, RPT_ENOMEM, 0, "out of memory");
	return RPT_OK;
}
