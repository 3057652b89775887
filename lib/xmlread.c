/* Reading XML back: schema validation and recovery of the original text.
 * The XML may come from strangers, so it is read with no network, no DTD
 * and no entity expansion, and a document type declaration is refused
 * before libxml2 sees it. libxml2's messages go to our callbacks, never
 * to stderr. */
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"

struct rpt_schema {
	xmlSchemaPtr schema;
};

typedef struct problems {
	rpt_problem_fn fn;
	void *ctx;
	size_t count;
	size_t first_line;
	char first[200];
} problems;

static void on_error(void *ctx, xmlErrorPtr e)
{
	problems *p = ctx;
	if (!p || !e || e->level == XML_ERR_WARNING)
		return;
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
	if (p->fn)
		p->fn(p->ctx, (size_t)(e->line > 0 ? e->line : 0), msg);
}

static void silent(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* Routes this thread's libxml2 errors to p for the length of a call. */
typedef struct error_route {
	xmlStructuredErrorFunc fn;
	void *ctx;
} error_route;

static error_route route_errors(problems *p)
{
	error_route old = {xmlStructuredError, xmlStructuredErrorContext};
	xmlSetStructuredErrorFunc(p, p ? on_error : silent);
	return old;
}

static void restore_errors(error_route old)
{
	xmlSetStructuredErrorFunc(old.ctx, old.fn);
}

/* True when the prolog holds <!DOCTYPE: we never need one, and entity
 * tricks (billion laughs, external entities) all start there. */
static bool has_doctype(const char *xml, size_t len, size_t *at)
{
	size_t i = 0;
	while (i < len) {
		while (i < len && xml[i] != '<')
			i++;
		if (i + 1 >= len)
			return false;
		if (xml[i + 1] == '?') {
			const char *e = memchr(xml + i, '>', len - i);
			if (!e)
				return false;
			i = (size_t)(e - xml) + 1;
			continue;
		}
		if (len - i >= 4 && memcmp(xml + i, "<!--", 4) == 0) {
			size_t j = i + 4;
			while (j + 2 < len && memcmp(xml + j, "-->", 3) != 0)
				j++;
			i = j + 3;
			continue;
		}
		if (len - i >= 9 && memcmp(xml + i, "<!DOCTYPE", 9) == 0) {
			*at = i;
			return true;
		}
		return false;
	}
	return false;
}

static const int read_options = XML_PARSE_NONET | XML_PARSE_NOCDATA |
				XML_PARSE_HUGE | XML_PARSE_NOERROR |
				XML_PARSE_NOWARNING;

static size_t line_of(const char *xml, size_t at)
{
	size_t line = 1;
	for (size_t i = 0; i < at; i++)
		if (xml[i] == '\n')
			line++;
	return line;
}

static rpt_status read_doc(const char *xml, size_t len, problems *p,
			   xmlDocPtr *out, rpt_error *error)
{
	size_t at;
	*out = NULL;
	if (len > (size_t)INT32_MAX)
		return rpt_set_error(error, RPT_ELIMIT, 0, "XML input too large");
	if (has_doctype(xml, len, &at)) {
		rpt_status st = rpt_set_error(error, RPT_EREFUSED, at,
					      "document type declarations are refused");
		if (error)
			error->line = line_of(xml, at);
		return st;
	}
	error_route old = route_errors(p);
	xmlDocPtr doc = xmlReadMemory(xml, (int)len, NULL, NULL, read_options);
	restore_errors(old);
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
	return load(xmlSchemaNewParserCtxt(path), out, error);
}

rpt_status rpt_schema_load_memory(const char *xsd, size_t len,
				  rpt_schema **out, rpt_error *error)
{
	if (!xsd || !out || len > (size_t)INT32_MAX)
		return rpt_set_error(error, RPT_EINVAL, 0, "invalid argument");
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
	if (len > (size_t)INT32_MAX)
		return rpt_set_error(error, RPT_ELIMIT, 0, "XML input too large");
	size_t at;
	if (has_doctype(xml, len, &at)) {
		rpt_status st = rpt_set_error(error, RPT_EREFUSED, at,
					      "document type declarations are refused");
		if (error)
			error->line = line_of(xml, at);
		return st;
	}
	if (len == 0)
		return rpt_set_error(error, RPT_EXML, 0, "the document is empty");
	problems p = {.fn = fn, .ctx = ctx};
	error_route old = route_errors(&p);
	xmlTextReaderPtr r = xmlReaderForMemory(xml, (int)len, NULL, NULL, read_options);
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
	if (valid)
		return RPT_OK;
	rpt_status st = rpt_set_error(error, well_formed ? RPT_EINVALID : RPT_EXML, 0, "%s",
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
