#include "quantity.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "numeral.h"
#include "utf8.h"
#include "wordindex.h"

const char *qkind_name(qkind kind)
{
	static const char *const names[Q_KIND_COUNT] = {
		"money", "count", "quantity", "percent", "ppt", "permille",
		"ratio", "multiple", "number", "ordinal", "duration", "skip"};
	return names[kind];
}

typedef struct unit_def {
	/* as written after the numeral (23 bytes at most); held in the
	 * entry so that match_unit() tests its first bytes without a pointer */
	char text[24];
	qkind kind;
	const char *unit;  /* normalised unit */
	int shift;         /* value *= 10^shift (千元 → 3) */
} unit_def;

/* Longest spellings first wherever one begins another. */
static const unit_def units[] = {
	/* money */
	{"万亿元", Q_MONEY, "CNY", 12}, {"千元", Q_MONEY, "CNY", 3},
	{"元人民币", Q_MONEY, "CNY", 0}, {"元人民幣", Q_MONEY, "CNY", 0},
	{"元", Q_MONEY, "CNY", 0},
	{"人民币", Q_MONEY, "CNY", 0}, {"人民幣", Q_MONEY, "CNY", 0},
	{"块钱", Q_MONEY, "CNY", 0}, {"塊錢", Q_MONEY, "CNY", 0},
	{"美元", Q_MONEY, "USD", 0}, {"美金", Q_MONEY, "USD", 0},
	{"欧元", Q_MONEY, "EUR", 0}, {"港元", Q_MONEY, "HKD", 0},
	{"港币", Q_MONEY, "HKD", 0}, {"港幣", Q_MONEY, "HKD", 0},
	{"日元", Q_MONEY, "JPY", 0}, {"日圓", Q_MONEY, "JPY", 0},
	{"歐元", Q_MONEY, "EUR", 0}, {"英鎊", Q_MONEY, "GBP", 0},
	{"韓元", Q_MONEY, "KRW", 0}, {"新台币", Q_MONEY, "TWD", 0},
	{"新台幣", Q_MONEY, "TWD", 0}, {"台幣", Q_MONEY, "TWD", 0},
	{"英镑", Q_MONEY, "GBP", 0}, {"韩元", Q_MONEY, "KRW", 0},
	{"澳元", Q_MONEY, "AUD", 0}, {"卢布", Q_MONEY, "RUB", 0},
	{"台币", Q_MONEY, "TWD", 0}, {"泰铢", Q_MONEY, "THB", 0},
	{"瑞士法郎", Q_MONEY, "CHF", 0}, {"法郎", Q_MONEY, "CHF", 0},
	{"奈拉", Q_MONEY, "NGN", 0}, {"美圆", Q_MONEY, "USD", 0},
	{"日币", Q_MONEY, "JPY", 0}, {"卢比", Q_MONEY, "INR", 0},
	{"新加坡元", Q_MONEY, "SGD", 0}, {"加元", Q_MONEY, "CAD", 0},
	{"圆", Q_MONEY, "CNY", 0}, {"角", Q_MONEY, "CNY", -1},
	{"毛", Q_MONEY, "CNY", -1},
	/* shares and ratios */
	{"个百分点", Q_PPT, "pp", 0},
	{"個百分點", Q_PPT, "pp", 0}, {"百分点", Q_PPT, "pp", 0},
	{"百分點", Q_PPT, "pp", 0}, {"‰", Q_PERMILLE, "‰", 0},
	/* 出生率下降5个千分点: points of a rate per thousand */
	{"个千分点", Q_PERMILLE, "‰", 0}, {"千分点", Q_PERMILLE, "‰", 0},
	{"倍", Q_MULTIPLE, "倍", 0},
	/* durations: never figures */
	{"个工作日", Q_DURATION, "", 0}, {"个月", Q_DURATION, "", 0},
	{"个季度", Q_DURATION, "", 0}, {"季度", Q_DURATION, "", 0},
	{"个星期", Q_DURATION, "", 0}, {"星期", Q_DURATION, "", 0},
	{"周岁", Q_DURATION, "", 0}, {"小时", Q_DURATION, "", 0},
	{"分钟", Q_DURATION, "", 0}, {"年", Q_DURATION, "", 0},
	{"岁", Q_DURATION, "", 0}, {"天", Q_DURATION, "", 0},
	{"日", Q_DURATION, "", 0}, {"月", Q_DURATION, "", 0},
	{"周", Q_DURATION, "", 0}, {"秒", Q_DURATION, "", 0},
	/* physical quantities */
	{"平方公里", Q_QUANTITY, "平方公里", 0}, {"平方千米", Q_QUANTITY, "平方千米", 0},
	{"平方米", Q_QUANTITY, "平方米", 0}, {"立方米", Q_QUANTITY, "立方米", 0},
	{"千瓦时", Q_QUANTITY, "千瓦时", 0}, {"千瓦小时", Q_QUANTITY, "千瓦小时", 0},
	{"千瓦", Q_QUANTITY, "千瓦", 0},
	{"兆瓦", Q_QUANTITY, "兆瓦", 0}, {"吨标准煤", Q_QUANTITY, "吨标准煤", 0},
	{"吨公里", Q_QUANTITY, "吨公里", 0}, {"总吨", Q_QUANTITY, "总吨", 0},
	{"吨", Q_QUANTITY, "吨", 0}, {"㎡", Q_QUANTITY, "㎡", 0},
	{"㎞", Q_QUANTITY, "㎞", 0},
	{"公噸", Q_QUANTITY, "公噸", 0}, {"噸", Q_QUANTITY, "噸", 0},
	{"农村人口", Q_COUNT, "人", 0}, {"城镇人口", Q_COUNT, "人", 0},
	{"人口", Q_COUNT, "人", 0},
	/* 防治12.4万亩次, 开机1127台时: an area worked so many times over,
	 * the hours or shifts of machines (before 亩 and 台) */
	{"亩次", Q_QUANTITY, "亩次", 0}, {"台时", Q_QUANTITY, "台时", 0},
	{"台班", Q_QUANTITY, "台班", 0},
	{"公顷", Q_QUANTITY, "公顷", 0}, {"亩", Q_QUANTITY, "亩", 0},
	{"畝", Q_QUANTITY, "亩", 0},
	{"公里", Q_QUANTITY, "公里", 0}, {"千米", Q_QUANTITY, "千米", 0},
	{"公斤", Q_QUANTITY, "公斤", 0}, {"千克", Q_QUANTITY, "千克", 0},
	{"米", Q_QUANTITY, "米", 0}, {"斤", Q_QUANTITY, "斤", 0},
	{"担", Q_QUANTITY, "担", 0}, {"度", Q_QUANTITY, "度", 0},
	{"升", Q_QUANTITY, "升", 0}, {"克", Q_QUANTITY, "克", 0},
	{"标箱", Q_QUANTITY, "标箱", 0}, {"标准箱", Q_QUANTITY, "标准箱", 0},
	{"重量箱", Q_QUANTITY, "重量箱", 0}, {"印张", Q_QUANTITY, "印张", 0},
	{"箱", Q_QUANTITY, "箱", 0}, {"马力", Q_QUANTITY, "马力", 0},
	{"千卡", Q_QUANTITY, "千卡", 0}, {"土方", Q_QUANTITY, "土方", 0},
	{"人公里", Q_QUANTITY, "人公里", 0},
	/* the metre as printed before 1959 */
	{"平方公尺", Q_QUANTITY, "平方公尺", 0}, {"立方公尺", Q_QUANTITY, "立方公尺", 0},
	{"公尺", Q_QUANTITY, "公尺", 0},
	/* 公升 is the litre under another name, as 個 is 个 */
	{"公升", Q_QUANTITY, "升", 0}, {"毫升", Q_QUANTITY, "毫升", 0},
	{"千升", Q_QUANTITY, "千升", 0},
	{"公分", Q_QUANTITY, "公分", 0}, {"厘米", Q_QUANTITY, "厘米", 0},
	/* concentrations: PM2.5年均浓度为26.3微克/立方米 */
	{"微克/立方米", Q_QUANTITY, "微克/立方米", 0},
	{"微克每立方米", Q_QUANTITY, "微克/立方米", 0},
	{"毫克/立方米", Q_QUANTITY, "毫克/立方米", 0},
	{"毫克每立方米", Q_QUANTITY, "毫克/立方米", 0},
	{"毫克/升", Q_QUANTITY, "毫克/升", 0}, {"微克", Q_QUANTITY, "微克", 0},
	{"毫米", Q_QUANTITY, "毫米", 0}, {"毫克", Q_QUANTITY, "毫克", 0},
	{"摄氏度", Q_QUANTITY, "℃", 0}, {"攝氏度", Q_QUANTITY, "℃", 0},
	{"℃", Q_QUANTITY, "℃", 0},
	{"英里", Q_QUANTITY, "英里", 0}, {"英裏", Q_QUANTITY, "英里", 0},
	{"加仑", Q_QUANTITY, "加仑", 0}, {"加侖", Q_QUANTITY, "加仑", 0},
	/* counts: classifiers */
	{"人次", Q_COUNT, "人次", 0}, {"航次", Q_COUNT, "航次", 0},
	{"批次", Q_COUNT, "批次", 0}, {"部门", Q_COUNT, "部门", 0},
	/* 261场次, 1000余家次: a count of times, not of things */
	{"场次", Q_COUNT, "场次", 0}, {"家次", Q_COUNT, "家次", 0},
	{"轮次", Q_COUNT, "轮次", 0}, {"件次", Q_COUNT, "件次", 0},
	{"户次", Q_COUNT, "户次", 0}, {"架次", Q_COUNT, "架次", 0},
	{"艘次", Q_COUNT, "艘次", 0}, {"车次", Q_COUNT, "车次", 0},
	{"台次", Q_COUNT, "台次", 0}, {"项次", Q_COUNT, "项次", 0},
	{"起次", Q_COUNT, "起次", 0}, {"标准台", Q_COUNT, "标准台", 0},
	/* 惠及2900多万家庭: households, not 家 */
	{"家庭", Q_COUNT, "家庭", 0},
	{"家", Q_COUNT, "家", 0}, {"个", Q_COUNT, "个", 0},
	{"個", Q_COUNT, "个", 0}, {"戶", Q_COUNT, "户", 0}, {"項", Q_COUNT, "项", 0},
	{"类", Q_COUNT, "类", 0}, {"项", Q_COUNT, "项", 0},
	{"人", Q_COUNT, "人", 0}, {"名", Q_COUNT, "名", 0},
	{"户", Q_COUNT, "户", 0}, {"所", Q_COUNT, "所", 0},
	{"座", Q_COUNT, "座", 0}, {"条", Q_COUNT, "条", 0},
	{"村", Q_COUNT, "村", 0}, {"批", Q_COUNT, "批", 0},
	{"套", Q_COUNT, "套", 0}, {"台", Q_COUNT, "台", 0},
	{"册", Q_COUNT, "册", 0}, {"列", Q_COUNT, "列", 0},
	{"锭", Q_COUNT, "锭", 0},
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
	{"塊", Q_COUNT, "块", 0},
	{"轮", Q_COUNT, "轮", 0}, {"例", Q_COUNT, "例", 0},
	{"次", Q_COUNT, "次", 0},
	{"部", Q_COUNT, "部", 0}, {"本", Q_COUNT, "本", 0},
	{"粒", Q_COUNT, "粒", 0}, {"口", Q_COUNT, "口", 0},
	{"尾", Q_COUNT, "尾", 0}, {"匹", Q_COUNT, "匹", 0},
	{"颗", Q_COUNT, "颗", 0}, {"款", Q_COUNT, "款", 0},
	/* 567对新人, 2860万门 (telephone lines), 培训班40期, 4000班次,
	 * 1000单 (orders): see read_unit for 1对1, 对接, 二期工程, 单位 */
	{"班次", Q_COUNT, "班次", 0}, {"趟次", Q_COUNT, "趟次", 0},
	{"对", Q_COUNT, "对", 0}, {"門", Q_COUNT, "门", 0}, {"门", Q_COUNT, "门", 0},
	{"期", Q_COUNT, "期", 0}, {"单", Q_COUNT, "单", 0},
};

/* Units written in ASCII, apart so that a Han unit is looked for only
 * among Han ones. Letter symbols come after every longer spelling (m² mm
 * mg) and count only before a non-letter (see read_unit): 168cm, 250m,
 * 0.5L. A bare g is left out: scanned books carry page marks like
 * "· 32g ·". */
static const unit_def ascii_units[] = {
	{"%", Q_PERCENT, "%", 0},
	{"km", Q_QUANTITY, "km", 0}, {"kg", Q_QUANTITY, "kg", 0},
	{"kWh", Q_QUANTITY, "kWh", 0}, {"GWh", Q_QUANTITY, "GWh", 0},
	{"MWh", Q_QUANTITY, "MWh", 0}, {"kW", Q_QUANTITY, "kW", 0},
	{"MW", Q_QUANTITY, "MW", 0}, {"GW", Q_QUANTITY, "GW", 0},
	{"m³", Q_QUANTITY, "m³", 0}, {"m²", Q_QUANTITY, "m²", 0},
	{"cm", Q_QUANTITY, "cm", 0}, {"CM", Q_QUANTITY, "cm", 0},
	{"mm", Q_QUANTITY, "mm", 0}, {"mg", Q_QUANTITY, "mg", 0},
	{"mL", Q_QUANTITY, "mL", 0}, {"ml", Q_QUANTITY, "mL", 0},
	/* computing power (算力): 160EFLOPS, 2.2万PFlops */
	{"EFLOPS", Q_QUANTITY, "EFLOPS", 0}, {"EFlops", Q_QUANTITY, "EFlops", 0},
	{"Eflops", Q_QUANTITY, "Eflops", 0}, {"PFLOPS", Q_QUANTITY, "PFLOPS", 0},
	{"PFlops", Q_QUANTITY, "PFlops", 0}, {"Pflops", Q_QUANTITY, "Pflops", 0},
	{"TFLOPS", Q_QUANTITY, "TFLOPS", 0}, {"TFlops", Q_QUANTITY, "TFlops", 0},
	{"Tflops", Q_QUANTITY, "Tflops", 0},
	{"m", Q_QUANTITY, "m", 0}, {"L", Q_QUANTITY, "L", 0},
};

