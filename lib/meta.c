/* The header of a report (portal chrome, title, metadata fields) and the
 * footer chrome. Portal chrome stays in the text; it is only marked. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "marker.h"
#include "numeral.h"
#include "parser.h"
#include "utf8.h"

typedef enum line_kind {
	L_BLANK,
	L_CHROME,
	L_BREADCRUMB,
	L_SEPARATOR,
	L_FIELD,
	L_DOCNO, /* a document number alone: 包府办发〔2022〕43号 */
	L_TEXT, /* a short line of text: title, subtitle, speaker, channel */
	L_BODY
} line_kind;

typedef enum field_kind {
	F_PLAIN,
	F_INDEX,
	F_DOCNO,
	F_DATE_GENERATED,
	F_DATE_PUBLISHED,
	F_DATE_WRITTEN,
	F_DISCLOSURE,
	F_VALIDITY,
	F_ISSUER_OWNER,
	F_ISSUER_RESPONSIBLE,
	F_ISSUER_PUBLISHER,
	F_CATEGORY,
	F_TITLE,
	F_SOURCE
} field_kind;

/* Longest first where one label ends another (信息索引号 before 索引号).
 * Labels that are everyday words (标题, 时间, 来源 …) count only with a
 * colon after them. */
static const struct label {
	const char *text;
	field_kind kind;
	bool needs_colon;
} labels[] = {
	{"信息索引号", F_INDEX},     {"索引号", F_INDEX},
	{"发文字号", F_DOCNO},       {"文件编号", F_DOCNO},
	{"文号", F_DOCNO},
	{"发文机关", F_ISSUER_OWNER}, {"发文机构", F_ISSUER_OWNER},
	{"发布机构", F_ISSUER_PUBLISHER}, {"发布单位", F_ISSUER_PUBLISHER},
	{"所属机构", F_ISSUER_OWNER}, {"责任部门", F_ISSUER_RESPONSIBLE},
	/* a budget's cover: 预算主管部门：上海市普陀区人民政府办公室 */
	{"预算主管部门", F_ISSUER_OWNER}, {"预算单位", F_ISSUER_OWNER, true},
	{"主管部门", F_ISSUER_OWNER, true}, {"编制单位", F_ISSUER_OWNER, true},
	{"生成日期", F_DATE_GENERATED}, {"产生日期", F_DATE_GENERATED},
	{"成文日期", F_DATE_WRITTEN}, {"发文日期", F_DATE_WRITTEN},
	{"发布日期", F_DATE_PUBLISHED}, {"发布时间", F_DATE_PUBLISHED},
	{"公开日期", F_DATE_PUBLISHED},
	{"发表时间", F_DATE_PUBLISHED, true}, {"发表日期", F_DATE_PUBLISHED, true},
	{"公开方式", F_DISCLOSURE},  {"公开形式", F_DISCLOSURE},
	{"公开属性", F_DISCLOSURE},  {"公开类别", F_DISCLOSURE},
	{"公开范围", F_PLAIN},       {"有效性", F_VALIDITY},
	{"是否有效", F_VALIDITY},    {"主题分类", F_CATEGORY},
	{"体裁分类", F_CATEGORY},    {"公开目录", F_CATEGORY},
	{"信息分类", F_CATEGORY},    {"目录分类", F_CATEGORY},
	{"组配分类", F_CATEGORY},
	{"关键词", F_PLAIN, true},         {"主题词", F_PLAIN, true},
	{"信息名称", F_TITLE},       {"名称", F_TITLE, true},
	{"内容概述", F_PLAIN},
	{"原文链接", F_PLAIN},       {"本地目录", F_PLAIN},
	{"浏览次数", F_PLAIN, true},       {"标题", F_TITLE, true},
	{"来源", F_SOURCE, true},          {"时间", F_DATE_PUBLISHED, true},
	{"日期", F_DATE_PUBLISHED, true},  {"栏目", F_CATEGORY, true},
	{"作者", F_PLAIN, true},
};

/* Matches a label at s, letting spaces stand between its characters
 * (文    号). Returns the bytes used, the separator included. */
static size_t match_label(const char *s, size_t len, const struct label **out)
{
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
		const char *l = labels[k].text;
		size_t i = 0, j = 0, ll = strlen(l);
		while (j < ll && i < len) {
			if (s[i] == ' ' && j > 0) {
				i++;
				continue;
			}
			size_t n = utf8_len((unsigned char)l[j]);
			if (i + n > len || memcmp(s + i, l + j, n) != 0)
				break;
			i += n;
			j += n;
		}
		if (j < ll)
			continue;
		size_t after = i;
		while (after < len && s[after] == ' ')
			after++;
		bool colon = after < len && s[after] == ':';
		if (colon)
			after++;
		if (labels[k].needs_colon && !colon)
			continue;
		if (!colon && i < len && s[i] != ' ')
			continue; /* 文号 must stand apart from its value */
		*out = &labels[k];
		return after;
	}
	return 0;
}

static size_t skip_sp(const char *s, size_t i, size_t end)
{
	while (i < end && s[i] == ' ')
		i++;
	return i;
}

/* The bytes of a list's bullet and the spaces after it at s, or 0: a
 * portal lists its fields as items (• 索引号: j602402--2023-0165). (Not
 * ○, a zero in 二○二三年.) */
static size_t bullet_len(const char *s, size_t len)
{
	static const char *const bullets[] = {"•", "·", "●", "◆", "■", "▪", "◇"};
	for (size_t k = 0; k < sizeof bullets / sizeof *bullets; k++)
		if (starts(s, len, bullets[k])) {
			size_t n = strlen(bullets[k]);
			return n < len && s[n] == ' ' ? skip_sp(s, n, len) : 0;
		}
	return 0;
}

/* The end of t[a, e) without the empty cells a page's table leaves
 * after it (…统计公报 | |||||). */
static size_t trim_cells(const char *t, size_t a, size_t e)
{
	size_t k = e;
	while (k > a && (t[k - 1] == ' ' || t[k - 1] == '|'))
		k--;
	return k < e && memchr(t + k, '|', e - k) ? k : e;
}

/* Where the fields of line l start: after its bullet, if it has one. */
static size_t fields_start(const char *t, const line *l)
{
	return l->cs + bullet_len(t + l->cs, l->ce - l->cs);
}

bool text_is_chrome(const char *s, size_t len)
{
	static const char *const words[] = {
		"首页", "登录", "注册", "无障碍", "长者", "移动版", "APP",
		"网站", "欢迎", "下载", "打印", "全屏", "收藏", "字号", "字体",
		"加大", "还原", "减小", "分享", "微信", "微博", "QQ", "繁体",
		"简体", "English", "搜索", "返回", "关闭", "<!--", "-->",
		"当前位置", "您的位置", "所在位置", "您现在的位置", "阅读量", "浏览量",
		"点击数", "阅读次数", "引证码"};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (contains(s, len, words[k]))
			return true;
	/* 【字体：大 中 小】 broken into single characters, one per line */
	return utf8_count(s, len) <= 2;
}

/* A menu: three or more short words apart. Below the title the same shape
 * is a speaker line (上海市市长 龚 正), so callers decide. */
static bool looks_like_menu(const char *s, size_t len)
{
	size_t words_n = 0, longest = 0, cur = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i == len || s[i] == ' ') {
			if (cur) {
				words_n++;
				if (cur > longest)
					longest = cur;
			}
			cur = 0;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			cur++;
		}
	}
	return words_n >= 3 && longest <= 6;
}

/* A line that may stand among footer chrome without being chrome for
 * sure: short and without a sentence, a row of links, or advice on the
 * browser to use. */
static bool footer_filler(const char *s, size_t len)
{
	if (contains(s, len, "。") && !contains(s, len, "浏览器"))
		return false;
	return utf8_count(s, len) <= 20 || looks_like_menu(s, len) ||
	       contains(s, len, "浏览器") || contains(s, len, "分辨率");
}

bool text_is_footer_chrome(const char *s, size_t len)
{
	static const char *const words[] = {
		"扫一扫", "相关链接", "返回顶部", "打印本页", "打印此页", "关闭窗口",
		"【打印】", "【关闭】", "版权所有", "主办", "承办", "网站标识码",
		"ICP", "备案", "技术支持", "联系我们", "网站地图", "分享到",
		"相关报道", "相关文档", "附件下载", "责任编辑", "浏览次数", "访问量",
		"字号", "纠错", "上一篇", "下一篇", "网站", "收藏", "【打印",
		"Copyright", "copyright", "Public domain"};
	/* Chrome is links and labels, not sentences. */
	if (utf8_count(s, len) > 120 || contains(s, len, "。"))
		return false;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (contains(s, len, words[k]))
			return true;
	/* (来源：青海日报), 编辑：何继红: a news page's credits, short lines
	 * that begin with their label */
	size_t i = skip_sp(s, 0, len);
	if (i < len && s[i] == '(')
		i++;
	return utf8_count(s, len) <= 30 &&
	       (starts(s + i, len - i, "来源:") || starts(s + i, len - i, "编辑:"));
}

static bool is_breadcrumb(const char *s, size_t len)
{
	if (starts(s, len, "当前位置") || starts(s, len, "您的位置") ||
	    starts(s, len, "您现在的位置") || starts(s, len, "所在位置"))
		return true;
	return contains(s, len, "首页") &&
	       (contains(s, len, ">") || contains(s, len, "»") ||
		contains(s, len, "→"));
}

static bool is_separator(const char *s, size_t len)
{
	size_t marks = 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '=' || s[i] == '-' || s[i] == '*' || s[i] == '_')
			marks++;
	return marks >= 5;
}

static bool has_sentence_end(const char *s, size_t len)
{
	return contains(s, len, "。") || contains(s, len, ";") ||
	       contains(s, len, "！") || contains(s, len, "？") ||
	       contains(s, len, "!") || contains(s, len, "?");
}

static bool has_genre(const char *s, size_t len);
static bool ends_in_genre(const char *s, size_t len);

/* Is the line a document number and nothing else (包府办发〔2022〕43号,
 * (皖开放办〔2022〕6号) in brackets)? Sets [*vs, *ve) to the number. A
 * notice prints its number under the title, or above it under the
 * masthead, without a 文号 label. */
