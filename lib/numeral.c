#include "numeral.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* A character of a numeral: a digit, a place (十百千), a magnitude (万亿)
 * or something else. */
typedef enum { T_NONE, T_DIGIT, T_PLACE, T_MAG } token_kind;

typedef struct token {
	token_kind kind;
	int value;       /* digit value, place 10/100/1000, magnitude 4/8 (power) */
	size_t len;
	bool financial;  /* 壹贰叁… : also ordinary words (陆地, 入伍) */
	bool vague;      /* 几 */
} token;

/* The characters of numerals, placed in 64 slots by a multiplicative
 * hash of their code points that sends no two to the same slot (the
 * multiplier was found by trying): one multiplication and one compare
 * per character, where a switch took a dozen branches. A character added
 * to a taken slot overrides an initializer (-Woverride-init, in -Wextra),
 * and unit-numeral checks the table against every code point. */
enum { TOKEN_FINANCIAL = 1, TOKEN_VAGUE = 2 };

typedef struct token_def {
	uint16_t cp;
	uint8_t kind, flags;
	uint16_t value;
} token_def;

#define TOKEN_SLOT(cp) ((uint32_t)((uint32_t)(cp) * UINT32_C(0xF8C1DA17)) >> 26)
#define DEF(cp, kind, value, flags) [TOKEN_SLOT(cp)] = {cp, kind, flags, value}

static const token_def token_defs[64] = {
	DEF(0x3007, T_DIGIT, 0, 0), /* 〇 */
	DEF(0x25CB, T_DIGIT, 0, 0), /* ○ */
	DEF(0x96F6, T_DIGIT, 0, 0), /* 零 */
	DEF(0x4E00, T_DIGIT, 1, 0), /* 一 */
	DEF(0x4E8C, T_DIGIT, 2, 0), /* 二 */
	DEF(0x4E24, T_DIGIT, 2, 0), /* 两 */
	DEF(0x5169, T_DIGIT, 2, 0), /* 兩 */
	DEF(0x4E09, T_DIGIT, 3, 0), /* 三 */
	DEF(0x56DB, T_DIGIT, 4, 0), /* 四 */
	DEF(0x4E94, T_DIGIT, 5, 0), /* 五 */
	DEF(0x516D, T_DIGIT, 6, 0), /* 六 */
	DEF(0x4E03, T_DIGIT, 7, 0), /* 七 */
	DEF(0x516B, T_DIGIT, 8, 0), /* 八 */
	DEF(0x4E5D, T_DIGIT, 9, 0), /* 九 */
	DEF(0x58F9, T_DIGIT, 1, TOKEN_FINANCIAL), /* 壹 */
	DEF(0x8D30, T_DIGIT, 2, TOKEN_FINANCIAL), /* 贰 */
	DEF(0x8CB3, T_DIGIT, 2, TOKEN_FINANCIAL), /* 貳 */
	DEF(0x53C1, T_DIGIT, 3, TOKEN_FINANCIAL), /* 叁 */
	DEF(0x53C3, T_DIGIT, 3, TOKEN_FINANCIAL), /* 參 */
	DEF(0x8086, T_DIGIT, 4, TOKEN_FINANCIAL), /* 肆 */
	DEF(0x4F0D, T_DIGIT, 5, TOKEN_FINANCIAL), /* 伍 */
	DEF(0x9646, T_DIGIT, 6, TOKEN_FINANCIAL), /* 陆 */
	DEF(0x9678, T_DIGIT, 6, TOKEN_FINANCIAL), /* 陸 */
	DEF(0x67D2, T_DIGIT, 7, TOKEN_FINANCIAL), /* 柒 */
	DEF(0x634C, T_DIGIT, 8, TOKEN_FINANCIAL), /* 捌 */
	DEF(0x7396, T_DIGIT, 9, TOKEN_FINANCIAL), /* 玖 */
	DEF(0x51E0, T_DIGIT, 0, TOKEN_VAGUE), /* 几 */
	DEF(0x5E7E, T_DIGIT, 0, TOKEN_VAGUE), /* 幾 */
	DEF(0x5341, T_PLACE, 10, 0), /* 十 */
	DEF(0x62FE, T_PLACE, 10, TOKEN_FINANCIAL), /* 拾 */
	DEF(0x767E, T_PLACE, 100, 0), /* 百 */
	DEF(0x4F70, T_PLACE, 100, TOKEN_FINANCIAL), /* 佰 */
	DEF(0x5343, T_PLACE, 1000, 0), /* 千 */
	DEF(0x4EDF, T_PLACE, 1000, TOKEN_FINANCIAL), /* 仟 */
	DEF(0x4E07, T_MAG, 4, 0), /* 万 */
	DEF(0x842C, T_MAG, 4, 0), /* 萬 */
	DEF(0x4EBF, T_MAG, 8, 0), /* 亿 */
	DEF(0x5104, T_MAG, 8, 0), /* 億 */
};
#undef DEF