/* Matches lit at s, letting single spaces stand between its characters
 * (个 百 分点, as PDF text and careless typing leave them). */
static bool match_spaced_rest(const char *s, size_t len, const char *lit, size_t *used)
{
	size_t i = 0, j = 0;
	while (lit[j]) {
		if (j > 0 && i < len && s[i] == ' ') {
			i++;
			continue;
		}
		/* a character of one to four bytes: compared in place, as a
		 * call to memcmp costs more than the bytes */
		size_t c = utf8_len((unsigned char)lit[j]);
		if (i + c > len)
			return false;
		for (size_t k = 0; k < c; k++)
			if (s[i + k] != lit[j + k])
				return false;
		i += c;
		j += c;
	}
	*used = i;
	return true;
}

/* No space may come before the first character, and most calls end
 * there: that test is made where the call is. */
static inline bool match_spaced(const char *s, size_t len, const char *lit, size_t *used)
{
	return len > 0 && s[0] == lit[0] && match_spaced_rest(s, len, lit, used);
}

/* The Han units by their first character; ids are indexes into units[],
 * so longest spellings still come first. */
enum { N_UNITS = sizeof units / sizeof *units };
_Static_assert(N_UNITS <= WORD_INDEX_MAX, "the unit index holds every unit");
static word_index unit_index;
static pthread_once_t unit_index_once = PTHREAD_ONCE_INIT;

static const char *unit_word(size_t id) { return units[id].text; }

static void build_unit_index(void) { word_index_build(&unit_index, N_UNITS, unit_word); }

static const unit_def *match_unit(const char *s, size_t len, size_t *used)
{
	if (len == 0)
		return NULL;
	if ((unsigned char)s[0] < 0x80) {
		for (size_t k = 0; k < sizeof ascii_units / sizeof *ascii_units; k++)
			if (ascii_units[k].text[0] == s[0] &&
			    match_spaced(s, len, ascii_units[k].text, used))
				return &ascii_units[k];
		return NULL;
	}
	/* μg/m3, µg/m³: the microgram, in Greek or as the micro sign, the
	 * one unit led by a character of two bytes */
	static const unit_def micro[] = {{"μg/m3", Q_QUANTITY, "微克/立方米", 0},
					 {"μg/m³", Q_QUANTITY, "微克/立方米", 0},
					 {"µg/m3", Q_QUANTITY, "微克/立方米", 0},
					 {"µg/m³", Q_QUANTITY, "微克/立方米", 0}};
	if ((unsigned char)s[0] == 0xCE || (unsigned char)s[0] == 0xC2) {
		for (size_t k = 0; k < sizeof micro / sizeof *micro; k++)
			if (match_spaced(s, len, micro[k].text, used))
				return &micro[k];
		return NULL;
	}
	/* every Han unit begins with a character of three bytes */
	if (len < 3)
		return NULL;
	pthread_once(&unit_index_once, build_unit_index);
	size_t n;
	const uint16_t *ids = word_index_bucket(&unit_index, s, &n);
	for (size_t k = 0; k < n; k++) {
		const unit_def *u = &units[ids[k]];
		if (memcmp(u->text, s, 3) == 0 && match_spaced(s, len, u->text, used))
			return u;
	}
	return NULL;
}

static bool ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	       (c >= 'a' && c <= 'z');
}

/* Does t[lo, i) end in GDP, CPI, PPI or PMI, measures of an economy? */
static bool measure_before(const char *t, size_t lo, size_t i)
{
	static const char *const measures[] = {"GDP", "CPI", "PPI", "PMI"};
	enum { N = sizeof measures / sizeof *measures };
	return ends_any(t, lo, i, measures, N) < N &&
	       !(i >= lo + 4 && ascii_alnum(t[i - 4])); /* (not inside a longer code) */
}

/* 算力规模超2.2万P: a bare P is petaflops after words of computing power,
 * and nothing of its own elsewhere (1080P video, 3P air conditioners). */
static const unit_def petaflops = {"P", Q_QUANTITY, "P", 0};

/* Is a bare P at t[i] the unit of computing power: no letter or digit
 * after it, and 算力 or 智算 within the twenty characters before start? */
static bool petaflops_at(const char *t, size_t lo, size_t start, size_t i, size_t hi)
{
	if (i >= hi || t[i] != 'P' || (i + 1 < hi && ascii_alnum(t[i + 1])))
		return false;
	for (size_t k = start - lo > 60 ? start - 60 : lo; k + 3 <= start; k++)
		if (starts(t + k, start - k, "算") &&
		    (starts(t + k + 3, start - k - 3, "力") ||
		     (k >= lo + 3 && starts(t + k - 3, 3, "智"))))
			return true;
	return false;
}

static const unit_def cubic_metre = {"方", Q_QUANTITY, "方", 0};

static bool word_after_fang(const char *t, size_t i, size_t hi)
{
	static const char *const words[] = {"面", "案", "式", "向", "法", "针", "位", "略"};
	enum { N = sizeof words / sizeof *words };
	return starts_any(t + i, hi - i, words, N) < N;
}

/* 1000多万失业人员, 6000万低保人员, 13亿城乡居民, 76万群众: with a
 * magnitude, a number of people is written without its classifier,
 * before the noun that names them. */
static const unit_def people = {"人", Q_COUNT, "人", 0};

/* A number written with a magnitude (1000多万, 13亿) or, in Chinese
 * numerals, with the place of 万 or more (八千万): one that may count
 * people without a classifier. */
static bool large_number(const numeral *n)
{
	return dec_cmp(n->magnitude, dec_int(1)) > 0 || (n->chinese && n->trailing >= 10000);
}

/* Does a noun of people follow at t[i]: up to six Han characters
 * (建档立卡贫困人口), then a word for people? */
static bool people_noun_at(const char *t, size_t i, size_t hi)
{
	static const char *const nouns[] = {"人员", "群众", "居民", "儿童", "学生", "农民",
					    "婴幼儿", "纳税人", "在校生", "职工", "人口",
					    "老人", "妇女", "患者", "中国人", "农牧民",
					    "毕业生", "劳动力", "工人", "干部", "游客",
					    "旅客", "青年", "残疾人", "老年人", "党员",
					    "监测对象", "员额", "孩子", "市民", "女生", "村民",
					    "儿女", "同胞", "官兵", "华侨", "乡亲", "劳动者"};
	enum { N = sizeof nouns / sizeof *nouns };
	for (size_t k = 0; k <= 6; k++) {
		size_t at = i + 3 * k;
		if (starts_any(t + at, hi - at, nouns, N) < N)
			return true;
		unsigned char c = (unsigned char)t[at];
		if (at + 3 > hi || c < 0xE4 || c > 0xE9)
			return false;
	}
	return false;
}

/* Does one of nouns end right before i, or before a verb of size (达,
 * 为, 超过, 减少 …) that ends there? */
static bool noun_before(const char *t, size_t lo, size_t i, const char *const *nouns,
			size_t n)
{
	static const char *const verbs[] = {"达到", "已达", "达", "为", "约", "超过", "超",
					    "突破", "近", "逾", "共", "累计", "总计", "增加",
					    "减少"};
	enum { N_VERBS = sizeof verbs / sizeof *verbs };
	size_t v = ends_any(t, lo, i, verbs, N_VERBS);
	if (v < N_VERBS)
		i -= strlen(verbs[v]);
	return ends_any(t, lo, i, nouns, n) < n;
}

/* 投资5千万以上的67个, 金额100万: after a word for an amount of money, a
 * number with a magnitude is yuan even without 元. */
static bool money_word_before(const char *t, size_t lo, size_t i)
{
	static const char *const nouns[] = {"投资", "资金", "金额", "总额", "收入", "营收",
					    "产值", "销售额", "利润", "税收", "经费"};
	return noun_before(t, lo, i, nouns, sizeof nouns / sizeof *nouns);
}

/* 参保人数达到8.32亿, 贫困人口减少6800多万: after a word for a number of
 * people, a number with a magnitude counts people. */
static bool people_word_before(const char *t, size_t lo, size_t i)
{
	static const char *const nouns[] = {"人口", "人数", "就业"};
	return noun_before(t, lo, i, nouns, sizeof nouns / sizeof *nouns);
}

/* Common words and names that begin with a numeral character and count
 * nothing (四川省, 两岸关系, 美味十足). Words with 一 need no entry: a bare
 * 一 before any word is already prose. */
static bool numeral_word(const char *s, size_t len)
{
	static const char *const words[] = {
		"四川", "两岸", "兩岸", "十足", "十分", "九龙", "九龍", "三亚", "三峡",
		"五金", "万一", "萬一", "百姓", "百货", "百貨", "千秋", "八卦", "七夕",
		"三农", "两会", "兩會", "两委", "两翼", "四季", "五湖", "九州", "零下"};
	enum { N = sizeof words / sizeof *words };
	return starts_any(s, len, words, N) < N;
}

/* Is there a Han character (U+4E00-U+9FFF) at p, or just before p? */
static bool han_at(const char *t, size_t p, size_t hi)
{
	return p + 3 <= hi && (unsigned char)t[p] >= 0xE4 && (unsigned char)t[p] <= 0xE9;
}

static bool han_before(const char *t, size_t lo, size_t p)
{
	return p >= lo + 3 && han_at(t, p - 3, p);
}


typedef struct cue {
	const char *word;
	size_t len; /* of word, so that a loop over a list calls no strlen */
	const char *qualifier;
	bool excl;
} cue;
#define CUE(word, qualifier, excl) {word, sizeof word - 1, qualifier, excl}

/* Words before a figure that bound it (民法典 §1259 for inclusivity). */
static const cue prefix_cues[] = {
	CUE("不低于", "min", false), CUE("不少于", "min", false), CUE("至少", "min", false),
	CUE("不超过", "max", false), CUE("不高于", "max", false), CUE("最多", "max", false),
	CUE("最高", "max", false),
	CUE("超过", "min", true),    CUE("高于", "min", true),    CUE("突破", "min", true),
	CUE("逾", "min", true),      CUE("多于", "min", true),    CUE("超", "min", true),
	CUE("不到", "max", true),    CUE("不足", "max", true),    CUE("低于", "max", true),
	CUE("将近", "max", true),    CUE("接近", "max", true),    CUE("近", "max", true),
	CUE("大约", "approx", false), CUE("约", "approx", false), CUE("約", "approx", false),
	CUE("大概", "approx", false),
};

/* 十几个: a vague digit makes the figure approximate. */
static const cue vague_cue = CUE("几", "approx", false);

/* Words after a figure; the first N_INCLUSIVE of them may also be
 * written 及以上, (含)以上 or 以上(含). */
static const cue suffix_cues[] = {
	CUE("以上", "min", false), CUE("以下", "max", false), CUE("以内", "max", false),
	CUE("之内", "max", false), CUE("左右", "approx", false), CUE("上下", "approx", false),
};
enum { N_SUFFIX_CUES = sizeof suffix_cues / sizeof *suffix_cues, N_INCLUSIVE = 3 };

/* 10余个, 2800多亿元, 增长1倍多: more than the figure, exclusive. */
static const cue more_cue = CUE("多", "min", true);
static const cue odd_cue = CUE("余", "min", true);

/* Is the cue word at p the tail of a longer word (签约, 节约, 超越 …)? */
static bool inside_word(const char *t, size_t lo, size_t p)
{
	static const char *const heads[] = {"签", "节", "制", "公", "条", "合", "预",
					    "违", "履", "特", "邀", "赶", "最", "附",
					    "邻", "就", "靠", "将", "临"};
	if (p < lo + 3)
		return false;
	for (size_t k = 0; k < sizeof heads / sizeof *heads; k++)
		if (memcmp(t + p - 3, heads[k], 3) == 0)
			return true;
	return false;
}

static void apply_bound(quantity *q, const cue *c)
{
	q->cue = c->word;
	if (str_is(c->qualifier, "approx")) {
		q->approx = true;
		if (str_is(q->qualifier, "exact"))
			q->qualifier = "approx";
		return;
	}
	if (str_is(q->qualifier, "range"))
		return;
	q->qualifier = c->qualifier;
	if (str_is(c->qualifier, "min")) {
		q->min = q->value;
		q->has_min = true;
		q->min_excl = c->excl;
	} else {
		q->max = q->value;
		q->has_max = true;
		q->max_excl = c->excl;
	}
}

/* The separators of a range, and the currencies written before a figure. */
static const char *const seps[] = {"——", "—", "–", "－", "-", "~", "至", "到"};
static const struct {
	word_ref w;
	const char *code;
} prefixes[] = {{WORD("人民币"), "CNY"}, {WORD("人民幣"), "CNY"}, {WORD("新台币"), "TWD"},
		{WORD("新台幣"), "TWD"}, {WORD("港币"), "HKD"}, {WORD("港幣"), "HKD"},
		{WORD("港元"), "HKD"},   {WORD("美元"), "USD"},   {WORD("US$"), "USD"},
		{WORD("$"), "USD"},      {WORD("￥"), "CNY"},     {WORD("¥"), "CNY"},
		{WORD("欧元"), "EUR"},   {WORD("日元"), "JPY"}};

/* The first bytes of the separators and the last bytes of the currency
 * prefixes and of the prefix cues, to rule out nearly every place by one
 * lookup. */
static bool sep_first[256], prefix_last[256], cue_last[256];
static pthread_once_t edge_bytes_once = PTHREAD_ONCE_INIT;

static void build_edge_bytes(void)
{
	for (size_t k = 0; k < sizeof seps / sizeof *seps; k++)
		sep_first[(unsigned char)seps[k][0]] = true;
	for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++)
		prefix_last[(unsigned char)prefixes[k].w.s[prefixes[k].w.n - 1]] = true;
	for (size_t k = 0; k < sizeof prefix_cues / sizeof *prefix_cues; k++)
		cue_last[(unsigned char)prefix_cues[k].word[prefix_cues[k].len - 1]] = true;
}

static bool is_range_sep(const char *s, size_t len, size_t *used)
{
	pthread_once(&edge_bytes_once, build_edge_bytes);
	/* most figures are followed by no separator's first byte */
	if (len == 0 || !sep_first[(unsigned char)s[0]])
		return false;
	for (size_t k = 0; k < sizeof seps / sizeof *seps; k++)
		if (starts(s, len, seps[k])) {
			*used = strlen(seps[k]);
			return true;
		}
	return false;
}

