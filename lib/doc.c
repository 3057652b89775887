#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"

static const char *const names[N_TYPE_COUNT] = {
	[N_REPORT] = "report",
	[N_META] = "meta",
	[N_BODY] = "body",
	[N_DIAGNOSTICS] = "diagnostics",
	[N_TITLE] = "title",
	[N_PERIOD] = "period",
	[N_FIELD] = "field",
	[N_INDEX_NO] = "index-no",
	[N_DOC_NUMBER] = "doc-number",
	[N_DATE] = "date",
	[N_DISCLOSURE] = "disclosure",
	[N_VALIDITY] = "validity",
	[N_ISSUER] = "issuer",
	[N_CATEGORY] = "category",
	[N_SOURCE] = "source",
	[N_BOILERPLATE] = "boilerplate",
	[N_SECTION] = "section",
	[N_HEADING] = "heading",
	[N_P] = "p",
	[N_LIST] = "list",
	[N_ITEM] = "item",
	[N_DOCREF] = "docref",
	[N_SLOGAN] = "slogan",
	[N_INDICATOR] = "indicator",
	[N_DIAG] = "diag",
};

const char *node_name(node_type type) { return names[type]; }

static inline bool grow(rpt_doc *d, void **p, size_t *cap, size_t n, size_t size)
{
	/* most calls find room: no call for those */
	if (n < *cap || rpt_grow(p, cap, n, size, 64))
		return true;
	d->oom = true;
	return false;
}

int32_t doc_add(rpt_doc *d, int32_t parent, node_type type, size_t start,
		size_t end)
{
	if (d->oom || !grow(d, (void **)&d->nodes, &d->cap_nodes, d->n_nodes,
			    sizeof *d->nodes))
		return NO_NODE;
	int32_t id = (int32_t)d->n_nodes++;
	node *n = &d->nodes[id];
	n->type = type;
	n->start = (uint32_t)start;
	n->end = (uint32_t)end;
	n->parent = parent;
	n->first_child = n->last_child = n->next = NO_NODE;
	n->first_attr = n->last_attr = -1;
	if (parent != NO_NODE) {
		node *p = &d->nodes[parent];
		if (p->last_child != NO_NODE)
			d->nodes[p->last_child].next = id;
		else
			p->first_child = id;
		p->last_child = id;
		doc_extend(d, parent, end);
	}
	return id;
}

int32_t doc_add_in_order(rpt_doc *d, int32_t parent, node_type type, size_t start,
			 size_t end)
{
	int32_t id = doc_add(d, parent, type, start, end);
	if (id == NO_NODE || parent == NO_NODE)
		return id;
	/* doc_add made it the last child: unlink it, and link it again
	 * before the first sibling that starts after it */
	node *p = &d->nodes[parent];
	int32_t before = NO_NODE, at = p->first_child;
	while (at != id && d->nodes[at].start <= start) {
		before = at;
		at = d->nodes[at].next;
	}
	if (at == id)
		return id; /* it stands last already */
	int32_t prev = at;
	while (d->nodes[prev].next != id)
		prev = d->nodes[prev].next;
	d->nodes[prev].next = NO_NODE;
	p->last_child = prev;
	d->nodes[id].next = at;
	if (before == NO_NODE)
		p->first_child = id;
	else
		d->nodes[before].next = id;
	return id;
}

void doc_extend(rpt_doc *d, int32_t n, size_t end)
{
	while (n != NO_NODE && d->nodes[n].end < end) {
		d->nodes[n].end = (uint32_t)end;
		n = d->nodes[n].parent;
	}
}