static inline token read_token(const char *s, size_t len)
{
	token t = {T_NONE, 0, 0, false, false};
	unsigned char c = (unsigned char)s[0];
	if (len < 3 || c < 0xE2 || c > 0xE9)
		return t;
	uint32_t cp = utf8_cp3(s);
	const token_def *d = &token_defs[TOKEN_SLOT(cp)];
	if (d->cp != cp) /* an empty slot's 0 is no character here */
		return t;
	t.kind = (token_kind)d->kind;
	t.value = d->value;
	t.len = 3;
	t.financial = d->flags & TOKEN_FINANCIAL;
	t.vague = d->flags & TOKEN_VAGUE;
	return t;
}

int numeral_cn_digit(const char *s, size_t len, size_t *used)
{
	token t = read_token(s, len);
	if (t.kind != T_DIGIT || t.vague)
		return -1;
	*used = t.len;
	return t.value;
}

int numeral_cn_year(const char *s, size_t len, size_t *used)
{
	size_t k = 0;
	int y = 0;
	for (int n = 0; n < 4; n++) {
		size_t d_len = 1;
		int d = k < len && (s[k] == '0' || s[k] == 'O')
				? 0
				: numeral_cn_digit(s + k, len - k, &d_len);
		if (d < 0 || d > 9)
			return -1;
		y = y * 10 + d;
		k += d_len;
	}
	*used = k;
	return y;
}

/* 千 in 千瓦 千米 千克 千升 is a unit prefix, not a thousand. */
static bool si_prefix_follows(const char *s, size_t len)
{
	static const char *const units[] = {"瓦", "米", "克", "帕", "伏", "卡",
					    "焦", "赫", "兆", "升"};
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (starts(s, len, units[i]))
			return true;
	return false;
}

/* 廿 卅 卌: twenty, thirty and forty in one character, or 0. */
static int tens_word(const char *s, size_t len)
{
	if (len < 3 || (unsigned char)s[0] != 0xE5)
		return 0;
	return starts(s, len, "廿") ? 2 : starts(s, len, "卅") ? 3 : starts(s, len, "卌") ? 4 : 0;
}

/* 俩千, 倆百: the colloquial 俩 (two of) as a digit, only before a place. */
static bool lia_before_place(const char *s, size_t len)
{
	return (starts(s, len, "俩") || starts(s, len, "倆")) &&
	       read_token(s + 3, len - 3).kind == T_PLACE;
}

/* 萬五, 万九: 一万五千 spoken short, the 一 and the 千 left out. 万一 and 万两
 * are words, so the digit is 二 to 九. Returns the digit or 0. */
static int wan_digit(const char *s, size_t len)
{
	token m = read_token(s, len);
	if (m.kind != T_MAG || m.value != 4)
		return 0;
	token d = read_token(s + 3, len - 3);
	if (d.kind != T_DIGIT || d.vague || d.value < 2 || starts(s + 3, len - 3, "两") ||
	    starts(s + 3, len - 3, "兩"))
		return 0;
	return d.value;
}

bool numeral_can_start(const char *s, size_t len)
{
	if (s[0] >= '0' && s[0] <= '9')
		return true;
	if (s[0] == '.')
		return len > 1 && s[1] >= '0' && s[1] <= '9';
	token t = read_token(s, len);
	if (t.kind == T_DIGIT || t.kind == T_PLACE)
		return true;
	if (t.kind == T_MAG)
		return wan_digit(s, len);
	/* This runs for every Han character: the lead bytes pick out the
	 * rare starts before any comparison (廿 卅 卌 幺 倆 are E5 xx, 俩 E4 BF) */
	unsigned char c = (unsigned char)s[0], c1 = len > 1 ? (unsigned char)s[1] : 0;
	if (len < 3 || !((c == 0xE5 && (c1 == 0xBB || c1 == 0x8D || c1 == 0xB9 || c1 == 0x80)) ||
			 (c == 0xE4 && c1 == 0xBF)))
		return false;
	return tens_word(s, len) || starts(s, len, "幺") || lia_before_place(s, len);
}

