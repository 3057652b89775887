#include "quantity.h"

#include <string.h>

#include "numeral.h"
#include "utf8.h"

const char *qkind_name(qkind kind)
{
	static const char *const names[Q_KIND_COUNT] = {
		"money", "count", "quantity", "percent", "ppt", "permille",
		"ratio", "multiple", "number", "ordinal", "duration"};
	return names[kind];
}

typedef struct unit_def {
	const char *text;  /* as written after the numeral */
	qkind kind;
	const char *unit;  /* normalised unit */
	int shift;         /* value *= 10^shift (千元 → 3) */
} unit_def;

/* Longest spellings first wherever one begins another. */
static const unit_def units[] = {
	/* money */
	{"万亿元", Q_MONEY, "CNY", 12}, {"千元", Q_MONEY, "CNY", 3},
	{"元人民币", Q_MONEY, "CNY", 0}, {"元", Q_MONEY, "CNY", 0},
	{"人民币", Q_MONEY, "CNY", 0}, {"块钱", Q_MONEY, "CNY", 0},
	{"美元", Q_MONEY, "USD", 0}, {"美金", Q_MONEY, "USD", 0},
	{"欧元", Q_MONEY, "EUR", 0}, {"港元", Q_MONEY, "HKD", 0},
	{"港币", Q_MONEY, "HKD", 0}, {"日元", Q_MONEY, "JPY", 0},
	{"英镑", Q_MONEY, "GBP", 0}, {"韩元", Q_MONEY, "KRW", 0},
	{"澳元", Q_MONEY, "AUD", 0}, {"卢布", Q_MONEY, "RUB", 0},
	{"台币", Q_MONEY, "TWD", 0},
	/* shares and ratios */
	{"%", Q_PERCENT, "%", 0}, {"个百分点", Q_PPT, "pp", 0},
	{"百分点", Q_PPT, "pp", 0}, {"‰", Q_PERMILLE, "‰", 0},
	{"倍", Q_MULTIPLE, "倍", 0},
	/* durations: never figures */
	{"个工作日", Q_DURATION, "", 0}, {"个月", Q_DURATION, "", 0},
	{"周岁", Q_DURATION, "", 0}, {"小时", Q_DURATION, "", 0},
	{"分钟", Q_DURATION, "", 0}, {"年", Q_DURATION, "", 0},
	{"岁", Q_DURATION, "", 0}, {"天", Q_DURATION, "", 0},
	{"日", Q_DURATION, "", 0}, {"月", Q_DURATION, "", 0},
	{"周", Q_DURATION, "", 0}, {"秒", Q_DURATION, "", 0},
	/* physical quantities */
	{"平方公里", Q_QUANTITY, "平方公里", 0}, {"平方千米", Q_QUANTITY, "平方千米", 0},
	{"平方米", Q_QUANTITY, "平方米", 0}, {"立方米", Q_QUANTITY, "立方米", 0},
	{"千瓦时", Q_QUANTITY, "千瓦时", 0}, {"千瓦", Q_QUANTITY, "千瓦", 0},
	{"兆瓦", Q_QUANTITY, "兆瓦", 0}, {"吨标准煤", Q_QUANTITY, "吨标准煤", 0},
	{"总吨", Q_QUANTITY, "总吨", 0}, {"吨", Q_QUANTITY, "吨", 0},
	{"公顷", Q_QUANTITY, "公顷", 0}, {"亩", Q_QUANTITY, "亩", 0},
	{"公里", Q_QUANTITY, "公里", 0}, {"千米", Q_QUANTITY, "千米", 0},
	{"公斤", Q_QUANTITY, "公斤", 0}, {"千克", Q_QUANTITY, "千克", 0},
	{"米", Q_QUANTITY, "米", 0}, {"斤", Q_QUANTITY, "斤", 0},
	{"担", Q_QUANTITY, "担", 0}, {"度", Q_QUANTITY, "度", 0},
	{"升", Q_QUANTITY, "升", 0}, {"克", Q_QUANTITY, "克", 0},
	{"标箱", Q_QUANTITY, "标箱", 0},
	/* counts: classifiers */
	{"人次", Q_COUNT, "人次", 0}, {"航次", Q_COUNT, "航次", 0},
	{"批次", Q_COUNT, "批次", 0}, {"部门", Q_COUNT, "部门", 0},
	{"家", Q_COUNT, "家", 0}, {"个", Q_COUNT, "个", 0},
	{"类", Q_COUNT, "类", 0}, {"项", Q_COUNT, "项", 0},
	{"人", Q_COUNT, "人", 0}, {"名", Q_COUNT, "名", 0},
	{"户", Q_COUNT, "户", 0}, {"所", Q_COUNT, "所", 0},
	{"座", Q_COUNT, "座", 0}, {"条", Q_COUNT, "条", 0},
	{"村", Q_COUNT, "村", 0}, {"批", Q_COUNT, "批", 0},
	{"套", Q_COUNT, "套", 0}, {"台", Q_COUNT, "台", 0},
	{"辆", Q_COUNT, "辆", 0}, {"件", Q_COUNT, "件", 0},
	{"份", Q_COUNT, "份", 0}, {"场", Q_COUNT, "场", 0},
	{"篇", Q_COUNT, "篇", 0}, {"位", Q_COUNT, "位", 0},
	{"只", Q_COUNT, "只", 0}, {"头", Q_COUNT, "头", 0},
	{"羽", Q_COUNT, "羽", 0}, {"株", Q_COUNT, "株", 0},
	{"棵", Q_COUNT, "棵", 0}, {"处", Q_COUNT, "处", 0},
	{"宗", Q_COUNT, "宗", 0}, {"笔", Q_COUNT, "笔", 0},
	{"间", Q_COUNT, "间", 0}, {"张", Q_COUNT, "张", 0},
	{"支", Q_COUNT, "支", 0}, {"枚", Q_COUNT, "枚", 0},
	{"艘", Q_COUNT, "艘", 0}, {"架", Q_COUNT, "架", 0},
	{"栋", Q_COUNT, "栋", 0}, {"起", Q_COUNT, "起", 0},
	{"种", Q_COUNT, "种", 0}, {"块", Q_COUNT, "块", 0},
	{"轮", Q_COUNT, "轮", 0}, {"例", Q_COUNT, "例", 0},
	{"次", Q_COUNT, "次", 0},
	{"部", Q_COUNT, "部", 0}, {"本", Q_COUNT, "本", 0},
};