static bool docno_line(const scan *sc, const line *l, size_t *vs, size_t *ve)
{
	const char *t = sc->v->text;
	size_t s = l->cs, e = l->ce;
	bool bracketed = e - s > 2 && t[s] == '(' && t[e - 1] == ')';
	if (bracketed) {
		s++;
		e--;
	}
	int rc = pcre2_match(sc->parser->docnum, (PCRE2_SPTR)t, e, s,
			     PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, sc->md, sc->parser->limits);
	if (rc < 0)
		return false;
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
	if (skip_sp(t, ov[1], e) != e)
		return false;
	*vs = skip_sp(t, s, e);
	*ve = ov[1];
	return true;
}

static line_kind classify(const scan *sc, const line *l)
{
	const char *s = sc->v->text + l->cs;
	size_t len = l->ce - l->cs;
	const struct label *lab;
	marker m;

	if (len == 0)
		return L_BLANK;
	size_t b = bullet_len(s, len);
	if (match_label(s + b, len - b, &lab))
		return L_FIELD;
	size_t vs, ve;
	if (docno_line(sc, l, &vs, &ve))
		return L_DOCNO;
	if (is_breadcrumb(s, len) && utf8_count(s, len) <= 80)
		return L_BREADCRUMB;
	if (is_separator(s, len) && utf8_count(s, len) <= 80)
		return L_SEPARATOR;
	if (marker_parse(s, len, &m) || marker_parse_shi(s, len, &m))
		return L_BODY;
	size_t cps = utf8_count(s, len);
	/* <!-- and --> of a page saved as text: markup, whose ! ends nothing;
	 * a photo's caption (…贵州日报记者 李森 摄) */
	if (starts(s, len, "<!--") || starts(s, len, "-->") ||
	    (cps <= 80 && ends_with(s, 0, len, "摄") && contains(s, len, "记者")))
		return L_CHROME;
	/* (a title may run long: …实施意见的通知, 120 characters at most) */
	if (has_sentence_end(s, len) || (cps > 60 && !(cps <= 120 && ends_in_genre(s, len))))
		return L_BODY;
	if (text_is_chrome(s, len))
		return L_CHROME; /* before the colon test: 【字号： */
	if (looks_like_menu(s, len))
		/* 政 府 工 作 报 告 is a spaced-out title, not a menu */
		return has_genre(s, len) ? L_TEXT : L_CHROME;
	if (s[len - 1] == ':')
		return L_BODY; /* 各位代表： */
	return L_TEXT;
}

/* 2026-02-03 09:02:33, 2026年02月10日 07时41分: a line that is a date and nothing
 * else, as a page prints under its title when it was published. */
static bool is_dateline(const char *s, size_t len)
{
	static const char *const fields[] = {"年", "月", "日", "时", "分", "秒"};
	enum { N = sizeof fields / sizeof *fields };
	size_t digits = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c >= '0' && c <= '9') {
			digits++;
			i++;
		} else if (c == '-' || c == '/' || c == ':' || c == ' ' || c == '.') {
			i++;
		} else if (starts_any(s + i, len - i, fields, N) < N) {
			i += 3;
		} else {
			return false;
		}
	}
	return digits >= 6;
}

/* Does s[0, len) end as the name of a body does (…局, …委员会)? */
static bool ends_as_body(const char *s, size_t len)
{
	static const char *const suffixes[] = {"局", "厅", "委", "办", "政府", "办公室",
					       "队", "中心", "委员会", "院", "部", "处",
					       "所", "会", "站", "街道", "镇", "乡"};
	for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++) {
		size_t n = strlen(suffixes[k]);
		if (len >= n && memcmp(s + len - n, suffixes[k], n) == 0)
			return true;
	}
	return false;
}

/* 大庆市统计局, 国家统计局大庆调查队: a short line naming a body. */
static bool is_org_name(const char *s, size_t len)
{
	return utf8_count(s, len) <= 20 && ends_as_body(s, len);
}

/* A date in Chinese digits at s (二〇二六年一月二十七日): its length, and
 * the year, month and day in ymd; 0 if none stands there. */
static size_t cn_date(const char *s, size_t len, int ymd[3])
{
	size_t k, used;
	int y = numeral_cn_year(s, len, &k);
	if (y < 0 || !starts(s + k, len - k, "年"))
		return 0;
	k += 3;
	int m = cn_small_number(s + k, len - k, &used);
	if (m < 1 || m > 12 || !starts(s + k + used, len - k - used, "月"))
		return 0;
	k += used + 3;
	int dd = cn_small_number(s + k, len - k, &used);
	if (dd < 1 || dd > 31 || !starts(s + k + used, len - k - used, "日"))
		return 0;
	ymd[0] = y;
	ymd[1] = m;
	ymd[2] = dd;
	return k + used + 3;
}

/* The same in digits (2026年1月27日). */
static size_t digit_date(const char *s, size_t len, int ymd[3])
{
	static const char *const fields[] = {"年", "月", "日"};
	static const size_t most_digits[] = {4, 2, 2};
	size_t k = 0;
	for (size_t f = 0; f < 3; f++) {
		size_t d = k;
		int v = 0;
		while (k < len && k - d < most_digits[f] && s[k] >= '0' && s[k] <= '9')
			v = v * 10 + (s[k++] - '0');
		if (k == d || (f == 0 && k - d != 4) || !starts(s + k, len - k, fields[f]))
			return 0;
		ymd[f] = v;
		k += 3;
	}
	return ymd[1] >= 1 && ymd[1] <= 12 && ymd[2] >= 1 && ymd[2] <= 31 ? k : 0;
}

/* ——2026年1月27日在海南省第七届人民代表大会第五次会议上, (2026年…会议
 * 上), ——二〇二六年一月二十七日在…: the line under a speech's title that
 * says when it was delivered. The date's span in s goes to *ds, *de, its
 * year, month and day to ymd. */
static bool speech_date(const char *s, size_t len, size_t *ds, size_t *de, int ymd[3])
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '-' || s[i] == '(' ||
			   starts(s + i, len - i, "—") || starts(s + i, len - i, "―")))
		i += utf8_len((unsigned char)s[i]);
	/* without its dash or bracket, a subtitle is a line with 会议上 and
	 * no sentence after it (2026年2月3日在四川省…第五次会议上, perhaps with
	 * the speaker: …会议上 陕西省省长 赵刚), not a sentence that begins
	 * with a day */
	if (i == 0) {
		const char *w = NULL; /* (议 or 議: 第四次会議上 in a copy half converted) */
		for (size_t k = 0; k + 6 <= len && !w; k++)
			if (memcmp(s + k, "议上", 6) == 0 || memcmp(s + k, "議上", 6) == 0)
				w = s + k + 6;
		if (!w || memchr(w, ',', len - (size_t)(w - s)) ||
		    contains(w, len - (size_t)(w - s), "。"))
			return false;
	}
	size_t n = digit_date(s + i, len - i, ymd);
	if (!n)
		n = cn_date(s + i, len - i, ymd);
	if (!n || ymd[0] < 1949 || ymd[0] > 2100 || !starts(s + i + n, len - i - n, "在"))
		return false;
	*ds = i;
	*de = i + n;
	return true;
}

/* 广东省省长 孟凡利, 海拉尔区人民政府代区长 杨国宏, 省长 李炳军: the line
 * of the speaker, a post and a name. Where the post begins goes to *post:
 * what comes before it names the body. */
static const char *const speaker_posts[] = {"省长", "市长", "区长", "县长", "州长",
					   "旗长", "盟长", "主席", "总理"};
enum { N_SPEAKER_POSTS = sizeof speaker_posts / sizeof *speaker_posts };

static bool speaker_post(const char *s, size_t len, size_t *post)
{
	const char *sp = memchr(s, ' ', len);
	if (!sp || utf8_count(s, len) > 30)
		return false;
	size_t e = (size_t)(sp - s);
	size_t k = ends_any(s, 0, e, speaker_posts, N_SPEAKER_POSTS);
	if (k == N_SPEAKER_POSTS)
		return false;
	*post = e - strlen(speaker_posts[k]);
	return true;
}

/* 国务院总理⏎李克强: the post alone on its line, the name on the next
 * (name: two to four Han characters, spaced or not: 李　强). */
static bool speaker_post_alone(const char *s, size_t len, size_t *post)
{
	size_t k = ends_any(s, 0, len, speaker_posts, N_SPEAKER_POSTS);
	if (k == N_SPEAKER_POSTS || memchr(s, ' ', len) || utf8_count(s, len) > 20)
		return false;
	*post = len - strlen(speaker_posts[k]);
	return true;
}

static bool is_person_name(const char *s, size_t len);

/* 国务院总理李鹏: the post and the name with nothing between. */
static bool speaker_post_glued(const char *s, size_t len, size_t *post)
{
	if (memchr(s, ' ', len) || utf8_count(s, len) > 16)
		return false;
	for (size_t i = 3; i + 6 <= len; i += utf8_len((unsigned char)s[i])) {
		size_t k = ends_any(s, 0, i, speaker_posts, N_SPEAKER_POSTS);
		if (k < N_SPEAKER_POSTS && is_person_name(s + i, len - i)) {
			*post = i - strlen(speaker_posts[k]);
			return true;
		}
	}
	return false;
}

static bool is_person_name(const char *s, size_t len)
{
	size_t han = 0;
	for (size_t i = 0; i < len; i += utf8_len((unsigned char)s[i])) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ')
			continue;
		if (c < 0xE4 || c > 0xE9)
			return false;
		han++;
	}
	return han >= 2 && han <= 4;
}

/* 房县发展和改革局 刘明德: a body's name, a space, a person's name. *post
 * receives where the body ends. */
static bool body_and_name(const char *s, size_t len, size_t *post)
{
	size_t sp = len;
	while (sp > 0 && s[sp - 1] != ' ')
		sp--;
	if (sp == 0)
		return false;
	size_t e = sp;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	if (!e || !is_org_name(s, e) || !is_person_name(s + sp, len - sp))
		return false;
	*post = e;
	return true;
}

static const char *const genre_words[] = {
	"报告", "总结", "计划", "公报", "方案", "意见", "通知", "规划", "纲要",
	"说明", "决算", "预算", "年报", "打算", "思路", "要点", "安排", "公告",
	"谋划", "设想"};

static bool has_genre(const char *s, size_t len)
{
	/* read past spacing: 政 府 工 作 报 告 */
	char compact[512];
	size_t n = 0;
	for (size_t i = 0; i < len && n < sizeof compact; i++)
		if (s[i] != ' ')
			compact[n++] = s[i];
	for (size_t k = 0; k < sizeof genre_words / sizeof *genre_words; k++)
		if (contains(compact, n, genre_words[k]))
			return true;
	return false;
}