/* The slot of name's pointer in the name table's hash. */
static size_t name_slot(const rpt_doc *d, const char *name)
{
	size_t h = (size_t)(((uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15u) >> 55) %
		   ATTR_NAME_SLOTS;
	while (d->attr_name_slots[h].p && d->attr_name_slots[h].p != name)
		h = (h + 1) % ATTR_NAME_SLOTS;
	return h;
}

/* The index of name, or -1 when no attribute has that name. */
static int name_id(const rpt_doc *d, const char *name)
{
	size_t h = name_slot(d, name);
	if (d->attr_name_slots[h].p)
		return d->attr_name_slots[h].id;
	for (size_t k = 0; k < d->n_attr_names; k++)
		if (strcmp(d->attr_names[k], name) == 0)
			return (int)k;
	return -1;
}

/* The index of name, added to the table if it is new; -1 when the
 * table is full. */
static int name_id_add(rpt_doc *d, const char *name)
{
	size_t h = name_slot(d, name);
	if (d->attr_name_slots[h].p)
		return d->attr_name_slots[h].id;
	int id = name_id(d, name);
	if (id < 0) {
		if (d->n_attr_names == ATTR_NAMES_MAX)
			return -1;
		id = (int)d->n_attr_names;
		d->attr_names[d->n_attr_names++] = name;
	}
	/* A pointer seen is remembered while slots are left; with the last
	 * one the lookups above find the name by its text instead. */
	if (d->n_attr_name_slots + 1 < ATTR_NAME_SLOTS) {
		d->attr_name_slots[h].p = name;
		d->attr_name_slots[h].id = (uint8_t)id;
		d->n_attr_name_slots++;
	}
	return id;
}

static int32_t find_attr(const rpt_doc *d, int32_t n, int id)
{
	for (int32_t a = d->nodes[n].first_attr; a >= 0; a = d->attrs[a].next)
		if (attr_name_id(&d->attrs[a]) == (unsigned)id)
			return a;
	return -1;
}

/* Where value is in strings: a short value that was stored before is
 * not stored again, as the same few words make most attributes. Values
 * are (offset, length) pairs, so any earlier bytes that match will do. */
static bool store_value(rpt_doc *d, const char *value, size_t len, uint32_t *off)
{
	enum { SHORT = 16 };
	size_t h = 0;
	if (len <= SHORT) {
		/* the first four bytes and the last four: all of a value up to
		 * eight bytes (10000, money, CNY); two that share a slot are
		 * only stored twice */
		uint32_t a = 0, b = 0;
		if (len >= 4) {
			memcpy(&a, value, 4);
			memcpy(&b, value + len - 4, 4);
		} else {
			for (size_t i = 0; i < len; i++)
				a = a << 8 | (unsigned char)value[i];
		}
		h = (size_t)(((uint64_t)(a * 0x9E3779B1u ^ b) * 0x85EBCA77u + len) >> 7) %
		    SHORT_VALUE_SLOTS;
		uint32_t at = d->short_values[h];
		if (at && at - 1 + len <= d->strings.len) {
			const char *old = d->strings.data + at - 1;
			bool same;
			if (len >= 4 && len <= 8) { /* the two words are all of it */
				uint32_t oa, ob;
				memcpy(&oa, old, 4);
				memcpy(&ob, old + len - 4, 4);
				same = oa == a && ob == b;
			} else { /* a loop: a call to memcmp costs more */
				size_t k = 0;
				while (k < len && old[k] == value[k])
					k++;
				same = k == len;
			}
			if (same) {
				*off = at - 1;
				return true;
			}
		}
	}
	*off = (uint32_t)d->strings.len;
	buf_append(&d->strings, value, len);
	if (buf_failed(&d->strings))
		return false;
	if (len <= SHORT)
		d->short_values[h] = *off + 1;
	return true;
}

static void set_attr(rpt_doc *d, int32_t n, const char *name, const char *value,
		     size_t len, bool fresh)
{
	if (n == NO_NODE || d->oom)
		return;
	int id = name_id_add(d, name);
	uint32_t off;
	if (id < 0 || len > ATTR_VALUE_MAX || !store_value(d, value, len, &off)) {
		d->oom = true;
		return;
	}
	uint32_t len_name = (uint32_t)len << 8 | (uint32_t)id;
	int32_t a = fresh ? -1 : find_attr(d, n, id);
	if (a >= 0) {
		d->attrs[a].value = off;
		d->attrs[a].len_name = len_name;
		return;
	}
	if (!grow(d, (void **)&d->attrs, &d->cap_attrs, d->n_attrs,
		  sizeof *d->attrs))
		return;
	a = (int32_t)d->n_attrs++;
	d->attrs[a] = (attr){off, len_name, -1};
	node *nd = &d->nodes[n];
	if (nd->last_attr >= 0)
		d->attrs[nd->last_attr].next = a;
	else
		nd->first_attr = a;
	nd->last_attr = a;
}

void doc_attr(rpt_doc *d, int32_t n, const char *name, const char *value,
	      size_t len)
{
	set_attr(d, n, name, value, len, false);
}

void doc_attr_new(rpt_doc *d, int32_t n, const char *name, const char *value,
		  size_t len)
{
	set_attr(d, n, name, value, len, true);
}

void doc_attr_str(rpt_doc *d, int32_t n, const char *name, const char *value)
{
	doc_attr(d, n, name, value, strlen(value));
}

void doc_attr_int(rpt_doc *d, int32_t n, const char *name, long long value)
{
	char tmp[32];
	int k = snprintf(tmp, sizeof tmp, "%lld", value);
	doc_attr(d, n, name, tmp, (size_t)k);
}

const char *doc_attr_get(const rpt_doc *d, int32_t n, const char *name,
			 size_t *len)
{
	int id = name_id(d, name);
	int32_t a = id < 0 ? -1 : find_attr(d, n, id);
	if (a < 0)
		return NULL;
	if (len)
		*len = attr_len(&d->attrs[a]);
	return d->strings.data + d->attrs[a].value;
}

void doc_flag(rpt_doc *d, int32_t n, const char *name, const char *token)
{
	if (n == NO_NODE || d->oom)
		return;
	size_t len;
	const char *old = doc_attr_get(d, n, name, &len);
	if (!old) {
		doc_attr_str(d, n, name, token);
		return;
	}
	size_t tl = strlen(token);
	/* Already present? */
	for (const char *p = old; p < old + len;) {
		const char *e = memchr(p, ' ', (size_t)(old + len - p));
		size_t wl = e ? (size_t)(e - p) : (size_t)(old + len - p);
		if (wl == tl && memcmp(p, token, tl) == 0)
			return;
		p += wl + 1;
	}
	char tmp[256];
	if (len + 1 + tl >= sizeof tmp)
		return;
	memcpy(tmp, old, len);
	tmp[len] = ' ';
	memcpy(tmp + len + 1, token, tl);
	doc_attr(d, n, name, tmp, len + 1 + tl);
}

void doc_diag(rpt_doc *d, const char *code, const char *severity, int32_t ref,
	      size_t start, size_t end, const char *fmt, ...)
{
	if (d->oom || !grow(d, (void **)&d->diags, &d->cap_diags, d->n_diags,
			    sizeof *d->diags))
		return;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	uint32_t off = (uint32_t)d->strings.len;
	buf_append(&d->strings, msg, strlen(msg) + 1);
	if (buf_failed(&d->strings)) {
		d->oom = true;
		return;
	}
	d->diags[d->n_diags++] = (diag){code, severity, ref, (uint32_t)start,
					(uint32_t)end, off};
}