static const unit_def *match_unit(const char *s, size_t len, size_t *used)
{
	for (size_t k = 0; k < sizeof units / sizeof *units; k++)
		if (starts(s, len, units[k].text)) {
			*used = strlen(units[k].text);
			return &units[k];
		}
	return NULL;
}

static bool ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	       (c >= 'a' && c <= 'z');
}

/* Does the text just before i end with word? */
static bool ends_with(const char *t, size_t lo, size_t i, const char *word)
{
	size_t n = strlen(word);
	return i >= lo + n && memcmp(t + i - n, word, n) == 0;
}

typedef struct cue {
	const char *word;
	const char *qualifier;
	bool excl;
} cue;

/* Words before a figure that bound it (民法典 §1259 for inclusivity). */
static const cue prefix_cues[] = {
	{"不低于", "min", false}, {"不少于", "min", false}, {"至少", "min", false},
	{"不超过", "max", false}, {"不高于", "max", false}, {"最多", "max", false},
	{"超过", "min", true},    {"高于", "min", true},    {"突破", "min", true},
	{"逾", "min", true},      {"多于", "min", true},
	{"不到", "max", true},    {"不足", "max", true},    {"低于", "max", true},
	{"将近", "max", true},    {"接近", "max", true},    {"近", "max", true},
	{"大约", "approx", false}, {"约", "approx", false}, {"大概", "approx", false},
};

/* Words after a figure. */
static const cue suffix_cues[] = {
	{"以上", "min", false}, {"以下", "max", false}, {"以内", "max", false},
	{"之内", "max", false}, {"左右", "approx", false}, {"上下", "approx", false},
	{"多", "min", true},    {"余", "min", true},
};

static void apply_bound(quantity *q, const cue *c)
{
	q->cue = c->word;
	if (strcmp(c->qualifier, "approx") == 0) {
		q->approx = true;
		if (strcmp(q->qualifier, "exact") == 0)
			q->qualifier = "approx";
		return;
	}
	if (strcmp(q->qualifier, "range") == 0)
		return;
	q->qualifier = c->qualifier;
	if (strcmp(c->qualifier, "min") == 0) {
		q->min = q->value;
		q->has_min = true;
		q->min_excl = c->excl;
	} else {
		q->max = q->value;
		q->has_max = true;
		q->max_excl = c->excl;
	}
}

