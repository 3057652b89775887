#include "fold.h"

#include <stdbool.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

/* The ASCII byte a code point folds to, or 0 if it stays as it is. */
static char fold_cp(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return (char)(cp - 0xFEE0);
	/* the small forms of punctuation: 1﹒, ﹙一﹚ as headings write them */
	switch (cp) {
	case 0xFE50: return ',';
	case 0xFE52: return '.';
	case 0xFE54: return ';';
	case 0xFE55: return ':';
	case 0xFE56: return '?';
	case 0xFE57: return '!';
	case 0xFE59: return '(';
	case 0xFE5A: return ')';
	default: break;
	}
	/* (the zero-width space U+200B and U+FEFF inside a text, as pages
	 * leave them on lines of their own, are spaces too) */
	if (cp == 0x3000 || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200B) ||
	    cp == 0x202F || cp == 0xFEFF)
		return ' ';
	return 0;
}

/* Is the character of n bytes at u, as it stands in the view, a stop? */
static uint64_t is_stop(const fold_stops *stops, const unsigned char *u, size_t n)
{
	if (n == 1)
		return u[0] < 0x80 ? stops->ascii[u[0]] : 0;
	if (n != 3)
		return 0;
	if (u[0] == 0xE3)
		return 1;
	if (u[0] < 0xE4 || u[0] > 0xE9)
		return 0;
	return stops->han[utf8_cp3((const char *)u) - 0x4000];
}

static void mark_stop(fold_view *v, size_t o, uint64_t stop)
{
	v->blocks[o / 64].stops |= stop << (o % 64);
}

rpt_status fold_build(const char *text, size_t len, const fold_stops *stops,
		      fold_view *out)
{
	static const uint8_t none[0x6000];
	const fold_stops no_stops = {none, none};
	if (!stops)
		stops = &no_stops;
	size_t n_blocks = len / 64 + 1; /* the view is never longer */
	out->text = rpt_malloc(len + 1);
	out->blocks = rpt_calloc(n_blocks, sizeof *out->blocks);
	if (!out->text || !out->blocks) {
		fold_free(out);
		return RPT_ENOMEM;
	}
	/* Only characters led by C2, E2, E3 or EF fold; the text between
	 * them (all of the Han text) is copied a run at a time. */
	size_t o = 0;
	size_t i = 0;
	while (i < len) {
		size_t j = i;
		const unsigned char *u = (const unsigned char *)text;
		/* The stop bits of the block being written gather in a
		 * register: setting them in memory one character after another
		 * would make each wait for the store before it. */
		bool fold_next = false;
		while (!fold_next && j + 4 <= len) {
			/* the input bytes whose copies land in view block o' / 64,
			 * where o' = o + (j - i): a run copies byte for byte */
			size_t at = o + (j - i), block = at / 64;
			size_t end = j + (64 - at % 64);
			if (end > len - 3)
				end = len - 3;
			size_t base = j - at % 64; /* input offset of the block's bit 0 */
			uint64_t bits = 0;
			while (j < end) {
				/* Han first, then ASCII: nearly all of the text; the
				 * stop bit is set without a branch */
				unsigned char c = u[j];
				if (c >= 0xE4 && c <= 0xE9) {
					size_t h = utf8_cp3(text + j) - 0x4000;
					bits |= (uint64_t)stops->han[h] << (j - base);
					j += 3;
				} else if (c < 0x80) {
					bits |= (uint64_t)stops->ascii[c] << (j - base);
					j++;
				} else if (c == 0xE3 && !(u[j + 1] == 0x80 && u[j + 2] == 0x80)) {
					/* 。、《》: no fold but U+3000, and every one a stop */
					bits |= (uint64_t)1 << (j - base);
					j += 3;
				} else if (c == 0xE2 && !(u[j + 1] == 0x80 &&
							  (u[j + 2] <= 0x8B || u[j + 2] == 0xAF))) {
					j += 3; /* “” — …: no fold but the spaces, no stop */
				} else if (c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF) {
					fold_next = true;
					break;
				} else {
					j += utf8_len(c);
				}
			}
			out->blocks[block].stops |= bits;
		}
		memcpy(out->text + o, text + i, j - i);
		o += j - i;
		i = j;
		if (i >= len)
			break;
		size_t n;
		uint32_t cp = utf8_decode(text + i, len - i, &n);
		char f = fold_cp(cp);
		if (f) {
			/* every fold is of two bytes (U+00A0) or three */
			fold_block *b = &out->blocks[o / 64];
			b->folded |= (uint64_t)1 << (o % 64);
			if (n == 3)
				b->wide |= (uint64_t)1 << (o % 64);
			mark_stop(out, o, is_stop(stops, (const unsigned char *)&f, 1));
			out->text[o++] = f;
		} else {
			mark_stop(out, o, is_stop(stops, (const unsigned char *)text + i, n));
			memcpy(out->text + o, text + i, n);
			o += n;
		}
		i += n;
	}
	/* Each block starts where the one before it did, plus its bytes and
	 * what its folds shortened. */
	for (size_t k = 1; k <= o / 64; k++) {
		const fold_block *p = &out->blocks[k - 1];
		out->blocks[k].orig = p->orig + 64 + (uint32_t)popcount64(p->folded) +
				      (uint32_t)popcount64(p->wide);
	}
	out->text[o] = '\0';
	out->len = o;
	return RPT_OK;
}

void fold_free(fold_view *view)
{
	rpt_free(view->text);
	rpt_free(view->blocks);
	view->text = NULL;
	view->blocks = NULL;
	view->len = 0;
}
