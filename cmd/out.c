#include "out.h"

#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

bool out_grow(out *o, size_t n)
{
	if (o->failed)
		return false;
	size_t cap = o->cap ? o->cap * 2 : 65536;
	while (cap < o->len + n + 1)
		cap *= 2;
	char *q = realloc(o->p, cap);
	if (!q) {
		/* cap stays short of len + n, so every later append lands here */
		o->failed = true;
		return false;
	}
	o->p = q;
	o->cap = cap;
	return true;
}

/* Writes the escape of c, a byte JSON does not allow in a string as it
 * is: \" \\ \n \t \r, and \u00XX for the other controls. */
static char *json_escape(char *p, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	*p++ = '\\';
	switch (c) {
	case '\n': *p++ = 'n'; break;
	case '\t': *p++ = 't'; break;
	case '\r': *p++ = 'r'; break;
	case '"':
	case '\\': *p++ = (char)c; break;
	default:
		memcpy(p, "u00", 3);
		p[3] = hex[c >> 4];
		p[4] = hex[c & 15];
		p += 5;
	}
	return p;
}

/* --jsonl puts whole XML documents in strings, where a quote comes every
 * few bytes: the string is written straight into the buffer, room for
 * the worst case (six bytes for one) made a chunk at a time, and sixteen
 * bytes are copied and checked at once. */
void out_json(out *o, const char *s, size_t n)
{
	enum { CHUNK = 4096 };
	out_put(o, "\"", 1);
	size_t i = 0;
	while (i < n) {
		size_t end = n - i > CHUNK ? i + CHUNK : n;
		if (o->len + 6 * (end - i) + 1 > o->cap && !out_grow(o, 6 * (end - i)))
			return;
		char *p = o->p + o->len;
#ifdef __SSE2__
		const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'),
			      control = _mm_set1_epi8(0x1F);
		while (end - i >= 16) {
			/* stored whole before it is checked: the room made for
			 * the bytes left covers it */
			__m128i x = _mm_loadu_si128((const __m128i *)(s + i));
			_mm_storeu_si128((__m128i *)p, x);
			__m128i special = _mm_or_si128(
				_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
				_mm_cmpeq_epi8(_mm_max_epu8(x, control), control)); /* x <= 0x1F */
			unsigned mask = (unsigned)_mm_movemask_epi8(special);
			if (!mask) {
				p += 16;
				i += 16;
				continue;
			}
			unsigned k = (unsigned)__builtin_ctz(mask);
			p = json_escape(p + k, (unsigned char)s[i + k]);
			i += k + 1;
		}
#endif
		for (; i < end; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c == '"' || c == '\\' || c < 0x20)
				p = json_escape(p, c);
			else
				*p++ = (char)c;
		}
		o->len = (size_t)(p - o->p);
	}
	out_put(o, "\"", 1);
}
