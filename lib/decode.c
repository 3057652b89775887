#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "swar.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Converts with iconv; on failure reports the input offset that stopped it. */
static rpt_status convert(const char *from, const char *bytes, size_t len,
			  decoded *out, size_t *bad_offset)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return RPT_EINVAL;

	size_t cap = len * 2 + 16;
	char *dst = rpt_malloc(cap + 1);
	if (!dst) {
		iconv_close(cd);
		return RPT_ENOMEM;
	}
	char *in = (char *)bytes;
	size_t in_left = len;
	char *o = dst;
	size_t out_left = cap;
	rpt_status st = RPT_OK;

	while (in_left > 0) {
		if (iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1)
			break;
		if (errno == E2BIG) {
			size_t used = (size_t)(o - dst);
			cap *= 2;
			char *p = rpt_realloc(dst, cap + 1);
			if (!p) {
				st = RPT_ENOMEM;
				break;
			}
			dst = p;
			o = dst + used;
			out_left = cap - used;
			continue;
		}
		*bad_offset = (size_t)(in - bytes);
		st = RPT_EDECODE;
		break;
	}
	iconv_close(cd);
	if (st != RPT_OK) {
		rpt_free(dst);
		return st;
	}
	*o = '\0';
	out->text = dst;
	out->len = (size_t)(o - dst);
	return RPT_OK;
}

/* Text has few control characters; binary data has many. */
static bool looks_binary(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t controls = 0, i = 0;

#ifdef __SSE2__
	/* Sixteen bytes at a time; lines of text have their breaks (\n,
	 * 9..13) and no other byte below 0x20. */
	const __m128i below_space = _mm_set1_epi8(0x1F), nine = _mm_set1_epi8(9),
		      four = _mm_set1_epi8(4);
	for (; i + 16 <= len; i += 16) {
		__m128i in = _mm_loadu_si128((const __m128i *)(u + i));
		__m128i control = _mm_cmpeq_epi8(_mm_min_epu8(in, below_space), in);
		__m128i k = _mm_sub_epi8(in, nine);
		__m128i breaks = _mm_cmpeq_epi8(_mm_min_epu8(k, four), k);
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(breaks, control));
		if (m)
			controls += (size_t)__builtin_popcount(m);
	}
#endif
	while (i < len) {
		/* Skip eight bytes at a time while none is below 0x20 (its top
		 * three bits all clear), the common case in text. */
		if (i + 8 <= len) {
			uint64_t top = load8(u + i) & BYTES(0xE0);
			if (!((top - BYTES(0x01)) & ~top & BYTES(0x80))) {
				i += 8;
				continue;
			}
		}
		size_t end = i + 8 <= len ? i + 8 : len;
		for (; i < end; i++)
			/* controls but for \t \n \v \f \r (9..13) */
			if (u[i] < 0x20 && (u[i] < '\t' || u[i] > '\r'))
				controls++;
	}
	return controls > 8 && controls > len / 64;
}

/* True when the bytes from i to the end are the start of one UTF-8
 * sequence that the end of the input cut short. */
static bool truncated_tail(const unsigned char *u, size_t i, size_t len)
{
	size_t need = u[i] >= 0xF0 && u[i] <= 0xF4   ? 4
		      : u[i] >= 0xE0 && u[i] <= 0xEF ? 3
		      : u[i] >= 0xC2 && u[i] <= 0xDF ? 2
						     : 0;
	if (need == 0 || len - i >= need)
		return false;
	for (size_t k = i + 1; k < len; k++)
		if ((u[k] & 0xC0) != 0x80)
			return false;
	return true;
}

static rpt_status fail(rpt_error *error, rpt_status st, size_t offset,
		       const char *msg)
{
	return rpt_set_error(error, st, offset, "%s", msg);
}

rpt_status decode_input(const char *bytes, size_t len, const char *forced,
			bool adopt, decoded *out, rpt_error *error)
{
	const unsigned char *u = (const unsigned char *)bytes;
	size_t bad = 0;
	rpt_status st;
	bool copied = false; /* the text is the input as it was */

	memset(out, 0, sizeof *out);

	if (forced) {
		st = convert(forced, bytes, len, out, &bad);
		if (st == RPT_EINVAL)
			return rpt_set_error(error, st, 0,
					     "unknown encoding '%s'", forced);
		if (st == RPT_EDECODE)
			return rpt_set_error(error, st, bad,
					     "invalid %s at byte %zu", forced,
					     bad);
		if (st != RPT_OK)
			return fail(error, st, 0, "out of memory");
		out->encoding = forced;
		out->bom = out->len >= 3 && memcmp(out->text, "\xEF\xBB\xBF", 3) == 0;
	} else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
				(u[0] == 0xFE && u[1] == 0xFF))) {
		const char *name = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		if (len % 2)
			return rpt_set_error(error, RPT_EDECODE, len - 1,
					     "truncated %s at byte %zu", name,
					     len - 1);
		st = convert(name, bytes, len, out, &bad);
		if (st == RPT_EDECODE)
			return rpt_set_error(error, st, bad,
					     "invalid %s at byte %zu", name, bad);
		if (st != RPT_OK)
			return fail(error, st, 0, "out of memory");
		out->encoding = name;
		out->bom = true;
	} else {
		const char *nul = memchr(bytes, 0, len);
		if (nul)
			return rpt_set_error(error, RPT_EDECODE,
					     (size_t)(nul - bytes),
					     "NUL byte at byte %zu: not text",
					     (size_t)(nul - bytes));
		size_t valid = utf8_valid_prefix(bytes, len);
		if (valid == len) {
			copied = true;
			out->adopted = adopt;
			out->text = adopt ? (char *)bytes : rpt_strndup(bytes, len);
			if (!out->text)
				return fail(error, RPT_ENOMEM, 0, "out of memory");
			out->len = len;
			out->encoding = "UTF-8";
			out->bom = len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0;
		} else if (valid > 0 && truncated_tail(u, valid, len)) {
			/* Valid UTF-8 cut short: say so rather than guess GB18030. */
			return rpt_set_error(error, RPT_EDECODE, valid,
					     "truncated UTF-8 sequence at byte %zu",
					     valid);
		} else {
			st = convert("GB18030", bytes, len, out, &bad);
			/* the later failure is the more telling: a GBK file with one
			 * bad byte fails UTF-8 at once, GB18030 only there */
			if (st == RPT_EDECODE)
				return rpt_set_error(
					error, st, bad > valid ? bad : valid,
					"invalid UTF-8 at byte %zu and not GB18030 either (byte %zu)",
					valid, bad);
			if (st != RPT_OK)
				return fail(error, st, 0, "out of memory");
			out->encoding = "GB18030";
		}
	}

	/* UTF-8 input was looked at for NUL bytes before it was copied */
	const char *nul = copied ? NULL : memchr(out->text, 0, out->len);
	if (nul || looks_binary(out->text, out->len)) {
		size_t at = nul ? (size_t)(nul - out->text) : 0;
		if (!out->adopted)
			rpt_free(out->text);
		out->text = NULL;
		out->adopted = false; /* the input is the caller's again */
		if (nul)
			return rpt_set_error(error, RPT_EDECODE, at,
					     "NUL character in the decoded text: not text");
		return fail(error, RPT_EDECODE, 0, "binary data, not text");
	}
	return RPT_OK;
}
