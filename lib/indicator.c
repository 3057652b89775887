#include "indicator.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "numeral.h"
#include "swar.h"
#include "utf8.h"
#include "wordindex.h"

/* Does a sentence end at t[i]: 。, or ; ! ? (the view has folded ；！？
 * to ASCII)? *len is its length. */
static bool is_sentence_end(const char *t, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)t[i];
	if (c == ';' || c == '!' || c == '?') {
		*len = 1;
		return true;
	}
	if (c == 0xE3 && (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0x82) {
		*len = 3;
		return true;
	}
	return false;
}

/* Last position in [a, b) where word occurs, or (size_t)-1. Its last and
 * first bytes are compared before the rest: they rule out nearly every
 * position without a call. */
static size_t last_of(const char *t, size_t a, size_t b, const char *word)
{
	size_t n = strlen(word);
	if (b < a + n)
		return (size_t)-1;
	char first = word[0], last = word[n - 1];
	for (size_t k = b - n + 1; k-- > a;)
		if (t[k + n - 1] == last && t[k] == first && memcmp(t + k, word, n) == 0)
			return k;
	return (size_t)-1;
}

static const char *const target_cues[] = {
	"力争", "争取", "确保", "力求", "目标", "预期", "拟", "将达到", "要达到",
	"计划完成", "计划新增", "计划投资", "计划建设", "计划安排", "计划增长",
	"计划增加", "计划为", "计划规定", "计划要求", "计划草案", "预算安排",
	"安排预算", "预算", "努力实现", "今年要", "今年安排", "明年", "指标为", "指标是",
	"争创", "力爭", "爭取", "確保", "努力做到", "到本世纪末", NULL};
static const char *const estimate_cues[] = {"预计", "初步测算", "預計", NULL};
/* Words that put a figure in the past. 完成 is not one: in a plan,
 * 完成绿化130万平方米 is work still to do. */
static const char *const actual_cues[] = {
	"累计", "共计", "获批", "已", "实现了", "达到了", "增加了", "提高了",
	"增长了", "下降了", "完成了", "上年", "去年", "过去", "以来", "期间",
	"执行数", "决算", "实际", "累計", "共計", NULL};

/* The words looked for behind a figure, in the text of its clause or
 * sentence (see seen_in). */
enum {
	W_AN, W_GIVE, W_AN_NOT_BELOW, W_REWARD, W_EACH, W_SHARE, W_WEIGHT,
	W_AMONG, W_YOY, W_MOM, W_THAN_LAST_YEAR, W_VS_LAST_YEAR,
	W_THAN_PAST_YEAR, W_THAN_YEAR_START, W_ANNUAL_AVG, W_AVG_EACH_YEAR,
	W_NOW_HAVE, W_AT_PRESENT, W_STILL_HAVE, W_NOW_STAND, N_TRACKED
};
static const char *const tracked[N_TRACKED] = {
	"按", "给予", "按不低于", "奖励", "每", "占", "比重", "其中", "同比",
	"环比", "比上年", "较上年", "比去年", "比年初", "年均", "平均每年",
	"现有", "目前", "尚有", "现存"};
_Static_assert(N_TRACKED <= sizeof ((figure_context *)0)->word_at /
				   sizeof *((figure_context *)0)->word_at,
	       "figure_context.word_at holds every tracked word");

/* Does tracked word w begin at or after a and end by b? The same as a
 * backward search of [a, b) as long as b is where the context was
 * advanced to: the last occurrence is the one to test. */
static bool seen_in(const figure_context *ctx, int w, size_t a, size_t b)
{
	size_t at = ctx->word_at[w];
	return at != NO_CUE && at >= a && at + strlen(tracked[w]) <= b;
}

/* Is the figure a threshold in a rule? …500万元以上的, 给予; 超10亿元的企业;
 * 30万千瓦以下煤电机组; 给予一次性50万元奖励; 按不低于80%比例; 每50公斤提高5元. */
/* 第二个, 第3个 in t[from, to): the place of one thing in a series. */
static bool nth_one_before(const char *t, size_t from, size_t to)
{
	for (size_t d = last_of(t, from, to, "第"); d != (size_t)-1 && d + 3 < to;) {
		size_t k = d + 3, used;
		while (k < to && ((t[k] >= '0' && t[k] <= '9') ||
				  (k + 3 <= to && numeral_cn_digit(t + k, 3, &used) >= 0)))
			k += t[k] >= '0' && t[k] <= '9' ? 1 : 3;
		return k > d + 3 && starts(t + k, to - k, "个");
	}
	return false;
}

/* A bounded figure before 的 sets the bound of a class, a rule's
 * threshold: 销售收入超10亿元的龙头企业, 20万人口以上的县, 占比超过10%的有
 * 44种. But not always, for the figure at q whose 的 ends before at:
 * - an approximation describes a thing: 13亿多人口的大国, 总投资近2000亿元
 *   的项目;
 * - a share of the noun after it counts part of that noun: 超过85%的统筹
 *   地区开展了门诊, 覆盖80%以上的大城市 (but 超过10%的有44种 classifies);
 * - 的情况下 gives the circumstances: 在能源增长不到3%的情况下;
 * - after 有 it says how many there are: 有一百万以上的干部. */
static bool description(const char *t, const quantity *q, size_t at, size_t ve)
{
	static const char *const approx[] = {"多", "余", "近", "将近", "接近"};
	for (size_t k = 0; q->cue && k < sizeof approx / sizeof *approx; k++)
		if (str_is(q->cue, approx[k]))
			return true;
	/* 有一百万以上的干部: how many there are; 45万人以上的目标: the goal
	 * itself; 超过60万亿元的高基数: a level */
	if (ends_with(t, 0, q->start, "有") || starts(t + at, ve - at, "目标") ||
	    starts(t + at, ve - at, "任务") || starts(t + at, ve - at, "高基数") ||
	    starts(t + at, ve - at, "基数"))
		return true;
	/* 首个经济总量超过3万亿元的城市, 第二个…突破3万亿元的城市: one thing,
	 * the first (or second) to pass it */
	size_t from = q->start > 36 ? q->start - 36 : 0;
	if (last_of(t, from, q->start, "首个") != (size_t)-1 ||
	    last_of(t, from, q->start, "唯一") != (size_t)-1 ||
	    nth_one_before(t, q->start > 60 ? q->start - 60 : 0, q->start))
		return true;
	if (starts(t + at, ve - at, "情况"))
		return true;
	/* (开展不低于5次的社区法治宣传活动: a count of the events the goal
	 * itself sets, not a class of them) */
	static const char *const events[] = {"活动", "培训", "宣传", "演练", "检查", "讲座",
					     "会议", "督查"};
	enum { N_EVENTS = sizeof events / sizeof *events };
	if (q->kind == Q_COUNT)
		for (size_t k = at; k < ve && k <= at + 24 && (unsigned char)t[k] >= 0x80; k += 3)
			if (starts_any(t + k, ve - k, events, N_EVENTS) < N_EVENTS)
				return true;
	if (q->kind != Q_PERCENT || at + 3 > ve)
		return false;
	unsigned char c = (unsigned char)t[at];
	if (c < 0xE4 || c > 0xE9 || starts(t + at, 3, "有") || starts(t + at, 3, "是") ||
	    starts(t + at, 3, "占") || starts(t + at, 3, "为"))
		return false;
	/* 增长20%以上的企业, 占比超过10%的: a rate of each member is a bound */
	size_t b = q->start;
	if (q->cue && ends_with(t, 0, b, q->cue))
		b -= strlen(q->cue);
	static const char *const rates[] = {"增长", "下降", "提高", "降低", "增加", "减少",
					    "占比", "比重", "比例", "率", "增速", "增幅", "占"};
	enum { N_RATES = sizeof rates / sizeof *rates };
	return ends_any(t, 0, b, rates, N_RATES) == N_RATES;
}

/* 平均每年340亿元, 平均每年增加156亿元: the 每 of an average (or of a sum
 * a year) is no rate that a rule sets (每人每年补助120元); fig is where the
 * figure begins. A price per amount still is one, averaged or not:
 * 最低收购价平均每50公斤提高7.4元. */
static bool average_each(const char *t, const figure_context *ctx, size_t clause, size_t fig)
{
	static const char *const grants[] = {"补助", "补贴", "奖励", "资助", "给予"};
	size_t at = ctx->word_at[W_EACH];
	char next = t[at + 3];
	/* (农民每人平均从集体分得的收入…增加了10.5元: an average per head) */
	if (starts(t + at + 6, 6, "平均") && (unsigned char)next >= 0xE4)
		return true;
	/* (每年发行国库券40亿元: a sum a year, where no rule per head comes
	 * first, as in 每人每年补助1000元, and no grant follows: 每年对农村大岛
	 * 中心小学补助教研费3万元 is a rule) */
	if (starts(t + at + 3, 3, "年") && last_of(t, clause, at, "每") == (size_t)-1) {
		size_t k = 0;
		while (k < sizeof grants / sizeof *grants && last_of(t, at, fig, grants[k]) == (size_t)-1)
			k++;
		if (k == sizeof grants / sizeof *grants)
			return true;
	}
	if ((ends_with(t, clause, at, "平均") || ends_with(t, clause, at, "年均")) &&
	    !(next >= '0' && next <= '9'))
		return true;
	/* (职工年平均工资是每人446元, 每人每月的平均开支只需要五元, 人均纯收入达到
	 * 每人1200元: an average stated, where no grant or standard is named) */
	if (next >= '0' && next <= '9')
		return false; /* (a price per amount: 平均每50公斤) */
	if (last_of(t, clause, fig, "平均") == (size_t)-1 &&
	    last_of(t, clause, fig, "人均") == (size_t)-1)
		return false;
	if (last_of(t, clause, fig, "标准") != (size_t)-1)
		return false;
	for (size_t k = 0; k < sizeof grants / sizeof *grants; k++)
		if (last_of(t, clause, fig, grants[k]) != (size_t)-1)
			return false;
	return true;
}

/* Is the figure at t[at] the amount of a standard: 补助标准由240元提高到
 * 450元, 保障标准从796元/月提高至842元/月, 标准为每人200元? 标准 must be the
 * subject (not 标准化, 标准煤, 高标准农田), with at most the words of a
 * change between it and the figure. */
/* Is t[a, b) a few Han characters, the noun a standard is reckoned by
 * (人均, 每人每年, 月销售额)? */
static bool reckoned_by(const char *t, size_t a, size_t b)
{
	if (b - a > 12)
		return false;
	for (size_t i = a; i < b; i += 3)
		if (b - i < 3 || (unsigned char)t[i] < 0xE4 || (unsigned char)t[i] > 0xE9)
			return false;
	return true;
}

/* Is the character at s one of those a standard is reckoned per (人, 均,
 * 月, 年, 日, 每, 平: 月人均, 每人每年, 平均)? */
static bool per_unit_char(const char *s)
{
	static const char *const per[] = {"人", "均", "月", "年", "日", "每", "平"};
	for (size_t k = 0; k < sizeof per / sizeof *per; k++)
		if (memcmp(s, per[k], 3) == 0)
			return true;
	return false;
}

/* Past 分别, 从 or 由 and a year (2020年的) from i, before at: where the
 * amount would begin. */
static size_t skip_year_of(const char *t, size_t i, size_t at)
{
	static const char *const words[] = {"分别", "从", "由"};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (starts(t + i, at - i, words[k]))
			i += strlen(words[k]);
	size_t d = i;
	while (d < at && t[d] >= '0' && t[d] <= '9')
		d++;
	if (d - i == 4 && starts(t + d, at - d, "年")) {
		i = d + 3;
		if (starts(t + i, at - i, "的"))
			i += 3;
	}
	return i;
}

/* Where a year that ends at at (2025年的, 2025年) begins, after i; at if
 * none. */
static size_t year_before(const char *t, size_t i, size_t at)
{
	size_t e = ends_with(t, i, at, "的") ? at - 3 : at;
	if (!ends_with(t, i, e, "年") || e < i + 7)
		return at;
	size_t d = e - 3;
	for (size_t k = 0; k < 4; k++)
		if (!(t[d - 1 - k] >= '0' && t[d - 1 - k] <= '9'))
			return at;
	return d - 4;
}

static bool money_standard(const char *t, size_t clause, size_t at)
{
	/* (the longer words first: the first that matches is taken) */
	static const char *const links[] = {"分别提高到", "分别提高至", "分别为", "提高到", "提高至",
					    "增加到", "增加至", "调整为", "调整到", "达到",
					    "分别再提高", "分别再增加", "分别提高", "分别增加",
					    "再提高", "再增加", "提高", "增加", "上调",
					    "为", "由", "从"};
	enum { N = sizeof links / sizeof *links };
	/* 标准, and the threshold of a tax (起征点), as the last word of
	 * the two before the figure */
	size_t j = last_of(t, clause, at, "标准"), jl = 6;
	size_t z = last_of(t, clause, at, "起征点");
	if (z != (size_t)-1 && (j == (size_t)-1 || z > j)) {
		j = z;
		jl = 9;
	}
	/* (twenty characters; or forty within its clause, for the end of a
	 * change: 从2020年的645元/月、4318元/年提高到2025年的801元/月) */
	if (j == (size_t)-1 || j + jl + 120 < at ||
	    (j + jl + 60 < at && memchr(t + j, ',', at - j)))
		return false;
	size_t i = j + jl;
	if (i == at)
		return true;
	/* (平均标准分别从2020年的645元/月、4318元/年提高到2025年的1000元/月:
	 * the year of an amount stands before it) */
	size_t e = skip_year_of(t, i, at);
	if (e == at)
		return true;
	if (e > i && t[e] >= '0' && t[e] <= '9')
		i = e; /* (the first amount stands there: 645元/月 of 2020) */
	size_t k = starts_any(t + i, at - i, links, N);
	/* (低保标准月人均分别提高221元: per whom and per when a standard is
	 * reckoned may stand before the link) */
	for (size_t r = i; k == N && r + 3 <= at && r < i + 15 && per_unit_char(t + r); r += 3)
		if ((k = starts_any(t + r + 3, at - r - 3, links, N)) < N)
			i = r + 3;
	/* (低保标准从年标准1680元提高到2760元: the standard's first amount
	 * right after it, then its change to the figure) */
	bool amount_first = k == N && i < at && t[i] >= '0' && t[i] <= '9';
	if (k == N && !amount_first)
		return false;
	if (!amount_first)
		i += strlen(links[k]);
	if (i == at || reckoned_by(t, i, at))
		return true;
	/* (由240元提高到, 分别提高到798元和: before the next figure of the
	 * change or the list) */
	static const char *const next[] = {"提高到", "提高至", "增加到", "增至", "调整为", "调整到",
					   "和", "、", "及"};
	enum { N_NEXT = sizeof next / sizeof *next };
	size_t b = year_before(t, i, at);
	return memchr(t + i, ',', at - i) == NULL && ends_any(t, i, b, next, N_NEXT) < N_NEXT;
}

