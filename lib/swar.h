/* Several bytes at a time: the word loads and byte masks of the scans
 * that test a word of text at once (no byte below 0x20, none above 0x7F),
 * and the 16-byte search for the bytes of a small set. */
#ifndef RPT_SWAR_H
#define RPT_SWAR_H

#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Eight bytes at s, in any byte order: only their bits are tested. */
static inline uint64_t load8(const unsigned char *s)
{
	uint64_t w;
	memcpy(&w, s, sizeof w);
	return w;
}

/* The byte b in each of the eight bytes of a word. */
#define BYTES(b) (0x0101010101010101u * (b))

/* A bit for each of the 16 bytes at p that is one of the n bytes of set
 * (bit k for p[k]): one compare per byte of the set, 16 places at once
 * where the processor has SSE2. The scans call it with a literal set, so
 * the loop over it unrolls. */
static inline unsigned bytes16_in(const char *p, const char *set, int n)
{
#ifdef __SSE2__
	__m128i x = _mm_loadu_si128((const __m128i *)p), hit = _mm_setzero_si128();
#pragma GCC unroll 8
	for (int k = 0; k < n; k++)
		hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8(set[k])));
	return (unsigned)_mm_movemask_epi8(hit);
#else
	unsigned m = 0;
	for (int i = 0; i < 16; i++)
		for (int k = 0; k < n; k++)
			if (p[i] == set[k])
				m |= 1u << i;
	return m;
#endif
}

#endif
