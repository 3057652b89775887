/* The visible text of a saved portal page, read through libxml2's HTML
 * parser. The text is laid out as a browser's innerText would be: block
 * elements on lines of their own, paragraphs apart, white space collapsed
 * outside pre, scripts and styles gone; table cells of a row stay on one
 * line so that a metadata row (索引号： | 11350128/2022-00045) reads as a
 * field. Elements that are page chrome by their tag, role, class or id are
 * recorded as ranges of that text. */
#include "html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "libxml.h"

/* ---- detection ---- */

static bool ascii_ieq(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	if (len < n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return false;
	}
	return true;
}

static bool is_html_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The end of the construct opened at s by open and closed by close, or
 * NULL when it is not there or never closes. */
static const char *skip_construct(const char *s, const char *end,
				  const char *open, const char *close)
{
	size_t on = strlen(open), cn = strlen(close);
	if ((size_t)(end - s) < on || memcmp(s, open, on) != 0)
		return NULL;
	for (const char *p = s + on; (size_t)(end - p) >= cn; p++) {
		p = memchr(p, close[0], (size_t)(end - p) - cn + 1);
		if (!p)
			return NULL;
		if (memcmp(p, close, cn) == 0)
			return p + cn;
	}
	return NULL;
}

bool html_detect(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (;;) {
		while (p < end && is_html_space(*p))
			p++;
		const char *q = skip_construct(p, end, "<!--", "-->");
		if (!q)
			q = skip_construct(p, end, "<?xml", "?>");
		if (!q)
			break;
		p = q;
	}
	size_t rest = (size_t)(end - p);
	static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body"};
	for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
		size_t n = strlen(starts[k]);
		/* the name must end there: <header> and <bodytext> are not pages */
		if (ascii_ieq(p, rest, starts[k]) && rest > n &&
		    (is_html_space(p[n]) || p[n] == '>' || p[n] == '/'))
			return true;
	}
	return false;
}

/* ---- elements ---- */

enum {
	E_SKIP = 1 << 0,       /* not rendered: the subtree is left out */
	E_BR = 1 << 1,
	E_CELL = 1 << 2,       /* td, th */
	E_PRE = 1 << 3,
	E_SECTIONING = 1 << 4, /* header and footer inside are not the page's */
	E_SCOPED = 1 << 5,     /* chrome only outside sectioning elements */
	E_ROW = 1 << 6         /* tr */
};

typedef struct element {
	const char *name;
	unsigned char flags;
	unsigned char breaks; /* line breaks around it: 2 for p, 1 for blocks */
	const char *chrome;
} element;

