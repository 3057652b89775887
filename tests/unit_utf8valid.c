/* The validity scan against a reference written from Table 3-7 of the
 * Unicode standard, one character at a time: on random text with errors
 * of every kind at every offset, and at lengths around the 16-byte
 * blocks of the fast path. */
#include <stdint.h>
#include <stdlib.h>

#include "decode.h"
#include "unit.h"

/* The well-formed byte sequences, as the standard lists them. */
static size_t reference(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t n = 1;
		unsigned lo = 0x80, hi = 0xBF;
		if (c <= 0x7F)
			n = 1;
		else if (c >= 0xC2 && c <= 0xDF)
			n = 2;
		else if (c == 0xE0)
			n = 3, lo = 0xA0;
		else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
			n = 3;
		else if (c == 0xED)
			n = 3, hi = 0x9F;
		else if (c == 0xF0)
			n = 4, lo = 0x90;
		else if (c >= 0xF1 && c <= 0xF3)
			n = 4;
		else if (c == 0xF4)
			n = 4, hi = 0x8F;
		else
			return i;
		if (i + n > len)
			return i;
		if (n > 1 && (s[i + 1] < lo || s[i + 1] > hi))
			return i;
		for (size_t k = 2; k < n; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return i;
		i += n;
	}
	return len;
}

static uint32_t state = 2463534242u;
static uint32_t next(void)
{
	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	return state;
}

/* A valid character of 1 to 4 bytes, mostly of the kinds reports hold. */
static size_t valid_char(unsigned char *p)
{
	static const char *const samples[] = {
		"a", "7", " ", "\n", "报", "告", "。", "，", "\xEF\xBC\x91" /* １ */,
		"\xC2\xA0", "\xC3\xA9", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80",
		"\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xF3\xBF\xBF\xBF", "\xDF\xBF"};
	const char *c = samples[next() % (sizeof samples / sizeof *samples)];
	size_t n = strlen(c);
	memcpy(p, c, n);
	return n;
}

int main(void)
{
	unsigned char buf[300];
	size_t mismatches = 0;
	for (int round = 0; round < 200000; round++) {
		size_t len = 0, want = next() % 120;
		while (len < want)
			len += valid_char(buf + len);
		/* most inputs get one damaged byte: any value, anywhere */
		if (len && next() % 8) {
			size_t at = next() % len;
			buf[at] = (unsigned char)next();
		}
		if (next() % 4 == 0 && len > 1)
			len -= next() % 3 + 1; /* cut short, maybe inside a character */
		size_t got = utf8_valid_prefix((const char *)buf, len);
		if (got != reference(buf, len) && mismatches++ < 5)
			printf("length %zu: got %zu, want %zu\n", len, got,
			       reference(buf, len));
	}
	CHECK(mismatches == 0);

	/* Every lead byte followed by every second byte, at each offset of a
	 * block and across block ends, after Han text and after ASCII. */
	mismatches = 0;
	for (size_t off = 0; off < 34; off++)
		for (unsigned a = 0x80; a <= 0xFF; a++)
			for (unsigned b = 0; b <= 0xFF; b += 3) {
				size_t len = 0;
				while (len < off)
					len += (off - len) >= 3 ? (memcpy(buf + len, "报", 3), 3)
								: (buf[len] = 'x', 1);
				buf[len++] = (unsigned char)a;
				buf[len++] = (unsigned char)b;
				buf[len++] = 0xBF;
				buf[len++] = 0x80;
				memcpy(buf + len, "告告告告告告", 18);
				len += 18;
				size_t got = utf8_valid_prefix((const char *)buf, len);
				if (got != reference(buf, len) && mismatches++ < 5)
					printf("%02X %02X at %zu: got %zu, want %zu\n", a, b, off,
					       got, reference(buf, len));
			}
	CHECK(mismatches == 0);

	/* Long valid text, Han and ASCII, comes back whole. */
	size_t len = 0;
	while (len + 4 < sizeof buf)
		len += valid_char(buf + len);
	CHECK(utf8_valid_prefix((const char *)buf, len) == len);
	return UNIT_DONE();
}