static bool ends_in_genre(const char *s, size_t len)
{
	enum { N = sizeof genre_words / sizeof *genre_words };
	return ends_any(s, 0, len, genre_words, N) < N;
}

/* ---- typed field values ---- */

static void index_value(scan *sc, int32_t n, size_t vs, size_t ve)
{
	const char *t = sc->v->text;
	size_t i = vs, a;
	for (a = i; i < ve && t[i] >= '0' && t[i] <= '9'; i++)
		;
	if (i - a >= 6 && i < ve && t[i] == '/') {
		size_t y = ++i;
		while (i < ve && t[i] >= '0' && t[i] <= '9')
			i++;
		if (i - y == 4 && i < ve && t[i] == '-') {
			size_t q = ++i;
			while (i < ve && t[i] >= '0' && t[i] <= '9')
				i++;
			if (i == ve && i > q) {
				doc_attr(sc->doc, n, "region-code", t + a, 6);
				if (y - 1 > a + 6)
					doc_attr(sc->doc, n, "unit", t + a + 6,
						 y - 1 - a - 6);
				/* a year as docnum_re takes one, 19xx or 20xx:
				 * 0000 is no year (nor a valid xs:gYear) */
				if ((t[y] == '1' && t[y + 1] == '9') ||
				    (t[y] == '2' && t[y + 1] == '0'))
					doc_attr(sc->doc, n, "year", t + y, 4);
				while (q + 1 < ve && t[q] == '0')
					q++;
				doc_attr(sc->doc, n, "seq", t + q, ve - q);
			}
		}
	}
}

static void docno_value(scan *sc, int32_t n, size_t vs, size_t ve, size_t at)
{
	rpt_doc *d = sc->doc;
	const char *t = sc->v->text;
	if (vs == ve) {
		doc_flag(d, n, "flags", "empty");
		doc_diag(d, "docnumber-empty", "note", NO_NODE, fold_orig(sc->v, at),
			 fold_orig(sc->v, at), "文号 is present but empty");
		return;
	}
	int rc = pcre2_match(sc->parser->docnum, (PCRE2_SPTR)t, ve, vs,
			     PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, sc->md, sc->parser->limits);
	if (rc < 0)
		return;
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
	int year = 0, seq = 0;
	for (size_t i = ov[6]; i < ov[7]; i++)
		year = year * 10 + (t[i] - '0');
	for (size_t i = ov[10]; i < ov[11]; i++)
		seq = seq * 10 + (t[i] - '0');
	char norm[256];
	snprintf(norm, sizeof norm, "%.*s〔%d〕%d号", (int)(ov[3] - ov[2]),
		 t + ov[2], year, seq);
	doc_attr(d, n, "agency", t + ov[2], ov[3] - ov[2]);
	doc_attr_int(d, n, "year", year);
	doc_attr_int(d, n, "seq", seq);
	size_t b = ov[4];
	const char *br = t[b] == '[' ? "square"
			 : t[b] == '(' ? (d->text[fold_orig(sc->v, b)] == '(' ? "paren"
										: "fullparen")
			 : starts(t + b, ve - b, "〔") ? "hex"
						      : "lenticular";
	doc_attr_str(d, n, "bracket", br);
	doc_attr_str(d, n, "norm", norm);
}

/* The value of the date written at t[vs, ve) (2020-07-08 16:02:33,
 * 2020年07月08日): a date, or a date and time; false when it is none. */
static bool date_text_value(const char *t, size_t vs, size_t ve, char *out, size_t cap)
{
	int v[6] = {0};
	int k = 0;
	size_t i = vs;
	while (i < ve && k < 6) {
		if (t[i] >= '0' && t[i] <= '9') {
			int x = 0;
			while (i < ve && t[i] >= '0' && t[i] <= '9') {
				if (x < 100000) /* bounded: no overflow on long runs */
					x = x * 10 + (t[i] - '0');
				i++;
			}
			v[k++] = x;
		} else {
			i++;
		}
	}
	if (k < 3 || v[0] < 1900 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
		return false;
	if (v[0] > 9999)
		return false;
	if (k >= 5 && v[3] < 24 && v[4] < 60 && v[5] < 60)
		snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d", v[0], v[1], v[2], v[3],
			 v[4], v[5]);
	else
		snprintf(out, cap, "%04d-%02d-%02d", v[0], v[1], v[2]);
	return true;
}

static void date_field_value(scan *sc, int32_t n, size_t vs, size_t ve)
{
	char out[64];
	if (date_text_value(sc->v->text, vs, ve, out, sizeof out))
		doc_attr_str(sc->doc, n, "value", out);
}

/* A line under the title that is a date alone (2026-02-03 09:02:33,
 * （2013年3月20日）): when the page published the text. */
static void dateline_node(scan *sc, int32_t meta, size_t a, size_t b)
{
	const char *t = sc->v->text;
	while (a < b && t[a] == ' ')
		a++;
	while (b > a && t[b - 1] == ' ')
		b--;
	if (b - a >= 2 && t[a] == '(' && t[b - 1] == ')') {
		a++;
		b--;
	}
	char value[64];
	if (a == b || !is_dateline(t + a, b - a) ||
	    !date_text_value(t, a, b, value, sizeof value))
		return;
	int32_t n = scan_add(sc, meta, N_DATE, a, b);
	doc_attr_str(sc->doc, n, "type", "published");
	doc_attr_str(sc->doc, n, "value", value);
}

static const char *const trail_ends[] = {"时间", "发布时间", "发布日期", "日期", "来源",
					 "微信", "微博", "QQ空间", "分享"};
enum { N_TRAIL_ENDS = sizeof trail_ends / sizeof *trail_ends };

/* Is the view text [a, b) the title already found (a 标题 field)? */
static bool is_title_text(const scan *sc, size_t a, size_t b)
{
	const rpt_doc *d = sc->doc;
	size_t oa = fold_orig(sc->v, a), ob = fold_orig(sc->v, b);
	for (size_t n = 0; n < d->n_nodes; n++)
		if (d->nodes[n].type == N_TITLE) {
			const node *nd = &d->nodes[n];
			return nd->end - nd->start == ob - oa &&
			       memcmp(d->text + nd->start, d->text + oa, ob - oa) == 0;
		}
	return false;
}

/* 首页 > 政府信息公开 > 规划计划  →  政府信息公开/规划计划 */
/* Sets the path of category n from the trail at [vs, ve); returns where
 * the trail ends, its last level included. */
static size_t category_path(scan *sc, int32_t n, size_t vs, size_t ve)
{
	const char *t = sc->v->text;
	char path[512];
	size_t pl = 0;
	size_t i = vs, trail_end = vs;
	static const char *const skip[] = {"首页", "当前位置", "您的位置",
					   "您现在的位置", "所在位置", "位置"};
	while (i < ve) {
		/* separators: > » → / and spaces */
		while (i < ve && (t[i] == '>' || t[i] == ' ' || t[i] == '/' ||
				  t[i] == ':' || starts(t + i, ve - i, "»") ||
				  starts(t + i, ve - i, "→")))
			i += utf8_len((unsigned char)t[i]);
		size_t a = i;
		while (i < ve && t[i] != '>' && t[i] != ' ' && t[i] != '/' &&
		       t[i] != ':' && !starts(t + i, ve - i, "»") &&
		       !starts(t + i, ve - i, "→"))
			i += utf8_len((unsigned char)t[i]);
		if (i == a)
			continue;
		/* 当前位置： 首页政务公开规划信息 海坛片区管理局2022工作计划 时间：
		 * 2022-11-16 08:22 微信 微博: on a line a crawler flattened, the
		 * trail ends where the title, the time or the share buttons begin */
		if (starts_any(t + a, i - a, trail_ends, N_TRAIL_ENDS) < N_TRAIL_ENDS ||
		    is_title_text(sc, a, i))
			break;
		trail_end = i;
		if (i - a > 6 && starts(t + a, i - a, "首页"))
			a += 6; /* 首页政务公开: the separator lost */
		bool skipped = false;
		for (size_t k = 0; k < sizeof skip / sizeof *skip; k++)
			if (i - a == strlen(skip[k]) && memcmp(t + a, skip[k], i - a) == 0)
				skipped = true;
		if (skipped || pl + (i - a) + 2 >= sizeof path)
			continue;
		if (pl)
			path[pl++] = '/';
		memcpy(path + pl, t + a, i - a);
		pl += i - a;
	}
	if (pl)
		doc_attr(sc->doc, n, "path", path, pl);
	return trail_end;
}

static void issuer_value(scan *sc, int32_t n, const char *role, size_t vs,
			 size_t ve)
{
	doc_attr(sc->doc, n, "name", sc->doc->text + fold_orig(sc->v, vs),
		 fold_orig(sc->v, ve) - fold_orig(sc->v, vs));
	doc_attr_str(sc->doc, n, "role", role);
}

static int32_t title_node(scan *sc, int32_t parent, size_t vs, size_t ve);
/* The body a speaker line names before the post at post, in view
 * offsets [*a, *b): 海拉尔区人民政府 of 海拉尔区人民政府代区长, 广东省 of
 * 广东省省长. False when it names none but the level (省长, 省人民政府省长,
 * 自治区主席): the place is then the one the speech line names. */
static bool speaker_body(const char *t, const line *l, size_t post, size_t *a, size_t *b)
{
	static const char *const levels[] = {"省", "市", "区", "县", "州", "旗", "盟",
					     "自治区", "自治州", "自治县"};
	*a = l->cs;
	*b = post;
	if (ends_with(t, *a, *b, "代")) /* 代区长: acting */
		*b -= 3;
	size_t c = *b;
	if (ends_with(t, *a, c, "人民政府"))
		c -= strlen("人民政府");
	for (size_t k = 0; k < sizeof levels / sizeof *levels; k++)
		if (c - *a == strlen(levels[k]) && memcmp(t + *a, levels[k], c - *a) == 0)
			return false;
	return c > *a;
}

static const char *const place_ends[] = {"省", "市", "区", "县", "州", "旗", "盟"};
enum { N_PLACE_ENDS = sizeof place_ends / sizeof *place_ends };

/* An issuer under parent over the view span [a, b), named by the
 * original text there, with 人民政府 added when it names a place (but
 * not 房县发展和改革局, a body of its own); among the children of parent
 * in the order of the text. */