/* Sorted by name for bsearch. */
static const element elements[] = {
	{"address", 0, 1, NULL},     {"article", E_SECTIONING, 1, NULL},
	{"aside", E_SECTIONING, 1, "chrome"},
	{"audio", E_SKIP, 0, NULL},  {"blockquote", 0, 1, NULL},
	{"body", 0, 1, NULL},        {"br", E_BR, 0, NULL},
	{"canvas", E_SKIP, 0, NULL}, {"caption", 0, 1, NULL},
	{"center", 0, 1, NULL},      {"datalist", E_SKIP, 0, NULL},
	{"dd", 0, 1, NULL},          {"details", 0, 1, NULL},
	{"dialog", 0, 1, NULL},      {"dir", 0, 1, NULL},
	{"div", 0, 1, NULL},         {"dl", 0, 1, NULL},
	{"dt", 0, 1, NULL},          {"embed", E_SKIP, 0, NULL},
	{"fieldset", 0, 1, NULL},    {"figcaption", 0, 1, NULL},
	{"figure", 0, 1, NULL},      {"footer", E_SCOPED, 1, "footer"},
	{"form", 0, 1, NULL},        {"h1", 0, 1, NULL},
	{"h2", 0, 1, NULL},          {"h3", 0, 1, NULL},
	{"h4", 0, 1, NULL},          {"h5", 0, 1, NULL},
	{"h6", 0, 1, NULL},          {"header", E_SCOPED, 1, "chrome"},
	{"hgroup", 0, 1, NULL},      {"hr", 0, 1, NULL},
	{"iframe", E_SKIP, 0, NULL}, {"legend", 0, 1, NULL},
	{"li", 0, 1, NULL},          {"main", E_SECTIONING, 1, NULL},
	{"map", E_SKIP, 0, NULL},    {"math", E_SKIP, 0, NULL},
	{"menu", 0, 1, NULL},        {"nav", E_SECTIONING, 1, "nav"},
	{"noscript", E_SKIP, 0, NULL}, {"object", E_SKIP, 0, NULL},
	{"ol", 0, 1, NULL},          {"option", 0, 1, NULL},
	{"p", 0, 2, NULL},           {"pre", E_PRE, 1, NULL},
	{"script", E_SKIP, 0, NULL}, {"section", E_SECTIONING, 1, NULL},
	/* a drop-down list shows one entry, and it is chrome */
	{"select", E_SKIP, 0, NULL}, {"style", E_SKIP, 0, NULL},
	{"summary", 0, 1, NULL},     {"svg", E_SKIP, 0, NULL},
	{"table", 0, 1, NULL},       {"tbody", 0, 1, NULL},
	{"td", E_CELL, 0, NULL},     {"template", E_SKIP, 0, NULL},
	{"textarea", E_SKIP, 0, NULL}, {"tfoot", 0, 1, NULL},
	{"th", E_CELL, 0, NULL},     {"thead", 0, 1, NULL},
	/* the window title, not page content */
	{"title", 0, 1, "chrome"},   {"tr", E_ROW, 1, NULL},
	{"ul", 0, 1, NULL},          {"video", E_SKIP, 0, NULL},
};

static int element_cmp(const void *key, const void *e)
{
	return strcmp(key, ((const element *)e)->name);
}

static const element inline_element = {"", 0, 0, NULL};

static const element *element_of(const xmlNode *n)
{
	const element *e = bsearch(n->name, elements, sizeof elements / sizeof *elements,
				   sizeof *elements, element_cmp);
	return e ? e : &inline_element;
}

/* ---- chrome by role, class and id ---- */

/* Kinds in order of precedence: a class list naming both a menu and a
 * breadcrumb is a breadcrumb. */
static const char *const kinds[] = {"breadcrumb", "share", "print", "footer",
				    "nav", "chrome"};

/* Words of class names and ids. Some are chrome only as a whole name:
 * position-relative and margin-top are layout, not a breadcrumb or a
 * page header. */
static const struct {
	const char *word;
	unsigned char kind; /* index into kinds */
	bool whole;
} class_words[] = {
	{"breadcrumb", 0}, {"breadcrumbs", 0}, {"crumb", 0}, {"crumbs", 0},
	{"position", 0, true}, {"location", 0, true}, {"curpos", 0},
	{"weizhi", 0},     {"dqwz", 0},
	{"share", 1},      {"bdshare", 1},     {"fenxiang", 1}, {"jiathis", 1},
	{"print", 2},      {"dayin", 2},       {"close", 2, true},
	{"footer", 3},     {"foot", 3, true},  {"bottom", 3, true},
	{"copyright", 3},
	{"nav", 4},        {"navbar", 4},      {"navigation", 4}, {"menu", 4},
	{"menus", 4},      {"submenu", 4},     {"mainmenu", 4}, {"topnav", 4},
	{"subnav", 4},
	{"header", 5},     {"banner", 5},      {"logo", 5},   {"top", 5, true},
	{"topbar", 5},     {"toolbar", 5},     {"tool", 5},   {"tools", 5},
	{"sidebar", 5},    {"side", 5, true},  {"aside", 5},  {"search", 5},
	{"links", 5},      {"friendlink", 5},  {"yqlj", 5},   {"related", 5},
	{"xgwz", 5},       {"xglj", 5},
};

/* Words that put a name on the content itself: article-header holds the
 * title, detail-top the date line, and so does Bootstrap's page-header. */
static const char *const content_words[] = {"article", "content", "detail", "page",
					    "text", "title", "info", "zoom", "zw"};

