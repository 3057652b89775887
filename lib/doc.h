/* The document model: a tree of typed nodes over the decoded text. Nodes
 * live in one growing array and refer to each other by index; every node
 * covers [start, end) of the text, children in order and without overlap,
 * so the text between them is exactly what the serialiser writes out. */
#ifndef RPT_DOC_H
#define RPT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "fold.h"
#include "rpt/rpt.h"

typedef enum node_type {
	N_REPORT,
	N_META,
	N_BODY,
	N_DIAGNOSTICS,
	N_TITLE,
	N_PERIOD,
	N_FIELD,
	N_INDEX_NO,
	N_DOC_NUMBER,
	N_DATE,
	N_DISCLOSURE,
	N_VALIDITY,
	N_ISSUER,
	N_CATEGORY,
	N_SOURCE,
	N_BOILERPLATE,
	N_SECTION,
	N_HEADING,
	N_P,
	N_LIST,
	N_ITEM,
	N_DOCREF,
	N_SLOGAN,
	N_INDICATOR,
	N_DIAG,
	N_TYPE_COUNT
} node_type;

#define NO_NODE (-1)

typedef struct node {
	node_type type;
	uint32_t start, end;
	int32_t parent, first_child, last_child, next;
	int32_t first_attr; /* index into doc->attrs, -1 when none */
	int32_t last_attr;
} node;

/* An attribute in 12 bytes: a dense document holds millions of them
 * (nine for each section, eight for each figure). The name is an index
 * into the document's table of names (doc_attr_name). */
typedef struct attr {
	uint32_t value;    /* offset into doc->strings */
	uint32_t len_name; /* value length << 8 | name index */
	int32_t next;
} attr;

/* The longest attribute value: 16 MiB. Values are short (the longest
 * are titles, 200 characters at most); a longer one fails the document
 * as a failed allocation does. */
#define ATTR_VALUE_MAX ((1u << 24) - 1)
enum { ATTR_NAMES_MAX = 255, ATTR_NAME_SLOTS = 512, SHORT_VALUE_SLOTS = 1024 };

static inline uint32_t attr_len(const attr *a) { return a->len_name >> 8; }
static inline unsigned attr_name_id(const attr *a) { return a->len_name & 0xFF; }

typedef struct diag {
	const char *code;
	const char *severity;
	int32_t ref; /* node, or NO_NODE */
	uint32_t start, end;
	uint32_t message; /* offset into doc->strings */
	uint32_t line, col; /* of start, set when parsing ends */
} diag;

struct rpt_doc {
	char *text;
	size_t len;
	fold_view view;
	const char *encoding;
	char *encoding_owned;
	bool bom;
	char *src_name;
	size_t src_bytes;
	char src_sha256[65];
	bool digest_deferred; /* src-sha256 is that of text, made when writing */
	bool html; /* text is the visible text of an HTML page, not the input */

	node *nodes;
	size_t n_nodes, cap_nodes;
	attr *attrs;
	size_t n_attrs, cap_attrs;
	diag *diags;
	size_t n_diags, cap_diags;
	buf strings;
	bool oom; /* sticky: some allocation failed while building */

	/* The attribute names, each once (the same name may come as two
	 * pointers, from two files), and where each pointer seen maps to. */
	const char *attr_names[ATTR_NAMES_MAX];
	size_t n_attr_names;
	struct {
		const char *p;
		uint8_t id;
	} attr_name_slots[ATTR_NAME_SLOTS];
	size_t n_attr_name_slots; /* filled; one stays free, ending each probe */
	/* Short values seen (money, CNY, exact): each is stored once in
	 * strings; a slot holds offset + 1, 0 when empty. */
	uint32_t short_values[SHORT_VALUE_SLOTS];
	/* For each name, what it fills of an indicator (facts.c), made when
	 * parsing ends. */
	int8_t indicator_field_of[ATTR_NAMES_MAX];

	int32_t root, meta, body;
	int32_t *indicator_ids; /* N_INDICATOR nodes in order, after parsing */
	size_t n_indicator_ids;
	int32_t *section_ids;   /* N_SECTION nodes in order, after parsing */
	size_t n_section_ids;
};

/* Appends a node as the last child of parent (NO_NODE for the root). */
int32_t doc_add(rpt_doc *d, int32_t parent, node_type type, size_t start,
		size_t end);
/* Adds a node among the children of parent in the order of their
 * starts, for a node found after others that follow it in the text (the
 * issuer a title names before its period, found once the header is read). */
int32_t doc_add_in_order(rpt_doc *d, int32_t parent, node_type type, size_t start,
			 size_t end);
void doc_attr(rpt_doc *d, int32_t n, const char *name, const char *value,
	      size_t len);
/* doc_attr for a name that node n has no value for yet: its attributes
 * are not searched (a new indicator gets some fifteen, one by one). */
void doc_attr_new(rpt_doc *d, int32_t n, const char *name, const char *value,
		  size_t len);
/* doc_attr_new of a NUL-terminated value; inline, as a new indicator
 * sets most of its attributes with it. */
static inline void doc_attr_new_str(rpt_doc *d, int32_t n, const char *name,
				    const char *value)
{
	doc_attr_new(d, n, name, value, strlen(value));
}
void doc_attr_str(rpt_doc *d, int32_t n, const char *name, const char *value);
void doc_attr_int(rpt_doc *d, int32_t n, const char *name, long long value);
/* Adds value to the space-separated token list of attribute name. */
void doc_flag(rpt_doc *d, int32_t n, const char *name, const char *token);
const char *doc_attr_get(const rpt_doc *d, int32_t n, const char *name,
			 size_t *len);
static inline const char *doc_attr_name(const rpt_doc *d, const attr *a)
{
	return d->attr_names[attr_name_id(a)];
}
void doc_diag(rpt_doc *d, const char *code, const char *severity, int32_t ref,
	      size_t start, size_t end, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* Widens n and its ancestors so that they reach at least to end. */
void doc_extend(rpt_doc *d, int32_t n, size_t end);

const char *node_name(node_type type);

/* Fills indicator_field_of for the names the document has. */
void facts_index_names(rpt_doc *d);

/* The numbering path of section sec (一/(二)/1) into buf; its length. */
size_t doc_section_path(const rpt_doc *d, int32_t sec, char *out, size_t cap);

#endif
