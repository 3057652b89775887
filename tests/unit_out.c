/* out_json, the JSON string writer of the command, against a reference
 * that escapes one byte at a time: on random strings dense in quotes,
 * backslashes and controls, at lengths around its 16-byte blocks and its
 * 4096-byte chunks, appended to buffers already holding some bytes. And
 * an out that spills to a temporary file: the same bytes come back. */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "out.h"
#include "unit.h"

/* RFC 8259: '"', '\' and U+0000..U+001F escaped; the short forms for
 * LF, TAB and CR; every other byte as it is. */
static size_t reference(const unsigned char *s, size_t n, char *dst)
{
	size_t k = 0;
	dst[k++] = '"';
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c == '"' || c == '\\')
			k += (size_t)sprintf(dst + k, "\\%c", c);
		else if (c == '\n')
			k += (size_t)sprintf(dst + k, "\\n");
		else if (c == '\t')
			k += (size_t)sprintf(dst + k, "\\t");
		else if (c == '\r')
			k += (size_t)sprintf(dst + k, "\\r");
		else if (c < 0x20)
			k += (size_t)sprintf(dst + k, "\\u%04x", c);
		else
			dst[k++] = (char)c;
	}
	dst[k++] = '"';
	return k;
}

static int compare(const unsigned char *s, size_t n, size_t prefix)
{
	out o = {0};
	for (size_t i = 0; i < prefix; i++)
		out_put(&o, "x", 1);
	out_json(&o, (const char *)s, n);
	char *want = malloc(6 * n + 2);
	size_t want_len = reference(s, n, want);
	int ok = !o.failed && o.len == prefix + want_len &&
		 memcmp(o.p + prefix, want, want_len) == 0;
	if (!ok)
		printf("length %zu after %zu bytes: differs from the reference\n", n, prefix);
	free(want);
	free(o.p);
	return ok;
}

static bool gather(void *ctx, const char *p, size_t n)
{
	out *o = ctx;
	out_put(o, p, n);
	return !o->failed;
}

/* 5 MB in pieces of every size, through an out that spills: the pieces
 * come back in order, and no more than OUT_SPILL_AT is held. */
static void spill_round_trip(void)
{
	out o = {.may_spill = true};
	size_t total = 0, most = 0;
	char piece[7000];
	for (size_t k = 0; total < 5000000; k++) {
		size_t n = (k * 7919) % sizeof piece;
		for (size_t i = 0; i < n; i++)
			piece[i] = (char)('a' + (total + i) % 23);
		out_put(&o, piece, n);
		total += n;
		if (o.cap > most)
			most = o.cap;
	}
	CHECK(!o.failed && o.spilled > 0 && o.spilled + o.len == total);
	CHECK(most <= 2 * OUT_SPILL_AT);
	out back = {0};
	CHECK(out_each(&o, gather, &back));
	bool same = back.len == total;
	for (size_t i = 0; same && i < total; i++)
		same = back.p[i] == (char)('a' + i % 23);
	CHECK(same);
	/* appended to another out, the same again */
	out copy = {0};
	out_put(&copy, "x", 1);
	out_append(&copy, &o);
	CHECK(!copy.failed && copy.len == total + 1 && memcmp(copy.p + 1, back.p, total) == 0);
	out_free(&copy);
	out_free(&back);
	out_free(&o);
	CHECK(o.may_spill && out_empty(&o) && !o.spill_open);

	/* no directory to spill into: the out grows in memory instead, and
	 * would say why should memory run out too */
	setenv("TMPDIR", "/nonexistent/reportctl-test", 1);
	out none = {.may_spill = true};
	size_t rounds = 2 * OUT_SPILL_AT / sizeof piece;
	for (size_t i = 0; i < rounds; i++)
		out_put(&none, piece, sizeof piece);
	char why[256];
	CHECK(!none.failed && !none.spilled && none.len == rounds * sizeof piece);
	CHECK(strstr(out_error(&none, why, sizeof why), "No such file") != NULL);
	out_free(&none);
	unsetenv("TMPDIR");
}

int main(void)
{
	static const unsigned char alphabet[] = {
		'a', 'Z', ' ', '<', '>', '=', '/', '"', '"', '\\', '\n', '\t', '\r',
		0x00, 0x01, 0x1F, 0x7F, 0xE4, 0xB8, 0x80, 0xFF};
	uint32_t seed = 1;
	int mismatches = 0;
	unsigned char s[9000];
	for (int round = 0; round < 3000; round++) {
		size_t n = round < 2000 ? (size_t)(round % 70) : 4000 + (size_t)(round % 400) * 10;
		/* a run of plain text now and then, so that whole blocks pass */
		bool plain = round % 3 == 0;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 16;
			s[i] = plain && r % 8 ? (unsigned char)('a' + r % 26)
					      : alphabet[r % sizeof alphabet];
		}
		if (!compare(s, n, (size_t)round % 19))
			mismatches++;
	}
	CHECK(mismatches == 0);

	static const char want[] = "\"a\\\"b\\\\c\\nd\\u0001\"";
	out o = {0};
	out_json(&o, "a\"b\\c\nd\x01", 8);
	CHECK(o.len == sizeof want - 1 && memcmp(o.p, want, o.len) == 0);
	free(o.p);

	out empty = {0};
	out_json(&empty, "", 0);
	CHECK(empty.len == 2 && memcmp(empty.p, "\"\"", 2) == 0);
	free(empty.p);

	spill_round_trip();
	return UNIT_DONE();
}
