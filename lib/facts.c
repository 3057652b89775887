/* Read-only views of the model for tables: indicators with their section
 * path, and document-level facts. */
#include <stddef.h>
#include <string.h>

#include "decimal.h"
#include "doc.h"

static rpt_str get_attr(const rpt_doc *d, int32_t n, const char *name)
{
	size_t len = 0;
	const char *p = doc_attr_get(d, n, name, &len);
	return (rpt_str){p ? p : "", p ? len : 0};
}

/* Indicator nodes in document order (node order is document order). */
static int32_t nth_indicator(const rpt_doc *d, size_t i)
{
	size_t k = 0;
	if (d->indicator_ids)
		return i < d->n_indicator_ids ? d->indicator_ids[i] : NO_NODE;
	for (size_t n = 0; n < d->n_nodes; n++)
		if (d->nodes[n].type == N_INDICATOR && k++ == i)
			return (int32_t)n;
	return NO_NODE;
}

size_t rpt_doc_indicator_count(const rpt_doc *d)
{
	return d ? d->n_indicator_ids : 0;
}

/* What an indicator's attribute fills: string field k of rpt_indicator
 * (k + 1), one of the flags, or nothing (0, as a new document has it). */
enum { F_NONE = 0, F_APPROX = -1, F_MIN_EXCL = -2, F_MAX_EXCL = -3 };

static const struct {
	const char *name;
	size_t offset;
} string_fields[] = {
#define STR(name, member) {name, offsetof(rpt_indicator, member)}
	STR("kind", kind),         STR("value", value),   STR("unit", unit),
	STR("num", num),           STR("magnitude", magnitude),
	STR("qualifier", qualifier), STR("min", min),     STR("max", max),
	STR("role", role),         STR("period", period), STR("subject", subject),
	STR("cues", cues),         STR("aspect", aspect), STR("direction", direction),
	STR("basis", basis),       STR("flags", flags),
#undef STR
};

void facts_index_names(rpt_doc *d)
{
	for (size_t id = 0; id < d->n_attr_names; id++) {
		const char *name = d->attr_names[id];
		int f = strcmp(name, "approx") == 0     ? F_APPROX
			: strcmp(name, "min-excl") == 0 ? F_MIN_EXCL
			: strcmp(name, "max-excl") == 0 ? F_MAX_EXCL
							: F_NONE;
		for (size_t k = 0; f == F_NONE && k < sizeof string_fields / sizeof *string_fields; k++)
			if (strcmp(name, string_fields[k].name) == 0)
				f = (int)k + 1;
		d->indicator_field_of[id] = (int8_t)f;
	}
}

int rpt_doc_indicator(const rpt_doc *d, size_t i, rpt_indicator *out)
{
	if (!d || !out)
		return -1;
	int32_t n = nth_indicator(d, i);
	if (n == NO_NODE)
		return -1;
	memset(out, 0, sizeof *out);
	const node *nd = &d->nodes[n];
	out->start = nd->start;
	out->end = nd->end;
	out->raw = (rpt_str){d->text + nd->start, nd->end - nd->start};
	for (size_t k = 0; k < sizeof string_fields / sizeof *string_fields; k++)
		*(rpt_str *)((char *)out + string_fields[k].offset) = (rpt_str){"", 0};
	/* One walk over the attributes fills every field (doc_attr() keeps
	 * one value per name), each found by its name's index. */
	for (int32_t a = nd->first_attr; a >= 0; a = d->attrs[a].next) {
		const attr *at = &d->attrs[a];
		rpt_str v = {d->strings.data + at->value, attr_len(at)};
		bool is_true = v.len == 4 && memcmp(v.p, "true", 4) == 0;
		int f = d->indicator_field_of[attr_name_id(at)];
		if (f > 0)
			*(rpt_str *)((char *)out + string_fields[f - 1].offset) = v;
		else if (f == F_APPROX)
			out->approx = is_true;
		else if (f == F_MIN_EXCL)
			out->min_excl = is_true;
		else if (f == F_MAX_EXCL)
			out->max_excl = is_true;
	}
	out->section_kind = (rpt_str){"", 0};

	/* 一/(二): the markers of the enclosing sections */
	int32_t p = nd->parent;
	while (p != NO_NODE && d->nodes[p].type != N_SECTION)
		p = d->nodes[p].parent;
	if (p != NO_NODE)
		out->section_kind = get_attr(d, p, "kind");
	doc_section_path(d, p, out->section, sizeof out->section);
	return 0;
}

