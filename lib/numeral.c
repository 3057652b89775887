#include "numeral.h"

#include <string.h>

#include "utf8.h"

int numeral_cn_digit(const char *s, size_t len, size_t *used)
{
	static const struct {
		const char *ch;
		int value;
	} digits[] = {
		{"〇", 0}, {"○", 0}, {"零", 0}, {"一", 1}, {"壹", 1}, {"二", 2},
		{"贰", 2}, {"貳", 2}, {"两", 2}, {"兩", 2}, {"三", 3}, {"叁", 3},
		{"參", 3}, {"四", 4}, {"肆", 4}, {"五", 5}, {"伍", 5}, {"六", 6},
		{"陆", 6}, {"陸", 6}, {"七", 7}, {"柒", 7}, {"八", 8}, {"捌", 8},
		{"九", 9}, {"玖", 9},
	};
	if (len < 3)
		return -1;
	for (size_t i = 0; i < sizeof digits / sizeof *digits; i++)
		if (memcmp(s, digits[i].ch, 3) == 0) {
			*used = 3;
			return digits[i].value;
		}
	return -1;
}

/* 十 百 千 and their forms: the multiplier, or 0. 廿 and 卅 are 20, 30. */
static int small_unit(const char *s, size_t len)
{
	if (len < 3)
		return 0;
	if (starts(s, len, "十") || starts(s, len, "拾"))
		return 10;
	if (starts(s, len, "百") || starts(s, len, "佰"))
		return 100;
	if (starts(s, len, "千") || starts(s, len, "仟"))
		return 1000;
	return 0;
}

static int big_unit(const char *s, size_t len)
{
	if (starts(s, len, "万") || starts(s, len, "萬"))
		return 4;
	if (starts(s, len, "亿") || starts(s, len, "億"))
		return 8;
	return 0;
}

/* 千 in 千瓦 千米 千克 is a unit prefix, not a thousand. */
static bool si_prefix_follows(const char *s, size_t len)
{
	static const char *const units[] = {"瓦", "米", "克", "帕", "伏", "卡",
					    "焦", "赫", "兆"};
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (starts(s, len, units[i]))
			return true;
	return false;
}

bool numeral_can_start(const char *s, size_t len)
{
	size_t u;
	if (s[0] >= '0' && s[0] <= '9')
		return true;
	if (numeral_cn_digit(s, len, &u) >= 0)
		return true;
	return starts(s, len, "十") || starts(s, len, "千") ||
	       starts(s, len, "百") || starts(s, len, "廿") || starts(s, len, "卅");
}

/* Arabic digits: 1234, 1,234, 3.27, and 1 2 (PDF spacing). */
static size_t arabic(const char *s, size_t len, decimal *v, char *num,
		     size_t cap, bool *spaced)
{
	char digits[40];
	size_t nd = 0, i = 0;
	bool point = false;
	*spaced = false;
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
	if (!dec_parse(digits, nd, v))
		return 0;
	memcpy(num, digits, nd);
	num[nd] = '\0';
	return i;
}