static bool is_range_sep(const char *s, size_t len, size_t *used)
{
	if (len && (s[0] == '-' || s[0] == '~')) {
		*used = 1;
		return true;
	}
	static const char *const seps[] = {"至", "到", "—", "–", "－"};
	for (size_t k = 0; k < sizeof seps / sizeof *seps; k++)
		if (starts(s, len, seps[k])) {
			*used = strlen(seps[k]);
			return true;
		}
	return false;
}

/* The unit after a numeral, with 人(次) and 台(套) folded in. Returns the
 * bytes used (0 when there is no unit); *name is the normalised unit. */
static size_t read_unit(const char *t, size_t i, size_t hi, const unit_def **u,
			const char **name)
{
	size_t used, j = i;
	if (j < hi && t[j] == ' ')
		j++; /* 11 人: one space from PDF text */
	*u = match_unit(t + j, hi - j, &used);
	if (!*u)
		return 0;
	j += used;
	*name = (*u)->unit;
	/* 5个航次: 个 before a more specific classifier */
	if ((*u)->kind == Q_COUNT && strcmp((*u)->unit, "个") == 0) {
		const unit_def *v = match_unit(t + j, hi - j, &used);
		if (v && v->kind == Q_COUNT) {
			*u = v;
			*name = v->unit;
			j += used;
		}
	}
	/* 3000人(次) → 人次; 32.8万台(套) → 台套 */
	if (j + 5 <= hi && t[j] == '(' && t[j + 4] == ')' && (*u)->kind == Q_COUNT) {
		if (strcmp(*name, "人") == 0 && starts(t + j + 1, 3, "次"))
			*name = "人次";
		else if (strcmp(*name, "台") == 0 && starts(t + j + 1, 3, "套"))
			*name = "台套";
		if (*name != (*u)->unit)
			j += 5;
	}
	return j - i;
}

static bool value_of(const numeral *n, const unit_def *u, decimal *v)
{
	*v = n->value;
	return !u || u->shift == 0 || dec_shift(v, u->shift);
}