static bool is_policy(const char *t, const quantity *q, const figure_context *ctx,
		      size_t clause, const char **cue)
{
	size_t tail = quantity_bound_after(t, q->end, ctx->ve);
	size_t a = q->end + tail;
	bool bounded_tail = tail > 0;
	bool bounded = bounded_tail || str_is(q->qualifier, "min") ||
		       str_is(q->qualifier, "max");
	if (starts(t + a, ctx->ve - a, "的") && bounded && !description(t, q, a + 3, ctx->ve)) {
		*cue = "的";
		return true;
	}
	/* 30万千瓦以下煤电机组: a bound on an amount that qualifies the noun
	 * after it (10个以上剧目 counts the noun; 90%以上在 is a verb phrase) */
	/* (but 节约能源一千万吨以上标准煤: the rest of the unit, 吨标准煤) */
	static const char *const unit_rest[] = {"标准煤", "标煤", "油当量"};
	enum { N_UNIT_REST = sizeof unit_rest / sizeof *unit_rest };
	if (bounded_tail && (q->kind == Q_QUANTITY || q->kind == Q_MONEY) &&
	    a + 3 <= ctx->ve && (unsigned char)t[a] >= 0xE4 &&
	    (unsigned char)t[a] <= 0xE9 && !starts(t + a, 3, "的") &&
	    starts_any(t + a, ctx->ve - a, unit_rest, N_UNIT_REST) == N_UNIT_REST) {
		*cue = "以上";
		return true;
	}
	/* 人均财政补助标准由240元提高到450元, 低保月均标准分别提高到798元: a
	 * standard of money is a rate a rule sets */
	if (q->kind == Q_MONEY && money_standard(t, clause, q->start)) {
		*cue = "标准";
		return true;
	}
	/* 按投资额的10%给予补助: 按 before, 给予 right after; and 购置税按7.5%
	 * 征收, 按（3/4）法定工作日计算: the rate or share a rule reckons by */
	size_t after_end = q->end + 24 < ctx->ve ? q->end + 24 : ctx->ve;
	if (seen_in(ctx, W_AN, clause, q->start) &&
	    last_of(t, q->end, after_end, "给予") != (size_t)-1) {
		*cue = "按";
		return true;
	}
	static const char *const reckon[] = {"征收", "计征", "计算", "缴纳", "收取", "计提",
					     "的比例", "比例"};
	enum { N_RECKON = sizeof reckon / sizeof *reckon };
	if (q->kind != Q_MONEY && seen_in(ctx, W_AN, clause, q->start) &&
	    ctx->word_at[W_AN] + 9 >= q->start) {
		/* (the verb may follow what is reckoned: 1/8法定工作日计算) */
		size_t r_end = q->end + 21 < ctx->ve ? q->end + 21 : ctx->ve;
		for (size_t r = q->end; r < r_end && t[r] != ',' && t[r] != ';'; r++)
			if (starts_any(t + r, ctx->ve - r, reckon, N_RECKON) < N_RECKON) {
				*cue = "按";
				return true;
			}
	}
	/* 专门执法机构不得低于在册人数的90%: a bound a rule imposes; 15%所得税
	 * 优惠, 现行16%的税率降至13%: tax rates */
	if (q->cue && (str_is(q->cue, "不得低于") || str_is(q->cue, "不得少于") ||
		       str_is(q->cue, "不得超过"))) {
		*cue = q->cue;
		return true;
	}
	if (q->kind == Q_PERCENT && (starts(t + q->end, ctx->ve - q->end, "所得税") ||
				     starts(t + q->end, ctx->ve - q->end, "税率") ||
				     starts(t + q->end, ctx->ve - q->end, "的税率") ||
				     last_of(t, q->start > clause + 30 ? q->start - 30 : clause,
					     q->start, "税率") != (size_t)-1)) {
		*cue = "税率";
		return true;
	}
	/* 给予一次性奖补，最高500万元: the cap of an award, in the clause after
	 * it */
	if ((q->kind == Q_MONEY || q->kind == Q_PERCENT) &&
	    (ends_with(t, clause, q->start, "最高") || ends_with(t, clause, q->start, "最多")) &&
	    (seen_in(ctx, W_GIVE, ctx->sentence, q->start) ||
	     seen_in(ctx, W_REWARD, ctx->sentence, q->start))) {
		*cue = "最高";
		return true;
	}
	static const int rule_words[] = {W_GIVE, W_AN_NOT_BELOW, W_REWARD, W_EACH};
	for (size_t k = 0; k < sizeof rule_words / sizeof *rule_words; k++) {
		int w = rule_words[k];
		if (!seen_in(ctx, w, clause, q->start) ||
		    (w == W_EACH && (q->kind != Q_MONEY || average_each(t, ctx, clause, q->start))))
			continue;
		/* 一次性奖励4万元32例: who got the award is counted, not set */
		if ((w == W_GIVE || w == W_REWARD) && q->kind == Q_COUNT)
			continue;
		*cue = tracked[w];
		return true;
	}
	return false;
}

static const struct period_word {
	const char *word;
	int delta;
	const char *suffix;
	int span; /* years of a span: -5 the five before, 5 the five after */
	bool either_way; /* a span back in a review, ahead in a plan: 五年内 */
	int months; /* the months from January a sum covers: 9 for 前三季度 */
} period_words[] = {/* 今年上半年 is the speaker's year, not the one under review */
		    {"前三季度", 0, "", 0, false, 9}, {"前两季度", 0, "-H1"},
		    {"今年上半年", 0, "-H1"}, {"今年下半年", 0, "-H2"},
		    {"今年一季度", 0, "-Q1"}, {"今年二季度", 0, "-Q2"},
		    {"今年三季度", 0, "-Q3"}, {"今年四季度", 0, "-Q4"},
		    {"去年上半年", -1, "-H1"}, {"去年下半年", -1, "-H2"},
		    {"上半年", 0, "-H1"}, {"下半年", 0, "-H2"}, {"一季度", 0, "-Q1"},
		    {"二季度", 0, "-Q2"}, {"三季度", 0, "-Q3"}, {"四季度", 0, "-Q4"},
		    {"去年", -1, ""},     {"上年", -1, ""},     {"明年", 1, ""},
		    {"全年", 0, ""},      {"今年", 0, ""},     {"本年", 0, ""},
		    {"年末", 0, ""},      {"年底", 0, ""},
		    /* the spans most written, the longest first where one holds
		     * another (今后十五年, 过去五年 before 五年中) */
		    {"今后十五年", 0, "", 15}, {"过去的五年", 0, "", -5}, {"过去五年", 0, "", -5},
		    {"今后五年", 0, "", 5},    {"未来五年", 0, "", 5},     {"今后三年", 0, "", 3},
		    {"五年来", 0, "", -5},     {"这五年", 0, "", -5},      {"五年中", 0, "", -5},
		    {"五年间", 0, "", -5},     {"十年来", 0, "", -10},     {"三年来", 0, "", -3},
		    {"两年来", 0, "", -2},     {"近两年", 0, "", -2},      {"近三年", 0, "", -3},
		    /* the years counted, as a plan and its review count them:
		     * 五年累计使用外资, 五年内增加制糖能力 */
		    {"五年内", 0, "", 5, true},  {"五年累计", 0, "", 5, true}, {"五年共", 0, "", 5, true},
		    {"五年合计", 0, "", 5, true}, {"五年新增", 0, "", 5, true}, {"五年建成", 0, "", 5, true},
		    {"五年增加", 0, "", 5, true}, {"三年内", 0, "", 3, true},  {"三年累计", 0, "", 3, true},
		    {"十年内", 0, "", 10, true}, {"两年内", 0, "", 2, true},
		    /* and a count of years alone, where it opens a clause or a
		     * verb follows it (count_opens): 五年全国财政教育支出累计…,
		     * 余额五年增长1倍多 */
		    {"三年", 0, "", 3, true},   {"五年", 0, "", 5, true},   {"十年", 0, "", 10, true}};

/* The index of 全年 in period_words. */
static int whole_year(void)
{
	int k = 0;
	while (strcmp(period_words[k].word, "全年") != 0)
		k++;
	return k;
}

void indicator_mark_words(rpt_parser *p)
{
	static const char *const words[] = {"计划", "完成"};
	parser_mark_words(p, words, 2, BEGINS_CUE);
	for (size_t k = 0; k < sizeof period_words / sizeof *period_words; k++)
		parser_mark_words(p, &period_words[k].word, 1, BEGINS_CUE);
	const char *const *lists[] = {target_cues, estimate_cues, actual_cues};
	for (size_t l = 0; l < 3; l++)
		for (size_t k = 0; lists[l][k]; k++)
			parser_mark_words(p, &lists[l][k], 1, BEGINS_CUE);
	parser_mark_words(p, tracked, N_TRACKED, BEGINS_CUE);
}

/* Every word the cue pass looks for, by its first character. Id l * 56 + k
 * is word k of list l, so that the first word of a list found at a place
 * is still the one the list prefers. */
enum { L_PERIOD, L_TARGET, L_PLAN, L_ESTIMATE, L_ACTUAL, L_DONE, L_TRACKED, N_LISTS };
enum { LIST_MAX = 56, CUE_IDS = N_LISTS * LIST_MAX };
_Static_assert(CUE_IDS <= WORD_INDEX_MAX, "the cue index holds every word");
_Static_assert(sizeof period_words / sizeof *period_words <= LIST_MAX &&
		       sizeof target_cues / sizeof *target_cues <= LIST_MAX &&
		       sizeof actual_cues / sizeof *actual_cues <= LIST_MAX &&
		       (size_t)N_TRACKED <= LIST_MAX,
	       "every cue list fits its ids");
static word_index cue_index;
static pthread_once_t cue_index_once = PTHREAD_ONCE_INIT;

static size_t list_size(size_t list)
{
	switch (list) {
	case L_PERIOD: return sizeof period_words / sizeof *period_words;
	case L_TARGET: return sizeof target_cues / sizeof *target_cues - 1;
	case L_ESTIMATE: return sizeof estimate_cues / sizeof *estimate_cues - 1;
	case L_ACTUAL: return sizeof actual_cues / sizeof *actual_cues - 1;
	case L_TRACKED: return N_TRACKED;
	default: return 1;
	}
}

static const char *cue_word(size_t id)
{
	size_t list = id / LIST_MAX, k = id % LIST_MAX;
	if (k >= list_size(list))
		return NULL;
	switch (list) {
	case L_PERIOD: return period_words[k].word;
	case L_TARGET: return target_cues[k];
	case L_PLAN: return "计划";
	case L_ESTIMATE: return estimate_cues[k];
	case L_ACTUAL: return actual_cues[k];
	case L_DONE: return "完成";
	default: return tracked[k];
	}
}

/* cue_word() of every id, kept when the index is built: the cue pass
 * looks a word up for each candidate. */
static const char *cue_words[CUE_IDS];

static void build_cue_index(void)
{
	word_index_build(&cue_index, CUE_IDS, cue_word);
	for (size_t id = 0; id < CUE_IDS; id++)
		cue_words[id] = cue_word(id);
}

/* 过去的一年，…; 五年来，…: a paragraph that opens by looking back
 * reports results, also in a section about the year ahead. */
bool figure_looks_back(const char *t, size_t vs, size_t ve, int doc_year)
{
	static const char *const openers[] = {"过去的一年", "过去一年", "一年来", "过去五年",
					      "过去的五年", "五年来", "刚刚过去的", "回顾过去",
					      "在过去一年", "在过去的一年"};
	enum { N = sizeof openers / sizeof *openers };
	if (starts_any(t + vs, ve - vs, openers, N) < N)
		return true;
	/* (“十四五”时期，上海发展历程极不寻常 in the report of 2026: a plan
	 * whose years are over) */
	size_t used;
	int n = quoted_plan_at(t + vs, ve - vs, &used);
	size_t k = vs + used;
	if (!n || !doc_year || plan_first_year(n) + 4 >= doc_year ||
	    !(starts(t + k, ve - k, "时期") || starts(t + k, ve - k, "期间")))
		return false;
	k += 6;
	return k < ve && t[k] == ','; /* (the frame of the sentence, not 时期的) */
}

void figure_context_init(figure_context *ctx, size_t vs, size_t ve)
{
	ctx->period_word = ctx->count_word = ctx->base_word = ctx->first_word = -1;
	ctx->period_end = ctx->base_end = 0;
	ctx->base_figure_end = ctx->change_from_end = ctx->part_sentence = NO_CUE;
	ctx->date_figure_end = NO_CUE;
	ctx->vs = vs;
	ctx->ve = ve;
	ctx->cue_pos = ctx->sentence = ctx->period_sentence = vs;
	ctx->target_at = ctx->estimate_at = ctx->actual_at = ctx->done_at = NO_CUE;
	for (size_t w = 0; w < N_TRACKED; w++)
		ctx->word_at[w] = NO_CUE;
}

/* 货运量计划完成105%, 计划完成百分之一百零五: the share of a plan
 * fulfilled, a result. Is that what the 计划 at p opens? */
static bool plan_fulfilled(const char *t, size_t p, size_t end)
{
	size_t k = p + 6;
	if (!starts(t + p, end - p, "计划") || !starts(t + k, end - k, "完成"))
		return false;
	k += 6;
	size_t from = k;
	while (k < end && ((t[k] >= '0' && t[k] <= '9') || t[k] == '.'))
		k++;
	return (k > from && k < end && t[k] == '%') || starts(t + from, end - from, "百分之");
}

/* Does a verb of what is planned follow the 计划 at t[p]: 消费水平计划提高
 * 百分之二十二, 今后八年计划建设的一百二十个大型项目, 总产值计划比上年增长6%,
 * 投资总额计划控制在500亿元? */
static bool plan_verb_after(const char *t, size_t lo, size_t p, size_t end)
{
	static const char *const verbs[] = {"提高", "增长", "增加", "达到", "新建", "建设",
					    "安排", "投资", "完成", "实现", "降低", "减少",
					    "比上年", "比去年", "控制在", "新增", "播种", "种植",
					    "生产"};
	/* (and verbs of building, right before the figure: 项目计划新开工6892套;
	 * 285个计划新开工项目全部开工 names the projects) */
	static const char *const building[] = {"新开工", "开工", "基本建成", "建成", "改造"};
	enum { N = sizeof verbs / sizeof *verbs, N_BUILDING = sizeof building / sizeof *building };
	size_t i = p + 6;
	size_t b = starts_any(t + i, end - i, building, N_BUILDING);
	if (b < N_BUILDING) {
		size_t f = i + strlen(building[b]);
		/* (the text is read up to the figure: it may start at end) */
		if (f > end || (f < end && !(t[f] >= '0' && t[f] <= '9') &&
				!numeral_can_start(t + f, end - f)))
			return false;
	} else if (starts_any(t + i, end - i, verbs, N) == N) {
		return false;
	}
	/* (not a plan that is the base, 比原计划增加了十分之一, 比年度计划增加了2%,
	 * nor 有计划建设, building in a planned way, nor 按计划完成, as planned) */
	size_t from = p >= lo + 12 ? p - 12 : lo;
	return !ends_with(t, lo, p, "有") && !ends_with(t, lo, p, "按") &&
	       !ends_with(t, lo, p, "按照") &&
	       last_of(t, from, p, "比") == (size_t)-1 &&
	       last_of(t, from, p, "较") == (size_t)-1 &&
	       last_of(t, from, p, "較") == (size_t)-1;
}