bool numeral_may_start_with(const char *s)
{
	/* every character numeral_can_start() accepts after its ASCII tests */
	return read_token(s, 3).kind != T_NONE || tens_word(s, 3) || starts(s, 3, "幺") ||
	       starts(s, 3, "俩") || starts(s, 3, "倆");
}

/* A digit of a string read digit by digit: the ordinary digits and 幺, the
 * "one" of dictated numbers (幺八九). Returns the value or -1. */
static int code_digit(const char *s, size_t len, size_t *used)
{
	token t = read_token(s, len);
	/* 两 only counts things (两个, 两千): 一九八二两个 is 1982 and 两个 */
	if (t.kind == T_DIGIT && !t.vague && !starts(s, len, "两") && !starts(s, len, "兩")) {
		*used = t.len;
		return t.value;
	}
	if (starts(s, len, "幺")) {
		*used = 3;
		return 1;
	}
	return -1;
}

static bool is_point(const char *s, size_t len)
{
	return starts(s, len, "点") || starts(s, len, "點");
}

/* 一七二零, 二〇〇二, 幺八九, 零零三, 一二点三零: digits without place words,
 * one place each, as dictated numbers, codes and years are written. Two
 * digits are read so only before 点 or after a leading 零: 三五百 and 一二万
 * are vague ranges, 九九 and 两两 are words. Returns 1 for such a string,
 * 0 (out left alone) for text of another shape, and -1 for digits that
 * run on into Arabic ones (二○○六1), which are no number at all: read
 * digit by digit they would give a value that does not match the span. */
static int positional(const char *s, size_t len, numeral *out)
{
	int64_t m = 0;
	int n = 0, nonzero = 0, first = -1;
	size_t i = 0, used;
	int d;
	while (n < 18 && (d = code_digit(s + i, len - i, &used)) >= 0) {
		if (first < 0)
			first = d;
		m = m * 10 + d;
		n++;
		nonzero += d != 0;
		i += used;
	}
	if (n < 2 || !nonzero)
		return 0;
	decimal v = dec_int(m);
	bool point = false;
	if (is_point(s + i, len - i)) {
		int64_t f = 0;
		int places = 0;
		size_t k = i + 3;
		while (places < 8 && (d = code_digit(s + k, len - k, &used)) >= 0) {
			f = f * 10 + d;
			places++;
			k += used;
		}
		if (places) {
			decimal frac = {f, places};
			if (!dec_add(&v, frac))
				return 0;
			point = true;
			i = k;
		}
	}
	/* 一一 and 壹壹 on their own are eleven; 一一对应, 九九是 are words */
	bool pair_alone = n == 2 && m % 11 == 0 && (i >= len || (unsigned char)s[i] < 0xE4 ||
						  (unsigned char)s[i] > 0xE9);
	if (n < 3 && !point && first != 0 && !pair_alone)
		return 0;
	if (i < len && s[i] >= '0' && s[i] <= '9')
		return -1;
	/* 一二三百 is no written form; leave it to the ordinary reading */
	token next = read_token(s + i, len - i);
	if (next.kind == T_PLACE || next.kind == T_MAG)
		return 0;
	out->value = v;
	out->len = i;
	/* 壹壹壹 is a code, not an amount: financial stays false */
	out->chinese = true;
	out->positional = true;
	dec_format(v, out->num, sizeof out->num);
	return 1;
}