static void government_issuer(scan *sc, int32_t parent, size_t a, size_t b)
{
	const char *t = sc->v->text, *o = sc->doc->text;
	size_t oa = fold_orig(sc->v, a), ob = fold_orig(sc->v, b);
	char name[160];
	if (ob - oa + sizeof "人民政府" > sizeof name)
		return;
	memcpy(name, o + oa, ob - oa);
	size_t n = ob - oa;
	if (!ends_with(t, a, b, "政府") && !ends_with(t, a, b, "院") &&
	    (ends_any(t, a, b, place_ends, N_PLACE_ENDS) < N_PLACE_ENDS || !ends_as_body(t + a, b - a))) {
		memcpy(name + n, "人民政府", strlen("人民政府"));
		n += strlen("人民政府");
	}
	int32_t is = doc_add_in_order(sc->doc, parent, N_ISSUER, oa, ob);
	doc_attr(sc->doc, is, "name", name, n);
	doc_attr_str(sc->doc, is, "role", "owner");
}

/* Words a 会 ends that are no body: meetings (大会, 座谈会), not 委员会,
 * 管委会, 协会; and the 局 of 格局, 布局, 大局. */
static bool body_word_is_other(const char *t, size_t a, size_t b)
{
	static const char *const bodies[] = {"委员会", "委会", "协会", "联合会", "工会",
					     "学会", "商会", "理事会"};
	static const char *const others[] = {"格局", "布局", "大局", "开局", "全局", "结局",
					     "变局", "新局"};
	enum { N_BODIES = sizeof bodies / sizeof *bodies, N_OTHERS = sizeof others / sizeof *others };
	if (ends_with(t, a, b, "会"))
		return ends_any(t, a, b, bodies, N_BODIES) == N_BODIES;
	return ends_any(t, a, b, others, N_OTHERS) < N_OTHERS;
}

/* The body a title names as its author, as view offsets [*a, *b):
 * 包头市人民政府办公室 of 包头市人民政府办公室关于印发…的通知, 平潭综合实验区
 * 农业农村局 of …农业农村局2024年工作总结, 国务院 of 2016年国务院政府工作报告;
 * and in 2026年甘肃省政府工作报告 the place whose government reports,
 * with *place set. False when the title names no body before its subject
 * (2012年大庆市国民经济和社会发展统计公报, 上海市普陀区2025年区级部门预算). */
static bool title_issuer(const char *t, size_t vs, size_t ve, size_t *a, size_t *b,
			 bool *place)
{
	size_t i = vs, k = vs;
	while (k < ve && t[k] >= '0' && t[k] <= '9')
		k++;
	if (k - i == 4 && starts(t + k, ve - k, "年")) { /* the year it opens with */
		i = k + 3;
		if (starts(t + i, ve - i, "度"))
			i += 3;
	} else if (k - i == 4 && k < ve && (unsigned char)t[k] >= 0xE4) {
		i = k; /* (and without its 年: 2022市教育局上半年工作总结) */
	}
	while (i < ve && t[i] == ' ')
		i++;
	*a = i;
	*place = false;
	if (starts(t + i, ve - i, "在"))
		return false; /* a speech: 在全县经济工作会议上的讲话 */
	size_t g = i;
	while (g < ve && !starts(t + g, ve - g, "政府工作报告"))
		g += utf8_len((unsigned char)t[g]);
	if (g < ve) {
		/* (陕西省2026年政府工作报告: the year may stand after the place) */
		if (g >= i + 7 && starts(t + g - 3, 3, "年") && t[g - 4] >= '0' && t[g - 4] <= '9' &&
		    t[g - 5] >= '0' && t[g - 5] <= '9' && t[g - 6] >= '0' && t[g - 6] <= '9' &&
		    t[g - 7] >= '0' && t[g - 7] <= '9')
			g -= 7;
		*b = g;
		if (ends_with(t, i, g, "国务院"))
			return true;
		if (ends_with(t, i, g, "人民")) { /* 某某县人民政府工作报告 */
			*b = g + strlen("政府");
			return g - i > strlen("人民");
		}
		*place = ends_any(t, i, g, place_ends, N_PLACE_ENDS) < N_PLACE_ENDS;
		return *place && g - i > 3 && utf8_count(t + i, g - i) <= 20;
	}
	/* otherwise the body ends where the title's subject begins: at a
	 * year, 关于, 印发, 工作, 上半年 …, or a space */
	static const char *const subject[] = {"关于", "印发", "上半年", "下半年", "半年度",
					      "工作", "年度", "政府信息", " ", "—", "("};
	enum { N_SUBJECT = sizeof subject / sizeof *subject };
	size_t e = i;
	while (e < ve && starts_any(t + e, ve - e, subject, N_SUBJECT) == N_SUBJECT) {
		size_t y = e;
		while (y < ve && t[y] >= '0' && t[y] <= '9')
			y++;
		if (y - e == 4 && starts(t + y, ve - y, "年"))
			break;
		e += utf8_len((unsigned char)t[e]);
	}
	*b = e;
	return e < ve && e > i && utf8_count(t + i, e - i) <= 40 &&
	       ends_as_body(t + i, e - i) && !body_word_is_other(t, i, e);
}

/* Does the document hold an issuer yet? */
static bool has_issuer(const rpt_doc *d)
{
	for (size_t n = 0; n < d->n_nodes; n++)
		if (d->nodes[n].type == N_ISSUER)
			return true;
	return false;
}

/* The place a speech line names after its date (在贵州省第十四届人民代表
 * 大会…, 在某区人民代表大会…: 贵州省, 某区), as view offsets [*a, *b);
 * false if none. */
static bool speech_place(const char *t, size_t de, size_t ce, size_t *a, size_t *b)
{
	if (!starts(t + de, ce - de, "在"))
		return false;
	*a = de + 3;
	for (*b = *a; *b < ce && *b - *a <= 45 && !starts(t + *b, ce - *b, "第") &&
		      !starts(t + *b, ce - *b, "人民代表大会");
	     *b += utf8_len((unsigned char)t[*b]))
		;
	if (!(*b < ce && *b > *a &&
	      (starts(t + *b, ce - *b, "第") || starts(t + *b, ce - *b, "人民代表大会"))))
		return false;
	/* a place: 贵州省, 海拉尔区 (not 市 alone, 中国人民政治协商会议 or 中国共产党
	 * 某某市, which hold no government) */
	return *b - *a > 3 && ends_any(t, *a, *b, place_ends, N_PLACE_ENDS) < N_PLACE_ENDS &&
	       !contains(t + *a, *b - *a, "共产党") && !contains(t + *a, *b - *a, "政治协商");
}


static void typed_value(scan *sc, int32_t field, field_kind kind, size_t vs,
			size_t ve)
{
	static const node_type types[] = {
		[F_PLAIN] = N_TYPE_COUNT,     [F_INDEX] = N_INDEX_NO,
		[F_DOCNO] = N_DOC_NUMBER,     [F_DATE_GENERATED] = N_DATE,
		[F_DATE_PUBLISHED] = N_DATE,  [F_DATE_WRITTEN] = N_DATE,
		[F_DISCLOSURE] = N_DISCLOSURE, [F_VALIDITY] = N_VALIDITY,
		[F_ISSUER_OWNER] = N_ISSUER,  [F_ISSUER_RESPONSIBLE] = N_ISSUER,
		[F_ISSUER_PUBLISHER] = N_ISSUER, [F_CATEGORY] = N_CATEGORY,
		[F_TITLE] = N_TITLE,          [F_SOURCE] = N_SOURCE,
	};
	const char *t = sc->v->text;
	if (types[kind] == N_TYPE_COUNT)
		return;
	if (vs == ve && kind != F_DOCNO)
		return;
	if (kind == F_TITLE) {
		title_node(sc, field, vs, ve);
		return;
	}
	int32_t n = scan_add(sc, field, types[kind], vs, ve);
	rpt_doc *d = sc->doc;
	switch (kind) {
	case F_INDEX: index_value(sc, n, vs, ve); break;
	case F_DOCNO: docno_value(sc, n, vs, ve, vs); break;
	case F_DATE_GENERATED:
		doc_attr_str(d, n, "type", "generated");
		date_field_value(sc, n, vs, ve);
		break;
	case F_DATE_PUBLISHED:
		doc_attr_str(d, n, "type", "published");
		date_field_value(sc, n, vs, ve);
		break;
	case F_DATE_WRITTEN:
		doc_attr_str(d, n, "type", "written");
		date_field_value(sc, n, vs, ve);
		break;
	case F_DISCLOSURE:
		doc_attr_str(d, n, "value",
			     contains(t + vs, ve - vs, "主动") ? "active"
			     : contains(t + vs, ve - vs, "申请") ? "on-request"
								: "other");
		break;
	case F_VALIDITY:
		doc_attr_str(d, n, "value",
			     (contains(t + vs, ve - vs, "失效") ||
			      contains(t + vs, ve - vs, "废止") ||
			      contains(t + vs, ve - vs, "无效"))
				     ? "invalid"
			     : contains(t + vs, ve - vs, "有效") ? "valid"
								: "unknown");
		break;
	case F_ISSUER_OWNER: issuer_value(sc, n, "owner", vs, ve); break;
	case F_ISSUER_RESPONSIBLE: issuer_value(sc, n, "responsible", vs, ve); break;
	case F_ISSUER_PUBLISHER: issuer_value(sc, n, "publisher", vs, ve); break;
	case F_CATEGORY: category_path(sc, n, vs, ve); break;
	default: break;
	}
}

/* One line of fields: 索引号 X 文号 生成日期 Y, or 文号: X, or a label
 * whose value stands on the next line. Returns the last line used. */