/* The one unit that a count unit and the character at s make as 人(次)
 * or 人/次, 家/次 and 台(套) do (人次, 家次, 台套), or NULL. */
static const char *joined_unit(const unit_def *u, const char *name, const char *s,
			       size_t len)
{
	if (u->kind != Q_COUNT)
		return NULL;
	if (str_is(name, "台") && starts(s, len, "套"))
		return "台套";
	if (!starts(s, len, "次"))
		return NULL;
	char both[16];
	size_t used, n = strlen(name);
	if (n + 3 >= sizeof both)
		return NULL;
	memcpy(both, name, n);
	memcpy(both + n, "次", 4);
	const unit_def *v = match_unit(both, n + 3, &used);
	return v && used == n + 3 ? v->unit : NULL;
}

/* Is the classifier unit, followed by s[0, len), one here? 对, 门, 期
 * and 单 begin words too: 对接, 对申请的答复 (对 is "to" as often as a
 * pair: a pair is followed by no Han character but 婚, 新人, 夫妻, 友城 and
 * a conjunction), 零门槛, 二期工程 (a phase), 单位. */
static bool classifier_stands(const char *unit, const char *s, size_t len)
{
	static const char *const after_dui[] = {"婚", "新", "夫", "情", "和", "及", "与", "的",
						 "友"};
	static const char *const after_men[] = {"槛", "户", "类", "口", "外", "店", "前", "面",
						 "票", "诊", "峡", "市", "道", "窗", "卫"};
	static const char *const after_qi[] = {"工程", "项目", "建设", "规划", "间", "限", "末",
						"初", "中", "内", "货", "刊"};
	static const char *const after_dan[] = {"位", "元", "独", "项", "价", "一", "个", "据",
						 "体", "列", "纯", "次", "品"};
	enum { N_DUI = sizeof after_dui / sizeof *after_dui,
	       N_MEN = sizeof after_men / sizeof *after_men,
	       N_QI = sizeof after_qi / sizeof *after_qi,
	       N_DAN = sizeof after_dan / sizeof *after_dan };
	if (str_is(unit, "对")) /* (1对1, 一对一: numbers paired) */
		return !len || (!(s[0] >= '0' && s[0] <= '9') && !numeral_can_start(s, len) &&
				((unsigned char)s[0] < 0xE4 || (unsigned char)s[0] > 0xE9 ||
				 starts_any(s, len, after_dui, N_DUI) < N_DUI));
	if (str_is(unit, "门"))
		return starts_any(s, len, after_men, N_MEN) == N_MEN;
	if (str_is(unit, "期"))
		return starts_any(s, len, after_qi, N_QI) == N_QI;
	if (str_is(unit, "单"))
		return starts_any(s, len, after_dan, N_DAN) == N_DAN;
	return true;
}

static bool ordinal_list_before(const char *t, size_t lo, size_t i);

/* Does the numeral at i follow 第, or 第N、 (the 二 of 第一、二轮督察)? The
 * last bytes of 第 and 、 first: most numerals follow neither. */
static inline bool ordinal_before(const char *t, size_t lo, size_t i)
{
	if (i <= lo || ((unsigned char)t[i - 1] != 0xAC && (unsigned char)t[i - 1] != 0x81))
		return false;
	return ordinal_list_before(t, lo, i);
}

static bool ordinal_list_before(const char *t, size_t lo, size_t i)
{
	if (ends_with(t, lo, i, "第"))
		return true;
	if (!ends_with(t, lo, i, "、"))
		return false;
	size_t k = i - 3, b = k, used;
	while (b >= lo + 3 && k - b < 9 &&
	       (numeral_cn_digit(t + b - 3, 3, &used) >= 0 || starts(t + b - 3, 3, "十")))
		b -= 3;
	return b < k && ends_with(t, lo, b, "第");
}

/* The unit after a numeral, with 人(次) and 台(套) folded in. Returns the
 * bytes used (0 when there is no unit); *name is the normalised unit. */
static size_t read_unit(const char *t, size_t i, size_t hi, const unit_def **u,
			const char **name)
{
	size_t used, j = i;
	while (j < hi && j < i + 4 && t[j] == ' ')
		j++; /* 11 人: spaces from PDF text */
	*u = match_unit(t + j, hi - j, &used);
	if (!*u)
		return 0;
	/* 5min, 3mph, 2kWp: a letter unit is only a unit when the letters end */
	if (ascii_alnum((*u)->text[strlen((*u)->text) - 1]) && j + used < hi &&
	    ascii_alnum(t[j + used])) {
		*u = NULL;
		return 0;
	}
	j += used;
	*name = (*u)->unit;
	if (!classifier_stands(*name, t + j, hi - j)) {
		*u = NULL;
		return 0;
	}
	/* 5个航次, 3个百分点: 个 before a more specific measure word (but
	 * 5个部门 and 61个村 count 个 of a noun) */
	if ((*u)->kind == Q_COUNT && str_is((*u)->unit, "个")) {
		const unit_def *v = match_unit(t + j, hi - j, &used);
		if (v && (v->kind == Q_PPT || str_is(v->unit, "航次") ||
			  str_is(v->unit, "批次") || str_is(v->unit, "人次"))) {
			*u = v;
			*name = v->unit;
			j += used;
		}
	}
	/* 9000元日币, 三万元欧元: the currency named after 元 */
	if ((*u)->kind == Q_MONEY && str_is(*name, "CNY")) {
		const unit_def *v = match_unit(t + j, hi - j, &used);
		if (v && v->kind == Q_MONEY && !str_is(v->unit, "CNY")) {
			*u = v;
			*name = v->unit;
			j += used;
		}
	}
	/* 3000人(次) → 人次; 32.8万台(套) → 台套 */
	if (j + 5 <= hi && t[j] == '(' && t[j + 4] == ')') {
		const char *both = joined_unit(*u, *name, t + j + 1, 3);
		if (both) {
			*name = both;
			j += 5;
		}
	}
	return j - i;
}

typedef struct coin {
	const char *word;
	int places; /* its value is 10^-places of the main unit */
	const char *unit;
} coin;

static const coin coins[] = {{"角", 1, "CNY"}, {"毛", 1, "CNY"}, {"分", 2, "CNY"},
			     {"美分", 2, "USD"}, {"日本銭", 2, "JPY"}, {"銭", 2, "JPY"}};

/* The coin of `unit` written at s, smaller than 10^-after, or NULL. */
static const coin *coin_at(const char *s, size_t len, const char *unit, int after)
{
	for (size_t c = 0; c < sizeof coins / sizeof *coins; c++)
		if (coins[c].places > after && strcmp(coins[c].unit, unit) == 0 &&
		    starts(s, len, coins[c].word))
			return &coins[c];
	return NULL;
}

/* One digit that ends a money amount and stands for the next coin down:
 * the 二 of 一块二, the 八 of 七毛八. Nothing more of a number or a unit may
 * follow it (一块二亩地 is a plot and two mu). Returns its bytes, or 0. */
static size_t trailing_digit(const char *t, size_t j, size_t hi, int *digit)
{
	size_t used;
	int d = -1;
	if (j < hi && t[j] >= '1' && t[j] <= '9') {
		d = t[j] - '0';
		used = 1;
	} else {
		d = numeral_cn_digit(t + j, hi - j, &used);
	}
	if (d <= 0)
		return 0;
	size_t k = j + used, ul;
	if (k < hi && ((t[k] >= '0' && t[k] <= '9') || numeral_can_start(t + k, hi - k) ||
		       match_unit(t + k, hi - k, &ul) || starts(t + k, hi - k, "点")))
		return 0;
	*digit = d;
	return used;
}

/* 123元1角1分, 壹元零壹分, 十块三毛, 三块零四, 肆角叁分, 两美元又三美分:
 * smaller coins after the main one, each smaller than the one before
 * (`after` is the main unit's own place: 0 for 元, 1 for 角). Returns the
 * bytes used and adds their value to *v. */
static size_t read_coins(const char *t, size_t i, size_t hi, const char *unit,
			 int after, bool colloquial, decimal *v)
{
	size_t j = i, total = 0;
	bool zero = false;
	if (starts(t + j, hi - j, "又"))
		j += 3;
	for (int round = 0; round < 2 && j < hi; round++) {
		/* 零 fills a skipped coin (壹元零壹分) unless it is the amount
		 * itself (零角壹分) */
		if (starts(t + j, hi - j, "零") && !coin_at(t + j + 3, hi - j - 3, unit, after)) {
			j += 3;
			zero = true;
		}
		numeral n;
		if (!numeral_can_start(t + j, hi - j) || !numeral_parse(t + j, hi - j, &n) ||
		    n.value.scale || n.ranged || n.vague)
			break;
		size_t k = j + n.len;
		const coin *c = coin_at(t + k, hi - k, unit, after);
		if (!c)
			break;
		decimal part = n.value;
		part.scale += c->places;
		if (part.m > 99 * 100 || !dec_add(v, part))
			return total;
		j = k + strlen(c->word);
		total = j - i;
		after = c->places;
		zero = false;
	}
	/* 一块二, 三块零四, 五块七毛八: the last coin's word left out, in
	 * speech only (块, 毛); 3元5 is too rare to guess */
	int d;
	size_t used, k = i + total;
	if (zero)
		k += 3;
	if (colloquial && after < 2 && (used = trailing_digit(t, k, hi, &d))) {
		decimal part = {d, after + 1 + (zero ? 1 : 0)};
		if (part.scale <= 2 && dec_add(v, part))
			total = k + used - i;
	}
	if (total && (starts(t + i + total, hi - i - total, "钱")))
		total += 3;
	return total;
}

/* v × 10^shift; a negative shift (5角 is 0.5 元) moves the point left. */
static bool shift_by(decimal *v, int shift)
{
	if (shift >= 0)
		return dec_shift(v, shift);
	v->scale -= shift;
	return v->scale <= DEC_MAX_SCALE;
}

static bool value_of(const numeral *n, const unit_def *u, decimal *v)
{
	*v = n->value;
	return !u || shift_by(v, u->shift);
}

/* A currency written before the figure: 港币2960元, $20, ￥300. *at, when
 * not NULL, receives where the currency word begins. */
static const char *currency_at(const char *t, size_t lo, size_t i, size_t *at);

static const char *currency_before(const char *t, size_t lo, size_t i)
{
	return currency_at(t, lo, i, NULL);
}

static const char *currency_at(const char *t, size_t lo, size_t i, size_t *at)
{
	while (i > lo && t[i - 1] == ' ')
		i--;
	pthread_once(&edge_bytes_once, build_edge_bytes);
	/* most figures follow no prefix's last byte */
	if (i == lo || !prefix_last[(unsigned char)t[i - 1]])
		return NULL;
	for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
		size_t n = prefixes[k].w.n;
		if (ends_with_n(t, lo, i, prefixes[k].w.s, n)) {
			if (at)
				*at = i - n;
			return prefixes[k].code;
		}
	}
	return NULL;
}

/* 负3.9%, -22.2%: a sign that is not a dash between two figures. */
static bool negative_before(const char *t, size_t lo, size_t i)
{
	/* 负 1,200,000: the word may stand apart; a dash may not (a list
	 * dash, 3 - 5) */
	size_t w = i;
	while (w > lo && i - w < 3 && t[w - 1] == ' ')
		w--;
	/* (减负237亿元, 肩负千斤重担, 不负: the 负 of a word, no sign) */
	static const char *const heads[] = {"减", "減", "担", "擔", "肩", "身", "背", "抱",
					    "辜", "欺", "胜", "勝", "自", "重", "不", "正"};
	enum { N_HEADS = sizeof heads / sizeof *heads };
	if (w >= lo + 3 && (memcmp(t + w - 3, "负", 3) == 0 || memcmp(t + w - 3, "負", 3) == 0))
		return ends_any(t, lo, w - 3, heads, N_HEADS) == N_HEADS;
	if (w >= lo + 6 && memcmp(t + w - 6, "零下", 6) == 0)
		return true; /* 零下四摄氏度: below zero */
	if (i > lo && t[i - 1] == '-') {
		if (i - 1 == lo)
			return true;
		char p = t[i - 2];
		/* (after Han text only where a rate or a change leads to the
		 * figure: 自然增长率-1.16‰, 同比增长-0.5%; 3万-5万 is a range) */
		static const char *const leads[] = {"增长", "增速", "增幅", "率", "为", "是", "达",
						    "分别", "同比", "、"};
		enum { N_LEADS = sizeof leads / sizeof *leads };
		if ((unsigned char)p >= 0x80)
			return ends_any(t, lo, i - 1, leads, N_LEADS) < N_LEADS;
		return !((p >= '0' && p <= '9') || p == '%' || p == ')' || (p >= 'A' && p <= 'Z') ||
			 (p >= 'a' && p <= 'z'));
	}
	return false;
}

static void negate(quantity *q)
{
	q->value.m = -q->value.m;
	if (q->num[0] && q->num[0] != '-' && strlen(q->num) + 1 < sizeof q->num) {
		memmove(q->num + 1, q->num, strlen(q->num) + 1);
		q->num[0] = '-';
	}
}

/* Is v a power of ten of at least 100? Returns the power, or 0. */
static int power_of_ten(decimal v)
{
	if (v.scale || v.m < 100)
		return 0;
	int p = 0;
	dec_mantissa m = v.m;
	while (m % 10 == 0) {
		m /= 10;
		p++;
	}
	return m == 1 ? p : 0;
}

/* N分之Y: a fraction; 百分之Y, 千分之Y … are percentages. Only the idiom
 * is: 一百分之二 and 一千分之一 write their denominator out as a number,
 * so they are fractions (0.02, 0.001) like 三百分之一. */
