/* Turns input bytes into UTF-8 text, detecting the encoding. */
#ifndef RPT_DECODE_H
#define RPT_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "rpt/rpt.h"

typedef struct decoded {
	char *text;           /* NUL-terminated UTF-8, owned */
	size_t len;
	bool adopted;         /* text is the input itself (decode_input's adopt) */
	const char *encoding; /* static string, or the caller's forced name */
	bool bom;
} decoded;

/* forced: an iconv encoding name, or NULL to detect. With adopt, UTF-8
 * input (bytes from malloc, with a NUL at bytes[len]) becomes the text
 * itself, not a copy; the caller still owns bytes when adopted is false. */
rpt_status decode_input(const char *bytes, size_t len, const char *forced,
			bool adopt, decoded *out, rpt_error *error);

/* Length of the valid UTF-8 prefix of s (== len when all of it is valid). */
size_t utf8_valid_prefix(const char *s, size_t len);

#endif