static size_t build_fields(scan *sc, int32_t meta, size_t li, size_t limit)
{
	const char *t = sc->v->text;
	const line *l = &sc->lines[li];
	size_t i = fields_start(t, l), end = l->ce;
	const struct label *lab;

	while (i < end) {
		size_t used = match_label(t + i, end - i, &lab);
		if (!used)
			break;
		size_t label_start = i;
		size_t label_end = i + used;
		/* The label text without the separator, for @label. */
		size_t bare_end = label_end;
		while (bare_end > i && (t[bare_end - 1] == ':' || t[bare_end - 1] == ' '))
			bare_end--;
		/* (索引号: | 002590358/2022-77135 |: the cells of a table as a
		 * page's text prints them) */
		size_t vs = label_end;
		while (vs < end && (t[vs] == ' ' || t[vs] == '|'))
			vs++;
		size_t ve = vs;
		size_t next = end;
		/* The value runs to the next label that stands apart. */
		for (size_t k = vs; k < end; k++) {
			if (t[k - 1] != ' ')
				continue;
			const struct label *l2;
			if (match_label(t + k, end - k, &l2)) {
				next = k;
				break;
			}
		}
		ve = next;
		while (ve > vs && (t[ve - 1] == ' ' || t[ve - 1] == '|'))
			ve--;
		size_t last = li;
		if (vs == ve && next == end && li + 1 < limit) {
			/* 索引号 on its own line, the value on the next */
			const line *n = &sc->lines[li + 1];
			const struct label *l3;
			/* A 文号 takes the next line only if it is a number. */
			bool fits = lab->kind != F_DOCNO ||
				    pcre2_match(sc->parser->docnum, (PCRE2_SPTR)t, n->ce,
						n->cs, PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, sc->md, sc->parser->limits) >= 0;
			if (n->ce > n->cs && !match_label(t + n->cs, n->ce - n->cs, &l3) &&
			    utf8_count(t + n->cs, n->ce - n->cs) <= 60 && fits) {
				vs = n->cs;
				ve = n->ce;
				last = li + 1;
			}
		}
		int32_t f = scan_add(sc, meta, N_FIELD, label_start,
				     ve > vs ? ve : bare_end);
		char name[64];
		size_t nl = 0;
		for (size_t k = label_start; k < bare_end && nl + 4 < sizeof name; k++)
			if (t[k] != ' ')
				name[nl++] = t[k];
		doc_attr(sc->doc, f, "label", name, nl);
		typed_value(sc, f, lab->kind, ve > vs ? vs : bare_end,
			    ve > vs ? ve : bare_end);
		if (last != li)
			return last;
		i = next;
	}
	return li;
}

static int32_t title_node(scan *sc, int32_t parent, size_t vs, size_t ve)
{
	int32_t n = scan_add(sc, parent, N_TITLE, vs, ve);
	inline_title_periods(sc, n, vs, ve);
	if (!sc->has_title_node && n != NO_NODE) {
		sc->has_title_node = true;
		sc->title_node = n;
		sc->title_vs = vs;
		sc->title_ve = ve;
	}
	return n;
}

static const char *doc_type_of(const char *s, size_t len)
{
	bool review = contains(s, len, "总结") || contains(s, len, "回顾") ||
		      contains(s, len, "情况");
	bool plan = contains(s, len, "计划") || contains(s, len, "打算") ||
		    contains(s, len, "思路") || contains(s, len, "要点") ||
		    contains(s, len, "安排") || contains(s, len, "谋划") ||
		    contains(s, len, "设想");
	if (contains(s, len, "政府工作报告"))
		return "gov-work-report";
	if (contains(s, len, "统计公报") || contains(s, len, "统计公告"))
		return "stat-bulletin";
	if (contains(s, len, "信息公开") &&
	    (contains(s, len, "年度报告") || contains(s, len, "年报")))
		return "disclosure-report";
	/* (关于2022年度区本级预算执行和其他财政收支的审计报告: an audit of a
	 * budget carried out is neither the budget nor its accounts) */
	if (contains(s, len, "审计"))
		return "other";
	/* (“十四五”规划纲要实施情况中期评估报告: what a plan has done so far is
	 * no plan) */
	if (contains(s, len, "评估"))
		return "other";
	if (contains(s, len, "预算") || contains(s, len, "决算"))
		return "budget";
	/* 第六个五年计划, 第十个五年计划纲要: a development plan, not a
	 * work plan */
	if (contains(s, len, "个五年计划") || contains(s, len, "纲要"))
		return "plan";
	/* 关于印发…工作计划的通知: what the title is, its last word, decides */
	if (ends_with(s, 0, len, "通知"))
		return "notice";
	if (review && plan)
		return "summary-plan";
	if (review || contains(s, len, "工作报告"))
		return "work-summary";
	if (plan)
		return "work-plan";
	if (contains(s, len, "规划") || contains(s, len, "纲要"))
		return "plan";
	if (contains(s, len, "通知") || contains(s, len, "意见") ||
	    contains(s, len, "方案"))
		return "notice";
	return "other";
}

/* The first title without its spacing (政 府 工 作 报 告) into
 * out[TITLE_MAX]; its length, or -1 when the document has no title. */
static ptrdiff_t compact_title(const scan *sc, char *out)
{
	const rpt_doc *d = sc->doc;
	for (size_t i = 0; i < d->n_nodes; i++) {
		if (d->nodes[i].type != N_TITLE)
			continue;
		size_t n = 0;
		for (size_t k = d->nodes[i].start; k < d->nodes[i].end && n < TITLE_MAX; k++) {
			const char *c = d->text + k;
			if (*c == ' ' || *c == '\t')
				continue;
			if (d->nodes[i].end - k >= 3 && memcmp(c, "\xE3\x80\x80", 3) == 0) {
				k += 2; /* U+3000 */
				continue;
			}
			out[n++] = *c;
		}
		return (ptrdiff_t)n;
	}
	return -1;
}

/* The first lines, where a speech says when and where it was delivered. */
enum { SPEECH_LINES = 12 };

static int speech_year(const scan *sc);
static bool speech_to_congress(const scan *sc);

/* Does one of the first lines say that the government reports its work
 * to the congress (我代表县人民政府，向大会报告政府工作)? */
static bool reports_to_congress(const scan *sc)
{
	static const char *const says[] = {"向大会报告政府工作", "向大会报告工作",
					   "向大会作政府工作报告"};
	enum { N = sizeof says / sizeof *says };
	const char *t = sc->v->text;
	for (size_t li = 0; li < sc->n_lines && li < SPEECH_LINES; li++) {
		const line *l = &sc->lines[li];
		for (size_t k = 0; k < N; k++)
			if (contains(t + l->cs, l->ce - l->cs, says[k]) &&
			    contains(t + l->cs, l->ce - l->cs, "代表"))
				return true;
	}
	return false;
}

const char *meta_doc_type(const scan *sc)
{
	ptrdiff_t n = sc->title_len;
	const char *type = n < 0 ? "other" : doc_type_of(sc->title, (size_t)n);
	/* —2017年2月11日在海拉尔区第十四届人民代表大会第六次会议上, and no
	 * title: the speech is a 政府工作报告 */
	if (strcmp(type, "other") == 0 && speech_year(sc) && speech_to_congress(sc))
		return "gov-work-report";
	/* 各位代表：现在，我代表县人民政府，向大会报告政府工作: no title and
	 * no subtitle, but the opening says what it is */
	if (strcmp(type, "other") == 0 && reports_to_congress(sc))
		return "gov-work-report";
	return type;
}

bool meta_final_accounts(const scan *sc)
{
	ptrdiff_t n = sc->title_len;
	return n > 0 && contains(sc->title, (size_t)n, "决算") &&
	       !contains(sc->title, (size_t)n, "预算");
}

/* Does the name of the document the title issues or is end in one of
 * words (关于印发《包头市考评办法》的通知 → …考评办法)? */
static bool name_ends_in(const scan *sc, const char *const *words, size_t count)
{
	size_t n = sc->title_len > 0 ? (size_t)sc->title_len : 0;
	if (ends_with(sc->title, 0, n, "的通知"))
		n -= 9;
	if (ends_with(sc->title, 0, n, "》"))
		n -= 3;
	/* (…行动计划(2021—2023年): the years after the name) */
	const char *t = sc->title;
	bool ascii = n > 0 && t[n - 1] == ')';
	if (ascii || ends_with(t, 0, n, "）")) {
		size_t k = ascii ? n - 1 : n - 3;
		while (k > 0 && t[k - 1] != '(' && !ends_with(t, 0, k, "（"))
			k--;
		if (k > 0)
			n = t[k - 1] == '(' ? k - 1 : k - 3;
	}
	return ends_any(t, 0, n, words, count) < count;
}

bool meta_rules(const scan *sc)
{
	static const char *const rules[] = {"办法", "细则", "规定", "规则", "守则", "章程"};
	if (!sc->doc_type ||
	    (strcmp(sc->doc_type, "notice") != 0 && strcmp(sc->doc_type, "other") != 0))
		return false;
	return name_ends_in(sc, rules, sizeof rules / sizeof *rules);
}

bool meta_notice_of_plan(const scan *sc)
{
	static const char *const plans[] = {"方案", "意见", "计划", "规划", "行动方案"};
	if (!sc->doc_type || strcmp(sc->doc_type, "notice") != 0)
		return false;
	return name_ends_in(sc, plans, sizeof plans / sizeof *plans);
}

/* The first of the first lines that is a speech line (speech_date), or
 * n_lines. */
static size_t speech_line(const scan *sc, size_t *ds, size_t *de, int ymd[3])
{
	const char *t = sc->v->text;
	for (size_t li = 0; li < sc->n_lines && li < SPEECH_LINES; li++) {
		const line *l = &sc->lines[li];
		if (speech_date(t + l->cs, l->ce - l->cs, ds, de, ymd))
			return li;
	}
	return sc->n_lines;
}

/* ——2026年1月27日在海南省第七届人民代表大会第五次会议上: the subtitle of
 * a 政府工作报告 gives the day it was delivered. Its year, or 0. */
static int speech_year(const scan *sc)
{
	size_t ds, de;
	int ymd[3];
	return speech_line(sc, &ds, &de, ymd) == sc->n_lines ? 0 : ymd[0];
}

/* Is that speech one to a people's congress (…在…人民代表大会第六次会议
 * 上, the line wrapped or not)? */
static bool speech_to_congress(const scan *sc)
{
	const char *t = sc->v->text;
	size_t ds, de;
	int ymd[3];
	size_t li = speech_line(sc, &ds, &de, ymd);
	for (size_t k = li; k < sc->n_lines && k <= li + 1; k++) {
		const line *l = &sc->lines[k];
		if (contains(t + l->cs, l->ce - l->cs, "人民代表大会"))
			return true;
	}
	return false;
}

void meta_review_period(const scan *sc, char *out)
{
	const rpt_doc *d = sc->doc;
	out[0] = '\0';
	for (size_t i = 0; i < d->n_nodes; i++) {
		if (d->nodes[i].type != N_PERIOD)
			continue;
		size_t rl, vl;
		const char *r = doc_attr_get(d, (int32_t)i, "role", &rl);
		const char *v = doc_attr_get(d, (int32_t)i, "value", &vl);
		if (r && v && rl == 6 && memcmp(r, "review", 6) == 0 && vl < 16) {
			memcpy(out, v, vl);
			out[vl] = '\0';
			return;
		}
	}
}