bool quantity_at(const char *t, size_t lo, size_t i, size_t hi, quantity *q)
{
	memset(q, 0, sizeof *q);
	q->qualifier = "exact";
	q->unit = "";
	q->magnitude = dec_int(1);
	if (i >= hi)
		return false;
	/* PM2.5, G20, 5G: letters and digits run together are names. */
	if (i > lo && (ascii_alnum(t[i - 1]) || t[i - 1] == '.'))
		return false;

	size_t start = i;
	numeral n;
	bool percent_prefix = false, permille_prefix = false;
	if (starts(t + i, hi - i, "百分之")) {
		percent_prefix = true;
		i += 9;
	} else if (starts(t + i, hi - i, "千分之")) {
		permille_prefix = true;
		i += 9;
	} else if (starts(t + i, hi - i, "翻") &&
		   (starts(t + i + 3, hi - i - 3, "一番") ||
		    starts(t + i + 3, hi - i - 3, "两番") ||
		    starts(t + i + 3, hi - i - 3, "番"))) {
		/* 翻一番 doubles, 翻两番 quadruples */
		bool two = starts(t + i + 3, hi - i - 3, "两番");
		q->start = starts(t + i + 3, hi - i - 3, "番") ? i : i + 3;
		q->end = i + 3 + (starts(t + i + 3, hi - i - 3, "番") ? 3 : 6);
		q->kind = Q_MULTIPLE;
		q->unit = "倍";
		q->value = dec_int(two ? 4 : 2);
		strcpy(q->num, two ? "4" : "2");
		return true;
	}
	if (!numeral_can_start(t + i, hi - i))
		return false;
	if (!numeral_parse(t + i, hi - i, &n))
		return false;
	/* PDF-spaced digits only count when a unit follows. */
	size_t after = i + n.len;
	q->start = start;
	q->value = n.value;
	memcpy(q->num, n.num, sizeof q->num);
	q->magnitude = n.magnitude;

	if (percent_prefix || permille_prefix) {
		q->kind = percent_prefix ? Q_PERCENT : Q_PERMILLE;
		q->unit = percent_prefix ? "%" : "‰";
		q->end = after;
		goto qualifiers;
	}

	/* X分之Y: a fraction */
	if (starts(t + after, hi - after, "分之")) {
		numeral den;
		size_t j = after + 6;
		if (j < hi && numeral_parse(t + j, hi - j, &den) &&
		    !dec_is_zero(n.value)) {
			decimal v = den.value;
			if (!dec_div(&v, n.value, 6))
				return false;
			q->kind = Q_RATIO;
			q->value = v;
			q->end = j + den.len;
			dec_format(v, q->num, sizeof q->num);
			q->magnitude = dec_int(1);
			return true;
		}
		return false;
	}
	/* 三成: tenths */
	if (starts(t + after, hi - after, "成") && !n.spaced) {
		decimal v = n.value;
		if (!dec_shift(&v, 1))
			return false;
		q->kind = Q_PERCENT;
		q->unit = "%";
		q->value = v;
		q->end = after + 3;
		goto qualifiers;
	}

	/* 10余个, 2800多亿元 (the latter already inside the numeral) */
	const cue *inner = NULL;
	if (starts(t + after, hi - after, "余") || starts(t + after, hi - after, "多")) {
		const unit_def *u;
		size_t used;
		if (match_unit(t + after + 3, hi - after - 3, &used) &&
		    (u = match_unit(t + after + 3, hi - after - 3, &used)) &&
		    u->kind != Q_DURATION) {
			inner = &suffix_cues[starts(t + after, hi - after, "余") ? 7 : 6];
			after += 3;
		}
	}

	const unit_def *u = NULL;
	const char *uname = "";
	size_t ul = read_unit(t, after, hi, &u, &uname);
	/* A range: 3-5亿元, 6.5%－7%, 5到7元, 1万-5万元 */
	size_t sep_used;
	size_t k = after + ul;
	if (is_range_sep(t + k, hi - k, &sep_used) && k + sep_used < hi &&
	    numeral_can_start(t + k + sep_used, hi - k - sep_used) && !inner) {
		numeral n2;
		size_t j = k + sep_used;
		if (numeral_parse(t + j, hi - j, &n2) && !n2.bare_one) {
			const unit_def *u2 = NULL;
			const char *uname2 = "";
			size_t ul2 = read_unit(t, j + n2.len, hi, &u2, &uname2);
			if (u2 && u2->kind == Q_DURATION)
				return false; /* 1-5月, 3-5年: periods */
			if (u2 && (!u || u->kind == u2->kind)) {
				decimal lo_v = n.value, hi_v = n2.value;
				/* 3-5亿: the magnitude written once serves both */
				if (dec_cmp(n.magnitude, dec_int(1)) == 0 &&
				    dec_cmp(n2.magnitude, dec_int(1)) > 0 && !n.chinese &&
				    !dec_mul(&lo_v, n2.magnitude))
					return false;
				if (!value_of(&n2, u2, &hi_v) ||
				    (u2->shift && !dec_shift(&lo_v, u2->shift)))
					return false;
				if (dec_cmp(lo_v, hi_v) < 0) {
					q->kind = u2->kind;
					q->unit = uname2;
					q->value = q->min = lo_v;
					q->max = hi_v;
					q->has_min = q->has_max = true;
					q->qualifier = "range";
					q->end = j + n2.len + ul2;
					goto done_unit;
				}
			}
		}
	}
	if (!u) {
		if (n.spaced || n.bare_one)
			return false;
		q->kind = Q_NUMBER;
		q->end = after;
		if (i > lo && ends_with(t, lo, i, "第"))
			q->kind = Q_ORDINAL;
		return true;
	}
	if (u->kind == Q_DURATION) {
		q->kind = Q_DURATION;
		q->end = after + ul;
		return true;
	}
	/* 一个机制, 一批, 一次性: 一 with a classifier is prose. */
	if (n.bare_one && u->kind == Q_COUNT)
		return false;
	if (!value_of(&n, u, &q->value))
		return false;
	q->kind = u->kind;
	q->unit = uname;
	q->end = after + ul;
done_unit:
	if (i > lo && ends_with(t, lo, i, "第")) {
		q->kind = Q_ORDINAL;
		return true;
	}
	if (inner)
		apply_bound(q, inner);
	if (n.approx_inside)
		apply_bound(q, &suffix_cues[6]);

qualifiers:
	/* Prefix words: 约 近 超过 不低于 … */
	for (size_t c = 0; c < sizeof prefix_cues / sizeof *prefix_cues; c++)
		if (ends_with(t, lo, start, prefix_cues[c].word)) {
			apply_bound(q, &prefix_cues[c]);
			break;
		}
	/* Suffix words: 以上 以下 以内 左右 */
	for (size_t c = 0; c < 6; c++)
		if (starts(t + q->end, hi - q->end, suffix_cues[c].word)) {
			apply_bound(q, &suffix_cues[c]);
			break;
		}
	return true;
}