/* Does a clause begin at p (start of sentence, or after ，：)? */
static bool clause_begins(const char *t, size_t sentence, size_t p)
{
	if (p <= sentence)
		return true;
	return t[p - 1] == ',' || t[p - 1] == ':' || t[p - 1] == ' ' ||
	       (p >= 3 && memcmp(t + p - 3, "、", 3) == 0);
}

/* Does a decision follow the 已 before i: 已经决定, 已决定, 已确定, 已提出,
 * 已部署? */
static bool decision_after(const char *t, size_t i, size_t end)
{
	static const char *const decisions[] = {"经决定", "决定", "确定", "经确定", "提出",
						"部署"};
	enum { N = sizeof decisions / sizeof *decisions };
	return starts_any(t + i, end - i, decisions, N) < N;
}

/* Is the actual cue at p (of n bytes) the base of a comparison: 比上年
 * 增长6%, 比2023年预算执行数增加8.57%, 与上年支出数相比增长0%? Then the
 * past is what a figure is measured from, not what it is: the growth of a
 * target is a target, so the cue is not one. 比 or 较 stands in the cue's
 * clause at most 24 bytes before it (比2023年预算); 与 or 同 needs 相比
 * within ten characters after the cue (before end). */
static bool comparison_base(const char *t, size_t sentence, size_t p, size_t n, size_t end)
{
	size_t from = p >= sentence + 24 ? p - 24 : sentence;
	for (size_t k = p; k >= from + 3; k--) {
		char c = t[k - 1];
		if (c == ',' || c == ';' || c == ':')
			return false;
		/* a whole character's bytes match only at its start */
		const char *w = t + k - 3;
		/* (比重由上年的3.3%上升到4.1%: the 比 of 比重, 比例 is no
		 * comparison) */
		bool ratio_word = starts(w, 3, "比") && k + 3 <= p &&
				  (starts(t + k, 3, "重") || starts(t + k, 3, "例") ||
				   starts(t + k, 3, "率"));
		if ((starts(w, 3, "比") && !ratio_word) || starts(w, 3, "较") ||
		    starts(w, 3, "較"))
			return true;
		/* (与上年相比, 与去年基本持平, 同上年相当: 与 needs the word
		 * that makes it a comparison, within its clause) */
		if (starts(w, 3, "与") || starts(w, 3, "與") || starts(w, 3, "同")) {
			size_t e = p + n + 30 < end ? p + n + 30 : end;
			for (size_t q = p + n; q < e; q++)
				if (t[q] == ',' || t[q] == ';' || t[q] == ':')
					e = q;
			return p + n < e && (last_of(t, p + n, e, "相比") != (size_t)-1 ||
					     last_of(t, p + n, e, "持平") != (size_t)-1 ||
					     last_of(t, p + n, e, "相当") != (size_t)-1);
		}
	}
	return false;
}

/* Is the 预算 at p part of a name rather than a plan: one of the budget
 * accounts (一般公共预算收入完成520亿元, 公共财政预算, 政府性基金预算,
 * 国有资本经营预算, 社会保险基金预算), a kind of funds (预算内, 预算外,
 * 中央预算投资, 省级预算, 预算稳定调节基金), or a unit, task or stage
 * (预算单位, 预算部门, 预算管理, 预算绩效, 预算执行, 预算编制)? */
static bool budget_name(const char *t, size_t vs, size_t p, size_t ve)
{
	static const char *const before[] = {"公共", "财政", "基金", "经营", "一般", "零基",
					     "中央", "省级", "市级", "县级", "区级", "本级"};
	static const char *const after[] = {"内", "外", "单位", "部门", "管理", "绩效",
					    "执行", "编制", "改革", "审", "制度", "投资",
					    "稳定调节"};
	enum { N_BEFORE = sizeof before / sizeof *before, N_AFTER = sizeof after / sizeof *after };
	return ends_any(t, vs, p, before, N_BEFORE) < N_BEFORE ||
	       starts_any(t + p + 6, ve - p - 6, after, N_AFTER) < N_AFTER;
}

/* 计划生育, 计划经济, 计划单列: names, not a plan (计划 at p). */
static bool plan_name(const char *t, size_t p, size_t ve)
{
	static const char *const after[] = {"生育", "经济", "单列"};
	enum { N = sizeof after / sizeof *after };
	return starts_any(t + p + 6, ve - p - 6, after, N) < N;
}

/* Is the target word w found at p a cue here? Five of them are often
 * something else:
 * - 计划… against which something is measured (比计划增长, 超计划完成);
 * - 预算 in a name (budget_name), or as the base of a ratio: 完成预算的
 *   98.2%, 占预算数的96.99% are shares of a budget, done;
 * - 预期 as "expectations": 稳预期, 好于预期, 超预期; 预期性指标 names a
 *   kind of indicator;
 * - 目标 as the base of a goal met (完成目标任务的117%);
 * - 争取 in an account of the past: 争取到…资金100万元 (obtained, where
 *   争取到2025年 is "by 2025"), and in a review section, 争取中央预算内
 *   投资140.3亿元. */
/* Does the cue word at t[p] qualify the base of a comparison, not the
 * figure: 比上年预算增加5038亿元, 比1980年预计增长5.5%? The base is a year
 * or a period word after 比, 较, 同 or 与. */
static bool cue_of_base(const char *t, size_t lo, size_t p)
{
	/* (比年度预算超收7239亿元, 同原来的预算相比: the budget as it was) */
	static const char *const bases[] = {"上年同期", "上年", "去年同期", "去年", "年初", "同期",
					    "年度", "原来", "原"};
	static const char *const compare[] = {"比", "较", "較", "同", "与", "與"};
	enum { N_BASES = sizeof bases / sizeof *bases, N_COMPARE = sizeof compare / sizeof *compare };
	size_t e = ends_with(t, lo, p, "的") ? p - 3 : p;
	size_t k = ends_any(t, lo, e, bases, N_BASES);
	size_t b = (size_t)-1;
	if (k < N_BASES) {
		b = e - strlen(bases[k]);
	} else if (ends_with(t, lo, e, "年")) {
		/* a year, in digits or in Chinese ones: 比1980年, 同一九五二年 */
		size_t y = e - 3, n = 0, used;
		while (n < 4 && y > lo) {
			if (t[y - 1] >= '0' && t[y - 1] <= '9') {
				y--;
			} else if (y >= lo + 3 && numeral_cn_digit(t + y - 3, 3, &used) >= 0) {
				y -= 3;
			} else {
				break;
			}
			n++;
		}
		if (n == 4)
			b = y;
	}
	return b != (size_t)-1 && ends_any(t, lo, b, compare, N_COMPARE) < N_COMPARE;
}

static bool target_cue_here(const figure_context *ctx, const char *t, size_t p, const char *w)
{
	size_t vs = ctx->vs, ve = ctx->ve, end = p + strlen(w);
	if (str_is(w, "预算")) {
		/* (比上年预算增加5038亿元: last year's budget is the base; but
		 * 比一九五八年计划增长 is the plan, a verb) */
		if (cue_of_base(t, ctx->sentence, p))
			return false;
		/* (完成年初预算的98.20%, 完成调整预算的97.5%, 为年度预算的:
		 * the budget of the year's start, as adjusted, of the year) */
		static const char *const base[] = {"完成", "占", "超过", "超", "为", "相当于"};
		static const char *const which[] = {"年初", "调整后", "调整", "年度", "全年"};
		enum { N_BASE = sizeof base / sizeof *base, N_WHICH = sizeof which / sizeof *which };
		size_t k = ends_any(t, vs, p, which, N_WHICH);
		size_t b = k < N_WHICH ? p - strlen(which[k]) : p;
		/* (执行国家预算的结果: the budget carried out, an account) */
		size_t from = p >= vs + 12 ? p - 12 : vs;
		return !budget_name(t, vs, p, ve) && ends_any(t, vs, b, base, N_BASE) == N_BASE &&
		       last_of(t, from, p, "执行") == (size_t)-1;
	}
	if (str_is(w, "目标")) {
		/* 分别完成目标任务的117%, 超额完成国家激励目标, 优于国家考核目标
		 * 14.6个百分点: a goal met or passed is the base, the figure a
		 * result. 实现 and 达到 say so only in a review: 实现了这个目标，
		 * 我国国民生产总值将… looks ahead. */
		static const char *const met[] = {"完成", "优于", "高于", "低于", "超过",
						  "实现", "达到"};
		bool review = ctx->section_kind && str_is(ctx->section_kind, "review");
		/* (实现全年目标数的93.61%, 目标任务的: the goal as the base of a
		 * share, whatever the verb) */
		static const char *const base[] = {"数的", "任务的", "的"};
		enum { N_BASE = sizeof base / sizeof *base };
		size_t b = starts_any(t + end, ve - end, base, N_BASE);
		if (b < N_BASE) {
			size_t f = end + strlen(base[b]);
			if (f < ve && ((t[f] >= '0' && t[f] <= '9') || numeral_can_start(t + f, ve - f)))
				return false;
		}
		/* (基本实现“清零”目标，两个项目全线开工: a goal said to be reached,
		 * that ends its clause, governs nothing after it; but 实现了这个
		 * 目标，…将 and 为实现上述目标 look ahead) */
		static const char *const reached[] = {"基本实现", "全面实现", "顺利实现", "如期实现",
						      "已实现", "全面完成", "超额完成", "圆满完成",
						      "已完成", "如期完成"};
		enum { N_REACHED = sizeof reached / sizeof *reached };
		size_t near = p >= vs + 24 ? p - 24 : vs;
		if (end < ve && (t[end] == ',' || t[end] == ';' || starts(t + end, ve - end, "。"))) {
			for (size_t k = 0; k < N_REACHED; k++)
				if (last_of(t, near, p, reached[k]) != (size_t)-1)
					return false;
		}
		size_t from = near;
		for (size_t k = 0; k < (review ? 7u : 5u); k++)
			if (last_of(t, from, p, met[k]) != (size_t)-1)
				return false;
		/* 目标任务全面完成, in a review: met, as 完成目标任务 is. 目标任务
		 * 体系 and 以…为目标的扶贫工作 name a thing, not a goal here. */
		size_t to = end + 18 < ve ? end + 18 : ve;
		if (review && (last_of(t, end, to, "完成") != (size_t)-1 ||
			       last_of(t, end, to, "实现") != (size_t)-1))
			return false;
		/* (编报绩效目标的项目5个: the goals of a budget's performance,
		 * a kind of document) */
		if (starts(t + end, ve - end, "体系") || starts(t + end, ve - end, "任务体系") ||
		    (ends_with(t, vs, p, "为") && starts(t + end, ve - end, "的")) ||
		    ends_with(t, vs, p, "绩效"))
			return false;
		return true;
	}
	if (str_is(w, "预期")) {
		/* 预期目标, 预期增长7%, 预期可达: a goal. Most other uses are
		 * expectations (稳预期, 好于预期, 市场预期偏弱) or names
		 * (人均预期寿命, 预期性指标). */
		static const char *const feel[] = {"稳", "于", "超", "符合", "超出"};
		static const char *const ahead[] = {"目标", "任务", "增长", "增速", "可", "达到", "达",
						    "将", "实现", "完成", "为", "在"};
		enum { N_FEEL = sizeof feel / sizeof *feel, N_AHEAD = sizeof ahead / sizeof *ahead };
		if (ends_any(t, vs, p, feel, N_FEEL) < N_FEEL)
			return false;
		return (end < ve && t[end] >= '0' && t[end] <= '9') ||
		       starts_any(t + end, ve - end, ahead, N_AHEAD) < N_AHEAD;
	}
	if (strncmp(w, "计划", 6) == 0 && plan_fulfilled(t, p, ve))
		return false;
	if (strncmp(w, "计划", 6) == 0) {
		/* 比计划增长, 比年度计划增加了2%, 超计划完成, 原计划安排, 按计划
		 * 完成: measured against the plan, or the plan as it was, in an
		 * account of what was done */
		static const char *const against[] = {"比", "超", "原", "按", "完成", "超额"};
		enum { N_AGAINST = sizeof against / sizeof *against };
		size_t near = p >= vs + 12 ? p - 12 : vs; /* 比年度计划, 比全年计划 */
		/* (等于五年计划规定的投资总额的三分之一: what the plan set, as a
		 * measure of what was done) */
		return ends_any(t, vs, p, against, N_AGAINST) == N_AGAINST &&
		       last_of(t, near, p, "比") == (size_t)-1 && !starts(t + end, ve - end, "的");
	}
	if (str_is(w, "争取")) {
		if (ctx->section_kind && str_is(ctx->section_kind, "review"))
			return false;
		/* (通过争取棚改专项资金，今年落实…39.54亿元, 争取上级无偿补助资金
		 * 1.62亿元 in a summary: funds obtained; but in a plan or a
		 * plan's section they are sought) */
		static const char *const funds[] = {"资金", "补助", "经费", "债券", "资助", "奖补"};
		enum { N_FUNDS = sizeof funds / sizeof *funds };
		bool plan = ctx->future_doc || (ctx->section_kind && str_is(ctx->section_kind, "plan"));
		size_t f_end = end + 24 < ve ? end + 24 : ve;
		if (!plan && ctx->summary_doc)
			for (size_t k = 0; k < N_FUNDS; k++)
				if (last_of(t, end, f_end, funds[k]) != (size_t)-1)
					return false;
		if (!starts(t + end, ve - end, "到"))
			return true;
		/* 争取到2025年, 争取到明年, 争取到本世纪末: a date follows */
		static const char *const when[] = {"〇", "零", "一", "二", "明", "本", "今", "下", "年"};
		size_t k = end + 3;
		if (k < ve && t[k] >= '0' && t[k] <= '9')
			return true;
		enum { N_WHEN = sizeof when / sizeof *when };
		return starts_any(t + k, ve - k, when, N_WHEN) < N_WHEN;
	}
	return true;
}

/* 实际增长33.45% (real growth, at constant prices), 实际利用外资, 实际对外
 * 直接投资, 实际消费水平: 实际 as part of a term, no account of what was
 * done. */