/* Arabic digits: 1234, 1,234, 3.27, and 1 2 (PDF spacing). */
static size_t arabic(const char *s, size_t len, decimal *v, char *num,
		     size_t cap, bool *spaced)
{
	char digits[40];
	size_t nd = 0, i = 0;
	bool point = false;
	*spaced = false;
	if (len > 1 && s[0] == '.') { /* .5, .77: the 0 left out */
		digits[nd++] = '0';
		digits[nd++] = '.';
		point = true;
		i = 1;
	}
	while (i < len && nd + 2 < sizeof digits) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			digits[nd++] = c;
			i++;
			continue;
		}
		/* 1,234,567: a comma followed by exactly three digits. */
		if (c == ',' && !point && nd > 0 && i + 3 < len &&
		    s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' &&
		    s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' &&
		    (i + 4 >= len || s[i + 4] < '0' || s[i + 4] > '9')) {
			i++;
			continue;
		}
		if (c == '.' && !point && nd > 0 && i + 1 < len && s[i + 1] >= '0' &&
		    s[i + 1] <= '9') {
			point = true;
			digits[nd++] = '.';
			i++;
			continue;
		}
		/* 27 · 7％: the decimal point as OCR reads it, a middle dot
		 * between spaces (unspaced, 4·11 is a date) */
		if (c == ' ' && !point && nd > 0 && i + 4 < len && s[i + 1] == '\xC2' &&
		    s[i + 2] == '\xB7' && s[i + 3] == ' ' && s[i + 4] >= '0' && s[i + 4] <= '9') {
			point = true;
			digits[nd++] = '.';
			i += 4;
			continue;
		}
		/* 2 9 0 0: single digits apart, as PDF text extraction leaves
		 * them. Both neighbours of the space must be lone digits. */
		if (c == ' ' && !point && i >= 1 && i + 1 < len && s[i + 1] >= '0' &&
		    s[i + 1] <= '9') {
			bool prev_alone = i == 1 || s[i - 2] == ' ';
			bool next_alone = i + 2 >= len || s[i + 2] < '0' || s[i + 2] > '9';
			if (prev_alone && next_alone) {
				*spaced = true;
				i++;
				continue;
			}
		}
		break;
	}
	if (nd == 0 || nd + 1 > cap)
		return 0;
	if (i < len && s[i] >= '0' && s[i] <= '9')
		return 0; /* more digits than the buffer: never cut a number short */
	if (!dec_parse(digits, nd, v))
		return 0;
	memcpy(num, digits, nd);
	num[nd] = '\0';
	return i;
}

/* The running sum of a Chinese numeral: total (above 万/亿), section (the
 * current group of 千百十) and the pending digit. Adjacent digits (三五百,
 * 八九亿) are a vague range, so two sums run side by side: low and high. */
typedef struct acc {
	decimal tera, total, section, number; /* tera: the part before 兆 */
} acc;

static bool acc_place(acc *a, bool have, int place)
{
	decimal v = have ? a->number : dec_int(1);
	if (!dec_mul(&v, dec_int(place)) || !dec_add(&a->section, v))
		return false;
	a->number = dec_int(0);
	return true;
}

static bool acc_mag(acc *a, int power)
{
	decimal v = a->section;
	if (!dec_add(&v, a->number))
		return false;
	if (power == 12) {
		if (!dec_add(&v, a->total) || !dec_shift(&v, 12) || !dec_add(&a->tera, v))
			return false;
		a->total = a->section = a->number = dec_int(0);
		return true;
	}
	if (power == 8 || dec_is_zero(v)) {
		/* 亿 scales everything so far; 万万 is a hundred million */
		if (!dec_add(&v, a->total))
			return false;
		a->total = dec_int(0);
	}
	if (!dec_shift(&v, power) || !dec_add(&a->total, v))
		return false;
	a->section = a->number = dec_int(0);
	return true;
}

static bool acc_sum(const acc *a, decimal *out)
{
	*out = a->tera;
	if (!dec_add(out, a->total))
		return false;
	return dec_add(out, a->section) && dec_add(out, a->number);
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
	size_t j = i;
	while (j < len && j - i < 4 && s[j] == ' ')
		j++;
	return j;
}

/* Does a digit written right after the place `place` stand for the next
 * place down, as in 四百五 (450), 8千3 (8300), 一万三 (13000) and 2億5? Only
 * when nothing more of the numeral follows at i: the end, a word, 点 after
 * 百/千 (两千三点一 is 2300.1) or a magnitude after 百/千 (三千五万 is
 * 3500万, 百二萬 is 120万). */
static bool abbreviated(const char *s, size_t len, size_t i, int place)
{
	if (place < 100)
		return false;
	size_t nx = skip_spaces(s, len, i);
	if (nx >= len)
		return true;
	if (s[nx] >= '0' && s[nx] <= '9')
		return false;
	token t = read_token(s + nx, len - nx);
	if (t.kind == T_NONE && !tens_word(s + nx, len - nx))
		return !is_point(s + nx, len - nx) || place < 10000;
	return t.kind == T_MAG && place < 10000;
}

/* May the part of a numeral at j follow the one before it across spaces?
 * 177.1 亿元 and 7 万5 千4 百 (a space before a magnitude, or before a
 * place after a digit), 两千 四 百 五 (between Chinese parts), 7万 5千 (a
 * digit that takes a place, after a place), 十 余 万. */