static bool fraction(const char *t, size_t start, size_t after, size_t hi,
		     const numeral *den, bool den_read, quantity *q)
{
	size_t used, j = after;
	if (!match_spaced(t + j, hi - j, "分之", &used) &&
	    !match_spaced(t + j, hi - j, " 分之", &used))
		return false;
	j += used;
	while (j < hi && t[j] == ' ')
		j++;
	bool neg = false;
	if (starts(t + j, hi - j, "负") || starts(t + j, hi - j, "負")) {
		neg = true;
		j += 3;
	}
	numeral y;
	size_t du;
	int digit;
	if (j >= hi || !numeral_can_start(t + j, hi - j))
		return false;
	if (!numeral_parse(t + j, hi - j, &y)) {
		/* 仟分之贰: a lone financial digit is fine after 分之 */
		if ((digit = numeral_cn_digit(t + j, hi - j, &du)) < 0)
			return false;
		memset(&y, 0, sizeof y);
		y.value = dec_int(digit);
		y.len = du;
	}
	if (y.ranged) {
		q->kind = Q_SKIP; /* 百分之二三十: too vague to record */
		q->start = start;
		q->end = j + y.len;
		return true;
	}
	decimal d = den_read ? den->value : dec_int(100);
	if (dec_is_zero(d))
		return false;
	size_t dl;
	bool idiom = !den_read || (den->chinese && !(t[start] >= '0' && t[start] <= '9') &&
				   numeral_cn_digit(t + start, hi - start, &dl) < 0);
	int p = den_read && idiom ? power_of_ten(d) : (den_read ? 0 : 2);
	decimal v = y.value;
	if (p >= 2) {
		/* Y per 10^p is Y × 100 / 10^p percent */
		v.scale += p - 2;
		if (v.scale > DEC_MAX_SCALE)
			return false;
		q->kind = Q_PERCENT;
		q->unit = "%";
	} else {
		if (!dec_div(&v, d, 6))
			return false;
		q->kind = Q_RATIO;
	}
	if (neg)
		v.m = -v.m;
	q->value = v;
	q->start = start;
	q->end = j + y.len;
	dec_format(v, q->num, sizeof q->num);
	q->magnitude = dec_int(1);
	return true;
}

/* 百分之四到五, 百分之七至百分之十: a range of percentages, its upper
 * bound with or without its own 百分之 (or with %). Not 百分之五到2025年,
 * "5% by 2025": a bound with a unit other than % is no bound. */
static void percent_range(const char *t, size_t hi, quantity *q)
{
	size_t used, j = q->end;
	if (q->kind != Q_PERCENT || !is_range_sep(t + j, hi - j, &used))
		return;
	j += used;
	if (match_spaced(t + j, hi - j, "百分之", &used))
		j += used;
	numeral y;
	if (j >= hi || !numeral_can_start(t + j, hi - j) || !numeral_parse(t + j, hi - j, &y) ||
	    y.ranged || y.vague || dec_cmp(y.magnitude, dec_int(1)) != 0)
		return;
	size_t e = j + y.len;
	const unit_def *other;
	const char *other_name;
	if (e < hi && t[e] == '%')
		e++;
	else if (read_unit(t, e, hi, &other, &other_name) || (e < hi && t[e] >= '0' && t[e] <= '9'))
		return;
	if (dec_cmp(q->value, y.value) >= 0)
		return;
	q->min = q->value;
	q->max = y.value;
	q->has_min = q->has_max = true;
	q->qualifier = "range";
	q->end = e;
}

/* Is there a place word (十百千, 拾佰仟) at s? One decode, no comparisons:
 * this is asked after every Chinese numeral. */
static bool place_at(const char *s, size_t len)
{
	if (len < 3 || (unsigned char)s[0] < 0xE4 || (unsigned char)s[0] > 0xE7)
		return false;
	uint32_t cp = utf8_cp3(s);
	return cp == 0x5341 || cp == 0x767E || cp == 0x5343 || cp == 0x62FE || cp == 0x4F70 ||
	       cp == 0x4EDF;
}

/* 2:00 pm, 16:02:33: a time of day, hour then two-digit minutes. Not a
 * map scale (1:10,000) or a ratio (19.0:30.8:50.2). *end receives where
 * the time ends. */
static bool time_of_day(const char *t, size_t after, size_t hi, const numeral *n,
			size_t *end)
{
	if (n->chinese || strchr(n->num, '.') || n->value.m > 24 || after + 3 > hi ||
	    t[after] != ':')
		return false;
	const char *m = t + after + 1;
	if (!(m[0] >= '0' && m[0] <= '5' && m[1] >= '0' && m[1] <= '9'))
		return false;
	size_t k = after + 3;
	if (k + 2 < hi && t[k] == ':' && t[k + 1] >= '0' && t[k + 1] <= '5' && t[k + 2] >= '0' &&
	    t[k + 2] <= '9')
		k += 3; /* seconds */
	if (k < hi && ((t[k] >= '0' && t[k] <= '9') || t[k] == '.' || t[k] == ',' || t[k] == ':'))
		return false;
	*end = k;
	return true;
}

/* 三百五又三分之一, 负一又二分之一, 3又一千分之23: a whole number and a
 * fraction joined by 又. The fraction is a plain part of one here, so the
 * percentage idiom (3又千分之23) counts as 23/1000 too. */
static bool mixed_fraction(const char *t, size_t start, size_t after, size_t hi,
			   const numeral *whole, quantity *q)
{
	if (whole->value.scale || whole->ranged || whole->vague || whole->positional)
		return false;
	size_t j = after;
	while (j < hi && j - after < 3 && t[j] == ' ')
		j++;
	if (!starts(t + j, hi - j, "又"))
		return false;
	j += 3;
	while (j < hi && t[j] == ' ')
		j++;
	numeral den;
	quantity f;
	memset(&f, 0, sizeof f);
	if (j >= hi || !numeral_can_start(t + j, hi - j) || !numeral_parse(t + j, hi - j, &den) ||
	    !fraction(t, j, j + den.len, hi, &den, true, &f) ||
	    (f.kind != Q_RATIO && f.kind != Q_PERCENT) || f.value.m < 0)
		return false;
	decimal v = f.value;
	if (f.kind == Q_PERCENT)
		v.scale += 2;
	if (v.scale > DEC_MAX_SCALE || !dec_add(&v, whole->value))
		return false;
	q->kind = Q_NUMBER;
	q->value = v;
	q->start = start;
	q->end = f.end;
	dec_format(v, q->num, sizeof q->num);
	q->magnitude = dec_int(1);
	return true;
}

/* The bytes of /日, /千克, /百亿元 after a unit at t[i]: a unit per
 * another, which may have a magnitude of its own; 0 when none follows. */
static size_t per_unit(const char *t, size_t i, size_t hi)
{
	static const char *const mags[] = {"十万", "百万", "千万", "百亿", "十",
					   "百", "千", "万", "亿"};
	enum { N_MAGS = sizeof mags / sizeof *mags };
	if (i >= hi || t[i] != '/')
		return 0;
	/* the unit as it stands first (/千瓦时, /千克), then after a
	 * magnitude (/百亿元, /万人) */
	size_t j = i + 1, used;
	const unit_def *d = match_unit(t + j, hi - j, &used);
	size_t m = starts_any(t + j, hi - j, mags, N_MAGS);
	if (!d && m < N_MAGS) {
		j += strlen(mags[m]);
		d = match_unit(t + j, hi - j, &used);
	}
	if (!d || !(d->kind == Q_COUNT || d->kind == Q_QUANTITY || d->kind == Q_MONEY ||
		    d->kind == Q_DURATION))
		return 0;
	/* (/m in /min: a letter unit ends where the letters do) */
	const char *tx = d->text;
	if (ascii_alnum(tx[strlen(tx) - 1]) && j + used < hi && ascii_alnum(t[j + used]))
		return 0;
	return j + used - i;
}

/* Takes the unit per another after a unit read as uname (u of kind
 * COUNT, QUANTITY or MONEY) ending at t[e]: its bytes, 0 when none; the
 * second unit's bytes go to *per_at and *per_len. */
static size_t take_per_unit(const char *t, size_t e, size_t hi, const unit_def *u,
			    const char **uname, size_t *per_at, size_t *per_len)
{
	if (!u || !(u->kind == Q_COUNT || u->kind == Q_QUANTITY || u->kind == Q_MONEY))
		return 0;
	size_t pl = per_unit(t, e, hi);
	if (!pl)
		return 0;
	/* 人/次, 家/次, 台/套: one unit of two, as 人(次) is */
	const char *both = pl == 4 ? joined_unit(u, *uname, t + e + 1, 3) : NULL;
	if (both) {
		*uname = both;
		return pl;
	}
	*per_at = e + 1;
	*per_len = pl - 1;
	return pl;
}

/* 四分之一公升, 二分之一倍: a fraction of a unit is an amount of it. */
static void fraction_unit(const char *t, size_t hi, quantity *q)
{
	const unit_def *u;
	const char *name;
	if (q->kind != Q_RATIO && q->kind != Q_NUMBER)
		return;
	size_t ul = read_unit(t, q->end, hi, &u, &name);
	if (!ul || (u->kind != Q_QUANTITY && u->kind != Q_MULTIPLE))
		return;
	q->kind = u->kind;
	q->unit = name;
	q->end += ul;
}

/* Does 半 at p end the amount (一吨半。, 三斤半的, 两米半左右)? Not when it
 * begins a word of its own: 1公里半径, 一个半岛. */
static bool half_ends(const char *t, size_t p, size_t hi, bool count)
{
	if (!starts(t + p, hi - p, "半"))
		return false;
	p += 3;
	if (!han_at(t, p, hi))
		return true;
	return !count && (starts(t + p, hi - p, "的") || starts(t + p, hi - p, "左右") ||
			  starts(t + p, hi - p, "以") || starts(t + p, hi - p, "多"));
}

/* 半公升, 半吨: half of a unit of measure. 半年, 半个月 are durations, read
 * so that nothing inside them is taken for a figure; 半个 alone, 半数 and
 * 半径 are words. */
static bool half_unit(const char *t, size_t i, size_t hi, quantity *q)
{
	const unit_def *u;
	const char *name;
	size_t ul;
	if (!starts(t + i, hi - i, "半") || (ul = read_unit(t, i + 3, hi, &u, &name)) == 0)
		return false;
	if (u->kind == Q_COUNT && str_is(name, "个")) {
		size_t du;
		const unit_def *d = match_unit(t + i + 3 + ul, hi - i - 3 - ul, &du);
		if (d && d->kind == Q_DURATION) {
			ul += du;
			u = d;
		} else if (han_at(t, i + 3 + ul, hi)) {
			return false; /* 半个世纪, 半个多月 */
		}
	}
	if (u->kind != Q_QUANTITY && u->kind != Q_DURATION && !str_is(name, "个"))
		return false;
	q->kind = u->kind;
	q->unit = name;
	q->value = (decimal){5, 1};
	strcpy(q->num, "0.5");
	q->start = i;
	q->end = i + 3 + ul;
	return true;
}

/* 打对折, 半折: a discount in words, as the percentage paid. */
static bool discount_words(const char *t, size_t i, size_t hi, quantity *q)
{
	size_t used;
	bool da = i >= 3 && starts(t + i - 3, 3, "打");
	if (!(((match_spaced(t + i, hi - i, "对折", &used) ||
		match_spaced(t + i, hi - i, "對折", &used)) && da) ||
	      match_spaced(t + i, hi - i, "半折", &used)))
		return false;
	q->kind = Q_PERCENT;
	q->unit = "%";
	q->value = dec_int(50);
	strcpy(q->num, "50");
	q->start = i;
	q->end = i + used;
	return true;
}

/* 九折, 七五折, 九 九 折, 9.9折: a discount, as the percentage paid. n is the
 * numeral already read at i. */
static bool discount(const char *t, size_t i, size_t hi, const numeral *n,
		     quantity *q)
{
	size_t used, d1u, d2u, gap = 0;
	int d1 = numeral_cn_digit(t + i, hi - i, &d1u);
	if (d1 > 0 && i + d1u < hi && t[i + d1u] == ' ')
		gap = 1;
	int d2 = d1 > 0 ? numeral_cn_digit(t + i + d1u + gap, hi - i - d1u - gap, &d2u) : -1;
	size_t k;
	if (d1 > 0 && d2 >= 0 &&
	    (match_spaced(t + i + d1u + gap + d2u, hi - i - d1u - gap - d2u, "折", &used) ||
	     match_spaced(t + i + d1u + gap + d2u, hi - i - d1u - gap - d2u, " 折", &used))) {
		q->value = dec_int(d1 * 10 + d2); /* 七五折 */
		q->end = i + d1u + gap + d2u + used;
	} else if (n) {
		k = i + n->len;
		while (k < hi && t[k] == ' ')
			k++;
		if (!starts(t + k, hi - k, "折") || starts(t + k + 3, hi - k - 3, "合") ||
		    starts(t + k + 3, hi - k - 3, "算") || starts(t + k + 3, hi - k - 3, "扣"))
			return false;
		decimal v = n->value;
		if (dec_cmp(v, dec_int(10)) == 0) {
			q->kind = Q_SKIP; /* 十折 is no discount at all */
			q->start = i;
			q->end = k + 3;
			return true;
		}
		if (dec_cmp(v, dec_int(10)) < 0 && !dec_shift(&v, 1))
			return false;
		if (dec_cmp(v, dec_int(100)) >= 0)
			return false;
		q->value = v;
		q->end = k + 3;
	} else {
		return false;
	}
	q->kind = Q_PERCENT;
	q->unit = "%";
	q->start = i;
	q->magnitude = dec_int(1);
	dec_format(q->value, q->num, sizeof q->num);
	return true;
}

/* The magnitude written once for both ends of a range: 3-5亿, 两到三万. */
static bool share_magnitude(const numeral *n1, const numeral *n2, decimal *lo_v)
{
	if (n2->trailing <= 1 || n1->trailing >= n2->trailing)
		return true;
	decimal v = *lo_v;
	if (!dec_mul(&v, dec_int(n2->trailing)))
		return true;
	if (dec_cmp(v, n2->value) < 0)
		*lo_v = v;
	return true;
}

/* The bounding word after a figure at t[at]: 以上 以下 以内 之内 左右 上下,
 * and the first three also as 及以上 and (含)以上, or with (含) after
 * them (以上(含)). Sets *c and returns the bytes taken, 0 when none. */