static bool real_term(const char *t, size_t i, size_t upto)
{
	static const char *const terms[] = {"增长", "下降", "使用", "利用", "消费", "物流",
					    "需要", "情况", "对外", "出发", "直接", "到位",
					    "投资"};
	enum { N = sizeof terms / sizeof *terms };
	return starts_any(t + i, upto - i, terms, N) < N;
}

/* 结合实际, 立足实际, 从实际出发: "the actual situation", no cue. */
static bool reality_idiom(const char *t, size_t lo, size_t p)
{
	static const char *const verbs[] = {"结合", "立足", "从", "联系", "切合", "符合",
					    "根据", "按照", "贴近", "针对", "坚持"};
	enum { N = sizeof verbs / sizeof *verbs };
	return ends_any(t, lo, p, verbs, N) < N;
}

/* The first year of a period value (2021 of 2021/2025). */
static int first_year(const char *v)
{
	int year = 0;
	for (int k = 0; k < 4 && v[k] >= '0' && v[k] <= '9'; k++)
		year = year * 10 + (v[k] - '0');
	return year;
}

/* The number of a five-year plan, 1 to 19, written out at s: 六, 十, 十四.
 * Returns 0 if none; *used is its length. */
int plan_number(const char *s, size_t len, size_t *used)
{
	size_t u = 0, n;
	int v = 0;
	if (starts(s, len, "十")) {
		v = 10;
		u = 3;
	}
	int d = numeral_cn_digit(s + u, len - u, &n);
	if (d >= 1 && d <= 9) {
		v += d;
		u += n;
	}
	*used = u;
	return v;
}

int quoted_plan_at(const char *s, size_t len, size_t *used)
{
	size_t i;
	if (starts(s, len, "“"))
		i = 3;
	else if (len && s[0] == '"')
		i = 1;
	else
		return 0;
	size_t n;
	int v = plan_number(s + i, len - i, &n);
	size_t e = i + n;
	if (v > 10 && v % 10 == 5 && !starts(s + e, len - e, "五")) { /* “十五”, the tenth */
		v -= 5;
		e -= 3;
	}
	if (v < 1 || v > 19 || !starts(s + e, len - e, "五"))
		return 0;
	e += 3;
	if (starts(s + e, len - e, "”"))
		e += 3;
	else if (e < len && s[e] == '"')
		e++;
	else
		return 0;
	*used = e;
	return v;
}

/* The plan that the 期间 at p closes, named without quotes (第一个五年计划
 * 期间, 六五计划期间; not 一九八五年计划): its first year, and where its
 * name begins in *at; 0 when there is none. A quoted name (“十五五”期间)
 * is a date of the context already: its first year, *at its start. */
static int plan_before(const figure_context *ctx, const char *t, size_t p, size_t *at)
{
	size_t lo = ctx->sentence, e = p, used;
	if (ends_with(t, lo, e, "计划") || ends_with(t, lo, e, "规划"))
		e -= 6;
	if (ctx->last_date[0] && ctx->last_date_end == e && strchr(ctx->last_date, '/')) {
		*at = ctx->last_date_start;
		return first_year(ctx->last_date);
	}
	if (e == p)
		return 0;
	if (ends_with(t, lo, e, "个五年"))
		e -= 9;
	else if (ends_with(t, lo, e, "五") && !ends_with(t, lo, e, "年五"))
		e -= 3;
	else
		return 0;
	/* the number that ends at e: two characters (十四) or one (七 of 第七) */
	size_t b = e >= lo + 6 ? e - 6 : e >= lo + 3 ? e - 3 : e;
	int n = plan_number(t + b, e - b, &used);
	if (used != e - b && b + 3 < e) {
		b += 3;
		n = plan_number(t + b, e - b, &used);
	}
	if (!n || used != e - b)
		return 0;
	*at = ends_with(t, lo, b, "第") ? b - 3 : b;
	return plan_first_year(n);
}

/* Is the plan that the 期间 at p closes one still ahead: 第七个五年计划期间
 * in the report of 1982, “十五五”期间 in that of 2026? (第一个五年计划期间
 * in the report of 1957 is past: its 期间 puts figures in the past.) */
static bool plan_ahead(const figure_context *ctx, const char *t, size_t p)
{
	size_t at;
	int first = plan_before(ctx, t, p, &at);
	return first && ctx->doc_year && first >= ctx->doc_year;
}

/* Is it one over before the document's year (第一个五年计划期间 in a
 * plan of 1982)? */
static bool plan_past(const figure_context *ctx, const char *t, size_t p)
{
	size_t at;
	int first = plan_before(ctx, t, p, &at);
	return first && ctx->doc_year && first + 4 < ctx->doc_year;
}

static bool word_period(const figure_context *ctx, int k, char *out, size_t cap);

/* ——这是追赶进位、综合实力快速跃升的五年。: a sentence [vs, end) that
 * names the five years its paragraph tells of. */
static bool these_five_years(const char *t, size_t vs, size_t end)
{
	while (vs < end && (t[vs] == ' ' || starts(t + vs, end - vs, "—")))
		vs += t[vs] == ' ' ? 1 : 3;
	return starts(t + vs, end - vs, "这是") && ends_with(t, vs, end, "的五年");
}

/* Does the paragraph t[vs, end) open with the year just past: 过去一年，
 * 过去的一年，一年来，刚刚过去的一年，在过去一年中，过去一年是…? */
static bool past_year_opens(const char *t, size_t vs, size_t end)
{
	static const char *const leads[] = {"过去一年,", "过去的一年,", "一年来,", "一年以来,",
					    "刚刚过去的一年,", "回顾过去一年,", "在过去一年中,",
					    "在过去的一年中,", "在过去的一年里,", "过去一年是",
					    "过去的一年是"};
	enum { N = sizeof leads / sizeof *leads };
	return starts_any(t + vs, end - vs, leads, N) < N;
}

/* At the end of the paragraph's first sentence: the period it opens with,
 * within its first eight characters (五年来，…; ——这五年…; 在刚刚过去的
 * 1987年，…), a year, a span, a half or a quarter (not 2025年1月，国务院印发…,
 * the day of an event), or the year just past (过去一年，…). */
static void para_opening(figure_context *ctx, const char *t, size_t end)
{
	size_t lead = ctx->vs + 24;
	ctx->para_done = true;
	const char *d = ctx->first_date;
	bool whole = strlen(d) == 4 || strchr(d, '/') || strstr(d, "-H") || strstr(d, "-Q");
	bool word = ctx->first_word >= 0 && ctx->first_word_at <= lead;
	/* the first of the two (今年是“十五五”开局之年: 今年) */
	if (d[0] && ctx->first_date_start <= lead && (!word || ctx->first_date_start < ctx->first_word_at)) {
		if (whole && !ctx->first_date_base)
			memcpy(ctx->para_period, d, sizeof ctx->para_period);
	} else if (word) {
		word_period(ctx, ctx->first_word, ctx->para_period, sizeof ctx->para_period);
	} else if (these_five_years(t, ctx->vs, end)) {
		int k = 0;
		while (strcmp(period_words[k].word, "这五年") != 0)
			k++;
		word_period(ctx, k, ctx->para_period, sizeof ctx->para_period);
	} else if (past_year_opens(t, ctx->vs, end)) {
		/* 过去一年，…。全市地区生产总值5.2万亿元: the year under review */
		word_period(ctx, whole_year(), ctx->para_period, sizeof ctx->para_period);
	} else if (d[0] && strlen(d) == 4 && !ctx->first_date_base &&
		   ends_with(t, ctx->vs, ctx->first_date_start, "刚刚过去的")) {
		/* (这里还要着重指出的是，在刚刚过去的1987年，…) */
		memcpy(ctx->para_period, d, sizeof ctx->para_period);
	}
}

/* Is the count of years at t[p] (五年, two characters) one the figures
 * after it are counted over: opening a clause, or before a verb (五年全国
 * 财政教育支出累计…, 五年增长1倍), and no part of a longer word or a number
 * (十五年, 五年计划, 五年以上, 五年的)? */
static bool count_opens(const char *t, size_t sentence, size_t p, size_t end)
{
	static const char *const verbs[] = {"累计", "共", "合计", "新增", "建成", "增加", "增长",
					    "减少", "下降", "提高", "完成", "投资", "实现"};
	static const char *const not_spans[] = {
		"以上", "以下", "以来", "计划", "规划", "行动", "期", "级", "制", "的", "前", "后",
		"左右", "多", "半", "时间", "度", "底", "末", "初", "一", "内", "来", "间", "中",
		"里", "或", "至", "到"};
	enum { N_VERBS = sizeof verbs / sizeof *verbs, N_NOT = sizeof not_spans / sizeof *not_spans };
	size_t e = p + 6;
	if (numeral_can_start(t + p - 3 * (p >= sentence + 3), p >= sentence + 3 ? 3 : 0) ||
	    starts_any(t + e, end - e, not_spans, N_NOT) < N_NOT)
		return false;
	/* (a clause, not an item of a list: “一年小灶、三年大灶”) */
	bool opens = p <= sentence || t[p - 1] == ',' || t[p - 1] == ':' || t[p - 1] == ' ';
	return opens || starts_any(t + e, end - e, verbs, N_VERBS) < N_VERBS;
}

/* A sentence inside the paragraph that opens by looking back (…。过去一年，
 * 我们的各项工作取得了很大成绩。国内生产总值增长10.3%, …。五年来，…) gives
 * the sentences after it the years it looks back on. */
static void sentence_lead(figure_context *ctx, const char *t, size_t at)
{
	static const char *const spans[] = {"五年来", "过去五年", "这五年", "过去的五年"};
	if (at >= ctx->ve)
		return;
	if (past_year_opens(t, at, ctx->ve)) {
		ctx->looks_back = true;
		word_period(ctx, whole_year(), ctx->para_period, sizeof ctx->para_period);
		return;
	}
	for (size_t k = 0; k < sizeof spans / sizeof *spans; k++) {
		size_t n = strlen(spans[k]);
		if (!starts(t + at, ctx->ve - at, spans[k]) || at + n >= ctx->ve || t[at + n] != ',')
			continue;
		int w = 0;
		while (strcmp(period_words[w].word, spans[k]) != 0)
			w++;
		ctx->looks_back = true;
		word_period(ctx, w, ctx->para_period, sizeof ctx->para_period);
		return;
	}
}

/* Reads the text up to `upto` once, remembering sentence starts and the
 * last cue of each sort, so that every figure costs only the text since
 * the previous one. */
void figure_context_advance(figure_context *ctx, const char *t, size_t upto)
{
	if (upto <= ctx->cue_pos)
		return;
	pthread_once(&cue_index_once, build_cue_index);
	/* Only the view's stops can end a sentence or begin a cue. */
	for (size_t p = fold_next_stop(ctx->view, ctx->cue_pos, upto); p < upto;
	     p = fold_next_stop(ctx->view, p + 1, upto)) {
		size_t n;
		if (is_sentence_end(t, p, &n)) {
			/* 主要预期目标是：地区生产总值增长6%左右；一产增加值
			 * 增长4%左右: a goal that opens a list with a colon
			 * governs each of its items, up to the 。 */
			size_t goal = ctx->target_at, forecast = ctx->estimate_at;
			bool list = t[p] == ';' && goal != NO_CUE && goal < p &&
				    memchr(t + goal, ':', p - goal) != NULL;
			/* (and so does a forecast: 拿一九五四年的预计产量…比较一下，…
			 * 数字：电力…；原煤八千一百九十九万吨…) */
			/* (and a forecast that opens the sentence, as a report
			 * reckons its year before it ends: 预计实现地区生产总值391亿
			 * 元，增长8.6%；财政收入38.74亿元…, to the 。: the start of
			 * the whole sentence, not of the part after a ；) */
			size_t whole = ctx->period_sentence;
			bool forecasts = t[p] == ';' && forecast != NO_CUE && forecast < p &&
					 (memchr(t + forecast, ':', p - forecast) != NULL ||
					  (forecast >= whole && forecast <= whole + 15));
			ctx->sentence = p + n;
			ctx->target_at = ctx->estimate_at = ctx->actual_at = ctx->done_at = NO_CUE;
			ctx->base_word = -1;
			/* (2014年末，全市牛存栏91.4万头；生猪存栏180.5万头: the
			 * period goes on to the 。) */
			if (t[p] != ';') {
				if (!ctx->para_done)
					para_opening(ctx, t, p);
				sentence_lead(ctx, t, p + n);
				ctx->period_sentence = p + n;
				ctx->period_word = ctx->count_word = -1;
			}
			if (list)
				ctx->target_at = goal;
			if (forecasts)
				ctx->estimate_at = forecast;
			continue;
		}
		/* Most characters begin none of the words: one lookup says so. */
		if (!(han_begins(ctx->parser, t + p, upto - p) & BEGINS_CUE))
			continue;
		/* the first word of each list that begins here */
		int found[N_LISTS] = {-1, -1, -1, -1, -1, -1, -1};
		size_t n_ids;
		const uint16_t *ids = word_index_bucket(&cue_index, t + p, &n_ids);
		for (size_t e = 0; e < n_ids; e++) {
			int l = ids[e] / LIST_MAX, k = ids[e] % LIST_MAX;
			if (l != L_TRACKED && found[l] >= 0)
				continue; /* the first of its list is found */
			const char *w = cue_words[ids[e]];
			/* the first two characters before the whole word: the
			 * words that begin with 计划 are many */
			if (memcmp(w, t + p, 3) != 0 ||
			    (w[3] && (upto - p < 6 || memcmp(w + 3, t + p + 3, 3) != 0)) ||
			    !starts(t + p, upto - p, w))
				continue;
			if (l == L_TRACKED)
				ctx->word_at[k] = p;
			else if (found[l] < 0)
				found[l] = k;
		}
		/* (基础上年均增长7%: the 年 of 年均 makes no 上年) */
		if (starts(t + p, upto - p, "上年均")) {
			if (found[L_PERIOD] >= 0 && str_is(period_words[found[L_PERIOD]].word, "上年"))
				found[L_PERIOD] = -1;
			if (found[L_ACTUAL] >= 0 && str_is(actual_cues[found[L_ACTUAL]], "上年"))
				found[L_ACTUAL] = -1;
		}
		/* (the 上半年 inside 今年上半年 is no word of its own; and 比上年
		 * 增长6% is growth over the year before, this year's, as 由上年
		 * 的3.3%上升到4.1% reaches 4.1% in this one) */
		/* (the 五年来 of 十五年来 is no span of five) */
		if (found[L_PERIOD] >= 0 && period_words[found[L_PERIOD]].span && p >= ctx->sentence + 3 &&
		    numeral_can_start(t + p - 3, 3))
			found[L_PERIOD] = -1;
		if (found[L_PERIOD] >= 0 && period_words[found[L_PERIOD]].either_way) {
			if (strlen(period_words[found[L_PERIOD]].word) > 6 ||
			    count_opens(t, ctx->sentence, p, upto))
				ctx->count_word = found[L_PERIOD];
			found[L_PERIOD] = -1;
		}
		if (found[L_PERIOD] >= 0 && p >= ctx->period_end) {
			size_t wl = strlen(period_words[found[L_PERIOD]].word);
			bool from = ends_with(t, ctx->sentence, p, "由") ||
				    ends_with(t, ctx->sentence, p, "从");
			if (!from && !comparison_base(t, ctx->sentence, p, wl, ctx->ve)) {
				ctx->period_word = found[L_PERIOD];
				ctx->period_word_at = p;
				if (!ctx->para_done && ctx->first_word < 0) {
					ctx->first_word = found[L_PERIOD];
					ctx->first_word_at = p;
				}
			} else {
				ctx->base_word = found[L_PERIOD];
				ctx->base_end = p + wl;
			}
			ctx->period_end = p + wl;
		}
		if (found[L_TARGET] >= 0 && !target_cue_here(ctx, t, p, target_cues[found[L_TARGET]]))
			found[L_TARGET] = -1;
		if (found[L_TARGET] >= 0 ||
		    (found[L_PLAN] >= 0 &&
		     (clause_begins(t, ctx->sentence, p) || plan_verb_after(t, ctx->sentence, p, upto)) &&
		     !plan_name(t, p, ctx->ve) && !plan_fulfilled(t, p, ctx->ve))) {
			ctx->target_at = p;
			ctx->target_word = found[L_TARGET] >= 0 ? target_cues[found[L_TARGET]] : "计划";
		} else if (found[L_ESTIMATE] >= 0 && !cue_of_base(t, ctx->sentence, p)) {
			ctx->estimate_at = p;
			ctx->estimate_word = estimate_cues[found[L_ESTIMATE]];
		} else if (found[L_ACTUAL] >= 0) {
			const char *w = actual_cues[found[L_ACTUAL]];
			/* (实际增长33.45% is real growth, at constant prices) */
			bool real = str_is(w, "实际") &&
				    (real_term(t, p + 6, upto) || reality_idiom(t, ctx->vs, p));
			/* (国务院已经决定：今年…要压缩920亿元: what was decided is
			 * still to be done) */
			bool decided = str_is(w, "已") && decision_after(t, p + 3, upto);
			/* (in a plan, 期间 is the plan's own years unless it
			 * closes a plan already past) */
			bool ahead = str_is(w, "期间") &&
				     (plan_ahead(ctx, t, p) || (ctx->future_doc && !plan_past(ctx, t, p)));
			/* (第一个五年计划期间，…投资总额共为四百九十三亿元: the plan's
			 * years are the period, as “一五”期间 gives them) */
			size_t at;
			int first = str_is(w, "期间") ? plan_before(ctx, t, p, &at) : 0;
			if (first && !(ctx->last_date[0] && ctx->last_date_start == at) &&
			    ctx->last_date_end <= at) {
				char years[16];
				snprintf(years, sizeof years, "%04d/%04d", first % 10000,
					 (first + 4) % 10000);
				figure_context_date(ctx, t, years, at, p + 6);
			}
			if (!real && !decided && !ahead &&
			    !comparison_base(t, ctx->sentence, p, strlen(w), ctx->ve)) {
				ctx->actual_at = p;
				ctx->actual_word = w;
			}
		} else if (found[L_DONE] >= 0) {
			ctx->done_at = p;
		}
	}
	ctx->cue_pos = upto;
}