/* Run-together names (bdsharebuttonbox, footerwrap) carry these inside. */
static const struct {
	const char *word;
	unsigned char kind;
} class_stems[] = {{"crumb", 0}, {"share", 1}, {"footer", 3}, {"copyright", 3},
		   {"menu", 4},  {"navbar", 4}, {"toolbar", 5}, {"sidebar", 5}};

static bool part_is(const char *p, size_t n, const char *word)
{
	return strlen(word) == n && ascii_ieq(p, n, word);
}

static bool part_has(const char *p, size_t n, const char *word)
{
	size_t w = strlen(word);
	for (size_t i = 0; i + w <= n; i++)
		if (ascii_ieq(p + i, n - i, word))
			return true;
	return false;
}

static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* The best kind (lowest index) named by the parts of a class list or id,
 * or -1; *content is set when a part names the content. */
static int kind_of_names(const char *v, bool *content)
{
	int best = -1;
	for (const char *p = v; *p;) {
		while (*p && !is_alnum(*p))
			p++;
		const char *a = p;
		while (is_alnum(*p))
			p++;
		size_t n = (size_t)(p - a);
		if (n == 0 || n > 64)
			continue;
		/* the part is a name of its own, not one piece of top-nav */
		bool whole = (a == v || is_html_space(a[-1])) && (!*p || is_html_space(*p));
		for (size_t k = 0; k < sizeof content_words / sizeof *content_words; k++)
			if (part_is(a, n, content_words[k]))
				*content = true;
		for (size_t k = 0; k < sizeof class_words / sizeof *class_words; k++)
			if (part_is(a, n, class_words[k].word) &&
			    (whole || !class_words[k].whole) &&
			    (best < 0 || class_words[k].kind < best))
				best = class_words[k].kind;
		for (size_t k = 0; k < sizeof class_stems / sizeof *class_stems; k++)
			if (part_has(a, n, class_stems[k].word) &&
			    (best < 0 || class_stems[k].kind < best))
				best = class_stems[k].kind;
	}
	return best;
}

/* The value of an attribute as the parser stored it, without copying. */
static const char *attr_value(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (a->name && strcmp((const char *)a->name, name) == 0)
			return a->children && a->children->type == XML_TEXT_NODE &&
					       a->children->content
				       ? (const char *)a->children->content
				       : NULL;
	return NULL;
}

static const char *chrome_of(const xmlNode *n, const element *e, int sectioning)
{
	if (e->chrome && (!(e->flags & E_SCOPED) || sectioning == 0))
		return e->chrome;
	const char *role = attr_value(n, "role");
	if (role) {
		static const char *const roles[][2] = {
			{"navigation", "nav"}, {"banner", "chrome"},
			{"contentinfo", "footer"}, {"complementary", "chrome"},
			{"search", "chrome"}};
		for (size_t k = 0; k < sizeof roles / sizeof *roles; k++)
			if (strcmp(role, roles[k][0]) == 0)
				return roles[k][1];
	}
	bool content = false;
	int best = -1;
	const char *names[] = {attr_value(n, "class"), attr_value(n, "id")};
	for (size_t k = 0; k < 2; k++) {
		int b = names[k] ? kind_of_names(names[k], &content) : -1;
		if (b >= 0 && (best < 0 || b < best))
			best = b;
	}
	return best >= 0 && !content ? kinds[best] : NULL;
}

/* ---- the walk ---- */

/* A chrome element that holds this many full stops holds prose: a page
 * wrapper called "top", not a header. */
enum { PROSE_STOPS = 3 };

typedef struct frame {
	const element *e;
	const char *chrome;
	size_t start;     /* text length on entry */
	size_t ranges_at; /* ranges recorded on entry */
	size_t stops_at;  /* full stops written on entry */
} frame;

typedef struct walker {
	buf text;
	html_range *ranges;
	size_t n_ranges, cap_ranges;
	frame *stack;
	size_t depth, cap_stack;
	size_t stops;       /* 。 written so far */
	unsigned breaks;    /* line breaks owed before the next text */
	char space;         /* owed before the next text: a collapsed space
			     * ' ', a '\t' between the cells of a row, or 0 */
	bool cell_start;    /* white space at the start of a cell is dropped */
	bool cell_empty;    /* the last cell held no text */
	int pre;            /* open pre elements */
	int sectioning;     /* open article, aside, main, nav, section */
	int menus;          /* open chrome elements of kind nav */
} walker;