static size_t suffix_cue_at(const char *t, size_t at, size_t hi, const cue **c)
{
	size_t k = at, used;
	/* 提高到70% 以上: a space or two between, as a table cell leaves */
	while (k < hi && k - at < 2 && t[k] == ' ')
		k++;
	size_t word = k;
	if (starts(t + k, hi - k, "及"))
		k += 3;
	else if (match_spaced(t + k, hi - k, "(含)", &used))
		k += used;
	for (size_t i = 0; i < N_SUFFIX_CUES && (k == word || i < N_INCLUSIVE); i++)
		if (starts(t + k, hi - k, suffix_cues[i].word)) {
			k += suffix_cues[i].len;
			if (i < N_INCLUSIVE && match_spaced(t + k, hi - k, "(含)", &used))
				k += used;
			*c = &suffix_cues[i];
			return k - at;
		}
	return 0;
}

/* The bounding word right before a figure at start, a space or two
 * before it allowed (不少于 100人), but not the 约 of 签约; NULL if none.
 * *at receives where the word begins. A longer word holds no shorter one
 * (将不超过 is 不超过): the first of the list that ends there. */
static const cue *prefix_cue_before(const char *t, size_t lo, size_t start, size_t *at)
{
	pthread_once(&edge_bytes_once, build_edge_bytes);
	size_t cs = start;
	while (cs > lo && start - cs < 2 && t[cs - 1] == ' ')
		cs--;
	if (cs == lo || !cue_last[(unsigned char)t[cs - 1]])
		return NULL;
	for (size_t c = 0; c < sizeof prefix_cues / sizeof *prefix_cues; c++) {
		const cue *w = &prefix_cues[c];
		if (ends_with_n(t, lo, cs, w->word, w->len) &&
		    !(w->len == 3 && inside_word(t, lo, cs - w->len))) {
			*at = cs - w->len;
			return w;
		}
	}
	return NULL;
}

bool quantity_share_bound(const char *t, size_t lo, const quantity *a, quantity *b)
{
	if (!a->cue || !str_is(b->qualifier, "exact") || b->has_min || b->has_max)
		return false;
	size_t at;
	const cue *w = prefix_cue_before(t, lo, a->start, &at);
	if (!w || w->word != a->cue || !ends_with(t, lo, at, "分别"))
		return false;
	apply_bound(b, w);
	return true;
}

size_t quantity_bound_after(const char *t, size_t at, size_t hi)
{
	const cue *c;
	size_t n = suffix_cue_at(t, at, hi, &c);
	return n && (str_is(c->qualifier, "min") || str_is(c->qualifier, "max")) ? n : 0;
}

/* 不超过项目投资额50%的比例, 不得低于在册人数的90%: a bound word before
 * the noun phrase of which the figure is a share. Only words of two
 * characters or more (超过 is left out: 超过去年同期5个百分点 is a
 * difference), over Han characters only, back from the figure or the 的
 * just before it. */
static bool bound_across(const char *t, size_t lo, size_t start, quantity *q)
{
	static const cue words[] = {
		CUE("不得低于", "min", false), CUE("不得少于", "min", false),
		CUE("不得超过", "max", false), CUE("不低于", "min", false),
		CUE("不少于", "min", false),   CUE("不超过", "max", false),
		CUE("不高于", "max", false),   CUE("至少", "min", false),
		CUE("最多", "max", false)};
	size_t de = ends_with(t, lo, start, "的") ? start - 3 : start;
	size_t from = de > lo + 36 ? de - 36 : lo;
	/* back over Han characters only, trying the words at the characters
	 * they begin with (不, 至, 最): most figures are passed in a few steps */
	for (size_t p = de; p >= from + 3;) {
		p -= 3;
		unsigned char c = (unsigned char)t[p];
		if (c < 0xE4 || c > 0xE9)
			return false; /* punctuation (，；： fold to ASCII), a digit, 、 or 。 */
		uint32_t cp = utf8_cp3(t + p);
		if (cp != 0x4E0D && cp != 0x81F3 && cp != 0x6700) /* 不 至 最 */
			continue;
		for (size_t k = 0; k < sizeof words / sizeof *words; k++)
			if (words[k].len <= de - p && memcmp(t + p, words[k].word, words[k].len) == 0) {
				apply_bound(q, &words[k]);
				return true;
			}
	}
	return false;
}

/* 约占全年投资总额的三分之二, 约为全国平均的70%: 约占 or 约为 and the
 * whole the figure is a share of, with no other figure between. */
static bool approx_share(const char *t, size_t lo, size_t start)
{
	enum { MAX_WHOLE = 36 }; /* twelve characters */
	if (!ends_with(t, lo, start, "的"))
		return false;
	size_t from = start >= lo + MAX_WHOLE + 9 ? start - MAX_WHOLE - 9 : lo;
	size_t v = (size_t)-1;
	for (size_t p = start - 3; p >= from + 3 && p > lo; p--) {
		unsigned char c = (unsigned char)t[p - 1];
		if (c < 0x80)
			return false; /* a digit, or the clause's comma */
		if (starts(t + p - 3, start - p + 3, "约占") ||
		    starts(t + p - 3, start - p + 3, "约为")) {
			v = p - 3;
			break;
		}
	}
	return v != (size_t)-1 && v + 6 < start - 3;
}

/* 约占80%, 约为255元, 大约有300人: 约 before the verb that leads to the
 * figure. */
static bool approx_verb(const char *t, size_t lo, size_t start, quantity *q)
{
	static const cue about = CUE("约", "approx", false);
	if (approx_share(t, lo, start)) {
		apply_bound(q, &about);
		return true;
	}
	unsigned char c = start >= lo + 6 ? (unsigned char)t[start - 3] : 0;
	if (c < 0xE4 || c > 0xE9 || !ends_with(t, lo, start - 3, "约"))
		return false;
	switch (utf8_cp3(t + start - 3)) {
	case 0x5360: /* 占 */
	case 0x4E3A: /* 为 */
	case 0x6709: /* 有 */
	case 0x662F: /* 是 */
	case 0x8FBE: /* 达 */
	case 0x5408: /* 合 */
		if (inside_word(t, lo, start - 6))
			return false;
		apply_bound(q, &about);
		return true;
	default:
		return false;
	}
}

/* Does a list of policy packages go on at t[i] (、…12条等政策举措), up to
 * the end of the clause? */
static bool package_name_at(const char *t, size_t i, size_t hi)
{
	if (!starts(t + i, hi - i, "、") && !starts(t + i, hi - i, "等"))
		return false;
	static const char *const ends[] = {"等政策", "等措施", "等举措", "等文件"};
	enum { N = sizeof ends / sizeof *ends };
	for (size_t p = i; p + 3 <= hi && p < i + 90; p += utf8_len((unsigned char)t[p])) {
		if (((unsigned char)t[p] < 0x80 && !ascii_alnum(t[p])) || starts(t + p, hi - p, "。"))
			return false;
		if (starts_any(t + p, hi - p, ends, N) < N)
			return true;
	}
	return false;
}

/* 上千家团队, 上百万人: 上 before a round place, "upwards of". */
static bool upwards_of(const char *t, size_t lo, size_t start, quantity *q)
{
	static const cue up = CUE("上", "min", false);
	if (!ends_with(t, lo, start, "上"))
		return false;
	static const char *const places[] = {"百", "千", "万", "亿"};
	enum { N = sizeof places / sizeof *places };
	if (starts_any(t + start, 3, places, N) == N)
		return false;
	apply_bound(q, &up);
	return true;
}

/* Is a session named in the clause before t[i] (十三届全国人大五次会议)? */
static bool session_before(const char *t, size_t lo, size_t i)
{
	size_t from = i > lo + 30 ? i - 30 : lo;
	for (size_t p = i; p > from; p = utf8_prev(t, p)) {
		size_t b = utf8_prev(t, p);
		if (starts(t + b, p - b, "届"))
			return true;
		if ((unsigned char)t[b] < 0x80 || starts(t + b, p - b, "。"))
			return false;
	}
	return false;
}

static bool taiwan_at(const char *t, size_t i, size_t hi)
{
	static const char *const words[] = {"胞", "湾", "灣", "商", "企", "资", "港", "办",
					    "籍", "海", "独", "青", "北"};
	enum { N = sizeof words / sizeof *words };
	return starts_any(t + i, hi - i, words, N) < N;
}

static bool dual_structure_at(const char *t, size_t i, size_t hi)
{
	static const char *const words[] = {"结构", "經濟", "经济", "体制", "格局", "分割",
					    "对立", "化", "论", "制"};
	enum { N = sizeof words / sizeof *words };
	return starts_any(t + i, hi - i, words, N) < N;
}

bool quantity_unit_wraps(const char *t, size_t ls, size_t le, size_t next,
			 size_t hi)
{
	if (le - ls < QUANTITY_FULL_LINE || next >= hi)
		return false;
	size_t e = le;
	bool magnitude = e >= ls + 4 && (starts(t + e - 3, 3, "万") || starts(t + e - 3, 3, "亿"));
	if (magnitude)
		e -= 3;
	if (t[e - 1] < '0' || t[e - 1] > '9')
		return false;
	/* a number after a tab or a run of spaces ends a table row, whose
	 * next line is not its unit */
	size_t d = e;
	while (d > ls && ((t[d - 1] >= '0' && t[d - 1] <= '9') || t[d - 1] == '.' ||
			  t[d - 1] == ','))
		d--;
	if (d > ls && (t[d - 1] == '\t' || (t[d - 1] == ' ' && d - 1 > ls && t[d - 2] == ' ')))
		return false;
	size_t k = next, used;
	/* 1.48⏎万元: the magnitude may open the next line, before the unit */
	if (!magnitude && (starts(t + k, hi - k, "万") || starts(t + k, hi - k, "亿")))
		k += 3;
	const unit_def *u = match_unit(t + k, hi - k, &used);
	/* 2022⏎年 is a date, and a date is no figure that wraps */
	return u && u->kind != Q_DURATION;
}

/* Does the figure q name a thing by its size rather than give an amount:
 * a class or a milestone (万亿级产业, 10万吨级泊位, 连跨两个万亿元台阶),
 * or, for a fraction, a span of time (不到四分之一世纪) or a map's scale
 * (百万分之一地形图)? */
static bool names_by_size(const char *t, const quantity *q, size_t hi)
{
	static const char *const classes[] = {"级", "台阶", "大台阶"};
	/* 连跨两个千亿台阶, 跨过两个万亿元大关: steps counted, and named by
	 * their size (but 突破5000亿元大关 tells of the amount, and 两个万亿级
	 * 产业集群 counts the clusters) */
	static const char *const steps[] = {"千亿", "万亿", "百亿", "亿", "千万", "万"};
	static const char *const marks[] = {"台阶", "大台阶", "大关", "关口"};
	enum { N_STEPS = sizeof steps / sizeof *steps, N_MARKS = sizeof marks / sizeof *marks };
	static const char *const spans[] = {"世纪", "地形图", "比例尺"};
	enum { N_CLASSES = sizeof classes / sizeof *classes, N_SPANS = sizeof spans / sizeof *spans };
	const char *s = t + q->end;
	size_t len = hi - q->end;
	size_t k = q->kind == Q_COUNT && str_is(q->unit, "个") ? starts_any(s, len, steps, N_STEPS)
								 : N_STEPS;
	if (k < N_STEPS) {
		size_t j = strlen(steps[k]);
		if (starts(s + j, len - j, "元"))
			j += 3;
		if (starts_any(s + j, len - j, marks, N_MARKS) < N_MARKS)
			return true;
	}
	if (starts_any(s, len, marks, N_MARKS) < N_MARKS &&
	    contains(t + q->start, q->end - q->start, "个"))
		return true;
	return starts_any(s, len, classes, N_CLASSES) < N_CLASSES ||
	       ((q->kind == Q_RATIO || q->kind == Q_PERCENT) &&
		starts_any(s, len, spans, N_SPANS) < N_SPANS);
}

/* Does the count number the text's own points: 解决好以下三个问题,
 * 重点做好以下10个方面工作, 上述两项措施 (a quantity about the report, not
 * the world)? */
static bool counts_the_text(const char *t, size_t lo, size_t start, const quantity *q,
			    size_t hi)
{
	/* (这两种错误思想, 这九条重要方针: the ones just named) */
	static const char *const pointers[] = {"以下", "如下", "下列", "下面", "上述", "前述",
					       "这"};
	enum { N = sizeof pointers / sizeof *pointers };
	/* 资金、成本和质量三个环节, 中央和地方两个积极性, 三个全覆盖, 八个字: a
	 * few ideas the sentence names, not things in the world */
	static const char *const ideas[] = {
		"环节", "部分", "形式", "方面", "坚持", "全覆盖", "闸门", "积极性", "原则",
		"意识", "自信", "维护", "结合", "转变", "层次", "途径", "渠道", "方针",
		"理念", "导向", "底线", "红线", "抓手", "统一", "效益", "提升", "工作",
		"问题", "字", "特别行政区", "特点", "亮点", "突出亮点", "条件", "攻坚战",
		"文明", "基本任务", "大事", "公报", "联合公报", "基本点", "事", "现实需求",
		/* (再经过三个五年计划的建设: a span of time) */
		"五年计划", "五年规划"};
	enum { N_IDEAS = sizeof ideas / sizeof *ideas };
	if (q->kind != Q_COUNT)
		return false;
	if (ends_any(t, lo, start, pointers, N) < N)
		return true;
	if ((unsigned char)t[q->start] < 0xE4 || q->value.scale != 0 || q->value.m > 10)
		return false;
	size_t k = starts_any(t + q->end, hi - q->end, ideas, N_IDEAS);
	if (k == N_IDEAS)
		return false;
	/* the tasks themselves, not the head of a thing (三个工作站, 两个工作组) */
	static const char *const things[] = {"站", "室", "组", "队", "点", "所", "中心", "基地"};
	enum { N_THINGS = sizeof things / sizeof *things };
	size_t e = q->end + strlen(ideas[k]);
	return !str_is(ideas[k], "工作") || starts_any(t + e, hi - e, things, N_THINGS) == N_THINGS;
}