/* How far back a figure looks for its words: a long clause without
 * punctuation must not make every figure rescan it. */
enum { LOOK_BACK = 300 };

static size_t bounded(size_t from, size_t i)
{
	return i > from + LOOK_BACK ? i - LOOK_BACK : from;
}

/* Start of the clause holding offset i: after the last 。 or , ; : (the
 * view has folded ，；： to ASCII). One backward pass to the first mark. */
static size_t clause_start(const char *t, size_t vs, size_t i)
{
	vs = bounded(vs, i);
	size_t p = i;
	/* Sixteen bytes at a time, back to the last that may end a clause:
	 * , ; : or 0x82, the last byte of 。 */
	while (p >= vs + 16) {
		/* the last of them first: 0x82 also ends many a Han character */
		for (unsigned m = bytes16_in(t + p - 16, ",;:\x82", 4); m;
		     m &= ~(1u << (31 - __builtin_clz(m)))) {
			size_t at = p - 16 + (size_t)(31 - __builtin_clz(m));
			if (t[at] != (char)0x82 ||
			    (at >= vs + 2 && (unsigned char)t[at - 2] == 0xE3 &&
			     (unsigned char)t[at - 1] == 0x80))
				return at + 1;
		}
		p -= 16;
	}
	for (; p > vs; p--) {
		char c = t[p - 1];
		if (c == ',' || c == ';' || c == ':')
			return p;
		if (p >= vs + 3 && (unsigned char)t[p - 3] == 0xE3 &&
		    (unsigned char)t[p - 2] == 0x80 && (unsigned char)t[p - 1] == 0x82)
			return p; /* 。 */
	}
	return vs;
}

/* Year of a period value such as 2019, 2020-H1, 2019/2021 (the last). */
static int period_year(const char *v)
{
	const char *slash = strchr(v, '/');
	const char *y = slash ? slash + 1 : v;
	int year = 0;
	for (int k = 0; k < 4 && y[k] >= '0' && y[k] <= '9'; k++)
		year = year * 10 + (y[k] - '0');
	return year;
}

/* The role and the cue that decided it. Order: a rule's threshold or
 * amount; 预计; an explicit target cue in the sentence (to 。, so that
 * 力争 governs a whole list); an actual cue or a past year; then the
 * section's kind and the document type. */
/* Does the last date of the sentence open a from-to change (由2020年的,
 * 从一九八○年的)? */
/* Where the word before the sentence's last date ends: its start, spaces
 * skipped (由 1980年的). */
static size_t before_date(const char *t, const figure_context *ctx, size_t ss)
{
	size_t s = ctx->last_date_start;
	/* (and a line end: PDF text breaks 比⏎2023年 at the page edge) */
	while (s > ss && (t[s - 1] == ' ' || t[s - 1] == '\n' || t[s - 1] == '\r'))
		s--;
	return s;
}

static bool date_is_base(const char *t, const figure_context *ctx, size_t ss)
{
	size_t s = before_date(t, ctx, ss);
	return ctx->last_date[0] && s >= ss + 3 &&
	       (ends_with(t, ss, s, "由") || ends_with(t, ss, s, "从"));
}

/* Is the last date of the sentence the base of a comparison (比一九八○
 * 年增长一点六倍, 较2020年提高, 与2020年相比, 与2024年预算持平,
 * 同一九四九年産量比較)? Its year is that of the base, not of the
 * figure. */
static bool date_is_comparison(const char *t, const figure_context *ctx, size_t ss)
{
	static const char *const compared[] = {"相比", "比较", "比較", "相较", "相較",
					       "持平", "基本持平", "相当"};
	enum { N_COMPARED = sizeof compared / sizeof *compared };
	size_t s = before_date(t, ctx, ss), e = ctx->last_date_end;
	if (!ctx->last_date[0] || s < ss + 3)
		return false;
	if (ends_with(t, ss, s, "比") || ends_with(t, ss, s, "较") || ends_with(t, ss, s, "較"))
		return true;
	/* (恢复至2019年同期水平的81%, 达到2019年水平: the level of a base
	 * year, that a share or a recovery is measured against) */
	size_t lv = e;
	if (starts(t + lv, ctx->ve - lv, "同期"))
		lv += 6;
	if (starts(t + lv, ctx->ve - lv, "的"))
		lv += 3;
	/* (but 1957年的水平498亿元 states that level) */
	if (starts(t + lv, ctx->ve - lv, "水平")) {
		lv += 6;
		return !(lv < ctx->ve && numeral_can_start(t + lv, ctx->ve - lv));
	}
	if (!ends_with(t, ss, s, "与") && !ends_with(t, ss, s, "與") &&
	    !ends_with(t, ss, s, "同") && !ends_with(t, ss, s, "和"))
		return false;
	/* what of the base year is compared comes between: a few Han
	 * characters (预算, 度, 産量, 的实际数字作) */
	for (size_t k = e; k + 6 <= ctx->ve && k <= e + 24; k += 3) {
		if (starts_any(t + k, ctx->ve - k, compared, N_COMPARED) < N_COMPARED)
			return true;
		if ((unsigned char)t[k] < 0xE4 || (unsigned char)t[k] > 0xE9)
			return false;
	}
	return false;
}

/* Is the sentence's last date the level a multiple is of: 为1997年的,
 * 是2020年的, 相当于1980年的, 等于一九四九年的? */
static bool multiple_of_year(const char *t, const figure_context *ctx, size_t ss)
{
	static const char *const verbs[] = {"为", "是", "相当于", "等于", "等於", "達到", "达到"};
	enum { N_VERBS = sizeof verbs / sizeof *verbs };
	size_t s = before_date(t, ctx, ss), e = ctx->last_date_end;
	return ctx->last_date[0] && ends_any(t, ss, s, verbs, N_VERBS) < N_VERBS &&
	       starts(t + e, ctx->ve - e, "的");
}

void figure_context_date(figure_context *ctx, const char *t, const char *value,
			 size_t start, size_t end)
{
	/* 按1952年不变价格计算: the prices' year, not the figures' */
	static const char *const prices[] = {"不变价", "价格", "可比价", "的不变价", "的价格"};
	enum { N_PRICES = sizeof prices / sizeof *prices };
	if (starts_any(t + end, ctx->ve - end, prices, N_PRICES) < N_PRICES)
		return;
	/* 2021年以来, “十四五”以来, 2020年至今: the years from that one up to
	 * the one the text tells of (the year before a 政府工作报告's own) */
	char since[16];
	size_t after = end;
	while (after < ctx->ve && t[after] == ' ')
		after++;
	size_t vl = strlen(value);
	if (ctx->doc_year &&
	    (starts(t + after, ctx->ve - after, "以来") || starts(t + after, ctx->ve - after, "至今")) &&
	    (vl == 4 || (vl == 9 && value[4] == '/'))) {
		int first = first_year(value);
		int last = ctx->own_year_ahead ? ctx->doc_year - 1 : ctx->doc_year;
		if (last > first && last - first < 100) {
			snprintf(since, sizeof since, "%04d/%04d", first % 10000, last % 10000);
			value = since;
		}
	}
	/* 到1985年，病床将由1980年的198万张增加到223万张: the date a base
	 * follows is the period of what comes after the base */
	size_t ps = ctx->period_sentence;
	if (ctx->last_date[0] && !date_is_base(t, ctx, ps) && !date_is_comparison(t, ctx, ps) &&
	    !multiple_of_year(t, ctx, ps)) {
		memcpy(ctx->own_date, ctx->last_date, sizeof ctx->own_date);
		ctx->own_date_end = ctx->last_date_end;
	}
	/* 从一九七四年到一九七六年, 2021年至2025年: two years joined are a span */
	size_t k = ctx->last_date_end;
	while (k < start && t[k] == ' ')
		k++;
	size_t j = k;
	if (starts(t + j, start - j, "到") || starts(t + j, start - j, "至") ||
	    starts(t + j, start - j, "—") || starts(t + j, start - j, "～"))
		j += 3;
	else if (j < start && (t[j] == '-' || t[j] == '~'))
		j++;
	while (j < start && t[j] == ' ')
		j++;
	bool years = strlen(value) == 4 && strlen(ctx->last_date) == 4;
	bool joined = false;
	if (ctx->last_date[0] && j > k && j == start && years &&
	    ctx->last_date_end >= ps && strcmp(ctx->last_date, value) < 0) {
		joined = ctx->first_date[0] && !ctx->para_done &&
			 ctx->first_date_start == ctx->last_date_start;
		char span[sizeof ctx->last_date];
		snprintf(span, sizeof span, "%.4s/%.4s", ctx->last_date, value);
		memcpy(ctx->last_date, span, sizeof span);
	} else {
		snprintf(ctx->last_date, sizeof ctx->last_date, "%s", value);
	}
	ctx->last_date_start = start;
	ctx->last_date_end = end;
	ctx->date_has_figure = false;
	bool from = date_is_base(t, ctx, ps);
	if (from) {
		memcpy(ctx->from_date, ctx->last_date, sizeof ctx->from_date);
		ctx->from_date_end = end;
	}
	if (joined) { /* (从1978年到1985年: the paragraph opens with the span) */
		memcpy(ctx->first_date, ctx->last_date, sizeof ctx->first_date);
	} else if (!ctx->para_done && !ctx->first_date[0]) {
		memcpy(ctx->first_date, ctx->last_date, sizeof ctx->first_date);
		ctx->first_date_start = start;
		ctx->first_date_base = from || date_is_comparison(t, ctx, ps);
	}
}

/* Does t[a, b) hold the end of a clause (, ; : or 。)? The stretch
 * between a date and a period word is short: a byte at a time. */
static bool clause_mark_in(const char *t, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (t[i] == ',' || t[i] == ';' || t[i] == ':' ||
		    ((unsigned char)t[i] == 0x82 && i >= a + 2 && starts(t + i - 2, 3, "。")))
			return true;
	return false;
}

/* Is the figure the start of a change written out: 由 or 从 right before
 * it, and 提高到, 增加到, 降至 … right after it? */
static bool starts_change(const char *t, size_t clause, const quantity *q, size_t ve)
{
	/* (从不到70万亿元增加到超过100万亿元: a bound between) */
	static const char *const bounds[] = {"不到", "约", "近", "超过", "逾"};
	enum { N_BOUNDS = sizeof bounds / sizeof *bounds };
	size_t s = q->start, k = ends_any(t, clause, s, bounds, N_BOUNDS);
	if (k < N_BOUNDS)
		s -= strlen(bounds[k]);
	return (ends_with(t, clause, s, "由") || ends_with(t, clause, s, "从")) &&
	       quantity_change_word(t + q->end, ve - q->end) > 0;
}

/* Does the cue at p introduce the clauses after it, up to upto: is its
 * own clause free of numbers (预计在社会商品零售总额中，国营商业的比重将
 * 上升到60.5%, not 预计可达一百零八亿度，…今年将达十四万公里)? */
static bool introduces(const char *t, size_t p, size_t upto)
{
	static const char *const places[] = {"十", "百", "千", "万", "萬", "亿", "億"};
	enum { N_PLACES = sizeof places / sizeof *places };
	size_t run = 0; /* numeral characters in a row: 一百零八, not the 零 of 零售 */
	for (size_t i = p; i < upto; i += utf8_len((unsigned char)t[i])) {
		if (t[i] == ',' || t[i] == ':')
			return true;
		size_t used;
		bool digit = numeral_cn_digit(t + i, upto - i, &used) >= 0 ||
			     starts_any(t + i, upto - i, places, N_PLACES) < N_PLACES;
		run = digit ? run + 1 : 0;
		if ((t[i] >= '0' && t[i] <= '9') || run == 2)
			return false;
	}
	return false;
}