int meta_doc_year(const scan *sc)
{
	const rpt_doc *d = sc->doc;
	int fallback = 0;
	for (size_t i = 0; i < d->n_nodes; i++) {
		node_type ty = d->nodes[i].type;
		if (ty != N_PERIOD && ty != N_DATE)
			continue;
		size_t len;
		const char *v = doc_attr_get(d, (int32_t)i, "value", &len);
		if (!v || len < 4)
			continue;
		int y = 0;
		for (int k = 0; k < 4; k++)
			y = y * 10 + (v[k] - '0');
		if (ty == N_PERIOD)
			return y;
		if (!fallback)
			fallback = y;
	}
	return fallback ? fallback : speech_year(sc);
}

/* 当前位置： 首页政务公开… 标题 时间：… 微信 微博 QQ空间 正文…: a crawler
 * put chrome and body on one line. Returns where the body begins on it. */
static size_t chrome_prefix_end(const scan *sc, const line *l)
{
	const char *t = sc->v->text;
	size_t limit = l->cs + 600 < l->ce ? l->cs + 600 : l->ce;
	size_t cut = 0;
	static const char *const tails[] = {"QQ空间", "微博", "微信", "分享到"};
	for (size_t k = 0; k < sizeof tails / sizeof *tails && !cut; k++) {
		size_t n = strlen(tails[k]);
		for (size_t i = limit; i > l->cs + n; i--)
			if (memcmp(t + i - n, tails[k], n) == 0) {
				cut = i;
				break;
			}
	}
	return cut ? skip_sp(t, cut, l->ce) : 0;
}

/* …基层政治生态。 来源：平潭综合实验区海坛片区管理局 附件下载: a crawler put
 * body and footer on one line. Returns where the footer begins on it (its
 * credit line, 来源 or 责任编辑, after a space or a sentence end, with no
 * sentence after it), or 0. */
static size_t chrome_suffix_start(const scan *sc, const line *l)
{
	static const char *const credits[] = {"来源:", "责任编辑:", "编辑:"};
	const char *t = sc->v->text;
	size_t from = l->ce - l->cs > 240 ? l->ce - 240 : l->cs;
	while (from > l->cs && ((unsigned char)t[from] & 0xC0) == 0x80)
		from--; /* (at a character's first byte) */
	for (size_t i = from; i < l->ce; i += utf8_len((unsigned char)t[i])) {
		if (i == l->cs || !(t[i - 1] == ' ' || ends_with(t, l->cs, i, "。")))
			continue;
		for (size_t k = 0; k < sizeof credits / sizeof *credits; k++)
			if (starts(t + i, l->ce - i, credits[k]) &&
			    !contains(t + i, l->ce - i, "。") &&
			    text_is_footer_chrome(t + i, l->ce - i))
				return i;
	}
	return 0;
}

static void add_boilerplate(scan *sc, int32_t parent, const char *kind,
			    size_t vs, size_t ve)
{
	int32_t b = scan_add(sc, parent, N_BOILERPLATE, vs, ve);
	doc_attr_str(sc->doc, b, "kind", kind);
}

static void add_breadcrumb(scan *sc, int32_t parent, size_t vs, size_t ve)
{
	int32_t b = scan_add(sc, parent, N_BOILERPLATE, vs, ve);
	doc_attr_str(sc->doc, b, "kind", "breadcrumb");
	int32_t c = scan_add(sc, b, N_CATEGORY, vs, ve);
	/* (the category is the trail alone: on a flattened line, the title
	 * and the time after it are the breadcrumb's boilerplate only) */
	size_t end = category_path(sc, c, vs, ve);
	if (c != NO_NODE && end > vs && end < ve)
		sc->doc->nodes[c].end = (uint32_t)fold_orig(sc->v, end);
}

/* Is the code point punctuation that two copies of a title may write
 * differently: ASCII other than letters and digits, dashes, 《》 and
 * quotation marks ((2021—2023年) against (2021-2023年))? */
static bool title_punct(uint32_t cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'));
	return (cp >= 0x2010 && cp <= 0x201F) || cp == 0x300A || cp == 0x300B;
}

/* Do a and b hold the same words, their punctuation aside? */
static bool same_words(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;
	for (;;) {
		size_t na = 0, nb = 0;
		uint32_t ca = 0, cb = 0;
		while (i < alen && title_punct(ca = utf8_decode(a + i, alen - i, &na)))
			i += na;
		while (j < blen && title_punct(cb = utf8_decode(b + j, blen - j, &nb)))
			j += nb;
		if (i >= alen || j >= blen)
			return i >= alen && j >= blen;
		if (ca != cb)
			return false;
		i += na;
		j += nb;
	}
}

static void docno_node(scan *sc, int32_t parent, const line *l)
{
	size_t vs, ve;
	if (!docno_line(sc, l, &vs, &ve))
		return;
	int32_t n = scan_add(sc, parent, N_DOC_NUMBER, vs, ve);
	docno_value(sc, n, vs, ve, vs);
}

/* Are the lines between a and b (both excluded) all blank? */
static bool only_blank_between(const line_kind *kinds, size_t a, size_t b)
{
	for (size_t k = a + 1; k < b; k++)
		if (kinds[k] != L_BLANK)
			return false;
	return true;
}

/* The line of 相关链接>> (相关阅读, 相关文章) within the ten lines before
 * line li, with only titles (no 。) between it and li, or (size_t)-1. */
static size_t related_links_head(const scan *sc, size_t li, size_t floor)
{
	static const char *const heads[] = {"相关链接", "相关阅读", "相关文章", "相关新闻"};
	enum { N = sizeof heads / sizeof *heads };
	const char *t = sc->v->text;
	for (size_t k = li + 1; k > floor && li - (k - 1) <= 10; k--) {
		const line *l = &sc->lines[k - 1];
		const char *x = t + l->cs;
		size_t len = l->ce - l->cs;
		if (contains(x, len, "。") || utf8_count(x, len) > 80)
			return (size_t)-1;
		for (size_t h = 0; h < N; h++)
			if (starts(x + skip_sp(x, 0, len), len - skip_sp(x, 0, len), heads[h]))
				return k - 1;
	}
	return (size_t)-1;
}

/* Walks back from line `from` (excluded) over the footer: blank lines,
 * plain chrome, and short lines without a sentence (关闭, 新媒体矩阵, a row
 * of links) or browser advice among it. *first_chrome is set to the
 * first line of plain chrome walked over, if any; returns how many lines
 * of plain chrome there were. */
static size_t walk_footer(const scan *sc, size_t from, size_t floor, size_t *first_chrome)
{
	const char *t = sc->v->text;
	size_t plain_lines = 0;
	for (size_t f = from; f > floor; f--) {
		const line *l = &sc->lines[f - 1];
		if (l->ce == l->cs)
			continue;
		bool plain = text_is_footer_chrome(t + l->cs, l->ce - l->cs) ||
			     scan_chrome(sc, l) >= 0;
		marker m;
		if (!plain && marker_parse(t + l->cs, l->ce - l->cs, &m))
			break; /* (a heading is the body's: 二、下一步工作) */
		if (!plain && !footer_filler(t + l->cs, l->ce - l->cs)) {
			/* the titles under 相关链接>>, however long, are links */
			size_t head = related_links_head(sc, f - 1, floor);
			if (head == (size_t)-1)
				break;
			f = head + 2; /* the loop's step makes line head the next */
			continue;
		}
		if (plain) {
			*first_chrome = f - 1;
			plain_lines++;
		}
	}
	return plain_lines;
}

/* 中央政府门户网站　www.gov.cn　　 2012年03月15日 12时05分　　 来源：新华社: a
 * byline of chrome under the title that carries when the page was
 * published and where the text came from. Finds its date (and its
 * value, into value) and its 来源 field; false when the line holds
 * neither. byline_nodes() gives its
 * chrome to a nav boilerplate, and its date and field to meta. */
static bool byline_at(const scan *sc, const line *l, size_t *date_start, size_t *date_end,
		      char value[64], size_t *source)
{
	const char *t = sc->v->text;
	size_t ds = l->ce, de = l->ce, src = l->ce;
	for (size_t i = l->cs; i + 4 < l->ce && ds == l->ce; i++) {
		if (!(t[i] >= '0' && t[i] <= '9') || (i > l->cs && t[i - 1] >= '0' && t[i - 1] <= '9'))
			continue;
		size_t e = i;
		while (e < l->ce && ((t[e] >= '0' && t[e] <= '9') || t[e] == '-' || t[e] == ':' ||
				     t[e] == ' ' || starts(t + e, l->ce - e, "年") ||
				     starts(t + e, l->ce - e, "月") || starts(t + e, l->ce - e, "日") ||
				     starts(t + e, l->ce - e, "时") || starts(t + e, l->ce - e, "分")))
			e += (unsigned char)t[e] < 0x80 ? 1 : 3;
		while (e > i && t[e - 1] == ' ')
			e--;
		if (is_dateline(t + i, e - i) && date_text_value(t, i, e, value, 64)) {
			ds = i;
			de = e;
		}
	}
	const struct label *lab = NULL;
	for (size_t i = l->cs; i < l->ce; i += utf8_len((unsigned char)t[i]))
		if ((i == l->cs || t[i - 1] == ' ') && starts(t + i, l->ce - i, "来源:") &&
		    match_label(t + i, l->ce - i, &lab) && lab->kind == F_SOURCE) {
			src = i;
			break;
		}
	*date_start = ds;
	*date_end = de;
	*source = src;
	return ds < l->ce || src < l->ce;
}

/* 上半年全市经济稳中向好⏎（2016年10月19日）: a line that is a date alone
 * (in brackets or not) right under the first line of the text, as a
 * page prints the day under its headline. */
static bool dateline_under_first(const scan *sc, const line_kind *kinds, size_t i)
{
	size_t first = 0;
	while (first < i && kinds[first] == L_BLANK)
		first++;
	size_t next = first + 1;
	while (next < i && kinds[next] == L_BLANK)
		next++;
	if (next != i || kinds[first] != L_TEXT)
		return false;
	const char *t = sc->v->text;
	const line *l = &sc->lines[i];
	size_t a = l->cs, b = l->ce;
	if (b - a >= 2 && t[a] == '(' && t[b - 1] == ')') {
		a++;
		b--;
	}
	return a < b && is_dateline(t + a, b - a);
}

/* 湛江日报 2023年08月03日 陈彦: a newspaper's byline under the title, its
 * name, the day and the reporter; a short line that names an outlet and
 * holds a date. */
