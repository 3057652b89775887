/* The matching view and its offset map. */
#include "fold.h"
#include "unit.h"

int main(void)
{
	fold_view v;
	/* （一）ＡＢ　１ → (一)AB 1, with ① and ㈠ left alone (no NFKC). */
	const char *t = "（一）ＡＢ　１①㈠";
	CHECK(fold_build(t, strlen(t), NULL, &v) == RPT_OK);
	CHECK_STR(v.text, "(一)AB 1①㈠");
	/* Every view byte maps back to the start of its original character. */
	CHECK(fold_orig(&v, 0) == 0);  /* （ */
	CHECK(fold_orig(&v, 1) == 3);  /* 一, first byte */
	CHECK(fold_orig(&v, 2) == 4);  /* 一, second byte */
	CHECK(fold_orig(&v, 4) == 6);  /* ） */
	CHECK(fold_orig(&v, 5) == 9);  /* Ａ */
	CHECK(fold_orig(&v, 7) == 15); /* U+3000 */
	CHECK(fold_orig(&v, 8) == 18); /* １ */
	CHECK(fold_orig(&v, v.len) == strlen(t));
	fold_free(&v);

	/* Non-breaking and EN spaces fold to ' '; CR and LF stay. */
	const char *u = "a\xC2\xA0" "b\xE2\x80\x82\r\n";
	CHECK(fold_build(u, strlen(u), NULL, &v) == RPT_OK);
	CHECK_STR(v.text, "a b \r\n");
	CHECK(fold_orig(&v, 3) == 4);
	fold_free(&v);

	/* Stops: here the digit 1 (also folded from １), 一 and every
	 * character led by E3 (。); nothing else. */
	static uint8_t ascii[128], han[0x6000];
	ascii['1'] = 1;
	han[0x4E00 - 0x4000] = 1; /* 一 */
	const fold_stops stops = {ascii, han};
	const char *w = "a1二一。１b";
	CHECK(fold_build(w, strlen(w), &stops, &v) == RPT_OK);
	CHECK_STR(v.text, "a1二一。1b");
	CHECK(fold_next_stop(&v, 0, v.len) == 1);  /* 1 */
	CHECK(fold_next_stop(&v, 2, v.len) == 5);  /* 一, not 二 */
	CHECK(fold_next_stop(&v, 6, v.len) == 8);  /* 。 */
	CHECK(fold_next_stop(&v, 9, v.len) == 11); /* the fold of １ */
	CHECK(fold_next_stop(&v, 12, v.len) == v.len);
	CHECK(fold_next_stop(&v, 2, 4) == 4); /* none before the end given */
	fold_free(&v);
	/* Past a block of 64 bytes. */
	char long_text[200];
	memset(long_text, 'x', sizeof long_text);
	long_text[150] = '1';
	CHECK(fold_build(long_text, sizeof long_text, &stops, &v) == RPT_OK);
	CHECK(fold_next_stop(&v, 0, v.len) == 150);
	CHECK(fold_next_stop(&v, 151, v.len) == v.len);
	fold_free(&v);

	CHECK(fold_build("", 0, NULL, &v) == RPT_OK);
	CHECK(v.len == 0 && fold_orig(&v, 0) == 0);
	fold_free(&v);
	return UNIT_DONE();
}