size_t quantity_change_word(const char *s, size_t len)
{
	static const char *const changes[] = {"提高到", "增加到", "减少到", "下降到", "上升到",
					      "增长到", "降低到", "扩大到", "缩小到", "提升到", "降到",
					      "升到", "提高至", "增加至", "减少至", "下降至", "上升至",
					      "增长至", "降低至", "扩大至", "缩小至", "提升至", "降至",
					      "增至", "减至", "升至", "提高为", "增加为", "减少为",
					      "下降为", "上升为", "降为", "回落到", "回落至",
					      "跃升到", "跃升至", "攀升到", "攀升至", "下滑到",
					      "下滑至", "压减到", "压减至"};
	enum { N = sizeof changes / sizeof *changes };
	size_t k = starts_any(s, len, changes, N);
	return k < N ? strlen(changes[k]) : 0;
}

/* 超万亿元, 突破万亿元, 近万场, 近亿人次: a magnitude with its 一 left out,
 * right after a word that bounds it. Reads it into q with that bound. */
static bool bare_magnitude(const char *t, size_t lo, size_t i, size_t hi, quantity *q)
{
	static const struct {
		const char *word;
		int64_t value;
	} mags[] = {{"万亿", 1000000000000}, {"萬億", 1000000000000}, {"万", 10000},
		    {"萬", 10000}, {"亿", 100000000}, {"億", 100000000}};
	size_t k = 0;
	while (k < sizeof mags / sizeof *mags && !starts(t + i, hi - i, mags[k].word))
		k++;
	if (k == sizeof mags / sizeof *mags)
		return false;
	size_t at;
	const cue *bound = prefix_cue_before(t, lo, i, &at);
	size_t after = i + strlen(mags[k].word), used;
	const unit_def *u = bound ? match_unit(t + after, hi - after, &used) : NULL;
	if (!u || u->shift || (u->kind != Q_COUNT && u->kind != Q_QUANTITY && u->kind != Q_MONEY))
		return false;
	q->kind = u->kind;
	q->unit = u->unit;
	q->value = (decimal){mags[k].value, 0};
	q->magnitude = q->value;
	strcpy(q->num, "1");
	q->start = i;
	q->end = after + used;
	apply_bound(q, bound);
	return true;
}

/* Is the figure a figure of speech: 以十倍的努力, 百倍的信心 (great
 * effort, not a multiple), 千斤重担 (a heavy task, not a weight)? */
static bool figure_of_speech(const char *t, const quantity *q, size_t hi)
{
	static const char *const spirits[] = {"的努力", "的信心", "的热情", "的干劲",
					      "的勇气", "的决心", "的精神", "的精力",
					      "的斗志", "的毅力"};
	static const char *const burdens[] = {"重担", "重任", "重负"};
	enum { N_SPIRITS = sizeof spirits / sizeof *spirits, N_BURDENS = sizeof burdens / sizeof *burdens };
	const char *s = t + q->end;
	size_t len = hi - q->end;
	if (q->kind == Q_MULTIPLE)
		return starts_any(s, len, spirits, N_SPIRITS) < N_SPIRITS;
	return q->kind == Q_QUANTITY && (str_is(q->unit, "斤") || str_is(q->unit, "钧")) &&
	       starts_any(s, len, burdens, N_BURDENS) < N_BURDENS;
}

/* Does 人口 stand before the figure at start, in its clause and at most
 * twelve characters back? */
static bool population_before(const char *t, size_t lo, size_t start)
{
	size_t i = start;
	for (size_t cps = 0; i > lo && cps < 12; cps++) {
		size_t p = utf8_prev(t, i);
		if (p < lo)
			break;
		char c = t[p];
		if (c == ',' || c == ';' || c == ':' || starts(t + p, i - p, "。"))
			return false;
		if (p >= lo + 3 && starts(t + p - 3, 6, "人口"))
			return true;
		i = p;
	}
	return false;
}

/* 千亿斤粮食生产能力, 千万吨炼化基地, 西江千户苗寨, 打动万千人心: a count or
 * quantity of magnitudes alone (千, 千万, 百亿 …), no bound word before it
 * (超千亿元, 近百件, 数千人) and a noun right after it, names a thing by its
 * size. */
static bool magnitude_name(const char *t, size_t lo, const quantity *q, size_t hi)
{
	static const char *const mags[] = {"百", "千", "万", "亿"};
	static const char *const vague[] = {"数", "几", "成", "上", "近", "超", "逾", "约",
					    "达", "破", "过", "余"};
	enum { N_MAGS = sizeof mags / sizeof *mags, N_VAGUE = sizeof vague / sizeof *vague };
	/* (安排千万元资金 is an amount, money written so) */
	if ((unsigned char)t[q->start] < 0xE4 || /* (most figures begin with a digit) */
	    (q->kind != Q_COUNT && q->kind != Q_QUANTITY) ||
	    !str_is(q->qualifier, "exact") || q->approx)
		return false; /* (千余家企业: a count, roughly) */
	size_t i = q->start;
	while (i < q->end && starts_any(t + i, q->end - i, mags, N_MAGS) < N_MAGS)
		i += 3;
	/* then the unit at once: 千户, not 千五百户 */
	if (i == q->start || i == q->end || (unsigned char)t[i] < 0x80 ||
	    numeral_can_start(t + i, q->end - i) ||
	    ends_any(t, lo, q->start, vague, N_VAGUE) < N_VAGUE)
		return false;
	/* the noun: a Han character, not 的 */
	return q->end + 3 <= hi && (unsigned char)t[q->end] >= 0xE4 &&
	       (unsigned char)t[q->end] <= 0xE9 && !starts(t + q->end, 3, "的");
}

/* Does every comma in the digits t[i, e) group them: at most three
 * digits before the first, exactly three after each (33，212万吨,
 * 1，484万辆, as typeset texts of the 1980s write them)? */
static bool comma_groups(const char *t, size_t i, size_t e)
{
	size_t run = 0, commas = 0;
	for (size_t k = i; k < e; k++) {
		if (t[k] >= '0' && t[k] <= '9') {
			run++;
			continue;
		}
		if (t[k] != ',')
			break;
		if (commas ? run != 3 : run == 0 || run > 3)
			return false;
		commas++;
		run = 0;
	}
	return commas > 0 && run == 3;
}

/* 建成千亩示范片4个, 百亩基地, 千人大会: 百 or 千 alone with its unit and a
 * noun right after it names a size of thing, not an amount (近千人参加,
 * 百亩以上 are amounts). */
static bool size_class(const char *t, const quantity *q, size_t hi)
{
	static const char *const not_noun[] = {"以", "左", "的", "多", "余", "上", "之", "次",
					       "内", "外", "至", "到", "和", "与", "及", "、"};
	enum { N = sizeof not_noun / sizeof *not_noun };
	if ((q->kind != Q_QUANTITY && q->kind != Q_COUNT) || q->cue || q->end - q->start < 6 ||
	    !(starts(t + q->start, 3, "百") || starts(t + q->start, 3, "千")))
		return false;
	if (q->end + 3 > hi)
		return false;
	unsigned char u = (unsigned char)t[q->start + 3], c = (unsigned char)t[q->end];
	return u >= 0xE4 && u <= 0xE9 && c >= 0xE4 && c <= 0xE9 &&
	       starts_any(t + q->end, hi - q->end, not_noun, N) == N;
}

/* 增长33，5％, 合成氨生产能力152，5万吨: the decimal point as OCR of a
 * typeset page reads it, a Chinese comma with one digit after it and
 * then the figure's magnitude or unit (a clause after a comma opens with
 * words, and a group of thousands has three digits). n, read up to the
 * comma, is read again with a point there. */
static bool ocr_decimal_comma(const char *t, const fold_view *map, size_t i, size_t hi,
			      numeral *n)
{
	size_t c = i + n->len, d = c + 1;
	if (!map || c >= hi || t[c] != ',' || n->chinese || n->num[0] == '\0' ||
	    strchr(n->num, '.') || dec_cmp(n->magnitude, dec_int(1)) != 0 ||
	    !(t[c - 1] >= '0' && t[c - 1] <= '9') ||
	    fold_orig(map, c + 1) - fold_orig(map, c) != 3 || d + 1 >= hi ||
	    !(t[d] >= '0' && t[d] <= '9') || (t[d + 1] >= '0' && t[d + 1] <= '9'))
		return false;
	/* (and not 分别为8，9个: a count has no decimals) */
	size_t used;
	const unit_def *u = match_unit(t + d + 1, hi - d - 1, &used);
	if (t[d + 1] != '%' && !starts(t + d + 1, hi - d - 1, "万") &&
	    !starts(t + d + 1, hi - d - 1, "亿") && !(u && u->kind != Q_COUNT))
		return false;
	char buf[96];
	size_t len = hi - i < sizeof buf ? hi - i : sizeof buf;
	if (c - i >= len)
		return false;
	memcpy(buf, t + i, len);
	buf[c - i] = '.';
	numeral m;
	if (!numeral_parse(buf, len, &m) || m.len <= n->len + 1)
		return false;
	*n = m;
	return true;
}

/* 居全国前10位, 前五名, 排名前1%: a place among the first so many, a rank
 * as 第2位 is, not a count of places (提前5名 and the like aside). */
static bool rank_among_first(const char *t, size_t lo, size_t i, const char *unit)
{
	static const char *const not_rank[] = {"提前", "此前", "之前", "目前",
					       "以前", "当前", "事前"};
	enum { N_NOT_RANK = sizeof not_rank / sizeof *not_rank };
	/* (ESI全球排名前1%的学科, 位列前10%: the first so many in a hundred,
	 * a band of ranks) */
	static const char *const band[] = {"排名前", "排名后", "排行前", "位列前", "跻身前",
					   "进入前", "位居前"};
	enum { N_BAND = sizeof band / sizeof *band };
	if (unit && str_is(unit, "%") && ends_any(t, lo, i, band, N_BAND) < N_BAND)
		return true;
	if (!unit || !(str_is(unit, "位") || str_is(unit, "名")))
		return false;
	if (ends_with(t, lo, i, "前") && ends_any(t, lo, i, not_rank, N_NOT_RANK) == N_NOT_RANK)
		return true;
	/* 排名由369位上升到235位, 位次前移至第12名: places in a ranking, not
	 * people (but 排名提升4位 moves up by four: a change, a figure) */
	static const char *const places[] = {"由", "到", "至", "第", "为", "居", "列"};
	if (ends_any(t, lo, i, places, sizeof places / sizeof *places) == sizeof places / sizeof *places)
		return false;
	static const char *const ranking[] = {"排名", "排位", "位次", "名次"};
	enum { N_RANKING = sizeof ranking / sizeof *ranking };
	/* (in the figure's clause, within ten characters) */
	size_t from = i >= lo + 30 ? i - 30 : lo;
	for (size_t c = i; c > from; c--)
		if (t[c - 1] == ',') {
			from = c;
			break;
		}
	for (size_t k = 0; k < N_RANKING; k++)
		if (contains(t + from, i - from, ranking[k]))
			return true;
	return false;
}

bool quantity_unit_cell(const char *s, size_t len, quantity *unit)
{
	/* read as the unit of a figure: one, then the cell */
	char buf[64];
	if (len == 0 || len + 2 > sizeof buf)
		return false;
	buf[0] = '1';
	memcpy(buf + 1, s, len);
	buf[len + 1] = '\0';
	if (!quantity_at(buf, NULL, 0, 0, len + 1, unit) || unit->end != len + 1 ||
	    unit->kind >= Q_NUMBER || unit->per_len || unit->approx || unit->has_min ||
	    unit->has_max)
		return false;
	return true;
}

