/* A growable byte buffer. Errors are sticky: after a failed allocation every
 * further append is a no-op and buf_failed() says so, which keeps callers
 * free of a check after each append. */
#ifndef RPT_BUF_H
#define RPT_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct buf {
	char *data;
	size_t len;
	size_t cap;
	bool failed;
} buf;

bool buf_reserve(buf *b, size_t extra);
void buf_append_slow(buf *b, const char *s, size_t n);

/* Appends n bytes (and keeps a NUL after them). Most appends fit in the
 * room already there: that case is inline, the growth out of line. */
static inline void buf_append(buf *b, const char *s, size_t n)
{
	if (b->failed || b->len + n + 1 > b->cap) {
		buf_append_slow(b, s, n);
		return;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hands the NUL-terminated contents over to the caller (NULL on failure). */
char *buf_detach(buf *b, size_t *len);
void buf_free(buf *b);

static inline bool buf_failed(const buf *b) { return b->failed; }

#endif
