#include "marker.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

static const char *const style_names[STYLE_COUNT] = {
	[STYLE_NONE] = "none",         [STYLE_CN_DUN] = "cn-dun",
	[STYLE_CN_PAREN] = "cn-paren", [STYLE_AR_DOT] = "ar-dot",
	[STYLE_AR_DUN] = "ar-dun",     [STYLE_AR_PAREN] = "ar-paren",
	[STYLE_AR_HALF] = "ar-half",   [STYLE_CIRCLED] = "circled",
	[STYLE_PART] = "part",         [STYLE_CHAPTER] = "chapter",
	[STYLE_JIE] = "jie",           [STYLE_ARTICLE] = "article",
	[STYLE_CN_SHI] = "cn-shi",     [STYLE_CN_DI] = "cn-di",
};

const char *marker_style_name(marker_style style) { return style_names[style]; }

int marker_gbt_level(marker_style style)
{
	switch (style) {
	case STYLE_CN_DUN: return 1;
	case STYLE_CN_PAREN: return 2;
	case STYLE_AR_DOT:
	case STYLE_AR_DUN: return 3;
	case STYLE_AR_PAREN: return 4;
	default: return 0;
	}
}

static int cn_digit(const char *s, size_t len, size_t *used)
{
	/* All twelve begin with a byte from E3 (〇) to E9 (零): the Arabic
	 * digits and brackets of most markers fail here, not at each. */
	if (len < 3 || (unsigned char)s[0] < 0xE3 || (unsigned char)s[0] > 0xE9)
		return -1;
	uint32_t cp = utf8_cp3(s);
	int d;
	switch (cp) {
	case 0x3007: /* 〇 */
	case 0x96F6: /* 零 */ d = 0; break;
	case 0x4E00: /* 一 */ d = 1; break;
	case 0x4E8C: /* 二 */
	case 0x4E24: /* 两 */ d = 2; break;
	case 0x4E09: /* 三 */ d = 3; break;
	case 0x56DB: /* 四 */ d = 4; break;
	case 0x4E94: /* 五 */ d = 5; break;
	case 0x516D: /* 六 */ d = 6; break;
	case 0x4E03: /* 七 */ d = 7; break;
	case 0x516B: /* 八 */ d = 8; break;
	case 0x4E5D: /* 九 */ d = 9; break;
	default: return -1;
	}
	*used = 3;
	return d;
}

int cn_small_number(const char *s, size_t len, size_t *used)
{
	size_t u = 0, n;
	int value;
	int d = cn_digit(s, len, &n);

	if (d > 0) {
		u = n;
		if (!starts(s + u, len - u, "十")) {
			*used = u;
			return d;
		}
		value = d * 10;
		u += 3;
	} else if (d < 0 && starts(s, len, "十")) {
		value = 10;
		u = 3;
	} else {
		return -1;
	}
	int unit = cn_digit(s + u, len - u, &n);
	if (unit > 0) {
		value += unit;
		u += n;
	}
	*used = u;
	return value;
}