bool quantity_at(const char *t, const fold_view *map, size_t lo, size_t i,
		 size_t hi, quantity *q)
{
	memset(q, 0, sizeof *q);
	q->qualifier = "exact";
	q->unit = "";
	q->magnitude = dec_int(1);
	if (i >= hi)
		return false;
	/* PM2.5, G20, 5G: letters and digits run together are names (but
	 * 拉低GDP0.7个百分点: the measures of an economy go on to a figure) */
	if (i > lo && ((ascii_alnum(t[i - 1]) && t[i - 1] != 'k' && t[i - 1] != 'K' &&
			!(t[i] >= '0' && t[i] <= '9' && measure_before(t, lo, i))) ||
		       t[i - 1] == '.'))
		return false;

	size_t start = i;
	bool neg = negative_before(t, lo, i);
	/* 每50公斤: the base of a rate, not a figure */
	bool per = ends_with(t, lo, i, "每");
	/* the forms below all begin with a Han character */
	if ((unsigned char)t[i] < 0x80)
		goto numeral;
	if (discount_words(t, i, hi, q))
		goto qualifiers;
	size_t used;
	if ((starts(t + i, hi - i, "百") || starts(t + i, hi - i, "佰")) &&
	    fraction(t, start, i + 3, hi, NULL, false, q)) {
		percent_range(t, hi, q);
		goto signed_figure; /* 百分之十五, 百 分 之 2.4 */
	}
	if (starts(t + i, hi - i, "万") || starts(t + i, hi - i, "萬")) {
		/* 万分之三, 万万分之七: ten-thousandths start with a magnitude */
		numeral den;
		memset(&den, 0, sizeof den);
		den.chinese = true;
		den.value = dec_int(10000);
		size_t k = i + 3;
		if (starts(t + k, hi - k, "万") || starts(t + k, hi - k, "萬")) {
			den.value = dec_int(100000000);
			k += 3;
		}
		if (fraction(t, start, k, hi, &den, true, q))
			goto signed_figure;
		/* 万余人, 万多户: a bare 万 is ten thousand */
		size_t used2;
		const unit_def *wu;
		k = i + 3;
		if ((is_odd(t + k, hi - k) || starts(t + k, hi - k, "多")) &&
		    (wu = match_unit(t + k + 3, hi - k - 3, &used2)) && wu->kind == Q_COUNT) {
			q->kind = Q_COUNT;
			q->unit = wu->unit;
			q->value = dec_int(10000);
			strcpy(q->num, "1");
			q->magnitude = dec_int(10000);
			q->start = i;
			q->end = k + 3 + used2;
			apply_bound(q, is_odd(t + k, hi - k) ? &odd_cue : &more_cue);
			return true;
		}
		if (bare_magnitude(t, lo, i, hi, q))
			return true;
		if (!numeral_can_start(t + i, hi - i))
			return false; /* 萬五 reads on as a numeral */
	}
	if ((starts(t + i, hi - i, "亿") || starts(t + i, hi - i, "億")) &&
	    bare_magnitude(t, lo, i, hi, q))
		return true;
	if (starts(t + i, hi - i, "翻")) {
		/* 翻一番 doubles, 翻两番 quadruples, 翻三番 octuples; also 翻了一番 */
		size_t k = i + 3;
		if (starts(t + k, hi - k, "了"))
			k += 3;
		static const char *const times[] = {"一番", "两番", "三番"};
		int n = 0;
		for (int c = 0; c < 3 && !n; c++)
			if (starts(t + k, hi - k, times[c]))
				n = c + 1;
		bool bare = !n && starts(t + k, hi - k, "番");
		if (!n && !bare)
			return false;
		q->start = bare ? i : k;
		q->end = k + (bare ? 3 : 6);
		q->kind = Q_MULTIPLE;
		q->unit = "倍";
		q->value = dec_int(bare ? 2 : 1 << n);
		dec_format(q->value, q->num, sizeof q->num);
		return true;
	}
	if (half_unit(t, i, hi, q))
		return true;
	/* 半百: half a hundred */
	if (starts(t + i, hi - i, "半百") || starts(t + i, hi - i, "半千")) {
		q->kind = Q_NUMBER;
		q->value = dec_int(starts(t + i, hi - i, "半百") ? 50 : 500);
		dec_format(q->value, q->num, sizeof q->num);
		q->start = i;
		q->end = i + 6;
		return true;
	}
	if (starts(t + i, hi - i, "半成")) {
		q->kind = Q_PERCENT;
		q->unit = "%";
		q->value = dec_int(5);
		strcpy(q->num, "5");
		q->start = i;
		q->end = i + 6;
		return true;
	}
numeral:
	if (!numeral_can_start(t + i, hi - i))
		return false;
	numeral n;
	if (!numeral_parse(t + i, hi - i, &n))
		return discount(t, i, hi, NULL, q); /* 五五折 is no numeral */
	/* $20，300美圆: ASCII digits around a Chinese comma are two numbers,
	 * unless the figure is plainly one (82，225.00元, 233,333，333, and
	 * 33，212万吨 when the comma groups digits: comma_groups; but not after
	 * a currency, as in a list of prices). */
	bool plainly_one = strchr(n.num, '.') != NULL ||
			   (comma_groups(t, i, i + n.len) && !currency_before(t, lo, i));
	for (size_t k = i; map && k < i + n.len; k++)
		if (t[k] == ',' && fold_orig(map, k + 1) - fold_orig(map, k) == 1)
			plainly_one = true;
	for (size_t k = i + 1; map && !plainly_one && k < i + n.len; k++)
		if (t[k] == ',' && fold_orig(map, k + 1) - fold_orig(map, k) == 3 &&
		    fold_orig(map, k) - fold_orig(map, k - 1) == 1) {
			if (!numeral_parse(t + i, k - i, &n))
				return false;
			break;
		}
	ocr_decimal_comma(t, map, i, hi, &n);
	if (discount(t, i, hi, &n, q))
		goto qualifiers;
	if (per) {
		const unit_def *pu;
		const char *pn;
		q->kind = Q_SKIP;
		q->start = i;
		q->end = i + n.len + read_unit(t, i + n.len, hi, &pu, &pn);
		return true;
	}
	/* 几个: nothing but a vague numeral */
	if (dec_is_zero(n.value) && n.vague)
		return false;
	size_t after = i + n.len;
	q->start = start;
	q->value = n.value;
	memcpy(q->num, n.num, sizeof q->num);
	q->magnitude = n.magnitude;

	/* 十一十二, 十七十八: two Chinese numerals back to back, the second
	 * from a place the first has passed, are no number at all (but 三百万
	 * 千瓦 is 300万 kilowatts, 百分点 a unit) */
	size_t ul0;
	numeral next;
	if (n.chinese && !n.positional && place_at(t + after, hi - after) &&
	    !match_unit(t + after, hi - after, &ul0) && !starts(t + after + 3, hi - after - 3, "分") &&
	    numeral_parse(t + after, hi - after, &next)) {
		q->kind = Q_SKIP;
		q->end = after + next.len;
		return true;
	}
	if (time_of_day(t, after, hi, &n, &q->end)) {
		q->kind = Q_SKIP;
		return true;
	}
	/* 一半: one half */
	if (n.bare_one && half_ends(t, after, hi, false)) {
		q->kind = Q_RATIO;
		q->value = (decimal){5, 1};
		strcpy(q->num, "0.5");
		q->end = after + 3;
		goto signed_figure;
	}
	/* N分之Y, and N又M分之Y */
	if (mixed_fraction(t, start, after, hi, &n, q) ||
	    fraction(t, start, after, hi, &n, true, q)) {
		fraction_unit(t, hi, q);
		goto signed_figure;
	}
	/* 1/3, 2/5: a ratio, when nothing makes it a date or a code */
	if (after + 1 < hi && t[after] == '/' && !n.chinese && !n.value.scale &&
	    t[after + 1] >= '0' && t[after + 1] <= '9' && (i == lo || t[i - 1] != '/')) {
		size_t k = after + 1;
		int64_t den = 0;
		while (k < hi && t[k] >= '0' && t[k] <= '9' && den < 100000)
			den = den * 10 + (t[k++] - '0');
		bool ends = k >= hi || (t[k] != '/' && t[k] != '.' && !(t[k] >= '0' && t[k] <= '9'));
		/* 2020/2021学年, 2023/24赛季: a span of two years */
		int64_t y = n.value.m;
		if (ends && n.value.scale == 0 && n.len == 4 && y >= 1900 && y <= 2099 &&
		    (den == y + 1 || (k - after == 3 && den == (y + 1) % 100))) {
			q->kind = Q_SKIP;
			q->end = k;
			return true;
		}
		decimal v = n.value;
		if (ends && den > 0 && n.value.m < 100000 && dec_div(&v, dec_int(den), 6)) {
			q->kind = Q_RATIO;
			q->value = v;
			q->end = k;
			dec_format(v, q->num, sizeof q->num);
			q->magnitude = dec_int(1);
			goto signed_figure;
		}
	}
	if (match_spaced(t + after, hi - after, "百分之", &used)) {
		q->kind = Q_SKIP; /* 五百分之2.2: not a form anyone uses */
		quantity rest;
		q->end = fraction(t, after, after + 3, hi, NULL, false, &rest) ? rest.end
									: after + used;
		return true;
	}
	/* 十折 and friends that discount() refused */
	if (starts(t + after, hi - after, "折")) {
		q->kind = Q_SKIP;
		q->end = after + 3;
		return true;
	}

	/* 三成, 三成半: tenths */
	size_t k0 = after;
	while (k0 < hi && t[k0] == ' ')
		k0++;
	/* (百亿成势: 成 after more than ten is no tenth) */
	if (starts(t + k0, hi - k0, "成") && !n.spaced && dec_cmp(n.value, dec_int(10)) <= 0) {
		decimal v = n.value;
		if (!dec_shift(&v, 1))
			return false;
		q->end = k0 + 3;
		int d;
		size_t du, k1 = q->end < hi && t[q->end] == ' ' ? q->end + 1 : q->end;
		if (starts(t + q->end, hi - q->end, "半")) {
			dec_add(&v, dec_int(5));
			q->end += 3;
		} else if ((d = numeral_cn_digit(t + k1, hi - k1, &du)) > 0 &&
			   !numeral_can_start(t + k1 + du, hi - k1 - du) &&
			   !match_unit(t + k1 + du, hi - k1 - du, &used)) {
			/* 七成六: seventy-six percent, the hundredths after 成 */
			dec_add(&v, dec_int(d));
			q->end = k1 + du;
		}
		q->kind = Q_PERCENT;
		q->unit = "%";
		q->value = v;
		dec_format(v, q->num, sizeof q->num);
		q->magnitude = dec_int(1);
		goto signed_figure;
	}

	/* 10余个, 2800多亿元 (the latter already inside the numeral); 5500 余条
	 * with the space of PDF text */
	const cue *inner = NULL;
	size_t ya = after + (after < hi && t[after] == ' ');
	if (is_odd(t + ya, hi - ya) || starts(t + ya, hi - ya, "多")) {
		const unit_def *u;
		if (((u = match_unit(t + ya + 3, hi - ya - 3, &used)) &&
		     u->kind != Q_DURATION) ||
		    (large_number(&n) && people_noun_at(t, ya + 3, hi))) { /* 3万多居民 */
			inner = is_odd(t + ya, hi - ya) ? &odd_cue : &more_cue;
			after = ya + 3;
		}
	}

	const unit_def *u = NULL;
	const char *uname = "";
	size_t ul = read_unit(t, after, hi, &u, &uname);
	if (!u && petaflops_at(t, lo, start, after, hi)) {
		u = &petaflops;
		uname = petaflops.unit;
		ul = 1;
	}
	/* 天然气产能达到22亿方: 方 is the cubic metre after a magnitude (but
	 * 亿方面 is "in the aspect of") */
	if (!u && dec_cmp(n.magnitude, dec_int(1)) > 0 && starts(t + after, hi - after, "方") &&
	    !word_after_fang(t, after + 3, hi)) {
		u = &cubic_metre;
		uname = cubic_metre.unit;
		ul = 3;
	}
	/* (八千万农民: a Chinese numeral holds its 万 as a place) */
	if (!u && large_number(&n) &&
	    (people_noun_at(t, after, hi) || people_word_before(t, lo, start))) {
		u = &people;
		uname = people.unit;
	}
	if (!u && dec_cmp(n.magnitude, dec_int(1)) > 0 &&
	    money_word_before(t, lo, start)) {
		size_t yuan;
		u = match_unit("元", 3, &yuan);
		uname = u->unit;
	}
	/* 16.9万吨/日, 27克/千克, 0.6人/百亿元以下 */
	if (after + ul < hi && t[after + ul] == '/') /* (a call only then) */
		ul += take_per_unit(t, after + ul, hi, u, &uname, &q->per_at, &q->per_len);
	/* A range: 3-5亿元, 6.5%－7%, 5到7元, 1万(含)-5万元, 两到三万港元 */
	size_t k = after + ul;
	if (match_spaced(t + k, hi - k, "(含)", &used))
		k += used;
	size_t sep_used;
	if (!inner && is_range_sep(t + k, hi - k, &sep_used)) {
		size_t j = k + sep_used;
		while (j < hi && t[j] == ' ')
			j++;
		numeral n2;
		if (j < hi && numeral_can_start(t + j, hi - j) &&
		    numeral_parse(t + j, hi - j, &n2) && !n2.bare_one) {
			const unit_def *u2 = NULL;
			const char *uname2 = "";
			size_t ul2 = read_unit(t, j + n2.len, hi, &u2, &uname2);
			if (u2 && u2->kind == Q_DURATION)
				return false; /* 1-5月, 3-5年: periods */
			size_t per_at2 = 0, per_len2 = 0;
			if (j + n2.len + ul2 < hi && t[j + n2.len + ul2] == '/')
				ul2 += take_per_unit(t, j + n2.len + ul2, hi, u2, &uname2, &per_at2,
						     &per_len2);
			const char *cur = currency_before(t, lo, start);
			if (!u2 && !u && cur) {
				/* $10-$20 style without a written unit */
				size_t yuan;
				u2 = match_unit("元", 3, &yuan);
				uname2 = cur;
			}
			if (u2 && (!u || u->kind == u2->kind)) {
				decimal lo_v = n.value, hi_v = n2.value;
				share_magnitude(&n, &n2, &lo_v);
				if (!value_of(&n2, u2, &hi_v) ||
				    !shift_by(&lo_v, u2->shift))
					return false;
				if (dec_cmp(lo_v, hi_v) < 0) {
					q->kind = u2->kind;
					q->unit = uname2;
					if (u2->kind == Q_MONEY && cur && str_is(uname2, "CNY"))
						q->unit = cur;
					q->value = q->min = lo_v;
					q->max = hi_v;
					q->has_min = q->has_max = true;
					q->qualifier = "range";
					q->end = j + n2.len + ul2;
					if (per_len2) {
						q->per_at = per_at2;
						q->per_len = per_len2;
					}
					goto done_unit;
				}
			}
		}
	}
	/* “五五”时期, 第七七: a doubled digit inside quotes or after a word is
	 * a name (the sixth five-year plan), not fifty-five */
	size_t qi = i > lo && t[i - 1] == ' ' ? i - 1 : i; /* " 七七 " */
	if (n.positional && n.len == 6 && n.value.m >= 11 && n.value.m % 11 == 0 && i > lo &&
	    ((han_before(t, lo, i) && !neg) || ends_with(t, lo, qi, "“") || ends_with(t, lo, qi, "\"")))
		return false;
	/* 一二三次产业, 三四五线: digits in a row before a classifier list
	 * things (first, second and third); codes and years take none */
	if (n.positional && u) {
		q->kind = Q_SKIP;
		q->end = after + ul;
		return true;
	}
	/* 第二天, 第一名, 第3万回: an ordinal, whatever follows it */
	if (i > lo && ordinal_before(t, lo, i)) {
		q->kind = Q_ORDINAL;
		q->unit = u ? uname : "";
		q->end = after + ul;
		return true;
	}
	/* 壹 on its own, 壹元, 肆角: a lone financial digit is a numeral only
	 * with money after it or no word around it (陆地, 入伍, 收拾) */
	if (n.lone_financial && !(u && u->kind == Q_MONEY) &&
	    !starts(t + after, hi - after, "分") &&
	    (han_at(t, after, hi) || (han_before(t, lo, i) && !neg)))
		return false;
	if (!u) {
		size_t cur_at = start;
		const char *cur = currency_at(t, lo, start, &cur_at);
		/* 壹分, 伍分: 分 is a coin only after financial digits (5分 is a
		 * score or a minute) */
		if (n.financial && starts(t + after, hi - after, "分") &&
		    !starts(t + after + 3, hi - after - 3, "之")) {
			q->kind = Q_MONEY;
			q->unit = "CNY";
			q->value.scale += 2;
			q->start = cur ? cur_at : start;
			q->end = after + 3;
			if (starts(t + q->end, hi - q->end, "整"))
				q->end += 3;
			goto done_unit;
		}
		/* 15k, 30w, 5个亿 and 肆佰叁拾萬 are amounts of money even unwritten
		 * (a single 壹 on its own is just a numeral) */
		if (!cur && (n.slang || (n.financial && !n.lone_financial) ||
			     n.hundred_million_by_ge))
			cur = "CNY";
		if (cur && !n.spaced) {
			/* $20, 人民币3000万: the currency word is the unit, so the
			 * figure as written begins with it */
			q->kind = Q_MONEY;
			q->unit = cur;
			q->start = cur_at;
			q->end = after;
			goto done_unit;
		}
		if (n.spaced)
			return false;
		/* 一下, 统一, 四川, 两岸: one numeral character inside a word;
		 * 九九, 两两: the second of a doubled one */
		/* 统一。 唯一， 万一: a bare 一 after a word ends that word */
		if (n.bare_one && han_before(t, lo, i) && !neg)
			return false;
		if ((n.bare_one && n.in_word) || (n.in_word && numeral_word(t + i, hi - i)) ||
		    (n.in_word && dec_is_zero(n.value) && han_at(t, after, hi)) || /* 零容忍, 零点 */
		    (n.len == 3 && n.chinese && i >= lo + 3 && memcmp(t + i - 3, t + i, 3) == 0))
			return false;
		/* 全国人口２０００年要控制在１３亿以内, 人口即将达到十一亿: people,
		 * the 人 left unwritten after 人口 */
		if (n.trailing >= 10000 && population_before(t, lo, start)) {
			q->kind = Q_COUNT;
			q->unit = "人";
			q->end = after;
			goto done_unit;
		}
		q->kind = Q_NUMBER;
		q->end = after;
		goto signed_figure;
	}
	if (u->kind == Q_DURATION) {
		q->kind = Q_DURATION;
		q->end = after + ul;
		return true;
	}
	/* 三个半小时, 两个半月: a duration, not a count of three */
	if (str_is(uname, "个") && starts(t + after + ul, hi - after - ul, "半")) {
		size_t du;
		const unit_def *d = match_unit(t + after + ul + 3, hi - after - ul - 3, &du);
		if (d && d->kind == Q_DURATION) {
			q->kind = Q_DURATION;
			q->end = after + ul + 3 + du;
			return true;
		}
	}
	/* 一块二, 三块零四, 肆角叁分: smaller coins after the main unit */
	bool kuai = str_is(uname, "块");
	decimal coin_value = q->value;
	size_t coins_len = 0;
	if (!value_of(&n, u, &coin_value))
		return false;
	if (u->kind == Q_MONEY || kuai)
		coins_len = read_coins(t, after + ul, hi, u->kind == Q_MONEY ? uname : "CNY",
				       u->shift < 0 ? -u->shift : 0,
				       kuai || str_is(u->text, "毛"), &coin_value);
	/* 一个机制, 一批, 一次性: 一 with a classifier is prose. */
	if (n.bare_one && u->kind == Q_COUNT && !coins_len && !half_ends(t, after + ul, hi, true)) {
		/* …but 一个 closing a clause (要一个。) is the number one, for
		 * --all; 一个机制 is "a", 一批 is vague even at the end, and 一两个
		 * reads on from 两个, which is vague after 一 (below) */
		if (n.ranged || han_at(t, after + ul, hi) || str_is(uname, "批"))
			return false;
		q->kind = Q_NUMBER;
		q->end = after;
		goto signed_figure;
	}
	/* 二次发掘, 二次开发: "secondary", not twice (twice is 两次) */
	if (n.chinese && n.len == 3 && starts(t + i, 3, "二") && str_is(uname, "次") &&
	    han_at(t, after + ul, hi))
		return false;
	/* 二期工程, 武都引水二期: a phase is named in Chinese numerals; sessions
	 * are counted in digits (培训班40期) */
	if (n.chinese && str_is(uname, "期"))
		return false;
	/* and 三门核电 is a place: doors and lines in Chinese numerals come
	 * by the ten thousand (一百五十七万门) */
	if (n.chinese && str_is(uname, "门") && dec_cmp(n.value, dec_int(10000)) < 0)
		return false;
	/* 一两个, 一二个: "one or two", a vague quantity as 一些 is (but 统一
	 * 两个标准 unifies two) */
	static const char *const one_words[] = {"统一", "唯一", "万一", "第一", "之一", "同一",
						"单一", "划一", "专一", "归一", "逐一", "合一",
						"一一", "不一"};
	enum { N_ONE_WORDS = sizeof one_words / sizeof *one_words };
	if (n.chinese && n.len == 3 && dec_cmp(n.value, dec_int(2)) == 0 && u->kind == Q_COUNT &&
	    i >= lo + 3 && ends_with(t, lo, i, "一") &&
	    ends_any(t, lo, i, one_words, N_ONE_WORDS) == N_ONE_WORDS) {
		q->kind = Q_SKIP;
		q->end = after + ul;
		return true;
	}
	/* 一度过快上涨, 收入一度出现下滑: "for a time", not one degree (一度电
	 * is one kilowatt hour) */
	if (n.bare_one && str_is(uname, "度") &&
	    !starts(t + after + ul, hi - after - ul, "电"))
		return false;
	/* 三届二次全会, 十四届四次会议, 八届人大三次会议: the session, not a
	 * count */
	size_t ue = after + ul;
	if (str_is(uname, "次") &&
	    (ends_with(t, lo, i, "届") || starts(t + ue, hi - ue, "全会") ||
	     starts(t + ue, hi - ue, "全委会") || starts(t + ue, hi - ue, "全体会议") ||
	     (starts(t + ue, hi - ue, "会议") && session_before(t, lo, i))))
		return false;
	/* 稳增长惠民生27条、金融支持民营经济发展12条等政策举措: the names of
	 * policy packages, by their number of articles */
	/* (支持乡村富民产业发展20条措施, 稳就业20条政策措施: a package by its
	 * articles, whatever comes before) */
	static const char *const packages[] = {"政策措施", "政策举措", "措施", "举措", "政策"};
	enum { N_PACKAGES = sizeof packages / sizeof *packages };
	if (str_is(uname, "条") &&
	    (package_name_at(t, ue, hi) || starts_any(t + ue, hi - ue, packages, N_PACKAGES) < N_PACKAGES))
		return false;
	/* 重点做好八个方面工作: parts of the text, not of the world (but 7个方面
	 * 分值, in Arabic digits, counts what a rule scores) */
	if (str_is(uname, "个") && n.chinese && starts(t + ue, hi - ue, "方面"))
		return false;
	/* 两部分: 部分 is a word, not 部 */
	if (str_is(uname, "部") && starts(t + ue, hi - ue, "分"))
		return false;
	/* 12345台胞, 两千三百万台湾同胞: 台 of Taiwan; 迈上5万亿台阶: a step */
	/* (五台山: a mountain's name; but 5台山地收割机 are machines) */
	bool mountain = n.chinese && starts(t + ue, hi - ue, "山") &&
			!starts(t + ue + 3, hi - ue - 3, "地") && !starts(t + ue + 3, hi - ue - 3, "区");
	if (str_is(uname, "台") &&
	    (taiwan_at(t, ue, hi) || starts(t + ue, hi - ue, "阶") || mountain) &&
	    !starts(t + ue, hi - ue, "北斗") && !starts(t + ue, hi - ue, "北京"))
		return false; /* (3000台北斗终端, 5台北京产: 台 of machines) */
	/* 公共安全支出（204类）司法（06款）行政运行（01项）: the codes of the
	 * budget's functional classes, three digits for 类 and two for 款
	 * and 项, each in brackets of its own */
	if ((str_is(uname, "类") || str_is(uname, "款") || str_is(uname, "项")) &&
	    i > lo && t[i - 1] == '(' && ue < hi && t[ue] == ')' &&
	    strlen(n.num) == (str_is(uname, "类") ? 3u : 2u) && !n.chinese)
		return false;
	/* 属于三类内部事务信息, 本工程为二类高层建筑: a category, not a count
	 * of them (分为三类。 counts them) */
	if (str_is(uname, "类") && n.chinese &&
	    (ends_with(t, lo, i, "属于") || (ends_with(t, lo, i, "为") && han_at(t, ue, hi) &&
					     !ends_with(t, lo, i, "分为"))))
		return false;
	/* 5角 is money; 五角大楼, 五角星 and 长三角 are not */
	if (u->shift < 0 && !coins_len &&
	    ((han_at(t, ue, hi) && !starts(t + ue, hi - ue, "钱") &&
	      !starts(t + ue, hi - ue, "整")) ||
	     ends_with(t, lo, i, "长") || ends_with(t, lo, i, "珠") || ends_with(t, lo, i, "金")))
		return false;
	/* 城乡二元结构: two-tier, not two yuan */
	if (str_is(uname, "CNY") && n.chinese && dual_structure_at(t, ue, hi))
		return false;
	q->value = coin_value;
	q->kind = u->kind;
	q->unit = uname;
	q->end = after + ul;
	/* 三米九, 一米八: metres and decimetres, as heights are spoken */
	int dm;
	size_t dmu;
	if (str_is(uname, "米") && n.chinese && !n.value.scale && n.trailing < 10 &&
	    (dmu = trailing_digit(t, q->end, hi, &dm)) && dec_add(&q->value, (decimal){dm, 1}))
		q->end += dmu;
	/* 一吨半, 三斤半, 一個半: and a half more of the unit */
	if ((u->kind == Q_QUANTITY || u->kind == Q_COUNT) && !n.value.scale &&
	    n.trailing < 10000 && !n.ranged && !n.vague && !n.approx_inside &&
	    half_ends(t, q->end, hi, u->kind == Q_COUNT) &&
	    dec_add(&q->value, (decimal){5, 1}))
		q->end += 3;
	/* 几十万块, 三五百块, 花费我三块, 3.04块: 块 as money when the amount is
	 * vague, large or fractional, or stands at the end of a clause; 5549块
	 * of land is a count. */
	if (kuai && !coins_len) {
		size_t e = q->end;
		bool clause_end = e >= hi || t[e] == ',' || t[e] == ';' || t[e] == '.' ||
				  starts(t + e, hi - e, "钱") || starts(t + e, hi - e, "。") ||
				  starts(t + e, hi - e, "、");
		if (n.approx_inside || n.vague || n.ranged || n.trailing >= 10000 ||
		    n.value.scale || (n.chinese && clause_end)) {
			q->kind = Q_MONEY;
			q->unit = "CNY";
			if (starts(t + e, hi - e, "钱"))
				q->end += 3;
		}
	}
	if (coins_len) {
		q->kind = Q_MONEY;
		q->unit = u->kind == Q_MONEY ? uname : "CNY";
		q->end += coins_len;
	} else if (u->kind == Q_MONEY && str_is(uname, "CNY")) {
		const char *cur = currency_before(t, lo, start);
		if (cur)
			q->unit = cur; /* 港币两千九百六十元 */
	}
	/* 壹元整, 人民币壹元壹角整: 整 closes an amount written out in full */
	if (q->kind == Q_MONEY && starts(t + q->end, hi - q->end, "整"))
		q->end += 3;
	if (n.ranged && (u->kind == Q_PERCENT || u->kind == Q_PPT)) {
		q->kind = Q_SKIP; /* 二三十个百分点: too vague to record */
		q->end = after + ul;
		return true;
	}
	if (n.ranged) {
		/* 三五百块, 八九亿: a vague range */
		decimal hv = n.high;
		if (shift_by(&hv, u->shift)) {
			q->min = q->value;
			q->max = hv;
			q->has_min = q->has_max = true;
			q->qualifier = "range";
			q->approx = true;
		}
	}
done_unit:
	if (i > lo && (ordinal_before(t, lo, i) || rank_among_first(t, lo, i, q->unit))) {
		q->kind = Q_ORDINAL;
		return true;
	}
	if (inner)
		apply_bound(q, inner);
	if (n.vague)
		apply_bound(q, &vague_cue);
	else if (n.approx_inside)
		apply_bound(q, &more_cue);
signed_figure:
	if (neg) {
		negate(q);
		if (q->has_min)
			q->min.m = -q->min.m;
		if (q->has_max)
			q->max.m = -q->max.m;
		if (q->has_min && q->has_max) {
			/* 负3-5%: from -5 to -3; the value is the lower bound */
			decimal lo_v = q->max;
			bool lo_excl = q->max_excl;
			q->max = q->min;
			q->max_excl = q->min_excl;
			q->min = q->value = lo_v;
			q->min_excl = lo_excl;
		} else if (q->has_min != q->has_max) {
			/* 负…以上: a lower bound of a negative is an upper bound */
			decimal b = q->has_min ? q->min : q->max;
			bool excl = q->has_min ? q->min_excl : q->max_excl;
			q->has_min = !q->has_min;
			q->has_max = !q->has_max;
			if (q->has_min) {
				q->min = b;
				q->min_excl = excl;
			} else {
				q->max = b;
				q->max_excl = excl;
			}
		}
	}
qualifiers:
	if (names_by_size(t, q, hi) || figure_of_speech(t, q, hi) ||
	    counts_the_text(t, lo, start, q, hi)) {
		q->kind = Q_SKIP;
		return true;
	}
	/* Prefix words: 约 近 超过 不低于 … (but 最高 only caps a grant:
	 * 最高500万元; 全球最高10米 is a height) */
	size_t cue_at;
	const cue *pc = prefix_cue_before(t, lo, start, &cue_at);
	bool applied = pc && !(str_is(pc->word, "最高") && q->kind != Q_MONEY);
	if (applied)
		apply_bound(q, pc);
	else
		applied = bound_across(t, lo, start, q) || approx_verb(t, lo, start, q) ||
			  upwards_of(t, lo, start, q);
	/* Suffix words: 以上 以下 以内 左右, and 多 after 倍 (增长1倍多) */
	const cue *c;
	if (suffix_cue_at(t, q->end, hi, &c))
		apply_bound(q, c);
	else if (str_is(q->unit, "倍") && starts(t + q->end, hi - q->end, "多"))
		apply_bound(q, &more_cue);
	else if (!applied && (magnitude_name(t, lo, q, hi) || size_class(t, q, hi)))
		q->kind = Q_SKIP;
	return true;
}