static bool at_line_start(const walker *w)
{
	return w->text.len == 0 || w->text.data[w->text.len - 1] == '\n';
}

static bool ends_with_colon(const walker *w)
{
	const char *t = w->text.data;
	size_t n = w->text.len;
	return (n >= 1 && t[n - 1] == ':') ||
	       (n >= 3 && memcmp(t + n - 3, "\xEF\xBC\x9A", 3) == 0); /* ： */
}

/* Writes what is owed before text: the line breaks (those already there
 * count), else the collapsed space. Nothing is owed at the very start. */
static void settle(walker *w)
{
	if (w->breaks && w->text.len) {
		unsigned have = 0;
		while (have < w->breaks && have < w->text.len &&
		       w->text.data[w->text.len - 1 - have] == '\n')
			have++;
		for (; have < w->breaks; have++)
			buf_putc(&w->text, '\n');
		w->space = 0;
	}
	w->breaks = 0;
	if (w->space && !at_line_start(w))
		buf_putc(&w->text, w->space);
	w->space = 0;
}

static void put_run(walker *w, const char *s, size_t n)
{
	settle(w);
	buf_append(&w->text, s, n);
	w->cell_start = false;
	for (const char *p = s, *end = s + n; (p = memchr(p, '\xE3', (size_t)(end - p)));) {
		if (end - p >= 3 && p[1] == '\x80' && p[2] == '\x82')
			w->stops++;
		p++;
	}
}

static void put_text(walker *w, const char *s)
{
	size_t n = strlen(s);
	if (w->pre) {
		put_run(w, s, n);
		return;
	}
	for (size_t i = 0; i < n;) {
		size_t a = i;
		while (i < n && !is_html_space(s[i]))
			i++;
		if (i > a)
			put_run(w, s + a, i - a);
		if (i < n && !w->cell_start && !at_line_start(w))
			w->space = ' ';
		while (i < n && is_html_space(s[i]))
			i++;
	}
}

static bool is_menu(const char *chrome)
{
	return chrome && strcmp(chrome, "nav") == 0;
}

static void block_edge(walker *w, unsigned breaks)
{
	/* A portal menu is a row of links, whatever its markup: its items
	 * stay on one line, as a copy from the browser gives them. */
	if (w->menus) {
		if (!at_line_start(w) && w->breaks == 0)
			w->space = ' ';
		return;
	}
	if (breaks > w->breaks)
		w->breaks = breaks;
	w->space = 0;
}

static bool push_range(walker *w, size_t start, size_t end, const char *kind)
{
	if (!rpt_grow((void **)&w->ranges, &w->cap_ranges, w->n_ranges, sizeof *w->ranges, 16))
		return false;
	w->ranges[w->n_ranges++] = (html_range){(uint32_t)start, (uint32_t)end, kind};
	return true;
}

static bool enter(walker *w, const xmlNode *n, const element *e)
{
	if (!rpt_grow((void **)&w->stack, &w->cap_stack, w->depth, sizeof *w->stack, 64))
		return false;
	const char *chrome = chrome_of(n, e, w->sectioning);
	w->stack[w->depth++] = (frame){e, chrome, w->text.len, w->n_ranges, w->stops};
	/* in a menu every element is an entry: <a>机构概况</a><a>政策文件</a> */
	if (e->breaks || w->menus)
		block_edge(w, e->breaks);
	w->menus += is_menu(chrome);
	if (e->flags & E_BR) {
		settle(w);
		buf_putc(&w->text, '\n');
	}
	if (e->flags & E_CELL) {
		/* cells of a row on one line, tabs apart as a copied table
		 * gives them, a label cell joined to its value */
		if (!at_line_start(w) && w->breaks == 0)
			w->space = !ends_with_colon(w) || w->cell_empty ? '\t' : 0;
		w->cell_start = true;
	}
	w->pre += (e->flags & E_PRE) != 0;
	w->sectioning += (e->flags & E_SECTIONING) != 0;
	return true;
}

