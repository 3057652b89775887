#include "fold.h"

#include "alloc.h"
#include "utf8.h"

/* The ASCII byte a code point folds to, or 0 if it stays as it is. */
static char fold_cp(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return (char)(cp - 0xFEE0);
	if (cp == 0x3000 || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x202F)
		return ' ';
	return 0;
}

rpt_status fold_build(const char *text, size_t len, fold_view *out)
{
	out->text = rpt_malloc(len + 1);
	out->map = rpt_malloc((len + 1) * sizeof *out->map);
	if (!out->text || !out->map) {
		fold_free(out);
		return RPT_ENOMEM;
	}
	size_t o = 0;
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)text[i];
		if (c < 0x80) {
			out->map[o] = (uint32_t)i;
			out->text[o++] = (char)c;
			i++;
			continue;
		}
		size_t n;
		uint32_t cp = utf8_decode(text + i, len - i, &n);
		char f = fold_cp(cp);
		if (f) {
			out->map[o] = (uint32_t)i;
			out->text[o++] = f;
		} else {
			for (size_t k = 0; k < n; k++) {
				out->map[o] = (uint32_t)(i + k);
				out->text[o++] = text[i + k];
			}
		}
		i += n;
	}
	out->map[o] = (uint32_t)len;
	out->text[o] = '\0';
	out->len = o;
	return RPT_OK;
}

void fold_free(fold_view *view)
{
	rpt_free(view->text);
	rpt_free(view->map);
	view->text = NULL;
	view->map = NULL;
	view->len = 0;
}
