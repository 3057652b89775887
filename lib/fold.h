/* The matching view: a copy of the text where full-width ASCII
 * (U+FF01..FF5E) and the small forms of punctuation (﹒ ﹐ ﹙ ﹚ …) become
 * ASCII, and U+3000, the other Unicode spaces and
 * the zero-width ones (U+200B, U+FEFF) become ' ', with a map from each
 * view byte back to the original. Patterns
 * match the view; output always quotes the original. No NFKC: ① and ㈠
 * stay what they are. */
#ifndef RPT_FOLD_H
#define RPT_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "rpt/rpt.h"

/* The map, 64 view bytes at a time. A view byte lies as far from its
 * original as the folds before it have shortened the text: each folded
 * character is one view byte for two (U+00A0) or three original ones.
 * So a block records where it starts in the original and which of its
 * bytes are folds, and a lookup counts the folds before the byte: 24
 * bytes per 64 instead of 4 bytes per byte. */
typedef struct fold_block {
	uint32_t orig;   /* original offset of the block's first view byte */
	uint64_t folded; /* bit k: view byte k of the block is a fold */
	uint64_t wide;   /* bit k: and it stands for three bytes, not two */
	uint64_t stops;  /* bit k: view byte k begins a stop (fold_stops) */
} fold_block;

/* The characters the scanners of a paragraph stop at, marked while the
 * view is built so that each of them jumps from one to the next instead
 * of reading every character: the ASCII bytes c with ascii[c] set, the
 * characters of U+4000..U+9FFF (Han) with han[cp - 0x4000] set, and every
 * character led by E3 (。、〇《》…). Entries are 0 or 1. */
typedef struct fold_stops {
	const uint8_t *ascii; /* 128 entries */
	const uint8_t *han;   /* 0x6000 entries */
} fold_stops;

typedef struct fold_view {
	char *text;    /* NUL-terminated */
	size_t len;
	fold_block *blocks; /* len / 64 + 1 of them: view offset -> original */
} fold_view;

/* Builds the view of text[0, len); stops may be NULL (no stops marked). */
rpt_status fold_build(const char *text, size_t len, const fold_stops *stops,
		      fold_view *out);
void fold_free(fold_view *view);

/* Bits set in x. __builtin_popcountll is a libgcc call on x86-64 built
 * without -mpopcnt; this is a dozen instructions inline. */
static inline size_t popcount64(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555u;
	x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
	return (size_t)((x * 0x0101010101010101u) >> 56);
}

/* The original offset of view offset i (0 <= i <= len): the start of the
 * character that view byte i belongs to, or the end of the text. */
static inline size_t fold_orig(const fold_view *v, size_t i)
{
	const fold_block *b = &v->blocks[i / 64];
	uint64_t before = ((uint64_t)1 << (i % 64)) - 1;
	return b->orig + i % 64 + popcount64(b->folded & before) + popcount64(b->wide & before);
}

/* The first stop at or after view offset i and before end, or end. */
static inline size_t fold_next_stop(const fold_view *v, size_t i, size_t end)
{
	while (i < end) {
		uint64_t bits = v->blocks[i / 64].stops >> (i % 64);
		if (bits) {
			size_t at = i + (size_t)__builtin_ctzll(bits);
			return at < end ? at : end;
		}
		i = (i / 64 + 1) * 64;
	}
	return end;
}

#endif