size_t doc_section_path(const rpt_doc *d, int32_t sec, char *out, size_t cap)
{
	int32_t chain[32];
	int depth = 0;
	for (int32_t p = sec; p != NO_NODE && depth < 32; p = d->nodes[p].parent)
		if (d->nodes[p].type == N_SECTION)
			chain[depth++] = p;
	size_t len = 0;
	/* 、 and . and spaces after the marker are dropped: 一/(二)/1 */
	for (int k = depth - 1; k >= 0; k--) {
		rpt_str num = get_attr(d, chain[k], "num");
		while (num.len >= 3 && memcmp(num.p + num.len - 3, "、", 3) == 0)
			num.len -= 3;
		while (num.len && (num.p[num.len - 1] == '.' || num.p[num.len - 1] == ' '))
			num.len--;
		if (len + num.len + 2 >= cap)
			break;
		if (len)
			out[len++] = '/';
		memcpy(out + len, num.p, num.len);
		len += num.len;
	}
	if (cap)
		out[len < cap ? len : cap - 1] = '\0';
	return len;
}

size_t rpt_doc_section_count(const rpt_doc *d)
{
	return d ? d->n_section_ids : 0;
}

int rpt_doc_section(const rpt_doc *d, size_t i, rpt_section *out)
{
	if (!d || !out || i >= d->n_section_ids)
		return -1;
	memset(out, 0, sizeof *out);
	int32_t n = d->section_ids[i];
	out->start = d->nodes[n].start;
	out->end = d->nodes[n].end;
	rpt_str level = get_attr(d, n, "level");
	for (size_t k = 0; k < level.len; k++)
		out->level = out->level * 10 + (level.p[k] - '0');
	out->num = get_attr(d, n, "num");
	out->kind = get_attr(d, n, "kind");
	out->heading = (rpt_str){"", 0};
	for (int32_t c = d->nodes[n].first_child; c != NO_NODE; c = d->nodes[c].next)
		if (d->nodes[c].type == N_HEADING) {
			out->heading = (rpt_str){d->text + d->nodes[c].start,
						 d->nodes[c].end - d->nodes[c].start};
			break;
		}
	doc_section_path(d, n, out->path, sizeof out->path);
	return 0;
}

void rpt_doc_get_facts(const rpt_doc *d, rpt_doc_facts *out)
{
	memset(out, 0, sizeof *out);
	out->title = out->issuer = out->doc_type = (rpt_str){"", 0};
	out->date = out->date_type = (rpt_str){"", 0};
	for (int k = 0; k < 2; k++)
		out->period[k] = out->period_role[k] = (rpt_str){"", 0};
	if (!d)
		return;
	out->doc_type = get_attr(d, d->root, "doc-type");
	bool have_title = false, have_issuer = false, have_date = false;
	/* meta is the root's first child: its nodes come first */
	size_t meta_end = d->meta != NO_NODE ? d->nodes[d->meta].end : 0;
	for (size_t n = 0; n < d->n_nodes && (!have_title || !have_issuer || !have_date); n++) {
		const node *nd = &d->nodes[n];
		if (nd->type == N_DATE && !have_date && d->meta != NO_NODE && nd->end <= meta_end &&
		    n > (size_t)d->meta) {
			out->date = get_attr(d, (int32_t)n, "value");
			out->date_type = get_attr(d, (int32_t)n, "type");
			have_date = out->date.len > 0;
			continue;
		}
		if (nd->type == N_TITLE && !have_title) {
			out->title = (rpt_str){d->text + nd->start, nd->end - nd->start};
			have_title = true;
			int k = 0;
			for (int32_t c = nd->first_child; c != NO_NODE && k < 2; c = d->nodes[c].next)
				if (d->nodes[c].type == N_PERIOD) {
					out->period[k] = get_attr(d, c, "value");
					out->period_role[k] = get_attr(d, c, "role");
					k++;
				}
		} else if (nd->type == N_ISSUER && !have_issuer) {
			out->issuer = get_attr(d, (int32_t)n, "name");
			have_issuer = true;
		}
	}
	/* a speech is of the day it was delivered, whatever the page that
	 * carries it printed before (the date it was put on line) */
	for (size_t n = (size_t)d->meta + 1; d->meta != NO_NODE && n < d->n_nodes &&
					      d->nodes[n].end <= meta_end; n++) {
		if (d->nodes[n].type != N_DATE)
			continue;
		rpt_str type = get_attr(d, (int32_t)n, "type");
		rpt_str value = get_attr(d, (int32_t)n, "value");
		if (type.len == 9 && memcmp(type.p, "delivered", 9) == 0 && value.len) {
			out->date = value;
			out->date_type = type;
			have_date = true;
			break;
		}
	}
	/* else the day of the signature, in the body (a notice's 落款) */
	for (size_t n = 0; n < d->n_nodes && !have_date; n++) {
		if (d->nodes[n].type != N_DATE)
			continue;
		rpt_str type = get_attr(d, (int32_t)n, "type");
		if (type.len == 7 && memcmp(type.p, "written", 7) == 0) {
			out->date = get_attr(d, (int32_t)n, "value");
			out->date_type = type;
			have_date = out->date.len > 0;
		}
	}
}

int rpt_decimal_compare(const char *a, const char *b, int *cmp)
{
	decimal x, y;
	if (!a || !b || !dec_parse(a, strlen(a), &x) || !dec_parse(b, strlen(b), &y))
		return -1;
	*cmp = dec_cmp(x, y);
	return 0;
}
