/* Encoding detection and decoding. */
#include <stdlib.h>

#include "alloc.h"
#include "decode.h"
#include "unit.h"

static rpt_status run(const char *bytes, size_t len, const char *forced,
		      decoded *d, rpt_error *e)
{
	return decode_input(bytes, len, forced, false, d, e);
}

int main(void)
{
	decoded d;
	rpt_error e;

	/* UTF-8 is kept as it is, BOM included. */
	CHECK(run("\xEF\xBB\xBF一、", 9, NULL, &d, &e) == RPT_OK);
	CHECK_STR(d.encoding, "UTF-8");
	CHECK(d.bom && d.len == 9 && memcmp(d.text, "\xEF\xBB\xBF一、", 9) == 0);
	rpt_free(d.text);

	/* Adopted: UTF-8 input is the text itself, not a copy; other input
	 * is decoded into a text of its own and stays the caller's, as does
	 * input refused as binary. */
	char *own = rpt_strndup("一、总体情况", 18);
	CHECK(decode_input(own, 18, NULL, true, &d, &e) == RPT_OK);
	CHECK(d.adopted && d.text == own && d.len == 18);
	rpt_free(d.text);
	own = rpt_strndup("\xD6\xD0\xCE\xC4", 4);
	CHECK(decode_input(own, 4, NULL, true, &d, &e) == RPT_OK);
	CHECK(!d.adopted && d.text != own);
	CHECK_STR(d.text, "中文");
	rpt_free(d.text);
	rpt_free(own);
	own = rpt_malloc(257);
	CHECK(own != NULL);
	for (int i = 0; i < 256; i++)
		own[i] = (char)(i % 31 + 1); /* mostly control characters */
	own[256] = '\0';
	CHECK(decode_input(own, 256, NULL, true, &d, &e) == RPT_EDECODE);
	CHECK(!d.adopted && d.text == NULL);
	rpt_free(own);

	/* GBK bytes for 中文 are not UTF-8: decoded as GB18030. */
	CHECK(run("\xD6\xD0\xCE\xC4", 4, NULL, &d, &e) == RPT_OK);
	CHECK_STR(d.encoding, "GB18030");
	CHECK_STR(d.text, "中文");
	rpt_free(d.text);

	/* UTF-16 with a BOM, both byte orders; the BOM becomes U+FEFF. */
	CHECK(run("\xFF\xFE\x2D\x4E", 4, NULL, &d, &e) == RPT_OK);
	CHECK_STR(d.encoding, "UTF-16LE");
	CHECK_STR(d.text, "\xEF\xBB\xBF中");
	rpt_free(d.text);
	CHECK(run("\xFE\xFF\x4E\x2D", 4, NULL, &d, &e) == RPT_OK);
	CHECK_STR(d.encoding, "UTF-16BE");
	CHECK_STR(d.text, "\xEF\xBB\xBF中");
	rpt_free(d.text);
	CHECK(run("\xFF\xFE\x2D", 3, NULL, &d, &e) == RPT_EDECODE);
	CHECK(e.offset == 2);

	/* A NUL byte is refused with its offset. */
	CHECK(run("abc\0def", 7, NULL, &d, &e) == RPT_EDECODE);
	CHECK(e.offset == 3);
	CHECK(strstr(e.message, "byte 3") != NULL);

	/* UTF-8 cut short at the end is reported as truncated, not guessed. */
	CHECK(run("报告\xE4\xB8", 8, NULL, &d, &e) == RPT_EDECODE);
	CHECK(e.offset == 6);
	CHECK(strstr(e.message, "truncated") != NULL);

	/* Neither UTF-8 nor GB18030. */
	CHECK(run("ok\x80\xFF\xFF", 5, NULL, &d, &e) == RPT_EDECODE);
	CHECK(e.offset == 2);

	/* Mostly control characters: binary. */
	char bin[256];
	for (int i = 0; i < 256; i++)
		bin[i] = (char)(i % 31 + 1);
	CHECK(run(bin, sizeof bin, NULL, &d, &e) == RPT_EDECODE);

	/* The count of controls is exact at the threshold, in the blocks
	 * and in the tail: more than 8 and more than one byte in 64. Line
	 * breaks and tabs are no controls. */
	char text[643];
	for (int controls = 10; controls <= 11; controls++) {
		for (size_t i = 0; i < sizeof text; i++)
			text[i] = "ab\t\r\n\v\fcd"[i % 9];
		for (int k = 0; k < 10; k++)
			text[k * 61 + 7] = k % 2 ? '\x01' : '\x1F';
		if (controls == 11)
			text[641] = '\x08'; /* in the tail after the last block */
		rpt_status st = run(text, 640 + (controls == 11 ? 3 : 0), NULL, &d, &e);
		CHECK(st == (controls == 10 ? RPT_OK : RPT_EDECODE));
		if (st == RPT_OK)
			rpt_free(d.text);
	}

	/* A forced encoding wins; an unknown one is an argument error. */
	CHECK(run("\xD6\xD0", 2, "GBK", &d, &e) == RPT_OK);
	CHECK_STR(d.text, "中");
	rpt_free(d.text);
	CHECK(run("x", 1, "NO-SUCH-ENCODING", &d, &e) == RPT_EINVAL);

	/* The validity scan itself. */
	CHECK(utf8_valid_prefix("a\xC0\x80", 3) == 1); /* overlong */
	CHECK(utf8_valid_prefix("\xED\xA0\x80", 3) == 0); /* surrogate */
	CHECK(utf8_valid_prefix("\xF4\x90\x80\x80", 4) == 0); /* > U+10FFFF */
	CHECK(utf8_valid_prefix("①", 3) == 3);
	return UNIT_DONE();
}