bool numeral_parse(const char *s, size_t len, numeral *out)
{
	memset(out, 0, sizeof *out);
	out->magnitude = dec_int(1);
	decimal total = dec_int(0), section = dec_int(0), number = dec_int(0);
	bool have_number = false, any = false, only_arabic_then_magnitude = true;
	bool arabic_seen = false, after_unit = false;
	int cn_digits = 0, tokens = 0;
	size_t i = 0, n;

	if (len > 80)
		len = 80; /* a numeral is short; this bounds the work */
	while (i < len) {
		int d;
		int unit;
		if (s[i] >= '0' && s[i] <= '9') {
			if (have_number)
				break; /* two numbers in a row: 三五, 2 3 */
			bool spaced;
			char num[40];
			size_t used = arabic(s + i, len - i, &number, num, sizeof num, &spaced);
			if (!used)
				return false;
			if (!arabic_seen && !any) {
				memcpy(out->num, num, sizeof num);
				out->spaced = spaced;
			} else {
				only_arabic_then_magnitude = false;
			}
			arabic_seen = true;
			have_number = any = true;
			after_unit = false;
			i += used;
			tokens++;
			continue;
		}
		if ((d = numeral_cn_digit(s + i, len - i, &n)) >= 0) {
			if (d == 0 && any) { /* 一百零五: 零 only holds a place */
				i += n;
				continue;
			}
			if (have_number)
				break; /* 三五天 is a range of two numerals, not 35 */
			number = dec_int(d);
			have_number = any = true;
			only_arabic_then_magnitude = false;
			cn_digits++;
			after_unit = false;
			i += n;
			tokens++;
			/* 九点三: a Chinese decimal point */
			if (starts(s + i, len - i, "点") || starts(s + i, len - i, "點")) {
				size_t j = i + 3;
				decimal frac = dec_int(0);
				int places = 0;
				while ((d = numeral_cn_digit(s + j, len - j, &n)) >= 0 &&
				       places < 8) {
					frac.m = frac.m * 10 + d;
					places++;
					j += n;
				}
				if (places) {
					frac.scale = places;
					dec_add(&number, frac);
					i = j;
				}
			}
			continue;
		}
		if (starts(s + i, len - i, "廿") || starts(s + i, len - i, "卅")) {
			if (have_number)
				break;
			number = dec_int(starts(s + i, len - i, "廿") ? 20 : 30);
			have_number = any = true;
			only_arabic_then_magnitude = false;
			cn_digits++;
			i += 3;
			continue;
		}
		if ((unit = small_unit(s + i, len - i)) != 0) {
			if (unit == 1000 && si_prefix_follows(s + i + 3, len - i - 3))
				break;
			if (unit == 100 && starts(s + i + 3, len - i - 3, "分"))
				break; /* 百分之, 百分点 */
			decimal u = dec_int(unit);
			decimal v = have_number ? number : dec_int(1);
			if (!dec_mul(&v, u) || !dec_add(&section, v))
				return false;
			if (arabic_seen && tokens == 1 && only_arabic_then_magnitude)
				dec_mul(&out->magnitude, u);
			else
				only_arabic_then_magnitude = false;
			number = dec_int(0);
			have_number = false;
			any = true;
			after_unit = true;
			cn_digits++;
			i += 3;
			tokens++;
			continue;
		}
		if ((unit = big_unit(s + i, len - i)) != 0 && any) {
			decimal v = section;
			if (!dec_add(&v, number))
				return false;
			if (unit == 8) {
				if (!dec_add(&v, total) || !dec_shift(&v, 8))
					return false;
				total = v;
			} else {
				if (!dec_shift(&v, 4) || !dec_add(&total, v))
					return false;
			}
			if (only_arabic_then_magnitude)
				dec_shift(&out->magnitude, unit);
			section = number = dec_int(0);
			have_number = false;
			after_unit = true;
			i += 3;
			tokens++;
			continue;
		}
		/* 2800多亿, 六亿三千多万: 多/余 before a magnitude */
		if ((starts(s + i, len - i, "多") || starts(s + i, len - i, "余")) &&
		    any && (big_unit(s + i + 3, len - i - 3) ||
			    small_unit(s + i + 3, len - i - 3))) {
			out->approx_inside = true;
			i += 3;
			continue;
		}
		break;
	}
	(void)after_unit;
	if (!any)
		return false;
	if (!dec_add(&total, section) || !dec_add(&total, number))
		return false;
	out->value = total;
	out->len = i;
	out->chinese = cn_digits > 0;
	out->bare_one = cn_digits == 1 && tokens == 1 && dec_cmp(total, dec_int(1)) == 0;
	if (!only_arabic_then_magnitude || !arabic_seen) {
		dec_format(total, out->num, sizeof out->num);
		out->magnitude = dec_int(1);
	}
	return true;
}
