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

	CHECK(fold_build("", 0, NULL, &v) == RPT_OK);
	CHECK(v.len == 0 && fold_orig(&v, 0) == 0);
	fold_free(&v);
	return UNIT_DONE();
}
