#include "out.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return false;
		}
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* Moves what o holds into its spill file, made on first use; false
 * (spill_errno set, the bytes still in p) when that fails. */
static bool spill(out *o)
{
	if (!o->spill_open) {
		const char *dir = getenv("TMPDIR");
		char path[PATH_MAX];
		int k = snprintf(path, sizeof path, "%s/reportctl.XXXXXX",
				 dir && *dir ? dir : "/tmp");
		int fd = k > 0 && (size_t)k < sizeof path ? mkstemp(path) : -1;
		if (fd < 0) {
			o->spill_errno = k > 0 && (size_t)k < sizeof path ? errno : ENAMETOOLONG;
			return false;
		}
		unlink(path); /* gone with the descriptor, whatever happens */
		o->spill_fd = fd;
		o->spill_open = true;
	}
	if (!write_all(o->spill_fd, o->p, o->len)) {
		/* the file may hold part of p beyond spilled: never read */
		o->spill_errno = errno ? errno : EIO;
		return false;
	}
	o->spilled += o->len;
	o->len = 0;
	return true;
}

bool out_grow(out *o, size_t n)
{
	if (o->failed)
		return false;
	if (o->may_spill && o->len && o->len + n + 1 > OUT_SPILL_AT) {
		if (spill(o)) {
			if (n + 1 <= o->cap)
				return true;
		} else {
			o->may_spill = false; /* memory, then */
		}
	}
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

const char *out_error(const out *o, char *why, size_t n)
{
	if (!o->spill_errno)
		return "out of memory";
	snprintf(why, n, "out of memory (the output could not wait in a temporary file: %s)",
		 strerror(o->spill_errno));
	return why;
}

bool out_each(const out *o, bool (*fn)(void *ctx, const char *p, size_t n), void *ctx)
{
	if (o->spilled) {
		enum { PIECE = 64 * 1024 };
		char *piece = malloc(PIECE);
		if (!piece)
			return false;
		off_t at = 0;
		bool ok = true;
		while (ok && (size_t)at < o->spilled) {
			size_t want = o->spilled - (size_t)at < PIECE ? o->spilled - (size_t)at : PIECE;
			ssize_t r = pread(o->spill_fd, piece, want, at);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				if (r == 0)
					errno = EIO; /* shorter than was written */
				ok = false;
				break;
			}
			ok = fn(ctx, piece, (size_t)r);
			at += r;
		}
		free(piece);
		if (!ok)
			return false;
	}
	return !o->len || fn(ctx, o->p, o->len);
}

static bool append_piece(void *ctx, const char *p, size_t n)
{
	out *o = ctx;
	out_put(o, p, n);
	return !o->failed;
}

void out_append(out *o, const out *src)
{
	if (!out_each(src, append_piece, o) && !o->failed) {
		o->spill_errno = errno ? errno : EIO;
		o->failed = true;
	}
}

void out_free(out *o)
{
	free(o->p);
	if (o->spill_open)
		close(o->spill_fd);
	*o = (out){.may_spill = o->may_spill};
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
	out_put(o, "\"", 1);
	out_json_part(o, s, n);
	out_put(o, "\"", 1);
}

void out_json_part(out *o, const char *s, size_t n)
{
	enum { CHUNK = 4096 };
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
}