static bool spaced_part(const char *s, size_t len, size_t j, int cn, bool have,
			bool last_place, int below)
{
	token next = read_token(s + j, len - j);
	if (next.kind == T_MAG)
		return true;
	if (next.kind == T_PLACE && (have || cn))
		return true;
	if (s[j] >= '0' && s[j] <= '9') {
		size_t k = j;
		while (k < len && s[k] >= '0' && s[k] <= '9')
			k++;
		token p = read_token(s + k, len - k);
		/* only a smaller place: 3万 5万 and 1千 2千 are lists */
		return last_place && p.kind == T_PLACE && p.value < below &&
		       !(p.value == 1000 && si_prefix_follows(s + k + 3, len - k - 3));
	}
	if ((is_odd(s + j, len - j) || starts(s + j, len - j, "多"))) {
		size_t k = skip_spaces(s, len, j + 3);
		token p = read_token(s + k, len - k);
		return p.kind == T_MAG || p.kind == T_PLACE;
	}
	return cn && (next.kind != T_NONE || is_point(s + j, len - j));
}

/* Could the character at s carry on a numeral that Arabic digits began?
 * The places, magnitudes and digits, and the words the reader below
 * takes after digits (多 余 个 点 兆 幺, and 俩 廿 卅 卌 before a place). */
static bool continues_numeral(const char *s, size_t len)
{
	if (read_token(s, len).kind != T_NONE)
		return true;
	if (len < 3 || ((unsigned char)s[0] & 0xF0) != 0xE0)
		return false; /* the words below are all three bytes long */
	uint32_t cp = utf8_cp3(s);
	switch (cp) {
	case 0x591A: /* 多 */
	case 0x4F59: /* 余 */
	case 0x4E2A: /* 个 */
	case 0x70B9: /* 点 */
	case 0x9EDE: /* 點 */
	case 0x5146: /* 兆 */
	case 0x4FE9: /* 俩 */
	case 0x5006: /* 倆 */
	case 0x5EFF: /* 廿 */
	case 0x5345: /* 卅 */
	case 0x534C: /* 卌 */
	case 0x5E7A: /* 幺, a digit of dictated numbers */
		return true;
	default:
		return false;
	}
}

/* One number with nothing after it that the full reader would take:
 * Arabic digits (2019年, 23家, 1.6%), with one magnitude (3800万元), or a
 * single Chinese digit (三个, and the 一 of 进一步). Most numerals of a
 * report are one of these. Gives the full reader's result for them at a
 * fraction of its cost: 1 when read, 0 when s is no numeral, -1 when the
 * full reader must decide. */
static int single_number(const char *s, size_t len, numeral *out)
{
	size_t used;
	token t = {T_NONE, 0, 0, false, false};
	decimal v;
	if ((s[0] >= '0' && s[0] <= '9') || s[0] == '.') {
		bool spaced;
		used = arabic(s, len, &v, out->num, sizeof out->num, &spaced);
		if (!used)
			return 0;
		out->spaced = spaced;
	} else {
		t = read_token(s, len);
		if (t.kind != T_DIGIT || t.vague)
			return -1;
		used = t.len;
		v = dec_int(t.value);
	}
	/* 3800万, 1.2亿: Arabic digits and one magnitude */
	token mag = {T_NONE, 0, 0, false, false};
	if (t.kind == T_NONE && used < len && (unsigned char)s[used] >= 0x80) {
		mag = read_token(s + used, len - used);
		if (mag.kind == T_MAG) {
			decimal n = dec_int(0);
			if (!dec_add(&n, v) || !dec_shift(&n, mag.value))
				return 0;
			v = n;
			used += mag.len;
		}
	}
	if (used < len) {
		unsigned char c = (unsigned char)s[used];
		if (c == ' ' || (c >= 0x80 && continues_numeral(s + used, len - used)) ||
		    (t.kind == T_NONE && mag.kind == T_NONE &&
		     (c == 'k' || c == 'K' || c == 'w' || c == 'W')) ||
		    (mag.kind == T_MAG && c >= '0' && c <= '9'))
			return -1;
	}
	/* the sum the full reader makes of its parts: zero plus the number */
	out->value = dec_int(0);
	if (!dec_add(&out->value, v))
		return 0;
	out->len = used;
	if (mag.kind == T_MAG) {
		dec_shift(&out->magnitude, mag.value);
		out->trailing = mag.value == 4 ? 10000 : 100000000;
	}
	if (t.kind == T_DIGIT) {
		out->chinese = true;
		out->financial = t.financial;
		out->lone_financial = t.financial && !starts(s + used, len - used, "分之");
		out->in_word = used < len && (unsigned char)s[used] >= 0xE3;
		out->bare_one = t.value == 1;
		dec_format(out->value, out->num, sizeof out->num);
	}
	return 1;
}