/* 索引号：640521005/2020-00011⇥文号：…: a row of labels and their values
 * is metadata, its cells spaces apart as a browser's copy prints them
 * (tabs stay between the cells of a table of figures). The row is the
 * text from start. */
static void label_row_spaces(walker *w, size_t start)
{
	char *t = w->text.data;
	size_t n = w->text.len;
	bool labels = false;
	for (size_t i = start; i < n && !labels; i++)
		labels = t[i] == ':' || (i + 3 <= n && memcmp(t + i, "\xEF\xBC\x9A", 3) == 0);
	for (size_t i = start; labels && i < n; i++)
		if (t[i] == '\t')
			t[i] = ' ';
	if (labels && w->space == '\t')
		w->space = ' ';
}

static bool leave(walker *w)
{
	frame f = w->stack[--w->depth];
	const element *e = f.e;
	w->menus -= is_menu(f.chrome);
	w->pre -= (e->flags & E_PRE) != 0;
	w->sectioning -= (e->flags & E_SECTIONING) != 0;
	if (e->flags & E_CELL) {
		/* 文号：| (empty) | 生成日期：…: the next label must stand apart */
		w->cell_empty = w->text.len == f.start;
		w->space = 0;
		w->cell_start = false;
	}
	if (e->flags & E_ROW)
		label_row_spaces(w, f.start);
	if (e->breaks || w->menus)
		block_edge(w, e->breaks);
	/* The outermost chrome element wins: its range replaces those of the
	 * chrome inside it. */
	if (f.chrome && w->text.len > f.start && w->stops - f.stops_at < PROSE_STOPS) {
		w->n_ranges = f.ranges_at;
		return push_range(w, f.start, w->text.len, f.chrome);
	}
	return true;
}

/* Depth-first over the tree without recursion: pages nest deeply. */
static bool walk(walker *w, xmlNode *top)
{
	xmlNode *n = top->children;
	while (n) {
		bool descend = false;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				put_text(w, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			const element *e = element_of(n);
			if (!(e->flags & E_SKIP)) {
				if (!enter(w, n, e))
					return false;
				descend = true;
			}
		}
		/* comments, processing instructions and the doctype are not text */
		if (descend && n->children) {
			n = n->children;
			continue;
		}
		if (descend && !leave(w))
			return false;
		while (!n->next) {
			n = n->parent;
			if (!n || n == top)
				return true;
			if (!leave(w))
				return false;
		}
		n = n->next;
	}
	return true;
}

static void silent(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

rpt_status html_extract(const char *text, size_t len, html_page *out)
{
	memset(out, 0, sizeof *out);
	if (len > (size_t)INT32_MAX)
		return RPT_ELIMIT;
	/* The bytes are already decoded: libxml2 gets UTF-8 and is told to
	 * ignore the page's own charset declaration. */
	static const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET |
				   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
				   HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
	libxml_init();
	xmlStructuredErrorFunc old_fn = xmlStructuredError;
	void *old_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(NULL, silent);
	htmlDocPtr doc = htmlReadMemory(text, (int)len, NULL, "UTF-8", options);
	xmlSetStructuredErrorFunc(old_ctx, old_fn);
	/* In recovery mode only a failed allocation leaves no document. */
	if (!doc)
		return RPT_ENOMEM;

	walker w = {0};
	bool ok = buf_reserve(&w.text, len / 2) && walk(&w, (xmlNode *)doc);
	xmlFreeDoc(doc);
	if (ok && w.text.len && !at_line_start(&w))
		buf_putc(&w.text, '\n');
	rpt_free(w.stack);
	size_t tl = 0;
	char *t = ok ? buf_detach(&w.text, &tl) : NULL;
	if (!t) {
		buf_free(&w.text);
		rpt_free(w.ranges);
		return RPT_ENOMEM;
	}
	out->text = t;
	out->len = tl;
	out->ranges = w.ranges;
	out->n_ranges = w.n_ranges;
	return RPT_OK;
}

void html_page_free(html_page *page)
{
	if (!page)
		return;
	rpt_free(page->text);
	rpt_free(page->ranges);
	memset(page, 0, sizeof *page);
}
