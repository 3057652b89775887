/* HTML pages saved from portals: recognised by their first tag, turned into
 * the text a reader sees, with the page chrome (header, menus, breadcrumb,
 * footer, share buttons) located in that text so that the parser can mark
 * it as boilerplate. */
#ifndef RPT_HTML_H
#define RPT_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rpt/rpt.h"

/* [start, end) of the extracted text inside one chrome element, with the
 * boilerplate kind it stands for. Ranges are sorted and never overlap. */
typedef struct html_range {
	uint32_t start, end;
	const char *kind; /* static: chrome, nav, breadcrumb, footer, share, print */
} html_range;

typedef struct html_page {
	char *text; /* NUL-terminated UTF-8, owned */
	size_t len;
	html_range *ranges; /* owned */
	size_t n_ranges;
} html_page;

/* Does the decoded text begin (after a BOM, white space, comments and an
 * XML declaration) with a doctype or an html, head or body tag? Text that
 * merely contains markup further on is not a page. */
bool html_detect(const char *text, size_t len);

/* The visible text of the page in text (UTF-8), block structure kept.
 * RPT_ENOMEM on allocation failure, with nothing left to free. */
rpt_status html_extract(const char *text, size_t len, html_page *out);

void html_page_free(html_page *page);

#endif
