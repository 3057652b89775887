/* The node tree, attributes, flags and the lossless XML writer. */
#include <stdlib.h>

#include "alloc.h"
#include "doc.h"
#include "sha256.h"
#include "unit.h"

/* A writer that keeps what it is given, and refuses the piece after
 * refuse_after of them when that is set. */
struct pieces {
	char *data;
	size_t len;
	int calls, refuse_after;
};

static bool collect(void *ctx, const char *p, size_t n)
{
	struct pieces *x = ctx;
	if (x->refuse_after && x->calls++ == x->refuse_after)
		return false;
	if (!x->refuse_after)
		x->calls++;
	char *q = realloc(x->data, x->len + n);
	if (!q)
		return false;
	memcpy(q + x->len, p, n);
	x->data = q;
	x->len += n;
	return true;
}

int main(void)
{
	rpt_doc *d = rpt_calloc(1, sizeof *d);
	static char text[] = "a&b<c>\r\n\f\x1b" "d";
	d->text = text;
	d->len = strlen(text);
	d->encoding = "UTF-8";
	memset(d->src_sha256, '0', 64);
	d->root = doc_add(d, NO_NODE, N_REPORT, 0, d->len);
	int32_t meta = doc_add(d, d->root, N_META, 0, 0);
	int32_t body = doc_add(d, d->root, N_BODY, 0, d->len);
	int32_t p = doc_add(d, body, N_P, 1, 3);
	CHECK(meta >= 0 && body >= 0 && p >= 0);

	/* Flags accumulate without duplicates. */
	doc_flag(d, p, "flags", "inline");
	doc_flag(d, p, "flags", "level-skip");
	doc_flag(d, p, "flags", "inline");
	CHECK_STR(doc_attr_get(d, p, "flags", NULL), "inline level-skip");
	doc_attr_int(d, p, "ordinal", 42);
	CHECK_STR(doc_attr_get(d, p, "ordinal", NULL), "42");
	doc_attr_str(d, p, "ordinal", "7"); /* replaces */
	CHECK_STR(doc_attr_get(d, p, "ordinal", NULL), "7");

	/* doc_add widens ancestors. */
	int32_t late = doc_add(d, p, N_SLOGAN, 2, 5);
	CHECK(d->nodes[p].end == 5 && late >= 0);

	char *xml;
	size_t len;
	CHECK(rpt_doc_to_xml(d, &xml, &len) == RPT_OK);
	/* Escaping, CR as a character reference, controls as ctl, and every
	 * byte of the text written once. */
	CHECK(strstr(xml, "<body start=\"0\" end=\"11\">a<p flags=\"inline level-skip\" "
			  "ordinal=\"7\" start=\"1\" end=\"5\">&amp;<slogan start=\"2\" "
			  "end=\"5\">b&lt;c</slogan></p>&gt;&#13;\n<ctl cp=\"0C\" start=\"8\" "
			  "end=\"9\"/><ctl cp=\"1B\" start=\"9\" end=\"10\"/>d</body>") != NULL);
	free(xml);

	/* One name, though given by two pointers (two files' copies of a
	 * literal): the second replaces the first. */
	static const char kind_a[] = "kind", kind_b[] = "kind";
	int32_t s1 = doc_add(d, body, N_SECTION, 10, 11);
	int32_t s2 = doc_add(d, body, N_SECTION, 10, 11);
	doc_attr_str(d, s1, kind_a, "plan");
	doc_attr_str(d, s1, kind_b, "review");
	size_t vl;
	const char *v = doc_attr_get(d, s1, "kind", &vl);
	CHECK(v && vl == 6 && memcmp(v, "review", 6) == 0);
	CHECK(d->n_attr_names == 3); /* flags, ordinal, kind */
	/* A short value that recurs is stored once; a longer one each time. */
	size_t before = d->strings.len;
	doc_attr_str(d, s2, "kind", "review");
	CHECK(d->strings.len == before);
	v = doc_attr_get(d, s2, "kind", &vl);
	CHECK(v && vl == 6 && memcmp(v, "review", 6) == 0);
	doc_attr_str(d, s2, "hkey", "一二三四五六七八九十");
	doc_attr_str(d, s1, "hkey", "一二三四五六七八九十");
	CHECK(d->strings.len == before + 2 * 30);
	CHECK(doc_attr_get(d, s1, "missing", NULL) == NULL);
	/* A value too long for an attribute fails the document, not the
	 * attribute alone. */
	char *huge = calloc(ATTR_VALUE_MAX + 1, 1);
	CHECK(huge != NULL);
	CHECK(!d->oom);
	doc_attr(d, s2, "subject", huge, ATTR_VALUE_MAX + 1);
	CHECK(d->oom && doc_attr_get(d, s2, "subject", NULL) == NULL);
	free(huge);

	/* The XML in pieces is the XML whole, also for a document whose XML
	 * takes many pieces; a writer that refuses stops it. */
	rpt_doc *wide = rpt_calloc(1, sizeof *wide);
	CHECK(wide != NULL);
	enum { LINES = 20000 };
	size_t wide_len = LINES * 7;
	char *wide_text = malloc(wide_len + 1);
	CHECK(wide_text != NULL);
	for (size_t k = 0; k < LINES; k++)
		memcpy(wide_text + 7 * k, "a<b&c>\n", 7);
	wide_text[wide_len] = '\0';
	wide->text = wide_text;
	wide->len = wide_len;
	wide->encoding = "UTF-8";
	memset(wide->src_sha256, '0', 64);
	wide->root = doc_add(wide, NO_NODE, N_REPORT, 0, wide_len);
	doc_add(wide, wide->root, N_META, 0, 0);
	int32_t wide_body = doc_add(wide, wide->root, N_BODY, 0, wide_len);
	for (size_t k = 0; k < LINES; k++) {
		int32_t bp = doc_add(wide, wide_body, N_P, 7 * k, 7 * k + 6);
		doc_attr_int(wide, bp, "ordinal", (long long)k);
	}
	char *whole;
	size_t whole_len;
	CHECK(rpt_doc_to_xml(wide, &whole, &whole_len) == RPT_OK);
	CHECK(whole_len > 4 * 64 * 1024);
	struct pieces pieces = {0};
	CHECK(rpt_doc_write_xml(wide, collect, &pieces) == RPT_OK);
	CHECK(pieces.calls > 4);
	CHECK(pieces.len == whole_len && memcmp(pieces.data, whole, whole_len) == 0);
	struct pieces refusing = {.refuse_after = 2};
	CHECK(rpt_doc_write_xml(wide, collect, &refusing) == RPT_EWRITE);
	CHECK(refusing.calls == 3);
	free(refusing.data);
	free(pieces.data);
	free(whole);
	wide->text = NULL;
	free(wide_text);
	rpt_doc_free(wide);

	/* RPT_PARSE_TAKE_INPUT: on success the input is the library's (the
	 * text itself, for UTF-8; freed, for an HTML page); on failure it is
	 * still the caller's. Under ASan a double free or a leak here fails. */
	rpt_parser *parser = NULL;
	CHECK(rpt_parser_new(&parser) == RPT_OK);
	rpt_parse_options take = {.flags = RPT_PARSE_TAKE_INPUT};
	rpt_error err;
	rpt_doc *taken = NULL;
	char *bin = rpt_malloc(401);
	CHECK(bin != NULL);
	for (int i = 0; i < 400; i++)
		bin[i] = (char)(i % 31 + 1);
	bin[400] = '\0';
	CHECK(rpt_parse(parser, bin, 400, &take, &taken, &err) == RPT_EDECODE && !taken);
	rpt_free(bin); /* still ours */
	static const char plain[] = "一、总体情况\n全年完成投资3800万元。";
	char *own = rpt_strndup(plain, sizeof plain - 1);
	CHECK(rpt_parse(parser, own, sizeof plain - 1, &take, &taken, &err) == RPT_OK);
	size_t tl;
	CHECK(rpt_doc_text(taken, &tl) == own && tl == sizeof plain - 1);
	rpt_doc_free(taken); /* and the input with it */
	static const char page[] = "<!DOCTYPE html><html><body><p>投资3800万元。</p></body></html>";
	own = rpt_strndup(page, sizeof page - 1);
	CHECK(rpt_parse(parser, own, sizeof page - 1, &take, &taken, &err) == RPT_OK);
	CHECK(rpt_doc_text(taken, &tl) != own && rpt_doc_indicator_count(taken) == 1);
	rpt_doc_free(taken);
	rpt_parser_free(parser);

	char hex[65];
	sha256_hex("abc", 3, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("", 0, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	char big[1000];
	memset(big, 'a', sizeof big);
	sha256_hex(big, 56, hex); /* padding spills into a second block */
	CHECK_STR(hex, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");

	d->text = NULL;
	rpt_doc_free(d);
	return UNIT_DONE();
}
