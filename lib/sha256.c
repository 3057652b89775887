#include "sha256.h"

#include <stdint.h>
#include <string.h>

/* AMD processors since Zen (2017) and Intel ones since Ice Lake (2019;
 * earlier among the Atoms) have SHA-256 instructions, several times as
 * fast as the portable code below, which takes more instructions for
 * each byte of the input than all the rest of writing the XML. Whether
 * they are there is asked of the processor once. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#include <stdatomic.h>
#include <stdbool.h>
#endif

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
/* The functions of FIPS 180-4 4.1.2 (named as in RFC 6234), each with an
 * operation or two fewer than written there: the rotations nested, so
 * that x is not copied for each (BSIG1 is ROR 6 ^ ROR 11 ^ ROR 25), and
 * Ch as g ^ (e & (f ^ g)). */
#define BSIG0(x) ROR(ROR(ROR(x, 9) ^ (x), 11) ^ (x), 2)
#define BSIG1(x) ROR(ROR(ROR(x, 14) ^ (x), 5) ^ (x), 6)
#define SSIG0(x) (ROR(ROR(x, 11) ^ (x), 7) ^ ((x) >> 3))
#define SSIG1(x) (ROR(ROR(x, 2) ^ (x), 17) ^ ((x) >> 10))
#define CH(e, f, g) ((g) ^ ((e) & ((f) ^ (g))))

/* One round. The eight working variables are not shifted along after
 * each round (eight copies): the next round names them one place over.
 * Maj(a, b, c) is b ^ ((a ^ b) & (b ^ c)), and b ^ c is the a ^ b of the
 * round before, kept in bc. */
#define ROUND(a, b, c, d, e, f, g, h, i)                                       \
	do {                                                                   \
		uint32_t t1 = h + BSIG1(e) + CH(e, f, g) + K[i] + w[i];        \
		uint32_t ab = a ^ b;                                           \
		uint32_t t2 = BSIG0(a) + (b ^ (ab & bc));                      \
		bc = ab;                                                       \
		d += t1;                                                       \
		h = t1 + t2;                                                   \
	} while (0)

static void block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++)
		w[i] = w[i - 16] + SSIG0(w[i - 15]) + w[i - 7] + SSIG1(w[i - 2]);
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
	uint32_t e = h[4], f = h[5], g = h[6], k = h[7];
	uint32_t bc = b ^ c;
	for (int i = 0; i < 64; i += 8) {
		ROUND(a, b, c, d, e, f, g, k, i);
		ROUND(k, a, b, c, d, e, f, g, i + 1);
		ROUND(g, k, a, b, c, d, e, f, i + 2);
		ROUND(f, g, k, a, b, c, d, e, i + 3);
		ROUND(e, f, g, k, a, b, c, d, i + 4);
		ROUND(d, e, f, g, k, a, b, c, i + 5);
		ROUND(c, d, e, f, g, k, a, b, i + 6);
		ROUND(b, c, d, e, f, g, k, a, i + 7);
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

static void blocks_portable(uint32_t h[8], const unsigned char *p, size_t n)
{
	for (; n; n--, p += 64)
		block(h, p);
}

#ifdef SHA_NI
/* The same with the SHA extensions: the state as ABEF and CDGH, two
 * rounds an instruction, and the message schedule four words at a time
 * (W[t..t+3] made from the four words before, as in Intel's description
 * of the extensions). */
__attribute__((target("sha,sse4.1")))
static void blocks_sha_ni(uint32_t h[8], const unsigned char *p, size_t n)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL,
					    0x0405060700010203LL);
	__m128i t = _mm_loadu_si128((const __m128i *)h);
	__m128i cdgh = _mm_loadu_si128((const __m128i *)(h + 4));
	t = _mm_shuffle_epi32(t, 0xB1);
	cdgh = _mm_shuffle_epi32(cdgh, 0x1B);
	__m128i abef = _mm_alignr_epi8(t, cdgh, 8);
	cdgh = _mm_blend_epi16(cdgh, t, 0xF0);
	for (; n; n--, p += 64) {
		__m128i abef0 = abef, cdgh0 = cdgh;
		__m128i w[4];
#pragma GCC unroll 16
		for (int q = 0; q < 16; q++) {
			/* rounds 4q to 4q + 3, with W[4q..4q+3] in w[q % 4] */
			__m128i *now = &w[q & 3];
			if (q < 4)
				*now = _mm_shuffle_epi8(
					_mm_loadu_si128((const __m128i *)(p + 16 * q)), swap);
			__m128i k = _mm_loadu_si128((const __m128i *)(K + 4 * q));
			__m128i wk = _mm_add_epi32(*now, k);
			cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
			if (q >= 3 && q < 15) { /* finish W of the next four rounds */
				__m128i *next = &w[(q + 1) & 3];
				__m128i w7 = _mm_alignr_epi8(*now, w[(q - 1) & 3], 4);
				*next = _mm_sha256msg2_epu32(_mm_add_epi32(*next, w7), *now);
			}
			wk = _mm_shuffle_epi32(wk, 0x0E);
			abef = _mm_sha256rnds2_epu32(abef, cdgh, wk);
			if (q >= 1 && q < 13) { /* begin W of the four after those */
				__m128i *prev = &w[(q - 1) & 3];
				*prev = _mm_sha256msg1_epu32(*prev, *now);
			}
		}
		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}
	t = _mm_shuffle_epi32(abef, 0x1B);
	cdgh = _mm_shuffle_epi32(cdgh, 0xB1);
	_mm_storeu_si128((__m128i *)h, _mm_blend_epi16(t, cdgh, 0xF0));
	_mm_storeu_si128((__m128i *)(h + 4), _mm_alignr_epi8(cdgh, t, 8));
}

static bool have_sha_ni(void)
{
	static atomic_int known; /* 0 not asked yet, 1 no, 2 yes */
	int k = atomic_load_explicit(&known, memory_order_relaxed);
	if (!k) {
		unsigned a, b, c, d;
		bool yes = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) &&
			   (c & bit_SSE4_1) &&
			   __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
		k = yes ? 2 : 1;
		atomic_store_explicit(&known, k, memory_order_relaxed);
	}
	return k == 2;
}
#endif

typedef void blocks_fn(uint32_t h[8], const unsigned char *p, size_t n);

static void digest(const void *data, size_t len, char hex[65],
		   blocks_fn *blocks)
{
	uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	const unsigned char *p = data;
	size_t left = len % 64;

	blocks(h, p, len / 64);
	p += len - left;
	unsigned char tail[128] = {0};
	memcpy(tail, p, left);
	tail[left] = 0x80;
	size_t tl = left < 56 ? 64 : 128;
	uint64_t bits = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		tail[tl - 1 - i] = (unsigned char)(bits >> (8 * i));
	blocks(h, tail, tl / 64);

	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 4; j++) {
			unsigned char byte = (unsigned char)(h[i] >> (24 - 8 * j));
			hex[8 * i + 2 * j] = digits[byte >> 4];
			hex[8 * i + 2 * j + 1] = digits[byte & 15];
		}
	hex[64] = '\0';
}

void sha256_hex(const void *data, size_t len, char hex[65])
{
#ifdef SHA_NI
	if (have_sha_ni()) {
		digest(data, len, hex, blocks_sha_ni);
		return;
	}
#endif
	digest(data, len, hex, blocks_portable);
}

void sha256_hex_portable(const void *data, size_t len, char hex[65])
{
	digest(data, len, hex, blocks_portable);
}
