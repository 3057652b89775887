/* JSON Lines input: one {"id": …, "text": "…"} object per line. Only the
 * two members are kept; the rest is checked for well-formedness and
 * skipped. */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "out.h"

enum { MAX_DEPTH = 64 };

typedef struct reader {
	const char *p, *end;
	const char *why;
} reader;

static void skip_ws(reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\r' ||
				 *r->p == '\n'))
		r->p++;
}

static bool fail(reader *r, const char *why)
{
	if (!r->why)
		r->why = why;
	return false;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

static void put_utf8(out *o, unsigned cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | cp >> 18);
		b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	out_put(o, b, n);
}

/* A string at r->p (the opening quote); decoded into dst when non-NULL. */
static bool string(reader *r, out *dst)
{
	r->p++;
	while (r->p < r->end) {
		const char *run = r->p;
		while (r->p < r->end && *r->p != '"' && *r->p != '\\' &&
		       (unsigned char)*r->p >= 0x20)
			r->p++;
		if (dst)
			out_put(dst, run, (size_t)(r->p - run));
		if (r->p == r->end)
			break;
		char c = *r->p;
		if (c == '"') {
			r->p++;
			return true;
		}
		if (c != '\\')
			return fail(r, "control character in a string");
		if (r->end - r->p < 2)
			break;
		char e = r->p[1];
		r->p += 2;
		const char *simple = strchr("\"\\/bfnrt", e);
		if (simple && e) {
			static const char map[] = "\"\\/\b\f\n\r\t";
			if (dst)
				out_put(dst, &map[simple - "\"\\/bfnrt"], 1);
			continue;
		}
		if (e != 'u' || r->end - r->p < 4 || hex4(r->p) < 0)
			return fail(r, "bad escape in a string");
		unsigned cp = (unsigned)hex4(r->p);
		r->p += 4;
		if (cp >= 0xD800 && cp < 0xDC00) {
			int lo;
			if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u' ||
			    (lo = hex4(r->p + 2)) < 0xDC00 || lo >= 0xE000)
				return fail(r, "unpaired surrogate in a string");
			cp = 0x10000 + ((cp - 0xD800) << 10) + ((unsigned)lo - 0xDC00);
			r->p += 6;
		} else if (cp >= 0xDC00 && cp < 0xE000) {
			return fail(r, "unpaired surrogate in a string");
		}
		if (dst)
			put_utf8(dst, cp);
	}
	return fail(r, "unterminated string");
}

static bool value(reader *r, int depth);

static bool literal(reader *r, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
		return fail(r, "not a JSON value");
	r->p += n;
	return true;
}

static bool number(reader *r)
{
	const char *start = r->p;
	if (r->p < r->end && *r->p == '-')
		r->p++;
	size_t digits = 0;
	while (r->p < r->end && ((*r->p >= '0' && *r->p <= '9') || *r->p == '.' ||
				 *r->p == 'e' || *r->p == 'E' || *r->p == '+' ||
				 *r->p == '-')) {
		digits += *r->p >= '0' && *r->p <= '9';
		r->p++;
	}
	return digits ? true : (r->p = start, fail(r, "not a JSON value"));
}

/* An array or object: members are checked and skipped. */
static bool compound(reader *r, int depth)
{
	char close = *r->p == '{' ? '}' : ']';
	bool object = close == '}';
	if (depth >= MAX_DEPTH)
		return fail(r, "nested too deeply");
	r->p++;
	skip_ws(r);
	if (r->p < r->end && *r->p == close) {
		r->p++;
		return true;
	}
	for (;;) {
		skip_ws(r);
		if (object) {
			if (r->p == r->end || *r->p != '"' || !string(r, NULL))
				return fail(r, "expected a member name");
			skip_ws(r);
			if (r->p == r->end || *r->p != ':')
				return fail(r, "expected ':'");
			r->p++;
		}
		if (!value(r, depth + 1))
			return false;
		skip_ws(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (r->p < r->end && *r->p == close) {
			r->p++;
			return true;
		}
		return fail(r, object ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static bool value(reader *r, int depth)
{
	skip_ws(r);
	if (r->p == r->end)
		return fail(r, "unexpected end of line");
	switch (*r->p) {
	case '"': return string(r, NULL);
	case '{':
	case '[': return compound(r, depth);
	case 't': return literal(r, "true");
	case 'f': return literal(r, "false");
	case 'n': return literal(r, "null");
	default: return number(r);
	}
}

static char *copy(const char *p, size_t n)
{
	char *s = malloc(n + 1);
	if (s) {
		memcpy(s, p, n);
		s[n] = '\0';
	}
	return s;
}

bool json_record(const char *line, size_t n, json_record_out *rec, const char **why)
{
	reader r = {line, line + n, NULL};
	out text = {0};
	const char *id = NULL;
	size_t id_len = 0;
	bool have_text = false;
	memset(rec, 0, sizeof *rec);

	skip_ws(&r);
	if (r.p == r.end || *r.p != '{') {
		*why = "not a JSON object";
		return false;
	}
	r.p++;
	skip_ws(&r);
	bool ok = true;
	if (r.p < r.end && *r.p == '}') {
		r.p++;
	} else {
		for (;;) {
			skip_ws(&r);
			if (r.p == r.end || *r.p != '"') {
				ok = fail(&r, "expected a member name");
				break;
			}
			const char *key = r.p + 1;
			if (!(ok = string(&r, NULL)))
				break;
			size_t key_len = (size_t)(r.p - 1 - key);
			skip_ws(&r);
			if (r.p == r.end || *r.p != ':') {
				ok = fail(&r, "expected ':'");
				break;
			}
			r.p++;
			skip_ws(&r);
			const char *v = r.p;
			if (key_len == 4 && memcmp(key, "text", 4) == 0) {
				if (r.p == r.end || *r.p != '"') {
					ok = fail(&r, "\"text\" is not a string");
					break;
				}
				text.len = 0;
				if (!(ok = string(&r, &text)))
					break;
				have_text = true;
			} else {
				if (!(ok = value(&r, 1)))
					break;
				if (key_len == 2 && memcmp(key, "id", 2) == 0) {
					id = v;
					id_len = (size_t)(r.p - v);
				}
			}
			skip_ws(&r);
			if (r.p < r.end && *r.p == ',') {
				r.p++;
				continue;
			}
			if (r.p < r.end && *r.p == '}') {
				r.p++;
				break;
			}
			ok = fail(&r, "expected ',' or '}'");
			break;
		}
	}
	skip_ws(&r);
	if (ok && r.p != r.end)
		ok = fail(&r, "text after the object");
	if (ok && !have_text)
		ok = fail(&r, "no \"text\" member");
	if (id)
		rec->id = copy(id, id_len);
	if (!ok) {
		*why = r.why;
		free(text.p);
		return false;
	}
	if (text.failed || (id && !rec->id)) {
		*why = "out of memory";
		free(text.p);
		return false;
	}
	rec->text = text.p ? text.p : copy("", 0);
	rec->text_len = text.len;
	if (text.p)
		text.p[text.len] = '\0'; /* out_put keeps room for it */
	return rec->text != NULL;
}