static bool news_byline(const scan *sc, const line *l, size_t *ds, size_t *de, char value[64],
			size_t *source)
{
	static const char *const outlets[] = {"日报", "晚报", "新闻网", "新华社", "新华网",
					      "人民网", "记者"};
	enum { N = sizeof outlets / sizeof *outlets };
	const char *t = sc->v->text;
	size_t n = l->ce - l->cs;
	if (n > 40 * 3 || is_dateline(t + l->cs, n))
		return false;
	size_t k = 0;
	while (k < N && !contains(t + l->cs, n, outlets[k]))
		k++;
	return k < N && byline_at(sc, l, ds, de, value, source) && *ds < l->ce;
}

static void byline_nodes(scan *sc, int32_t meta, const line *l, size_t ds, size_t de,
			 const char *value, size_t src)
{
	const char *t = sc->v->text;
	size_t chrome_end = ds < src ? ds : src;
	while (chrome_end > l->cs && t[chrome_end - 1] == ' ')
		chrome_end--;
	if (chrome_end > l->cs)
		add_boilerplate(sc, meta, "nav", l->cs, chrome_end);
	if (ds < l->ce) {
		int32_t n = scan_add(sc, meta, N_DATE, ds, de);
		doc_attr_str(sc->doc, n, "type", "published");
		doc_attr_str(sc->doc, n, "value", value);
	}
	if (src < l->ce) {
		/* (the source is one name: chrome may follow it, 【字体：大 中 小】) */
		size_t vs = skip_sp(t, src + 7, l->ce), ve = vs;
		while (ve < l->ce && t[ve] != ' ')
			ve++;
		int32_t f = scan_add(sc, meta, N_FIELD, src, ve > vs ? ve : src + 6);
		doc_attr_str(sc->doc, f, "label", "来源");
		typed_value(sc, f, F_SOURCE, vs, ve);
		size_t rest = skip_sp(t, ve, l->ce);
		if (rest < l->ce)
			add_boilerplate(sc, meta, "nav", rest, l->ce);
	}
}