static bool looks_back_here(const figure_context *ctx);

/* (compared: the sentence's last date, before the figure, is the base of
 * a comparison: date_is_comparison; change_start: starts_change) */
static const char *role_of(const char *t, const quantity *q,
			   const figure_context *ctx, size_t clause, const char *period,
			   bool compared, bool change_start, const char **cue)
{
	size_t ss = ctx->sentence;
	*cue = NULL;
	if (is_policy(t, q, ctx, clause, cue))
		return "policy";
	/* 铁道货运量计划完成105%: the share of a plan fulfilled, a result
	 * whatever the section */
	if (q->kind == Q_PERCENT && q->start >= ctx->vs + 12 &&
	    plan_fulfilled(t, q->start - 12, ctx->ve)) {
		*cue = "完成";
		return "actual";
	}
	/* 完成…收入调整预算37.5亿元的104.3%: the share done of a figure
	 * named in the clause, unless a target cue comes before the verb
	 * (力争完成年度计划1000万元的80%) */
	if (q->kind == Q_PERCENT && ctx->prev_figure_end != NO_CUE && q->start >= clause + 3 &&
	    ctx->prev_figure_end + 3 == q->start && starts(t + q->start - 3, 3, "的")) {
		size_t v = last_of(t, clause, q->start, "完成"), z = last_of(t, clause, q->start, "占");
		size_t w = v == (size_t)-1 ? z : z == (size_t)-1 ? v : v > z ? v : z;
		if (w != (size_t)-1 && (ctx->target_at == NO_CUE || ctx->target_at > w ||
					ctx->target_at < clause)) {
			*cue = w == v ? "完成" : "占";
			return "actual";
		}
	}
	/* 城镇化率从47.5%提高到51.5%, 由40元提高到80元: where a change starts
	 * from is the level reached, whatever the change is */
	if (change_start) {
		*cue = ends_with(t, clause, q->start, "由") ? "由" : "从";
		return "actual";
	}
	const char *tw = ctx->target_word, *ew = ctx->estimate_word,
		   *aw = ctx->actual_word;
	size_t tp = ctx->target_at, ep = ctx->estimate_at, ap = ctx->actual_at;
	/* 争创示范镇1个: 争创 governs its own clause only (积极争创自贸区，进出口
	 * 总值翻番 tells of the result) */
	if (tp != (size_t)-1 && tp < clause && str_is(tw, "争创"))
		tp = (size_t)-1;
	/* 将增长19.7%: 将 right before the figure */
	size_t near = q->start >= clause + 24 ? q->start - 24 : clause;
	size_t jp = last_of(t, near, q->start, "将");
	if (jp == (size_t)-1)
		jp = last_of(t, near, q->start, "將"); /* (the traditional form) */
	/* (增产将近200亿公斤: 将近 is "nearly", no future) */
	if (jp != (size_t)-1 && starts(t + jp + 3, q->start - jp - 3, "近"))
		jp = (size_t)-1;
	/* (将8个公司运营的16支基金整合: 将 before a figure marks its object;
	 * and 预计将达到460亿元, 预计明年春耕时将达五十万个, 将 after 预计 in its
	 * clause or in the clauses it introduces, is an estimate still) */
	if (jp != (size_t)-1 && !numeral_can_start(t + jp + 3, q->start - jp - 3) &&
	    (tp == (size_t)-1 || jp > tp) &&
	    !(ep != (size_t)-1 && ep < jp && (ep >= clause || introduces(t, ep, clause)))) {
		tp = jp;
		tw = "将";
	}
	/* (1957年的工业总产值比1956年将增长百分之四点五，达到六百零三亿元: the
	 * 将 of the clause before governs the level the change reaches) */
	static const char *const reach[] = {"达到", "达", "增加到", "提高到", "增长到",
					    "上升到", "增至", "提高至", "增加至"};
	enum { N_REACH = sizeof reach / sizeof *reach };
	size_t rk = starts_any(t + clause, q->start - clause, reach, N_REACH);
	if (tp == (size_t)-1 && jp == (size_t)-1 && clause > ss + 1 && rk < N_REACH &&
	    clause + strlen(reach[rk]) == q->start) {
		size_t before = clause_start(t, ss, clause - 1);
		size_t j = last_of(t, before, clause - 1, "将");
		if (j != (size_t)-1 && !starts(t + j + 3, clause - j - 3, "近") &&
		    !numeral_can_start(t + j + 3, clause - j - 3)) {
			tp = j;
			tw = "将";
		}
	}
	bool plan = ctx->section_kind && str_is(ctx->section_kind, "plan");
	bool dated = ctx->last_date[0] && ctx->last_date_end >= ss &&
		     ctx->last_date_end <= q->start;
	/* 比2020年的4972亿元增长21.7%: the base figure was measured in its
	 * year; the change from it is of no year the sentence names */
	/* (a report that names no year of its own, 第六个五年计划, compares
	 * with the past too) */
	bool before_doc = !ctx->doc_year || period_year(ctx->last_date) < ctx->doc_year;
	if (dated && compared) {
		if (starts(t + ctx->last_date_end, q->start - ctx->last_date_end, "的") &&
		    ctx->last_date_end + 3 == q->start && before_doc) {
			*cue = "比";
			return "actual";
		}
		dated = false;
	}
	/* 将从一九八○年的二十八万人增加到四十万人: the figure of the base
	 * year was measured then, whatever the cues; the one it changes to
	 * is not of that year */
	bool base = dated && date_is_base(t, ctx, ss);
	if (base && starts(t + ctx->last_date_end, q->start - ctx->last_date_end, "的") &&
	    ctx->last_date_end + 3 == q->start && before_doc) {
		*cue = ends_with(t, ss, before_date(t, ctx, ss), "由") ? "由" : "从";
		return "actual";
	}
	/* (预计将由1949年的37%增加到71%: the base was measured even so; the
	 * rest of the sentence is estimated) */
	if (ep != (size_t)-1 && (tp == (size_t)-1 || ep > tp || tp == ep + 6)) {
		*cue = ew;
		return "estimate";
	}
	bool past_year = dated && ctx->doc_year && period_year(ctx->last_date) < ctx->doc_year;
	/* 将由1955年的46%上升到47.2%: a target cue before the base governs the
	 * figure it changes to, as a plan does (and 由一九五七年的535万吨增长到
	 * 1108万吨, without either, is an account of the past) */
	if (past_year && base) {
		size_t jb = last_of(t, ss, ctx->last_date_start, "将");
		if (tp != (size_t)-1 && tp < ctx->last_date_start) {
			past_year = false;
		} else if (jb != (size_t)-1) {
			past_year = false;
			tp = jb;
			tw = "将";
		} else if (ctx->future_doc) {
			past_year = false; /* a plan's change: to its goal */
		}
	}
	/* 累计争取, 已确保: a past-tense word just before the target cue
	 * makes it an account of what was obtained. */
	if (tp != (size_t)-1 && ap != (size_t)-1 && ap < tp &&
	    ap + strlen(aw) + 3 >= tp &&
	    (str_is(aw, "累计") || str_is(aw, "已") || str_is(aw, "共计"))) {
		*cue = aw;
		return "actual";
	}
	/* 争取…支持，完成…10项: outside a plan, 争取 is often "obtained", and
	 * a 完成 after it reports what was done */
	/* (but a paragraph of a plan that looks back, 过去五年，…累计达到1076家,
	 * tells of what was done) */
	bool plan_context = ((ctx->section_kind && str_is(ctx->section_kind, "plan")) ||
			     ctx->future_doc) && !ctx->looks_back;
	/* (and in a review, 先行开展拟试点商品安全性评估，共完成20份大陆标准: a 拟
	 * of a clause before tells of what was proposed, not of what was
	 * done) */
	bool review = ctx->section_kind && str_is(ctx->section_kind, "review");
	if (tp != (size_t)-1 && ctx->done_at != NO_CUE && ctx->done_at > tp && !plan_context &&
	    (str_is(tw, "争取") || (str_is(tw, "拟") && review && tp < clause))) {
		*cue = "完成";
		return "actual";
	}
	/* 争取新获批1所, 推动…累计突破5000亿元 in a plan: counted ahead, not
	 * done */
	bool tally = ap != (size_t)-1 && (str_is(aw, "获批") || str_is(aw, "累计") ||
					  str_is(aw, "共计"));
	if (tally && ((tp != (size_t)-1 && tp >= clause && tp < ap) ||
		      (plan_context && (tp != (size_t)-1 || !str_is(aw, "获批"))))) {
		*cue = tp != (size_t)-1 ? tw : NULL;
		return "target";
	}
	/* 力争 governs the list after it, unless a past-tense word follows
	 * (预算执行数: 执行数 after 预算) */
	if (tp != (size_t)-1 && (ap == (size_t)-1 || ap < tp)) {
		*cue = tw;
		return "target";
	}
	if (ap != (size_t)-1) {
		*cue = aw;
		return "actual";
	}
	/* 上半年完成投资1亿元 under 下半年工作计划, in the 上半年工作总结及下半年
	 * 工作计划 of that year: the period the title reviews */
	bool reviewed = period && ctx->review_period && strchr(period, '-') &&
			str_is(period, ctx->review_period); /* a half or a quarter */
	if (past_year || ctx->looks_back || reviewed)
		return "actual";
	/* 到一九六七年…分别达到四百斤: a year after the report's, named earlier
	 * in the sentence, is one to reach (a span only when it starts in
	 * the report's year or later: “十四五” in the report of 2023 is half
	 * over) */
	/* (to the 。: 到一九八五年，粮食产量计划达到…；…纱三百五十九万吨) */
	bool dated_sentence = ctx->last_date[0] && ctx->last_date_end >= ctx->period_sentence &&
			      ctx->last_date_end <= q->start;
	/* (到一九八五年，粮食产量达到三亿六千万吨，比一九八○年增长百分之十二点三；
	 * 棉花三百六十万吨: the base compared with is not the year to reach) */
	const char *ahead = ctx->last_date;
	size_t ps = ctx->period_sentence;
	if (dated_sentence && ctx->own_date[0] && ctx->own_date_end >= ps &&
	    (date_is_base(t, ctx, ps) || date_is_comparison(t, ctx, ps)))
		ahead = ctx->own_date;
	if (dated_sentence && ctx->doc_year && period_year(ahead) > ctx->doc_year &&
	    first_year(ahead) >= ctx->doc_year)
		return "target";

	/* 考评办法, 管理暂行办法: what rules set (权重60%, 7个方面分值); but the
	 * tasks they set are targets (59．新增5G基站1000座) */
	if (ctx->rules_doc) {
		static const char *const tasks[] = {"新增", "新建", "建成", "建设", "完成",
						    "发布", "组织", "培训", "推广", "打造",
						    "培育", "引进"};
		for (size_t k = 0; k < sizeof tasks / sizeof *tasks; k++)
			if (last_of(t, clause, q->start, tasks[k]) != (size_t)-1) {
				*cue = tasks[k];
				return "target";
			}
		return "policy";
	}
	/* a budget plans sums of money; its counts and areas (行政单位1家,
	 * 建筑面积13459平方米, 共有车辆7辆) describe what there is */
	bool described = ctx->budget_doc && !plan &&
			 (q->kind == Q_COUNT || q->kind == Q_QUANTITY);
	/* 今后五年…年均增长5%左右, 五年内使…增加1500万吨: the years a word of
	 * the sentence names, when all of them are ahead, are planned for */
	bool years_ahead = period && (ctx->period_word >= 0 || ctx->count_word >= 0) &&
			   ctx->doc_year && period_year(period) > ctx->doc_year &&
			   first_year(period) >= ctx->doc_year;
	/* 今年中央财政为此新增支出140亿元 in the 政府工作报告 of 2009, outside
	 * its review: the speaker's year is the one the report plans, as it
	 * is delivered when that year begins */
	bool own_year = period && ctx->own_year_ahead && !looks_back_here(ctx) &&
			ctx->period_word >= 0 &&
			str_is(period_words[ctx->period_word].word, "今年") && strlen(period) == 4 &&
			period_year(period) == ctx->doc_year;
	if (plan || years_ahead || own_year || (ctx->future_doc && !described)) {
		/* 我县现有企业230家, 在目前全国85个自然保护区的基础上: in a
		 * plan, what there is now is where it starts from, not a goal
		 * (but 从目前的10万公里增加到15万公里 reaches 15万, 在目前基础上再
		 * 增加30个 adds to it; and 项目共有1092个 is the plan's own count) */
		for (int k = W_NOW_HAVE; k <= W_NOW_STAND; k++) {
			size_t w = ctx->word_at[k];
			if (seen_in(ctx, k, clause, q->start) &&
			    last_of(t, w, q->start, "到") == (size_t)-1 &&
			    last_of(t, w, q->start, "增") == (size_t)-1 &&
			    last_of(t, w, q->start, "再") == (size_t)-1) {
				*cue = tracked[k];
				return "actual";
			}
		}
		return "target";
	}
	return "actual";
}

/* After a ；, is the figure whose subject is t[a, b) one more part of the
 * sentence's 其中: its subject ends as the first part's does (第二产业增加值
 * after 第一产业增加值, 摩托车保有量 after 汽车保有量), and no bracket the 其中
 * stood in has closed since ((其中：甘薯产量…)；花生产量 is a sibling of the
 * whole)? */
static bool sibling_part(const char *t, const figure_context *ctx, size_t a, size_t b)
{
	size_t pa = ctx->part_subject_start, pb = ctx->part_subject_end;
	size_t among = ctx->word_at[W_AMONG];
	/* three characters in common at the end */
	if (among == NO_CUE || among > a || memchr(t + among, ')', a - among) ||
	    pb - pa < 9 || memcmp(t + pb - 9, t + b - 9, 9) != 0 ||
	    (unsigned char)t[b - 9] < 0xE4 || ends_with(t, a, b, "的"))
		return false;
	/* (but when the first part ends as the whole does, 城市固定电话用户 of
	 * 固定电话用户, 工业投资 of 第二产业投资, a figure that ends so too may be
	 * the whole's sibling: 移动电话用户, 第三产业投资; unless the 其中 opens a
	 * list with its colon or comma: 机动车保有量60827辆，其中：汽车保有量…；
	 * 摩托车保有量…) */
	size_t wa = ctx->whole_start, wb = ctx->whole_end, common = 0;
	if (wb <= wa || wb > pa || t[among + 6] == ':' || t[among + 6] == ',')
		return true;
	while (common + 3 <= wb - wa && common + 3 <= pb - pa &&
	       memcmp(t + wb - common - 3, t + pb - common - 3, 3) == 0)
		common += 3;
	return common < 9;
}

/* The verbs of measurement dropped from the start of a subject, and
 * those dropped from its end (投入达到, 增长), each list indexed by the
 * character the words are looked for by: their first, and their last. */
