/* A growing output buffer that commands fill and write in one go at the end
 * (atomically with -o). A failed allocation is sticky: later appends do
 * nothing and the caller checks `failed` once. */
#ifndef REPORTCTL_OUT_H
#define REPORTCTL_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct out {
	char *p;
	size_t len, cap;
	bool failed;
	/* An out that may spill (a job's output, all of -o FILE) moves what
	 * it holds into an unlinked temporary file in $TMPDIR whenever it
	 * passes OUT_SPILL_AT bytes: the XML of a large document, waiting
	 * for its turn to be written, is not held in memory. When the file
	 * cannot be made or written, the out stops spilling and grows in
	 * memory instead; spill_errno says why, for the message should
	 * memory run out too. */
	bool may_spill;
	bool spill_open;
	int spill_fd;   /* the file, when spill_open */
	size_t spilled; /* bytes in it, before those in p */
	int spill_errno; /* why spilling stopped, or 0 */
} out;

#define OUT_SPILL_AT ((size_t)1 << 20)

/* Makes room for n more bytes (and a NUL), spilling first when o may;
 * false once out of memory (a spill that fails leaves the bytes in memory). */
bool out_grow(out *o, size_t n);
/* What made o fail, for a message: "out of memory", with why the spill
 * file could not be made or written when it could not (in why, n
 * bytes). */
const char *out_error(const out *o, char *why, size_t n);
/* Nothing written into o yet? */
static inline bool out_empty(const out *o) { return !o->len && !o->spilled; }
/* Calls fn with everything o holds, spilled or not, in order, a piece at
 * a time; false as soon as fn returns false or the spill cannot be read
 * (errno says why). */
bool out_each(const out *o, bool (*fn)(void *ctx, const char *p, size_t n), void *ctx);
/* Writes all of p to fd, going on after EINTR; false with errno set (a
 * write of nothing is EIO). */
bool write_all(int fd, const char *p, size_t n);
/* Appends everything src holds to o. */
void out_append(out *o, const out *src);
/* Frees the buffer and closes the spill file; o is empty again (it may
 * still spill). */
void out_free(out *o);

/* Appends are inline: a metrics row is some fifty of them. */
static inline void out_put(out *o, const char *s, size_t n)
{
	if (!n || (o->len + n + 1 > o->cap && !out_grow(o, n)))
		return;
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

static inline void out_puts(out *o, const char *s) { out_put(o, s, strlen(s)); }
/* s as a JSON string, quotes included. */
void out_json(out *o, const char *s, size_t n);
/* The same without the quotes: a string given a piece at a time. */
void out_json_part(out *o, const char *s, size_t n);

#endif
