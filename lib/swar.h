/* Eight bytes at a time: the word loads and byte masks of the scans that
 * test a word of text at once (no byte below 0x20, none above 0x7F). */
#ifndef RPT_SWAR_H
#define RPT_SWAR_H

#include <stdint.h>
#include <string.h>

/* Eight bytes at s, in any byte order: only their bits are tested. */
static inline uint64_t load8(const unsigned char *s)
{
	uint64_t w;
	memcpy(&w, s, sizeof w);
	return w;
}

/* The byte b in each of the eight bytes of a word. */
#define BYTES(b) (0x0101010101010101u * (b))

#endif
