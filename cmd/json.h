/* Reading JSON Lines records. */
#ifndef REPORTCTL_JSON_H
#define REPORTCTL_JSON_H

#include <stdbool.h>
#include <stddef.h>

typedef struct json_record_out {
	char *id;   /* the "id" member as written (any JSON value), or NULL */
	char *text; /* the "text" member, decoded, NUL-terminated */
	size_t text_len;
} json_record_out;

/* Reads one line holding a JSON object with a string member "text" and
 * optionally "id". On failure *why says what is wrong, and rec->id may
 * still hold the id, so that the error can name the record. The caller
 * frees rec->id and rec->text. */
bool json_record(const char *line, size_t n, json_record_out *rec, const char **why);

#endif