static const word_ref subject_verbs[] = {
	WORD("完成"), WORD("实现"), WORD("达到"), WORD("累计"), WORD("新增"),
	WORD("共计"), WORD("共有"), WORD("全年"), WORD("总计"), WORD("投入"),
	WORD("其中"), WORD("设立"), WORD("共"),   WORD("达"),   WORD("为"),
	WORD("有")};
static const word_ref subject_tails[] = {
	WORD("达到"), WORD("达"),   WORD("为"),   WORD("增长"), WORD("下降"),
	WORD("增加"), WORD("减少"), WORD("提高"), WORD("约"),   WORD("近"),
	WORD("超过"), WORD("突破"), WORD("不低于"), WORD("完成"), WORD("实现"),
	WORD("累计"), WORD("共计"), WORD("由"), WORD("从"), WORD("不到"),
	WORD("到"), WORD("扩大"), WORD("上升"), WORD("降低"),
	/* (and the base of a change alone: 同比增长1.5%, 比增12.1%) */
	WORD("同比增"), WORD("同比"), WORD("环比"), WORD("比增"), WORD("比降"), WORD("比上年"),
	WORD("较上年"), WORD("比去年")};
enum {
	N_VERBS = sizeof subject_verbs / sizeof *subject_verbs,
	N_TAILS = sizeof subject_tails / sizeof *subject_tails
};
static word_index verb_index, tail_index;
static pthread_once_t subject_once = PTHREAD_ONCE_INIT;

static const char *verb_first(size_t id) { return id < N_VERBS ? subject_verbs[id].s : NULL; }

static const char *tail_last(size_t id)
{
	return id < N_TAILS ? subject_tails[id].s + subject_tails[id].n - 3 : NULL;
}

static void build_subject_index(void)
{
	word_index_build(&verb_index, N_VERBS, verb_first);
	word_index_build(&tail_index, N_TAILS, tail_last);
}

/* The first verb from number k on that begins at t[i] (before end), or
 * N_VERBS: the list is tried in order, as a loop over it would. */
static size_t verb_at(const char *t, size_t i, size_t end, size_t k)
{
	size_t n;
	const uint16_t *ids = word_index_bucket(&verb_index, t + i, &n);
	for (size_t e = 0; e < n; e++)
		if (ids[e] >= k && starts(t + i, end - i, subject_verbs[ids[e]].s))
			return ids[e];
	return N_VERBS;
}

/* The same for the tails that end at t[e] (after lo). */
static size_t tail_at(const char *t, size_t lo, size_t e, size_t k)
{
	size_t n;
	const uint16_t *ids = word_index_bucket(&tail_index, t + e - 3, &n);
	for (size_t x = 0; x < n; x++)
		if (ids[x] >= k && ends_with_n(t, lo, e, subject_tails[ids[x]].s, subject_tails[ids[x]].n))
			return ids[x];
	return N_TAILS;
}

/* The noun phrase just before the figure: back to the last punctuation,
 * figure or cue word. A hint for people, not a key. */
static void subject_of(const char *t, const quantity *q, const figure_context *ctx,
		       size_t *a, size_t *b)
{
	size_t i = q->start, start = q->start;
	size_t chars = 0;
	while (i > ctx->vs && chars < 16) {
		size_t p = utf8_prev(t, i);
		unsigned char c = (unsigned char)t[p];
		if (c < 0x80 && c != '&')
			break; /* ASCII punctuation, digits, spaces */
		/* (，；： are ASCII in the view and stopped above) */
		if ((c == 0xE2 || c == 0xE3) &&
		    (starts(t + p, 3, "、") || starts(t + p, 3, "。") || starts(t + p, 3, "”") ||
		     starts(t + p, 3, "“") || starts(t + p, 3, "》")))
			break;
		i = p;
		chars++;
	}
	if (ctx->last_date_end > i && ctx->last_date_end <= start)
		i = ctx->last_date_end;
	/* (but 销售收入超亿元的非公企业20家: a figure that qualifies the noun
	 * is part of it) */
	size_t pf = ctx->prev_figure_end;
	bool after_figure = pf >= i && pf <= start && !starts(t + pf, start - pf, "的");
	if (after_figure)
		i = pf;
	/* (建成2个医疗中心和3个…: the words between two figures, up to a
	 * 和, are what the first counts) */
	if (after_figure && (ends_with(t, i, start, "和") || ends_with(t, i, start, "及"))) {
		*a = *b = start;
		return;
	}
	pthread_once(&subject_once, build_subject_index);
	/* Drop the leading verbs, the list over again while one goes; every
	 * word is three bytes or more */
	for (bool again = true; again;) {
		again = false;
		for (size_t k = 0, v; start - i >= 3 && (v = verb_at(t, i, start, k)) < N_VERBS;
		     k = v + 1) {
			i += subject_verbs[v].n;
			again = true;
		}
	}
	/* …and the trailing ones */
	size_t e = start;
	for (bool again = true; again;) {
		again = false;
		for (size_t k = 0, w; e - i >= 3 && (w = tail_at(t, i, e, k)) < N_TAILS;
		     k = w + 1) {
			e -= subject_tails[w].n;
			again = true;
		}
	}
	*a = i;
	*b = e > i ? e : i;
}

/* 同比增长6.8%, 占4.2%, 下降0.5个百分点: what the figure measures (a
 * change, an increment, a share), which way, and against what. */
static void growth_of(const char *t, const quantity *q, const figure_context *ctx,
		      size_t clause, const char **aspect, const char **direction,
		      const char **basis)
{
	static const struct {
		word_ref w;
		const char *direction;
	} verbs[] = {{WORD("增长"), "up"},   {WORD("增加"), "up"},   {WORD("提高"), "up"},
		     {WORD("上升"), "up"},   {WORD("扩大"), "up"},   {WORD("上涨"), "up"},
		     {WORD("增幅"), "up"},   {WORD("下降"), "down"}, {WORD("减少"), "down"},
		     {WORD("降低"), "down"}, {WORD("回落"), "down"}, {WORD("收窄"), "down"},
		     {WORD("缩小"), "down"}, {WORD("下滑"), "down"}, {WORD("降幅"), "down"},
		     {WORD("持平"), "flat"},
		     /* 比增72.0%, 比降3%: a bulletin's 比上年增长, 比上年下降 */
		     {WORD("比增"), "up"},   {WORD("比降"), "down"}};
	*aspect = *direction = *basis = NULL;
	size_t e = q->start;
	/* skip the glue between verb and figure: 增长了, 提高到, 下降为 */
	static const word_ref glue[] = {WORD("了"), WORD("到"), WORD("为"), WORD("达"),
				    WORD("约"), WORD("近"), WORD("超过")};
	for (bool again = true; again;) {
		again = false;
		for (size_t k = 0; k < sizeof glue / sizeof *glue; k++) {
			if (ends_with_n(t, ctx->vs, e, glue[k].s, glue[k].n)) {
				e -= glue[k].n;
				again = true;
			}
		}
	}
	bool to_level = e < q->start && (starts(t + e, q->start - e, "到") ||
					 starts(t + e, q->start - e, "为"));
	for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++) {
		if (ends_with_n(t, ctx->vs, e, verbs[k].w.s, verbs[k].w.n)) {
			*direction = verbs[k].direction;
			/* 提高到68% is the new level; 提高3% the change */
			*aspect = to_level ? "level"
				  : (q->kind == Q_PERCENT || q->kind == Q_PPT ||
				     q->kind == Q_MULTIPLE || q->kind == Q_PERMILLE)
					  ? "change"
					  : "increment";
			break;
		}
	}
	/* 占4.2%, 占全市的4.2%, 比重为30% */
	if (!*aspect && (q->kind == Q_PERCENT || q->kind == Q_RATIO) &&
	    (seen_in(ctx, W_SHARE, clause, q->start) ||
	     seen_in(ctx, W_WEIGHT, clause, q->start)))
		*aspect = "share";
	if (!*aspect || str_is(*aspect, "share"))
		return;
	size_t ss = clause;
	static const struct {
		int word;
		const char *basis;
	} bases[] = {{W_YOY, "yoy"}, {W_MOM, "mom"}, {W_THAN_LAST_YEAR, "prev-year"},
		     {W_VS_LAST_YEAR, "prev-year"}, {W_THAN_PAST_YEAR, "prev-year"},
		     {W_THAN_YEAR_START, "ytd"}, {W_ANNUAL_AVG, "annual-avg"},
		     {W_AVG_EACH_YEAR, "annual-avg"}};
	for (size_t k = 0; k < sizeof bases / sizeof *bases; k++)
		if (seen_in(ctx, bases[k].word, bounded(ss, q->start), q->start)) {
			*basis = bases[k].basis;
			break;
		}
	if (!*basis && (ends_with_n(t, ctx->vs, e, "比增", 6) || ends_with_n(t, ctx->vs, e, "比降", 6)))
		*basis = "prev-year";
}

/* 上半年, 全年, 去年: a period named without its year (seen by
 * figure_context_advance()), resolved against the year the report is
 * about. */
static bool word_period(const figure_context *ctx, int k, char *out, size_t cap);

/* Does the figure at t[at] stand right after the base word (相较去年22件,
 * 比上年的4972亿元), or right after the figure that did (相较去年22件59人)? */
static bool after_base_word(const figure_context *ctx, const char *t, size_t at)
{
	if (ctx->base_word < 0)
		return false;
	if (at == ctx->base_figure_end)
		return true;
	/* (比上年决算数14.94亿元, 比上年预算执行数的: the account of that
	 * year is named between) */
	static const char *const accounts[] = {"决算数", "预算数", "预算执行数", "执行数",
					       "完成数", "实际数"};
	size_t e = ctx->base_end;
	if (at < e)
		return false;
	size_t k = starts_any(t + e, at - e, accounts, sizeof accounts / sizeof *accounts);
	if (k < sizeof accounts / sizeof *accounts)
		e += strlen(accounts[k]);
	return at == e || (at == e + 3 && starts(t + e, 3, "的"));
}

/* Does the text look back: a section of review or problems, or a
 * paragraph that looks back (过去的一年)? And does it so tell of the year
 * under review of a 政府工作报告, the one before the report's? */
static bool looks_back_here(const figure_context *ctx)
{
	return (ctx->section_kind && (str_is(ctx->section_kind, "review") ||
				      str_is(ctx->section_kind, "issues"))) ||
	       ctx->looks_back;
}

static bool tells_of_review_year(const figure_context *ctx)
{
	return ctx->own_year_ahead && looks_back_here(ctx);
}

/* The month written at t[i] (2月, ２月 as the view has it, 十二月) and
 * not the start of a span of months (1至5月, 一到五月): 1..12, else 0. */
static int month_at(const char *t, size_t i, size_t end)
{
	int m = 0;
	size_t used = 0;
	if (i < end && t[i] >= '0' && t[i] <= '9') {
		m = t[i] - '0';
		used = 1;
		if (i + 1 < end && t[i + 1] >= '0' && t[i + 1] <= '9') {
			m = m * 10 + (t[i + 1] - '0');
			used = 2;
		}
	} else if (starts(t + i, end - i, "十")) {
		m = 10;
		used = 3;
		int d = numeral_cn_digit(t + i + 3, end - i - 3, &used);
		if (d == 1 || d == 2) {
			m += d;
			used += 3;
		} else {
			used = 3;
		}
	} else {
		int d = numeral_cn_digit(t + i, end - i, &used);
		if (d >= 1 && d <= 9)
			m = d;
	}
	if (m < 1 || m > 12 || !starts(t + i + used, end - i - used, "月"))
		return 0;
	/* (从去年7月到现在: where a span starts) */
	size_t e = i + used + 3;
	if (starts(t + e, end - e, "底") || starts(t + e, end - e, "末") ||
	    starts(t + e, end - e, "份"))
		e += 3;
	if (starts(t + e, end - e, "到") || starts(t + e, end - e, "至"))
		return 0;
	return m;
}

static bool relative_period(const figure_context *ctx, const char *t, size_t at,
			    char *out, size_t cap)
{
	/* 相较去年22件, 比上年的4972亿元: the base figure is of that year */
	int k = ctx->period_word;
	bool base = after_base_word(ctx, t, at);
	if (base)
		k = ctx->base_word;
	/* 比上年增长10.2%, and no other word: of the year the text is
	 * about, as if it said 全年 (but 比去年同期 compares a part of it) */
	else if (k < 0 && ctx->base_word >= 0 && !starts(t + ctx->base_end, ctx->ve - ctx->base_end, "同期"))
		k = whole_year();
	if (!word_period(ctx, k, out, cap))
		return false;
	/* (常住人口由上年729万人增加到732万人 in the review of the report of
	 * 2026: the year before the one under review, 2024) */
	if (base && str_is(period_words[k].word, "上年") && tells_of_review_year(ctx))
		snprintf(out, cap, "%04d", ctx->doc_year - 2);
	/* (截至今年２月底: the month the year word goes on to) */
	int month;
	if (!base && k == ctx->period_word && strlen(out) == 4 && ctx->period_end < at &&
	    (month = month_at(t, ctx->period_end, at)) > 0 && cap > 8)
		snprintf(out + 4, cap - 4, "-%02d", month);
	return true;
}

/* The period that period word k names, resolved against the year the
 * report is about. */
static bool word_period(const figure_context *ctx, int k, char *out, size_t cap)
{
	if (!ctx->doc_year || k < 0)
		return false;
	const struct period_word *w = &period_words[k];
	if (w->span) {
		/* 五年来 in the 政府工作报告 of 2026 or in a plan for it: 2021 to
		 * 2025; in the 工作总结 of 2020, 2016 to 2020 */
		bool ahead = ctx->own_year_ahead || ctx->future_doc;
		int n = w->span < 0 ? -w->span : w->span, from;
		if (w->span < 0)
			from = (ahead ? ctx->doc_year - 1 : ctx->doc_year) - n + 1;
		else
			from = ahead ? ctx->doc_year : ctx->doc_year + 1;
		snprintf(out, cap, "%04d/%04d", from, from + n - 1);
		return true;
	}
	int year = ctx->doc_year + w->delta;
	/* 全年, 上半年 in the review of a 政府工作报告 (or in its problems, or in
	 * a paragraph that looks back: 过去的一年) are of the year under
	 * review, the one before the report's; 去年, 今年 and 本年 are the
	 * speaker's, as they are everywhere */
	bool speakers = strncmp(w->word, "今年", 6) == 0 || strncmp(w->word, "本年", 6) == 0;
	/* (but under 一、１９５５年国家决算, 本年 and 全年 are of 1955, the year
	 * the heading names; 今年 is still the speaker's) */
	if (w->delta == 0 && ctx->section_year && strncmp(w->word, "今年", 6) != 0)
		year = ctx->section_year;
	if (w->delta == 0 && !speakers && tells_of_review_year(ctx) && year == ctx->doc_year)
		year--;
	if (w->months)
		snprintf(out, cap, "%04d-01/%04d-%02d", year % 10000, year % 10000, w->months % 100);
	else
		snprintf(out, cap, "%04d%s", year, w->suffix);
	return true;
}

