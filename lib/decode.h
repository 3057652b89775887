/* Turns input bytes into UTF-8 text, detecting the encoding. */
#ifndef RPT_DECODE_H
#define RPT_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "rpt/rpt.h"

typedef struct decoded {
	char *text;           /* NUL-terminated UTF-8, owned */
	size_t len;
	const char *encoding; /* static string, or the caller's forced name */
	bool bom;
} decoded;

/* forced: an iconv encoding name, or NULL to detect. */
rpt_status decode_input(const char *bytes, size_t len, const char *forced,
			decoded *out, rpt_error *error);

/* Length of the valid UTF-8 prefix of s (== len when all of it is valid). */
size_t utf8_valid_prefix(const char *s, size_t len);

#endif