static int ar_number(const char *s, size_t len, size_t *used)
{
	size_t i = 0;
	int v = 0;
	while (i < len && i < 3 && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (s[i++] - '0');
	if (i == 0 || (i < len && s[i] >= '0' && s[i] <= '9'))
		return -1;
	*used = i;
	return v;
}

/* After 一、 a heading has words; 一、二季度 and 三、四月份 list numerals,
 * each the one after the other (一、一年接着一年干 and 一、三年来的斗争
 * are headings). */
static bool numeral_list_follows(const char *s, size_t len, int ordinal)
{
	size_t n;
	if (cn_small_number(s, len, &n) != ordinal + 1)
		return false;
	static const char *const tails[] = {"季", "月", "年", "产业", "等", "、",
					    "和", "至", "个", "次", "级", "类",
					    "批", "号", "班", "期", "线"};
	for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
		if (starts(s + n, len - n, tails[i]))
			return true;
	return false;
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

static bool enclosed(const char *s, size_t len, marker *m)
{
	size_t n;
	uint32_t cp = utf8_decode(s, len, &n);
	if (n != 3)
		return false;
	if (cp >= 0x2460 && cp <= 0x2473) {
		m->style = STYLE_CIRCLED;
		m->ordinal = (int)(cp - 0x2460 + 1);
	} else if (cp >= 0x2474 && cp <= 0x2487) {
		m->style = STYLE_AR_PAREN;
		m->ordinal = (int)(cp - 0x2474 + 1);
	} else if (cp >= 0x2488 && cp <= 0x249B) {
		m->style = STYLE_AR_DOT;
		m->ordinal = (int)(cp - 0x2488 + 1);
	} else if (cp >= 0x3220 && cp <= 0x3229) {
		m->style = STYLE_CN_PAREN;
		m->ordinal = (int)(cp - 0x3220 + 1);
	} else {
		return false;
	}
	m->len = 3;
	if (m->len < len && (s[m->len] == '.' || starts(s + 3, len - 3, "、"))) {
		m->len += s[m->len] == '.' ? 1 : 3;
		m->flags |= MARK_NONSTANDARD;
	}
	return true;
}

static bool ordinal_word(const char *s, size_t len, marker *m)
{
	static const struct {
		const char *word;
		marker_style style;
	} words[] = {{"部分", STYLE_PART}, {"篇", STYLE_PART}, {"编", STYLE_PART},
		     {"章", STYLE_CHAPTER}, {"节", STYLE_JIE}, {"条", STYLE_ARTICLE}};
	size_t i = 3, n;
	int v = cn_small_number(s + i, len - i, &n);
	if (v < 0)
		v = ar_number(s + i, len - i, &n);
	if (v <= 0)
		return false;
	i += n;
	/* 第一、严格控制固定资产投资的总规模: an ordinal with 、 opens a point
	 * of its own, as 一、 does (第一， is a list item: marker_parse_shi);
	 * but 第一、二轮督察 lists the ordinals of a series */
	if (starts(s + i, len - i, "、") && i + 3 < len &&
	    cn_small_number(s + i + 3, len - i - 3, &n) < 0 &&
	    !(s[i + 3] >= '0' && s[i + 3] <= '9')) {
		m->style = STYLE_CN_DI;
		m->flags |= MARK_NONSTANDARD;
		m->ordinal = v;
		m->len = i + 3;
		return true;
	}
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		if (!starts(s + i, len - i, words[k].word))
			continue;
		i += strlen(words[k].word);
		/* 第二十条第（一）项 cites an article; it does not open one. */
		size_t j = i;
		while (j < len && s[j] == ' ')
			j++;
		if (starts(s + j, len - j, "第"))
			return false;
		/* 第一节课, 第三条例: the word goes on. A marker ends in a space,
		 * punctuation, the end of the line, or the heading text. */
		if (words[k].style == STYLE_JIE && starts(s + i, len - i, "课"))
			return false;
		m->style = words[k].style;
		m->ordinal = v;
		m->len = i;
		/* Punctuation after the marker belongs to it; a space does not
		 * (num is the marker as written). */
		if (i < len && (s[i] == ':' || s[i] == ','))
			m->len = i + 1;
		else if (starts(s + i, len - i, "、"))
			m->len = i + 3;
		return true;
	}
	return false;
}

bool marker_parse(const char *s, size_t len, marker *m)
{
	size_t n;
	int v;

	memset(m, 0, sizeof *m);
	m->open = m->close = (size_t)-1;
	if (len == 0)
		return false;

	if (starts(s, len, "第"))
		return ordinal_word(s, len, m);

	if (s[0] == '(') {
		size_t i = skip_spaces(s, len, 1);
		v = cn_small_number(s + i, len - i, &n);
		m->style = STYLE_CN_PAREN;
		if (v < 0) {
			v = ar_number(s + i, len - i, &n);
			m->style = STYLE_AR_PAREN;
		}
		if (v <= 0)
			return false;
		i = skip_spaces(s, len, i + n);
		if (i >= len || s[i] != ')')
			return false;
		m->ordinal = v;
		m->open = 0;
		m->close = i;
		m->len = i + 1;
		if (starts(s + m->len, len - m->len, "、") ||
		    (m->len < len && s[m->len] == '.')) {
			m->len += s[m->len] == '.' ? 1 : 3;
			m->flags |= MARK_NONSTANDARD;
		}
		return true;
	}

	if (s[0] >= '0' && s[0] <= '9') {
		v = ar_number(s, len, &n);
		if (v <= 0 || n >= len)
			return false;
		size_t after;
		if (s[n] == '.') {
			m->style = STYLE_AR_DOT;
			after = n + 1;
		} else if (starts(s + n, len - n, "、")) {
			m->style = STYLE_AR_DUN;
			m->flags |= MARK_NONSTANDARD;
			after = n + 3;
		} else if (s[n] == ')') {
			m->style = STYLE_AR_HALF;
			m->close = n;
			after = n + 1;
		} else {
			return false;
		}
		/* 1.2万元 and 1、2号 are numbers, not markers. */
		if (after < len && s[after] >= '0' && s[after] <= '9')
			return false;
		if (after >= len)
			return false;
		m->ordinal = v;
		m->len = after;
		return true;
	}

	v = cn_small_number(s, len, &n);
	if (v > 0 && n < len) {
		if (starts(s + n, len - n, "、")) {
			if (numeral_list_follows(s + n + 3, len - n - 3, v))
				return false;
			m->style = STYLE_CN_DUN;
			m->len = n + 3;
		} else if (s[n] == '.' && !(n + 1 < len && s[n + 1] >= '0' &&
					    s[n + 1] <= '9')) {
			m->style = STYLE_CN_DUN;
			m->flags |= MARK_NONSTANDARD;
			m->len = n + 1;
		} else if (s[n] == ')') {
			m->style = STYLE_CN_PAREN;
			m->flags |= MARK_MISSING_OPEN;
			m->close = n;
			m->len = n + 1;
		} else {
			return false;
		}
		if (m->len >= len)
			return false; /* a bare numeral line is not a heading */
		m->ordinal = v;
		return true;
	}
	return enclosed(s, len, m);
}

bool marker_parse_shi(const char *s, size_t len, marker *m)
{
	size_t n;
	memset(m, 0, sizeof *m);
	m->open = m->close = (size_t)-1;
	/* 第一，重大的比例关系…: the comma (folded to ',') right after the
	 * number, or it is 第一章, 第一次, 第一批 … */
	if (starts(s, len, "第")) {
		int d = cn_small_number(s + 3, len - 3, &n);
		if (d <= 0 || 3 + n >= len || s[3 + n] != ',')
			return false;
		m->style = STYLE_CN_DI;
		m->ordinal = d;
		m->len = 3 + n + 1;
		return m->len < len;
	}
	int v = cn_small_number(s, len, &n);
	if (v <= 0 || !starts(s + n, len - n, "是"))
		return false;
	/* 一是一 / 二是二: an idiom, not an enumeration. */
	m->style = STYLE_CN_SHI;
	m->ordinal = v;
	m->len = n + 3;
	return m->len < len;
}