bool numeral_parse(const char *s, size_t len, numeral *out)
{
	memset(out, 0, sizeof *out);
	out->magnitude = dec_int(1);
	out->trailing = 1;
	int single = single_number(s, len > 96 ? 96 : len, out);
	if (single >= 0)
		return single;
	return numeral_parse_full(s, len, out);
}

/* 六十亿, 五百多万, 三万亿: a Chinese numeral whose magnitudes all stand at
 * its end is num times them, as 3800万 is (but 一百二十三亿七千万 has a
 * magnitude inside: num stays the whole value). [from, end) of s holds
 * the magnitudes. */
static void split_magnitude(const char *s, size_t from, size_t end, decimal v, numeral *out)
{
	int power = 0;
	for (size_t k = from; k < end;) {
		token m = read_token(s + k, end - k);
		if (m.kind != T_MAG)
			return;
		power += m.value;
		k += m.len;
	}
	decimal mag = dec_int(1), n = v;
	if (!dec_shift(&mag, power) || !dec_div(&n, mag, power + v.scale > 12 ? 12 : power + v.scale))
		return;
	/* (exact: the value is a whole number of the magnitude's units, or
	 * a decimal of them, 三点五亿) */
	decimal back = n;
	if (!dec_mul(&back, mag) || dec_cmp(back, v) != 0)
		return;
	dec_format(n, out->num, sizeof out->num);
	out->magnitude = mag;
}

