/* Where valid UTF-8 ends: the test every input takes before anything
 * else reads it, so it runs a block of 16 bytes at a time where the
 * processor has SSSE3 (all x86-64 processors since about 2008), and a
 * character at a time elsewhere and for the bytes the blocks leave. */
#include <stdint.h>
#include <string.h>

#include "decode.h"
#include "swar.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define UTF8_SSSE3 1
#include <cpuid.h>
#include <immintrin.h>
#include <stdatomic.h>
#include <stdbool.h>
#endif

/* The scan a character at a time: the end of the valid prefix. */
static size_t valid_prefix_scalar(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		/* Han text: E1..EC and two continuation bytes (80..BF: xor 80
		 * leaves them below 40), always valid; a run of them in a loop
		 * of its own */
		while (i + 3 <= len && (unsigned)(p[i] - 0xE1) < 12u &&
		       ((p[i + 1] ^ 0x80) | (p[i + 2] ^ 0x80)) < 0x40)
			i += 3;
		if (i >= len)
			break;
		unsigned c = p[i];
		if (c < 0x80) {
			/* runs of ASCII (digits, Latin text) eight bytes at a time */
			while (i + 8 <= len && !(load8(p + i) & BYTES(0x80)))
				i += 8;
			if (i < len && p[i] < 0x80)
				i++;
			continue;
		}
		/* The well-formed sequences of Unicode (Table 3-7): after the
		 * first byte, every byte is 80..BF, but the second's range is
		 * narrower after E0, ED, F0 and F4, which rules out overlong
		 * forms, surrogates and values past U+10FFFF. */
		size_t n;
		unsigned lo = 0x80, hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 3;
			lo = c == 0xE0 ? 0xA0 : 0x80;
			hi = c == 0xED ? 0x9F : 0xBF;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4;
			lo = c == 0xF0 ? 0x90 : 0x80;
			hi = c == 0xF4 ? 0x8F : 0xBF;
		} else {
			return i;
		}
		if (i + n > len || p[i + 1] < lo || p[i + 1] > hi)
			return i;
		for (size_t k = 2; k < n; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
		i += n;
	}
	return len;
}


#ifdef UTF8_SSSE3
/* The classification of Keiser and Lemire, "Validating UTF-8 In Less Than
 * One Instruction Per Byte" (2021): each pair of adjacent bytes is looked
 * up by the high nibble of the first, its low nibble and the high nibble
 * of the second; a bit set in all three lookups is an error of that bit's
 * kind. Sequences of three and four bytes are checked for their third
 * and fourth bytes apart. */
enum {
	TOO_SHORT = 1 << 0,  /* a lead byte not followed by a continuation */
	TOO_LONG = 1 << 1,   /* a continuation after ASCII */
	OVERLONG_3 = 1 << 2, /* E0 80..9F */
	TOO_LARGE = 1 << 3,  /* past U+10FFFF */
	SURROGATE = 1 << 4,  /* ED A0..BF */
	OVERLONG_2 = 1 << 5, /* C0, C1 */
	TOO_LARGE_1000 = 1 << 6,
	OVERLONG_4 = 1 << 6, /* F0 80..8F */
	TWO_CONTS = 1 << 7,  /* a continuation after a continuation */
	CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

#define LOOKUP16(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p) \
	_mm_setr_epi8((char)(a), (char)(b), (char)(c), (char)(d), (char)(e), \
		      (char)(f), (char)(g), (char)(h), (char)(i), (char)(j), \
		      (char)(k), (char)(l), (char)(m), (char)(n), (char)(o), (char)(p))

/* The errors of the byte pairs that end in the block in: non-zero when
 * there is one. prev is the block before. */
__attribute__((target("ssse3")))
static __m128i block_errors(__m128i in, __m128i prev)
{
	const __m128i nibble = _mm_set1_epi8(0x0F);
	const __m128i first_high = LOOKUP16(
		TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
		TOO_LONG, TOO_LONG, TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
		TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
		TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
	const __m128i first_low = LOOKUP16(
		CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2,
		CARRY, CARRY, CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000,
		CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
		CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
		CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
		CARRY | TOO_LARGE | TOO_LARGE_1000,
		CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
		CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000);
	const __m128i second_high = LOOKUP16(
		TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
		TOO_SHORT, TOO_SHORT,
		TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
		TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
		TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
		TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
		TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);

	__m128i prev1 = _mm_alignr_epi8(in, prev, 15);
	__m128i e = _mm_and_si128(
		_mm_and_si128(_mm_shuffle_epi8(first_high,
					       _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble)),
			      _mm_shuffle_epi8(first_low, _mm_and_si128(prev1, nibble))),
		_mm_shuffle_epi8(second_high, _mm_and_si128(_mm_srli_epi16(in, 4), nibble)));
	/* Two continuations in a row are right only as the third byte of a
	 * sequence led by E0..EF or F0..F4, or the fourth after F0..F4. */
	__m128i prev2 = _mm_alignr_epi8(in, prev, 14);
	__m128i prev3 = _mm_alignr_epi8(in, prev, 13);
	__m128i third = _mm_subs_epu8(prev2, _mm_set1_epi8((char)(0xE0 - 0x80)));
	__m128i fourth = _mm_subs_epu8(prev3, _mm_set1_epi8((char)(0xF0 - 0x80)));
	__m128i must_continue = _mm_and_si128(_mm_or_si128(third, fourth),
					      _mm_set1_epi8((char)0x80));
	return _mm_xor_si128(must_continue, e);
}

/* How far from the start of s, in whole blocks, the bytes are valid
 * UTF-8, short of a sequence the last block may leave open: the scalar
 * scan goes on from there. */
__attribute__((target("ssse3")))
static size_t valid_blocks(const unsigned char *s, size_t len)
{
	__m128i prev = _mm_setzero_si128();
	size_t i = 0;
	for (; i + 16 <= len; i += 16) {
		__m128i in = _mm_loadu_si128((const __m128i *)(s + i));
		/* ASCII after complete sequences: nothing to look up */
		if (!_mm_movemask_epi8(in) && !_mm_movemask_epi8(prev)) {
			prev = in;
			continue;
		}
		__m128i e = block_errors(in, prev);
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(e, _mm_setzero_si128())) != 0xFFFF)
			break;
		prev = in;
	}
	/* Back to the start of a sequence that runs on past i */
	size_t k = i;
	while (k > 0 && i - k < 3 && (s[k - 1] & 0xC0) == 0x80)
		k--;
	if (k > 0 && s[k - 1] >= 0xC0) {
		size_t n = s[k - 1] >= 0xF0 ? 4 : s[k - 1] >= 0xE0 ? 3 : 2;
		if (k - 1 + n > i)
			return k - 1;
	}
	return i;
}

static bool have_ssse3(void)
{
	static atomic_int known; /* 0 not asked yet, 1 no, 2 yes */
	int k = atomic_load_explicit(&known, memory_order_relaxed);
	if (!k) {
		unsigned a, b, c, d;
		k = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) ? 2 : 1;
		atomic_store_explicit(&known, k, memory_order_relaxed);
	}
	return k == 2;
}
#endif

size_t utf8_valid_prefix(const char *s, size_t len)
{
	size_t done = 0;
#ifdef UTF8_SSSE3
	if (have_ssse3())
		done = valid_blocks((const unsigned char *)s, len);
#endif
	return done + valid_prefix_scalar(s + done, len - done);
}
