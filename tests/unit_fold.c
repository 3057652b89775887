/* The matching view and its offset map. */
#include "fold.h"
#include "unit.h"
#include "utf8.h"

/* The view and its stops as the header describes them, one character
 * at a time, to hold the fast build to: the folds of U+FF01..FF5E and
 * of the small forms ﹐﹒﹔﹕﹖﹗﹙﹚ to ASCII and of U+3000, U+00A0, U+2000..200A and U+202F to a space; a
 * stop where the ASCII byte, the Han character or a character led by
 * E3 is one. Checked by view offset: the text, the original offset of
 * every byte (a folded byte stands for its whole character), and the
 * stop bits. */
static int compare_with_reference(const char *t, size_t len, const fold_stops *st)
{
	fold_view v;
	if (fold_build(t, len, st, &v) != RPT_OK)
		return 1;
	char view[1200];
	size_t orig[1200], o = 0;
	bool stop[1200] = {false};
	for (size_t i = 0; i < len;) {
		size_t n;
		uint32_t cp = utf8_decode(t + i, len - i, &n);
		char f = 0;
		static const char small_forms[] = ",\0.\0;:?!\0()"; /* U+FE50..FE5A */
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			f = (char)(cp - 0xFEE0);
		else if (cp >= 0xFE50 && cp <= 0xFE5A)
			f = small_forms[cp - 0xFE50];
		else if (cp == 0x3000 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
			 cp == 0xFEFF)
			f = ' ';
		const unsigned char c = (unsigned char)t[i];
		if (f) {
			stop[o] = st->ascii[(unsigned char)f];
			orig[o] = i;
			view[o++] = f;
		} else {
			stop[o] = n == 1 ? c < 0x80 && st->ascii[c]
				  : n == 3 && (c == 0xE3 || (c >= 0xE4 && c <= 0xE9 &&
							    st->han[cp - 0x4000]));
			for (size_t b = 0; b < n; b++) {
				orig[o] = i + b;
				view[o++] = t[i + b];
			}
		}
		i += n;
	}
	int bad = v.len != o || memcmp(v.text, view, o) != 0;
	for (size_t k = 0; !bad && k < o; k++)
		bad = fold_orig(&v, k) != orig[k] ||
		      (((v.blocks[k / 64].stops >> (k % 64)) & 1) != 0) != stop[k];
	bad = bad || fold_orig(&v, o) != len;
	fold_free(&v);
	return bad;
}

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

	/* Random text of the characters that fold, stop or neither, at
	 * every alignment to the 64-byte blocks. */
	static const char *const pieces[] = {
		"a", "1", " ", "\n", "一", "二", "报", "。", "，", "、", "（", "１", "Ａ",
		"\xE3\x80\x80", "\xC2\xA0", "\xC3\xA9", "\xE2\x80\x82", "\xE2\x80\xAF",
		"\xE2\x80\x9C", "①", "\xF0\x9F\x98\x80", "\xEF\xBD\x9E", "\xEF\xBF\xBD",
		"\xE2\x80\x8B", "\xEF\xBB\xBF", "\xE2\x80\x8C", "﹒", "﹙", "﹑"};
	static uint8_t some_ascii[128], some_han[0x6000];
	for (int k = '0'; k <= '9'; k++)
		some_ascii[k] = 1;
	some_ascii[','] = 1;
	some_han[0x4E00 - 0x4000] = 1;
	const fold_stops some = {some_ascii, some_han};
	uint32_t seed = 7;
	int mismatches = 0;
	for (int round = 0; round < 20000; round++) {
		char buf[1200];
		size_t len = 0, want = (size_t)(round % 300);
		while (len < want) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			memcpy(buf + len, p, strlen(p));
			len += strlen(p);
		}
		mismatches += compare_with_reference(buf, len, &some);
	}
	CHECK(mismatches == 0);

	CHECK(fold_build("", 0, NULL, &v) == RPT_OK);
	CHECK(v.len == 0 && fold_orig(&v, 0) == 0);
	fold_free(&v);
	return UNIT_DONE();
}