bool numeral_parse_full(const char *s, size_t len, numeral *out)
{
	memset(out, 0, sizeof *out);
	out->magnitude = dec_int(1);
	out->trailing = 1;
	acc lo = {{0, 0}, {0, 0}, {0, 0}, {0, 0}}, hi = lo;
	bool have = false, any = false, arabic_only = true, ranged = false;
	bool last_place = false, zero_seen = false, point_seen = false;
	int tokens = 0, cn = 0, financial = 0, last_place_value = 0;
	int section_place = 0; /* the last 十百千 since the last magnitude */
	size_t i = 0, end = 0;
	size_t first_mag = (size_t)-1, mags_end = 0; /* where magnitudes were written */

	if (len > 96)
		len = 96; /* a numeral is short; this bounds the work */
	int shape = positional(s, len, out);
	if (shape < 0)
		return false;
	if (shape > 0) {
		out->magnitude = dec_int(1);
		out->trailing = 1;
		return true;
	}
	int wan = wan_digit(s, len);
	if (wan && abbreviated(s, len, 6, 10000)) {
		out->value = dec_int(10000 + wan * 1000);
		out->len = 6;
		out->chinese = true;
		out->trailing = 1000;
		dec_format(out->value, out->num, sizeof out->num);
		return true;
	}
	while (i < len) {
		/* 两千 四 百 五: spaces between the parts of a Chinese numeral */
		size_t j = any ? skip_spaces(s, len, i) : i;
		if (j > i && !spaced_part(s, len, j, cn, have, last_place,
					  section_place ? section_place : last_place_value))
			break;
		i = j;
		if ((s[i] >= '0' && s[i] <= '9') || (i == 0 && s[0] == '.')) {
			if (have)
				break;
			bool spaced;
			char num[40];
			decimal v;
			size_t used = arabic(s + i, len - i, &v, num, sizeof num, &spaced);
			if (!used)
				return false;
			if (!any) {
				memcpy(out->num, num, sizeof num);
				out->spaced = spaced;
			} else {
				arabic_only = false;
			}
			/* 15k, 30w: thousands and ten-thousands */
			size_t k = i + used;
			if (k + 1 < len && s[k] == ' ' && (s[k + 1] == 'k' || s[k + 1] == 'K'))
				k++; /* 52.5 k */
			if (k < len && (s[k] == 'k' || s[k] == 'K' || s[k] == 'w' ||
					s[k] == 'W') &&
			    (k + 1 >= len || !((s[k + 1] >= 'a' && s[k + 1] <= 'z') ||
					       (s[k + 1] >= 'A' && s[k + 1] <= 'Z')))) {
				int p = (s[k] == 'k' || s[k] == 'K') ? 3 : 4;
				if (!dec_shift(&v, p))
					return false;
				if (!any)
					dec_shift(&out->magnitude, p);
				out->trailing = p == 3 ? 1000 : 10000;
				out->slang = true;
				used = k + 1 - i;
			} else if (last_place && !zero_seen && used == 1 &&
				   abbreviated(s, len, i + used, last_place_value)) {
				/* 8千3, 3萬5: one digit after a place, as 四百五 */
				v = dec_int((s[i] - '0') * (int64_t)(last_place_value / 10));
			}
			lo.number = hi.number = v;
			have = any = true;
			last_place = false;
			i += used;
			end = i;
			tokens++;
			continue;
		}
		token t = read_token(s + i, len - i);
		if (t.kind == T_NONE && lia_before_place(s + i, len - i)) {
			t.kind = T_DIGIT;
			t.value = 2;
			t.len = 3;
		}
		int tens = t.kind == T_NONE ? tens_word(s + i, len - i) : 0;
		if (tens) {
			/* 廿二, 五百卅四, 一萬零卌: 廿 is 二十, a digit and a place */
			if (have || (section_place && section_place <= 10))
				break;
			lo.number = hi.number = dec_int(tens);
			have = true;
			t.kind = T_PLACE;
			t.value = 10;
			t.len = 3;
		}
		if (t.kind == T_DIGIT) {
			if (t.value == 0 && any && !t.vague) { /* 一百零五 */
				zero_seen = true;
				i += t.len;
				continue;
			}
			if (have) {
				/* 三五百, 八九亿: a vague range; 九九, 两两 are words */
				decimal prev = lo.number;
				if (cn && !ranged && !prev.scale &&
				    dec_cmp(dec_int(t.value), prev) == 0)
					return false; /* 九九, 两两: a name or a word */
				/* 〇三 is two digits written by position, not
				 * "nought to three": a range begins at one */
				if (ranged || t.vague || prev.scale || dec_is_zero(prev) ||
				    dec_cmp(dec_int(t.value), prev) < 0 || cn == 0)
					break;
				hi.number = dec_int(t.value);
				ranged = true;
				i += t.len;
				end = i;
				continue;
			}
			lo.number = hi.number = dec_int(t.value);
			if (t.vague) {
				/* 几十 is about ten and more; 十几 likewise */
				out->vague = true;
				lo.number = hi.number = dec_int(1);
				if (last_place || i + t.len >= len ||
				    read_token(s + i + t.len, len - i - t.len).kind != T_PLACE)
					lo.number = hi.number = dec_int(0);
			}
			have = any = true;
			arabic_only = false;
			cn++;
			financial += t.financial;
			tokens++;
			i += t.len;
			end = i;
			/* 四百五 is 450, 一万三 is 13000: a bare digit after a place */
			if (last_place && !zero_seen && !t.vague &&
			    abbreviated(s, len, i, last_place_value)) {
				decimal v = dec_int(t.value * (int64_t)(last_place_value / 10));
				lo.number = hi.number = v;
			}
			last_place = false;
			continue;
		}
		if (t.kind == T_PLACE) {
			if (t.value == 1000 && si_prefix_follows(s + i + 3, len - i - 3))
				break;
			/* 百分之, 百分点 begin a percentage; 一百分之二 and 三百分之一
			 * are fractions over a hundred and three hundred */
			if (t.value == 100 && starts(s + i + 3, len - i - 3, "分") &&
			    !(have && starts(s + i + 3, len - i - 3, "分之")))
				break;
			/* 五十千, 十一十二: places only fall within a group; a
			 * place no smaller than the last begins another number */
			if (section_place && t.value >= section_place)
				break;
			section_place = t.value;
			/* 零十: a leading 零 only marks the gap, as in 一千零十 */
			if (have && tokens == 1 && cn == 1 && dec_is_zero(lo.number) && !ranged)
				have = false;
			if (!acc_place(&lo, have, t.value) || !acc_place(&hi, have, t.value))
				return false;
			if (tokens == 1 && arabic_only && have)
				dec_mul(&out->magnitude, dec_int(t.value));
			else
				arabic_only = false;
			out->trailing = t.value;
			have = false;
			any = true;
			last_place = true;
			last_place_value = t.value;
			cn++;
			financial += t.financial;
			tokens++;
			i += t.len;
			end = i;
			continue;
		}
		/* 四十九兆九千…億: 兆 as a trillion, only inside a longer numeral
		 * (兆瓦 is a megawatt) */
		if (t.kind == T_NONE && any && (starts(s + i, len - i, "兆")) &&
		    read_token(s + i + 3, len - i - 3).kind == T_DIGIT) {
			t.kind = T_MAG;
			t.value = 12;
			t.len = 3;
		}
		if (t.kind == T_MAG && any) {
			if (!acc_mag(&lo, t.value) || !acc_mag(&hi, t.value))
				return false;
			if (arabic_only)
				dec_shift(&out->magnitude, t.value);
			if (first_mag == (size_t)-1)
				first_mag = i;
			mags_end = i + t.len;
			out->trailing = t.value == 4 ? 10000 : t.value == 8 ? 100000000 : 1000000000000L;
			have = false;
			last_place = true;
			last_place_value = t.value == 4 ? 10000 : 100000000;
			if (t.value == 12)
				last_place_value = 0; /* no abbreviation after 兆 */
			zero_seen = false;
			section_place = 0;
			i += t.len;
			end = i;
			tokens++;
			continue;
		}
		/* 九点三, 一百二十点五: a Chinese decimal point */
		if ((starts(s + i, len - i, "点") || starts(s + i, len - i, "點")) && any &&
		    cn) {
			size_t k = skip_spaces(s, len, i + 3);
			decimal frac = dec_int(0);
			int places = 0, d;
			size_t used;
			/* 两 only counts: 一点两 is 一 and 两, never 1.2 */
			while (places < 8 && !starts(s + k, len - k, "两") &&
			       !starts(s + k, len - k, "兩") &&
			       (d = numeral_cn_digit(s + k, len - k, &used)) >= 0) {
				frac.m = frac.m * 10 + d;
				places++;
				k += used;
			}
			/* 零點77, 一百点123: Arabic digits after a Chinese point */
			if (places == 0) {
				while (places < 8 && k < len && s[k] >= '0' && s[k] <= '9') {
					frac.m = frac.m * 10 + (s[k++] - '0');
					places++;
				}
				if (k < len && s[k] >= '0' && s[k] <= '9')
					return false; /* longer than we keep exactly */
			}
			if (!places)
				break;
			frac.scale = places;
			point_seen = true;
			if (!dec_add(&lo.number, frac) || !dec_add(&hi.number, frac))
				return false;
			have = true;
			i = end = k;
			/* 三点五亿: only a magnitude may follow the fraction */
			if (read_token(s + i, len - i).kind != T_MAG)
				break;
			continue;
		}
		/* 2800多亿, 六亿三千多万, 十 余 万: 多/余 before a magnitude */
		size_t after_yu = skip_spaces(s, len, i + 3);
		if ((starts(s + i, len - i, "多") || is_odd(s + i, len - i)) && any &&
		    (read_token(s + after_yu, len - after_yu).kind == T_MAG ||
		     read_token(s + after_yu, len - after_yu).kind == T_PLACE)) {
			out->approx_inside = true;
			i += 3;
			continue;
		}
		/* 两个亿, 5个亿: 个 before 亿 (but 两个万亩…核心区 counts the
		 * zones, of ten thousand mu each) */
		if (starts(s + i, len - i, "个") && have &&
		    read_token(s + i + 3, len - i - 3).kind == T_MAG &&
		    read_token(s + i + 3, len - i - 3).value == 8) {
			out->hundred_million_by_ge = true;
			arabic_only = false;
			i += 3;
			continue;
		}
		break;
	}
	if (!any)
		return false;
	/* A lone 陆, 伍 or 拾 is mostly a word (陆地, 入伍, 收拾); the caller
	 * decides from the neighbours (壹元, 肆角, a 壹 on its own). */
	out->lone_financial = cn == 1 && financial == 1 && tokens == 1 && !point_seen &&
			      !starts(s + end, len - end, "分之");
	/* 四川, 十足, 一下: one Chinese numeral character inside a word. The
	 * caller decides for units (三项, 十家), so only report it here. */
	out->in_word = cn == 1 && tokens == 1 && !point_seen && end < len &&
		       (unsigned char)s[end] >= 0xE3;
	decimal v, vh;
	if (!acc_sum(&lo, &v) || !acc_sum(&hi, &vh))
		return false;
	/* a vague range reads its bounds in order (三五百: 300 to 500); 两亿0九万
	 * (a 0 for 零 between a magnitude and a digit) would read 2万亿 to
	 * 2.0009亿: no range, and no numeral either */
	if (ranged && dec_cmp(vh, v) <= 0)
		return false;
	out->value = v;
	if (ranged) {
		out->ranged = true;
		out->high = vh;
	}
	out->len = end;
	out->chinese = cn > 0;
	out->financial = financial > 0;
	out->bare_one = cn == 1 && tokens == 1 && dec_cmp(v, dec_int(1)) == 0;
	if (!arabic_only || !tokens || out->num[0] == '\0') {
		dec_format(v, out->num, sizeof out->num);
		out->magnitude = dec_int(1);
		if (first_mag != (size_t)-1 && mags_end == end)
			split_magnitude(s, first_mag, end, v, out);
	}
	return true;
}