/* The years that a count of years (五年内, 五年累计) in the sentence spans:
 * in a plan, in the plans of a report or after a target's cue, those
 * ahead, the five of the five-year plan that a report's year falls in
 * (五年内 in the report of 1982 on the sixth plan: 1981 to 1985); in a
 * review, those up to the year under review; elsewhere none. */
static bool counted_years(const figure_context *ctx, char *out, size_t cap)
{
	if (!ctx->doc_year || ctx->count_word < 0)
		return false;
	int n = period_words[ctx->count_word].span;
	bool ahead = ctx->future_doc ||
		     (ctx->section_kind && str_is(ctx->section_kind, "plan")) ||
		     (ctx->target_at != NO_CUE && ctx->target_at >= ctx->sentence);
	bool back = looks_back_here(ctx);
	if (ahead == back)
		return false; /* (the text does not say which) */
	int from = (ctx->own_year_ahead ? ctx->doc_year - 1 : ctx->doc_year) - n + 1;
	if (ahead) {
		from = ctx->own_year_ahead || ctx->future_doc ? ctx->doc_year : ctx->doc_year + 1;
		if (n == 5 && ctx->own_year_ahead && ctx->doc_year >= plan_first_year(3))
			from = plan_first_year(3 + (ctx->doc_year - plan_first_year(3)) / 5);
	}
	snprintf(out, cap, "%04d/%04d", from, from + n - 1);
	return true;
}

static void attr_dec(rpt_doc *d, int32_t n, const char *name, decimal v)
{
	char tmp[48];
	size_t k = dec_format(v, tmp, sizeof tmp);
	doc_attr_new(d, n, name, tmp, k);
}

/* Writes word at out + len as far as it fits in cap with room for the
 * NUL, and returns len plus the length of word, as snprintf would. */
static size_t put_word(char *out, size_t cap, size_t len, const char *word)
{
	size_t n = strlen(word);
	if (len + 1 < cap) {
		size_t fit = n < cap - 1 - len ? n : cap - 1 - len;
		memcpy(out + len, word, fit);
		out[len + fit] = '\0';
	}
	return len + n;
}

void indicator_emit(scan *s, int32_t parent, const quantity *q,
		    figure_context *ctx)
{
	rpt_doc *d = s->doc;
	const char *t = s->v->text;
	int32_t n = scan_add(s, parent, N_INDICATOR, q->start, q->end);
	if (n == NO_NODE)
		return;
	doc_attr_new_str(d, n, "kind", qkind_name(q->kind));
	attr_dec(d, n, "value", q->value);
	if (q->unit[0] && q->per_len && (q->kind == Q_QUANTITY || q->kind == Q_COUNT)) {
		/* 吨/日 as written; money keeps its currency code alone */
		char unit[96];
		int k = snprintf(unit, sizeof unit, "%s/%.*s", q->unit, (int)q->per_len,
				 t + q->per_at);
		if (k > 0 && (size_t)k < sizeof unit)
			doc_attr_new(d, n, "unit", unit, (size_t)k);
		else
			doc_attr_new_str(d, n, "unit", q->unit);
	} else if (q->unit[0]) {
		doc_attr_new_str(d, n, "unit", q->unit);
	}
	if (q->num[0])
		doc_attr_new_str(d, n, "num", q->num);
	if (dec_cmp(q->magnitude, dec_int(1)) != 0)
		attr_dec(d, n, "magnitude", q->magnitude);
	doc_attr_new_str(d, n, "qualifier", q->qualifier);
	if (q->approx)
		doc_attr_new_str(d, n, "approx", "true");
	if (q->has_min) {
		attr_dec(d, n, "min", q->min);
		if (q->min_excl)
			doc_attr_new_str(d, n, "min-excl", "true");
	}
	if (q->has_max) {
		attr_dec(d, n, "max", q->max);
		if (q->max_excl)
			doc_attr_new_str(d, n, "max-excl", "true");
	}
	if (q->kind == Q_NUMBER || q->kind == Q_ORDINAL)
		return;

	/* the text up to the figure read once, and its clause found once */
	figure_context_advance(ctx, t, q->start);
	size_t clause = clause_start(t, ctx->sentence, q->start);
	size_t ss = ctx->sentence, ps = ctx->period_sentence;
	char rel[32]; /* (room for two years of any int) */
	const char *period = NULL;
	bool dated = ctx->last_date[0] && ctx->last_date_end >= ps &&
		     ctx->last_date_end <= q->start;
	bool compared = dated && date_is_comparison(t, ctx, ps);
	/* 由1980年的81万人增加到231万人, 比1980年的50万吨增加19万吨: the year
	 * of a base is of the figure right after it only */
	/* (2000年…利润2392亿元，为1997年的2.9倍: a multiple of a year's level is
	 * of the year compared, not of that one) */
	size_t de = ctx->last_date_end;
	/* (是2021年度…人均纯收入10891.4元的92.4%: and so is a share of a
	 * figure of the year) */
	bool share_of_figure = dated && ctx->prev_figure_end > de && q->start >= 3 &&
			       ctx->prev_figure_end + 3 == q->start &&
			       starts(t + q->start - 3, 3, "的") && q->kind == Q_PERCENT &&
			       !clause_mark_in(t, de, q->start);
	bool times = dated && (multiple_of_year(t, ctx, ps) || share_of_figure);
	bool at_date = (q->start == de || (q->start == de + 3 && starts(t + de, 3, "的"))) &&
		       !times;
	bool from = dated && date_is_base(t, ctx, ps);
	compared = compared || times;
	bool base = dated && (compared || from);
	/* (由1980年的每吨585公斤降为570公斤: the first figure after the year a
	 * change starts from is of that year) */
	/* (and the figures listed with it: 从2020年的645元/月、4318元/年) */
	bool listed = from && ctx->date_figure_end != NO_CUE && q->start >= 3 &&
		      ctx->date_figure_end + 3 == q->start && starts(t + q->start - 3, 3, "、");
	at_date = at_date || (from && !ctx->date_has_figure) || listed;
	ctx->date_figure_end = at_date && from ? q->end : NO_CUE;
	ctx->date_has_figure = true;
	/* (1979年…比上年增长14.5%；今年上半年…增长17.9%: a period word
	 * after the date, not right after it, is the later period; but in
	 * 1956年职工全年的平均工资 a word without a year of its own, in the
	 * date's clause, is of the date's year) */
	if (dated && ctx->period_word >= 0 && ctx->period_word_at > ctx->last_date_end &&
	    (period_words[ctx->period_word].delta != 0 ||
	     starts(period_words[ctx->period_word].word, 6, "今年") ||
	     starts(period_words[ctx->period_word].word, 6, "本年") ||
	     clause_mark_in(t, ctx->last_date_end, ctx->period_word_at)))
		dated = base = false;
	/* (1990年，…投资比重由上年的3.3%上升到4.1%: the year before the
	 * date's) */
	bool year_before_date = dated && after_base_word(ctx, t, q->start) &&
				period_words[ctx->base_word].delta != 0 &&
				strlen(ctx->last_date) == 4;
	if (year_before_date) {
		snprintf(rel, sizeof rel, "%04d",
			 period_year(ctx->last_date) + period_words[ctx->base_word].delta);
		period = rel;
	} else if (dated && (at_date || !base))
		period = ctx->last_date;
	/* 一九八二年预计比一九八一年增长百分之八点九: past the base, the
	 * date before it is the figure's */
	else if (base && ctx->own_date[0] && ctx->own_date_end >= ps)
		period = ctx->own_date;
	else if (relative_period(ctx, t, q->start, rel, sizeof rel))
		period = rel;

	/* 一般公共预算收入从3826.5亿元增长到5587亿元: where a change starts
	 * from is of a time before the sentence's period, which the text
	 * leaves unsaid (but 由1980年的81万人 names it, and in 由2010年的162.4
	 * 亿元增加到2015年的287.9亿元；…支出由11.66亿元增加到29.33亿元 the
	 * second change starts from the year the first did) */
	if (after_base_word(ctx, t, q->start)) {
		ctx->base_figure_end = q->end;
		/* (…由上年的68.6%上升到72.2%，非生产性投资比重相应由31.4%下降为
		 * 27.8%: the changes after it start from the same year) */
		size_t w = ctx->base_end - strlen(period_words[ctx->base_word].word);
		if (period && (ends_with(t, ps, w, "由") || ends_with(t, ps, w, "从"))) {
			snprintf(ctx->from_date, sizeof ctx->from_date, "%s", period);
			ctx->from_date_end = q->end;
		}
	}
	bool change_start = starts_change(t, clause, q, ctx->ve);
	if (!(dated && at_date) && change_start)
		period = ctx->from_date[0] && ctx->from_date_end >= ps ? ctx->from_date : NULL;
	/* 由2010年的162.4亿元增加到2015年的287.9亿元，年均增长12.1%: the average
	 * of the years after the first the sentence names, the base, up to its
	 * period (2011/2015, the years of the growth, as “十二五” names them) */
	char span[32];
	if (period && strlen(period) == 4 &&
	    (seen_in(ctx, W_ANNUAL_AVG, bounded(clause, q->start), q->start) ||
	     seen_in(ctx, W_AVG_EACH_YEAR, bounded(clause, q->start), q->start))) {
		int y = first_year(period), x = y;
		if (ctx->from_date[0] && ctx->from_date_end >= ps)
			x = first_year(ctx->from_date);
		if (base && first_year(ctx->last_date) < x)
			x = first_year(ctx->last_date);
		if (ctx->own_date[0] && ctx->own_date_end >= ps && first_year(ctx->own_date) < x)
			x = first_year(ctx->own_date);
		/* (…一九八二年预计比一九八一年增长百分之五，两年平均每年递增百分之
		 * 五点三: the years are counted, whatever base came last) */
		size_t w = ctx->word_at[W_AVG_EACH_YEAR], used;
		int n_years = 0;
		if (seen_in(ctx, W_AVG_EACH_YEAR, bounded(clause, q->start), q->start) &&
		    w >= clause + 6 && memcmp(t + w - 3, "年", 3) == 0)
			n_years = numeral_cn_digit(t + w - 6, 3, &used);
		if (n_years >= 2 && n_years <= 10) {
			x = y - n_years;
			/* (超过了前三年平均每年增加的: the three years before) */
			if (w >= clause + 9 && memcmp(t + w - 9, "前", 3) == 0) {
				x--;
				y--;
			}
		}
		if (x > 1900 && x + 1 < y) {
			snprintf(span, sizeof span, "%04d/%04d", x + 1, y);
			period = span;
		}
	}
	/* 五年来，民生保障扎实有力。…新增床位6639张: a sentence that names no
	 * period has the one its paragraph opened with */
	if (!period && !change_start && ctx->para_done && ctx->para_period[0])
		period = ctx->para_period;
	/* (一年来，全市生产总值增长4.8%，…: and so does the figure of the
	 * opening sentence itself, as 五年来， gives its own) */
	char opening[32];
	if (!period && !change_start && !ctx->para_done && past_year_opens(t, ctx->vs, ctx->ve) &&
	    word_period(ctx, whole_year(), opening, sizeof opening))
		period = opening;
	char counted[32];
	if (!period && !change_start && counted_years(ctx, counted, sizeof counted))
		period = counted;
	/* a statistical bulletin tells of its year: 全区邮电业务总收入3.80亿元 */
	char bulletin_year[8];
	if (!period && !change_start && ctx->bulletin_doc && ctx->doc_year > 0 &&
	    ctx->doc_year < 10000) {
		snprintf(bulletin_year, sizeof bulletin_year, "%04d", ctx->doc_year);
		period = bulletin_year;
	}
	/* the role's cues end at a ;, and so does the comparison it reads */
	bool compared_here = ctx->last_date_end >= ss && dated && date_is_comparison(t, ctx, ss);
	const char *cue;
	const char *role = role_of(t, q, ctx, clause, period, compared_here, change_start, &cue);
	doc_attr_new_str(d, n, "role", role);
	if (period)
		doc_attr_new_str(d, n, "period", period);

	const char *aspect, *direction, *basis;
	growth_of(t, q, ctx, clause, &aspect, &direction, &basis);
	if (aspect)
		doc_attr_new_str(d, n, "aspect", aspect);
	if (direction)
		doc_attr_new_str(d, n, "direction", direction);
	if (basis)
		doc_attr_new_str(d, n, "basis", basis);

	size_t a, b;
	subject_of(t, q, ctx, &a, &b);
	/* 全市生产总值从4.27万亿元增加到5.67万亿元: the level reached is of
	 * what the change started from (its subject would be 万亿元增加到) */
	size_t from_end = ctx->change_from_end;
	if (change_start) {
		ctx->change_from_end = q->end;
		ctx->change_subject_start = a;
		ctx->change_subject_end = b;
	} else if (from_end != NO_CUE && from_end < q->start && from_end >= ctx->vs &&
		   quantity_change_word(t + from_end, q->start - from_end) == q->start - from_end) {
		a = ctx->change_subject_start;
		b = ctx->change_subject_end;
	}
	if (b > a)
		doc_attr_new(d, n, "subject", d->text + fold_orig(s->v, a),
			 fold_orig(s->v, b) - fold_orig(s->v, a));
	ctx->prev_figure_end = q->end;

	char cues[64];
	size_t cl = 0;
	if (cue)
		cl = put_word(cues, sizeof cues, cl, cue);
	if (q->cue && cl + 1 < sizeof cues) {
		if (cl)
			cl = put_word(cues, sizeof cues, cl, " ");
		cl = put_word(cues, sizeof cues, cl, q->cue);
	}
	if (cl)
		doc_attr_new(d, n, "cues", cues, cl < sizeof cues ? cl : sizeof cues - 1);

	/* 其中，种植业…308.2亿元: a part of an aggregate named before it in
	 * the sentence; totals must not add it to its whole. */
	if (seen_in(ctx, W_AMONG, bounded(ss, q->start), q->start)) {
		doc_flag(d, n, "flags", "part");
		if (ctx->part_sentence != ctx->period_sentence && b >= a + 9) {
			ctx->part_sentence = ctx->period_sentence;
			ctx->part_subject_start = a;
			ctx->part_subject_end = b;
			ctx->whole_start = ctx->prev_subject_start;
			ctx->whole_end = ctx->prev_subject_end;
		}
	} else if (ctx->part_sentence == ctx->period_sentence && b >= a + 9 &&
		   sibling_part(t, ctx, a, b)) {
		doc_flag(d, n, "flags", "part");
	}
	if (b > a) {
		ctx->prev_subject_start = a;
		ctx->prev_subject_end = b;
	}
}