size_t meta_build(scan *sc, size_t *footer_line)
{
	rpt_doc *d = sc->doc;
	const char *t = sc->v->text;
	size_t n = sc->n_lines;
	/* An HTML page's chrome does not count towards MAX_HEADER: a menu
	 * can take a hundred lines above the title. */
	enum { MAX_HEADER = 48, MAX_HEADER_LINES = 512 };
	line_kind kinds[MAX_HEADER_LINES];
	size_t header = 0; /* lines in the header */
	size_t text_lines = 0; /* those of them not marked up as chrome */
	size_t split = 0;  /* body start inside line `header`, if any */

	while (header < n && text_lines < MAX_HEADER && header < MAX_HEADER_LINES) {
		const line *hl = &sc->lines[header];
		ptrdiff_t r = scan_chrome(sc, hl);
		if (r >= 0) {
			/* chrome by its markup, whatever its words; a breadcrumb
			 * inside a page header still gives its category */
			bool crumb = strcmp(sc->chrome[r].kind, "breadcrumb") == 0 ||
				     (is_breadcrumb(t + hl->cs, hl->ce - hl->cs) &&
				      utf8_count(t + hl->cs, hl->ce - hl->cs) <= 80);
			kinds[header++] = crumb ? L_BREADCRUMB : L_CHROME;
			continue;
		}
		line_kind k = classify(sc, hl);
		/* a run of blank lines counts as one (a saved page leaves dozens) */
		if (k != L_BLANK || header == 0 || kinds[header - 1] != L_BLANK)
			text_lines++;
		if (k == L_BODY) {
			const line *l = &sc->lines[header];
			if (is_breadcrumb(t + l->cs, l->ce - l->cs))
				split = chrome_prefix_end(sc, l);
			break;
		}
		kinds[header++] = k;
	}
	if (text_lines == MAX_HEADER || header == MAX_HEADER_LINES)
		header = 0; /* no body found: treat everything as body */

	/* The title: the first short text line naming a genre, else the first
	 * short text line; a 标题 field wins over both. */
	size_t title = (size_t)-1;
	bool title_field = false;
	for (size_t i = 0; i < header; i++) {
		const line *l = &sc->lines[i];
		const struct label *lab;
		size_t fs = fields_start(t, l);
		if (kinds[i] == L_FIELD && match_label(t + fs, l->ce - fs, &lab) &&
		    lab->kind == F_TITLE)
			title_field = true;
	}
	/* 索引号 alone on its line: the next line is its value, not text. */
	for (size_t i = 0; i + 1 < header; i++) {
		const line *l = &sc->lines[i];
		const struct label *lab;
		size_t fs = fields_start(t, l);
		if (kinds[i] == L_FIELD && kinds[i + 1] == L_TEXT &&
		    match_label(t + fs, l->ce - fs, &lab) == l->ce - fs)
			kinds[i + 1] = L_FIELD;
	}
	/* The delivery line of a speech (——2026年1月27日在…会议上) and the
	 * speaker's line after it: never the title. */
	size_t speech = (size_t)-1, speech_ds = 0, speech_de = 0, speaker_line = (size_t)-1;
	int speech_ymd[3] = {0, 0, 0};
	for (size_t i = 0; i < header && speech == (size_t)-1; i++) {
		const line *l = &sc->lines[i];
		size_t ds, de;
		if (kinds[i] == L_TEXT && speech_date(t + l->cs, l->ce - l->cs, &ds, &de, speech_ymd)) {
			speech = i;
			speech_ds = l->cs + ds;
			speech_de = l->cs + de;
		}
	}
	/* The issuer is the body the speaker line names, else the
	 * government of the place the speech line names. */
	size_t body_a = 0, body_b = 0, texts_after = 0, speaker_name = (size_t)-1;
	for (size_t i = speech + 1; speech != (size_t)-1 && i < header && texts_after < 4; i++) {
		const line *l = &sc->lines[i];
		size_t post;
		if (kinds[i] == L_BLANK)
			continue;
		texts_after++;
		if (kinds[i] != L_TEXT)
			continue;
		bool found = speaker_post(t + l->cs, l->ce - l->cs, &post) ||
			     speaker_post_glued(t + l->cs, l->ce - l->cs, &post) ||
			     body_and_name(t + l->cs, l->ce - l->cs, &post);
		if (!found && speaker_post_alone(t + l->cs, l->ce - l->cs, &post)) {
			size_t next = i + 1;
			while (next < header && kinds[next] == L_BLANK)
				next++;
			const line *nl = &sc->lines[next];
			if (next < header && kinds[next] == L_TEXT &&
			    is_person_name(t + nl->cs, nl->ce - nl->cs)) {
				found = true;
				speaker_name = next;
			}
		}
		/* (毛伟明, 周恩来: the name alone on its line, under the subtitle) */
		static const char *const not_names[] = {"前言", "目录", "引言", "序言", "概述",
							"导语", "摘要"};
		enum { N_NOT_NAMES = sizeof not_names / sizeof *not_names };
		if (!found && is_person_name(t + l->cs, l->ce - l->cs) &&
		    starts_any(t + l->cs, l->ce - l->cs, not_names, N_NOT_NAMES) == N_NOT_NAMES) {
			found = true;
			post = 0;
		}
		if (found) {
			speaker_line = i;
			if (!speaker_body(t, l, l->cs + post, &body_a, &body_b))
				body_a = body_b = 0;
			break;
		}
	}
	/* Evidence of a page header: chrome, a breadcrumb, fields, a speech
	 * line. Without it, a title must name its genre (…工作报告);
	 * otherwise the text simply starts with the body. */
	bool evidence = title_field || speech != (size_t)-1;
	size_t ds, de, src;
	char byline_date[64];
	for (size_t i = 0; i < header; i++)
		if (kinds[i] == L_CHROME || kinds[i] == L_BREADCRUMB ||
		    kinds[i] == L_FIELD || kinds[i] == L_DOCNO || kinds[i] == L_SEPARATOR ||
		    (i > 0 && kinds[i] == L_TEXT &&
		     (news_byline(sc, &sc->lines[i], &ds, &de, byline_date, &src) ||
		      dateline_under_first(sc, kinds, i))))
			evidence = true;
	for (size_t pass = 0; pass < 2 && title == (size_t)-1 && !title_field; pass++)
		for (size_t i = 0; i < header; i++) {
			const line *l = &sc->lines[i];
			size_t cps = utf8_count(t + l->cs, l->ce - l->cs);
			if (kinds[i] == L_TEXT && cps >= 6 && i != speech && i != speaker_line &&
			    /* (类别 | 计划总结 | 发布机构 | 东柳街道: cells, not a title) */
			    !pipe_cells(t + l->cs, trim_cells(t, l->cs, l->ce) - l->cs) &&
			    (pass == 1 ? evidence : has_genre(t + l->cs, l->ce - l->cs))) {
				title = i;
				break;
			}
		}
	/* 大庆市经济运行开局良好, then the body at once: a short first line of
	 * its own without figures is the title, even without a genre word */
	size_t only = (size_t)-1, texts = 0;
	for (size_t i = 0; i < header; i++)
		if (kinds[i] != L_BLANK) {
			only = i;
			texts++;
		}
	if (title == (size_t)-1 && !evidence && texts == 1 && kinds[only] == L_TEXT) {
		const line *l = &sc->lines[only];
		size_t cps = utf8_count(t + l->cs, l->ce - l->cs);
		bool digits = false; /* 江苏彩民15元中大乐透1600万: news, not a title */
		for (size_t k = l->cs; k < l->ce && !digits; k++)
			digits = t[k] >= '0' && t[k] <= '9';
		if (cps >= 6 && cps <= 40 && !digits)
			title = only;
	}
	if (title == (size_t)-1 && !evidence)
		header = 0;
	/* Below the title the header holds fields, chrome, a document
	 * number, a subtitle (——…会议上) and a speaker line (上海市市长 龚
	 * 正); any other text is the body. */
	for (size_t i = title == (size_t)-1 ? header : title + 1; i < header; i++) {
		const line *l = &sc->lines[i];
		const char *x = t + l->cs;
		size_t len = l->ce - l->cs;
		if (kinds[i] != L_TEXT)
			continue;
		/* (2026年2月3日在四川省…大会第五次会议上: a subtitle without its dash) */
		bool subtitle = i == speech || starts(x, len, "—") || starts(x, len, "(") ||
				x[0] == '-' ||
				(utf8_count(x, len) <= 60 && contains(x, len, "会议上"));
		/* above a speech's subtitle, short lines without a sentence are
		 * its header: a theme (坚决贯彻治理整顿和深化改革的方针), a title
		 * broken in two (政府工作报⏎告) */
		bool above_speech = speech != (size_t)-1 && i < speech &&
				    utf8_count(x, len) <= 40 && !contains(x, len, "。") &&
				    !memchr(x, ',', len);
		size_t post;
		bool speaker = (utf8_count(x, len) <= 16 && memchr(x, ' ', len)) ||
			       speaker_post(x, len, &post) || i == speaker_line || i == speaker_name;
		/* a page that prints the title twice, the number under the
		 * second (法宝 copies), or the genre of its title once more
		 * above the subtitle (2026年宁夏回族自治区政府工作报告, chrome, then
		 * 政府工作报告 and ——2026年2月3日在…) */
		const line *tl = &sc->lines[title];
		size_t next = i + 1; /* the next line that is not blank */
		while (next < header && kinds[next] == L_BLANK)
			next++;
		bool repeat = same_words(x, len, t + tl->cs, tl->ce - tl->cs) ||
			      (next == speech && has_genre(x, len) &&
			       contains_n(t + tl->cs, tl->ce - tl->cs, x, len));
		if (!subtitle && !above_speech && !speaker && !repeat && !is_org_name(x, len) &&
		    !is_dateline(x, len) && !news_byline(sc, l, &ds, &de, byline_date, &src)) {
			header = i;
			split = 0;
			break;
		}
	}

	size_t body_line = header;
	size_t body_start = header < n ? sc->lines[header].start : sc->v->len;
	if (split)
		body_start = split;
	else if (header < n)
		body_start = sc->lines[header].cs;
	d->meta = scan_add(sc, d->root, N_META, 0, 0);

	size_t run_start = 0, run_end = 0;
	bool in_run = false;
	int32_t page_bp = NO_NODE; /* boilerplate of HTML chrome range page_r */
	ptrdiff_t page_r = -1;
	for (size_t i = 0; i < header; i++) {
		const line *l = &sc->lines[i];
		line_kind k = kinds[i];
		/* Short lines above the title are channel names and menus, but
		 * for the name of a body right above it: the issuer, as a
		 * document's masthead prints it (洪泽区人民政府⏎2023年政府信息公开
		 * 工作年度报告). */
		bool after_title = title != (size_t)-1 && i > title;
		bool masthead = k == L_TEXT && title != (size_t)-1 && i < title &&
				is_org_name(t + l->cs, l->ce - l->cs) && only_blank_between(kinds, i, title);
		bool chrome = (k == L_CHROME &&
			       !(after_title && !text_is_chrome(t + l->cs, l->ce - l->cs))) ||
			      (k == L_TEXT && !after_title && i != title && !masthead);
		if (k == L_BLANK)
			continue;
		if (i == speech || i == speaker_line) {
			if (in_run) {
				add_boilerplate(sc, d->meta, "nav", run_start, run_end);
				in_run = false;
			}
			size_t pa, pb;
			if (i == speech) {
				int32_t dn = scan_add(sc, d->meta, N_DATE, speech_ds, speech_de);
				doc_attr_str(d, dn, "type", "delivered");
				char value[16];
				snprintf(value, sizeof value, "%04d-%02d-%02d", speech_ymd[0],
					 speech_ymd[1], speech_ymd[2]);
				doc_attr_str(d, dn, "value", value);
				if (body_a == body_b && speech_place(t, speech_de, l->ce, &pa, &pb))
					government_issuer(sc, d->meta, pa, pb);
			} else if (body_a < body_b) {
				government_issuer(sc, d->meta, body_a, body_b);
			}
			continue;
		}
		if (masthead) {
			if (in_run) {
				add_boilerplate(sc, d->meta, "nav", run_start, run_end);
				in_run = false;
			}
			int32_t is = scan_add(sc, d->meta, N_ISSUER, l->cs, l->ce);
			issuer_value(sc, is, "owner", l->cs, l->ce);
			continue;
		}
		ptrdiff_t r = k == L_BREADCRUMB ? -1 : scan_chrome(sc, l);
		if (r >= 0) {
			/* One element for the lines of one chrome element, of its kind. */
			if (in_run) {
				add_boilerplate(sc, d->meta, "nav", run_start, run_end);
				in_run = false;
			}
			if (r == page_r) {
				doc_extend(d, page_bp, fold_orig(sc->v, l->ce));
			} else {
				page_bp = scan_add(sc, d->meta, N_BOILERPLATE, l->cs, l->ce);
				doc_attr_str(d, page_bp, "kind", sc->chrome[r].kind);
				page_r = r;
			}
			continue;
		}
		page_r = -1;
		if (chrome && after_title && k == L_CHROME && l->ce - l->cs <= 240 &&
		    byline_at(sc, l, &ds, &de, byline_date, &src)) {
			if (in_run) {
				add_boilerplate(sc, d->meta, "nav", run_start, run_end);
				in_run = false;
			}
			byline_nodes(sc, d->meta, l, ds, de, byline_date, src);
			continue;
		}
		if (chrome) {
			if (!in_run)
				run_start = l->cs;
			run_end = l->ce;
			in_run = true;
			continue;
		}
		if (in_run) {
			add_boilerplate(sc, d->meta, "nav", run_start, run_end);
			in_run = false;
		}
		if (k == L_BREADCRUMB)
			add_breadcrumb(sc, d->meta, l->cs, l->ce);
		else if (k == L_SEPARATOR)
			add_boilerplate(sc, d->meta, "separator", l->cs, l->ce);
		else if (k == L_FIELD)
			i = build_fields(sc, d->meta, i, header);
		else if (k == L_DOCNO)
			docno_node(sc, d->meta, l);
		else if (i == title)
			title_node(sc, d->meta, l->cs, trim_cells(t, l->cs, l->ce));
		else if ((k == L_TEXT || k == L_CHROME) && is_photo_caption(t, l->cs, l->ce))
			add_boilerplate(sc, d->meta, "caption", l->cs, l->ce);
		else if (k == L_TEXT && after_title && news_byline(sc, l, &ds, &de, byline_date, &src))
			byline_nodes(sc, d->meta, l, ds, de, byline_date, src);
		else if (k == L_TEXT && after_title)
			dateline_node(sc, d->meta, l->cs, l->ce);
	}
	if (in_run)
		add_boilerplate(sc, d->meta, "nav", run_start, run_end);
	/* With no issuer in its fields, masthead or speaker line, the
	 * document's author is the body its title names, if it names one. */
	size_t ia, ib;
	bool place;
	if (sc->has_title_node && !has_issuer(d) &&
	    title_issuer(t, sc->title_vs, sc->title_ve, &ia, &ib, &place)) {
		if (place) {
			government_issuer(sc, sc->title_node, ia, ib);
		} else {
			int32_t is = doc_add_in_order(d, sc->title_node, N_ISSUER,
						      fold_orig(sc->v, ia), fold_orig(sc->v, ib));
			issuer_value(sc, is, "owner", ia, ib);
			/* (中华人民共和国国务院 and 国务院 are one body: one name) */
			if (ends_with(t, ia, ib, "国务院"))
				doc_attr_str(d, is, "name", "国务院");
		}
	}
	if (split) {
		const line *l = &sc->lines[header];
		/* The chrome prefix of a crawler line: breadcrumb, title, time. */
		size_t e = split;
		while (e > l->cs && t[e - 1] == ' ')
			e--;
		add_breadcrumb(sc, d->meta, l->cs, e);
	}
	doc_extend(d, d->meta, fold_orig(sc->v, body_start));

	/* Footer: the trailing run of chrome and blank lines. Short lines
	 * without a sentence (关闭, 新媒体矩阵, a row of links) and browser
	 * advice go with it, but it begins at a line that is plainly chrome:
	 * a signature before the chrome stays text. */
	size_t first_chrome = n;
	/* A footer is as long as a header may be, at most: a text of short
	 * lines (a list, a table) would otherwise be walked to its start. */
	size_t footer_floor = n - body_line > MAX_HEADER_LINES ? n - MAX_HEADER_LINES : body_line;
	walk_footer(sc, n, footer_floor, &first_chrome);
	/* 打印本页⏎关闭窗口⏎2026年四川省人民政府工作报告⏎各位代表：现在，我代表…:
	 * a page may print its title and its opening (its description) once
	 * more below the chrome. Up to two such lines are looked past when two
	 * lines of plain chrome come right before them. */
	for (size_t last = n, skipped = 0; first_chrome == n && skipped < 2; skipped++) {
		while (last > footer_floor && sc->lines[last - 1].ce == sc->lines[last - 1].cs)
			last--;
		if (last == footer_floor)
			break;
		last--;
		marker m;
		const line *sl = &sc->lines[last];
		if (marker_parse(t + sl->cs, sl->ce - sl->cs, &m))
			break; /* (二、下一步工作 after a print bar is the body's) */
		size_t fc = n;
		if (walk_footer(sc, last, footer_floor, &fc) >= 2)
			first_chrome = fc;
	}
	/* A copy from Wikisource ends in its licence: 本作品是中华人民共和国的
	 * 法律…属于公有领域。注：…, or 本作品来自1949年10月1日（含）之后的中国共产党
	 * 文件…, a paragraph of sentences broken into short lines (80 of them
	 * with their notes), then Public domain. From there back to its first
	 * line it is all footer. */
	if (first_chrome < n && contains(t + sc->lines[first_chrome].cs,
					 sc->lines[first_chrome].ce - sc->lines[first_chrome].cs,
					 "Public domain"))
		for (size_t k = first_chrome; k > body_line && first_chrome - k < 80; k--) {
			const line *l = &sc->lines[k - 1];
			if (starts(t + l->cs, l->ce - l->cs, "本作品")) {
				first_chrome = k - 1;
				break;
			}
		}
	/* White-space-only lines just before the chrome belong to it. */
	if (first_chrome < n)
		while (first_chrome > body_line + 1 &&
		       sc->lines[first_chrome - 1].cs == sc->lines[first_chrome - 1].ce &&
		       sc->lines[first_chrome - 1].end > sc->lines[first_chrome - 1].start)
			first_chrome--;
	*footer_line = first_chrome;
	size_t last = first_chrome;
	while (last > body_line && sc->lines[last - 1].ce == sc->lines[last - 1].cs)
		last--;
	/* (on a page flattened into one line, the credit line may stand in
	 * the header, before the body: no footer then) */
	size_t cut = last > body_line ? chrome_suffix_start(sc, &sc->lines[last - 1]) : 0;
	if (cut > body_start)
		sc->footer_cut = cut;
	sc->title_len = compact_title(sc, sc->title);
	return body_start;
}
