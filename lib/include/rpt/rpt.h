/*
 * librpt: Chinese government report text as a typed, lossless document model.
 *
 * The one public header. Everything the library allocates is released by the
 * matching *_free function; the library never prints, exits or aborts on
 * input. Errors come back as an rpt_status plus an optional rpt_error that
 * says where and why.
 */
#ifndef RPT_RPT_H
#define RPT_RPT_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(RPT_BUILDING) && defined(__GNUC__)
#define RPT_API __attribute__((visibility("default")))
#else
#define RPT_API
#endif

#define RPT_SCHEMA_VERSION "1"
#define RPT_NAMESPACE "urn:reportctl:1"

typedef enum rpt_status {
	RPT_OK = 0,
	RPT_ENOMEM,   /* an allocation failed; nothing leaked */
	RPT_EDECODE,  /* input is not text in a supported encoding */
	RPT_EINVAL,   /* bad argument */
	RPT_EXML,     /* XML input not well-formed, or not a reportctl document */
	RPT_EINVALID, /* XML well-formed but not valid against the schema */
	RPT_ESCHEMA,  /* the schema itself could not be loaded */
	RPT_ELIMIT,   /* input larger or deeper than the configured limits */
	RPT_EREFUSED, /* XML refused for safety: a DOCTYPE, or not UTF-8 */
	RPT_EWRITE    /* the caller's writer refused the output */
} rpt_status;

/* Where and why an operation failed. offset is a byte offset into the input
 * as given (before decoding); line and col are 1-based (0 when unknown). */
typedef struct rpt_error {
	rpt_status status;
	size_t offset;
	size_t line;
	size_t col;
	char message[256];
} rpt_error;

RPT_API const char *rpt_version(void);
RPT_API const char *rpt_strstatus(rpt_status status);

/* Compiled patterns. Create once, share read-only between threads. */
typedef struct rpt_parser rpt_parser;

RPT_API rpt_status rpt_parser_new(rpt_parser **out);
RPT_API void rpt_parser_free(rpt_parser *parser);

enum {
	/* Also mark bare numbers and ordinals as indicators (kinds "number"
	 * and "ordinal"): for debugging and conformance suites. */
	RPT_PARSE_ALL_NUMBERS = 1 << 0,
	/* bytes come from malloc and hold a NUL at bytes[len]. When
	 * rpt_parse succeeds they are the library's: UTF-8 input has become
	 * the document's text without a copy (a large document is parsed in
	 * less memory), other input has been freed once decoded. When it
	 * fails they are still the caller's (to place error->offset in, and
	 * to free). */
	RPT_PARSE_TAKE_INPUT = 1 << 1,
};

typedef struct rpt_parse_options {
	const char *src_name; /* recorded in report/@src-name; may be NULL */
	const char *encoding; /* iconv name forcing the input encoding; NULL detects */
	unsigned flags;       /* RPT_PARSE_* */
} rpt_parse_options;

typedef struct rpt_doc rpt_doc;

/* Parses report text, or an HTML page saved from a portal (recognised by
 * its doctype or first tag), whose visible text is parsed instead. On
 * success *out owns a copy of the decoded text (or, with
 * RPT_PARSE_TAKE_INPUT, the input itself). */
RPT_API rpt_status rpt_parse(const rpt_parser *parser, const char *bytes,
			     size_t len, const rpt_parse_options *options,
			     rpt_doc **out, rpt_error *error);
RPT_API void rpt_doc_free(rpt_doc *doc);

/* The decoded UTF-8 text that every offset refers to. */
RPT_API const char *rpt_doc_text(const rpt_doc *doc, size_t *len);
RPT_API const char *rpt_doc_encoding(const rpt_doc *doc);
/* "html" when the input was an HTML page (then rpt_doc_text() is its
 * visible text, which the offsets refer to), "text" otherwise. */
RPT_API const char *rpt_doc_source_format(const rpt_doc *doc);

/* Serialises the model as XML (UTF-8, namespace RPT_NAMESPACE). *xml is
 * NUL-terminated and must be released with free(). */
RPT_API rpt_status rpt_doc_to_xml(const rpt_doc *doc, char **xml, size_t *len);

/* Receives output a piece at a time; returns false to stop the writer. */
typedef bool (*rpt_write_fn)(void *ctx, const char *data, size_t len);

/* The same XML, handed to write in pieces of some 64 KiB as it is made
 * rather than held whole (the XML of a document is several times its
 * text). RPT_EWRITE when write returned false; what it was given before
 * is then only the start of the XML. */
RPT_API rpt_status rpt_doc_write_xml(const rpt_doc *doc, rpt_write_fn write, void *ctx);

/* Structural diagnostics of a parsed document (also in the XML). */
typedef struct rpt_diag {
	const char *code;     /* e.g. "num-malformed" */
	const char *severity; /* "warning" or "note" */
	const char *message;  /* English, one line */
	size_t start, end;    /* byte offsets into rpt_doc_text() */
	size_t line, col;     /* 1-based; col counts characters */
} rpt_diag;

RPT_API size_t rpt_doc_diag_count(const rpt_doc *doc);
RPT_API int rpt_doc_diag(const rpt_doc *doc, size_t i, rpt_diag *out);

/* A slice of the document's memory: not NUL-terminated. */
typedef struct rpt_str {
	const char *p;
	size_t len;
} rpt_str;

/* One quantitative indicator, in document order. Empty slices mean the
 * attribute is absent. Numbers are exact decimals written out in full. */
typedef struct rpt_indicator {
	size_t start, end; /* byte offsets into rpt_doc_text() */
	rpt_str raw;       /* the figure as written */
	rpt_str kind, value, unit, num, magnitude, qualifier, min, max;
	rpt_str role, period, subject, cues;
	rpt_str aspect;    /* change, increment, level, share */
	rpt_str direction; /* up, down, flat */
	rpt_str basis;     /* yoy, mom, prev-year, ytd, annual-avg */
	rpt_str flags;     /* space-separated: part (a part of a whole named
			      before it with 其中) */
	int approx, min_excl, max_excl; /* booleans */
	char section[128];  /* numbering path of the enclosing sections: 一/(二) */
	rpt_str section_kind;
} rpt_indicator;

RPT_API size_t rpt_doc_indicator_count(const rpt_doc *doc);
RPT_API int rpt_doc_indicator(const rpt_doc *doc, size_t i, rpt_indicator *out);

/* Document-level facts for tables: the title, the issuing body (所属机构 or
 * the like; empty if unknown), the document type, the periods named in
 * the title (value and role of the first two: 2020-H1 review, 2020-H2
 * plan), and the first date of the header with its type (generated,
 * published, written, effective, or delivered: the day a speech such as
 * a 政府工作报告 was given), or else the day of a signature in the body
 * (written). */
typedef struct rpt_doc_facts {
	rpt_str title, issuer, doc_type;
	rpt_str period[2], period_role[2];
	rpt_str date, date_type;
} rpt_doc_facts;

/* One section, in document order. */
typedef struct rpt_section {
	size_t start, end; /* byte offsets into rpt_doc_text() */
	int level;         /* depth, 1 at the top */
	rpt_str num;       /* the marker as written: 一、 (一) 四) */
	rpt_str heading;   /* the heading as written (may be empty) */
	rpt_str kind;      /* review, issues, plan, party, measures, other */
	char path[128];    /* 一/(二) */
} rpt_section;

RPT_API size_t rpt_doc_section_count(const rpt_doc *doc);
RPT_API int rpt_doc_section(const rpt_doc *doc, size_t i, rpt_section *out);

RPT_API void rpt_doc_get_facts(const rpt_doc *doc, rpt_doc_facts *out);

/* Compares two decimals written out in full ("-12.5"): -1, 0 or 1 in *cmp.
 * Returns 0, or -1 when either is not a decimal. */
RPT_API int rpt_decimal_compare(const char *a, const char *b, int *cmp);

/* An XML schema, loaded once and shared read-only. */
typedef struct rpt_schema rpt_schema;

RPT_API rpt_status rpt_schema_load_file(const char *path, rpt_schema **out,
					rpt_error *error);
RPT_API rpt_status rpt_schema_load_memory(const char *xsd, size_t len,
					  rpt_schema **out, rpt_error *error);
RPT_API void rpt_schema_free(rpt_schema *schema);

/* Called once for each problem validation finds. */
typedef void (*rpt_problem_fn)(void *ctx, size_t line, const char *message);

/* Validates XML against the schema. Returns RPT_OK when valid, RPT_EINVALID
 * or RPT_EXML otherwise (each problem reported through fn when non-NULL;
 * after the first 100, one last call says the rest are not reported).
 * The XML must be UTF-8 and is read with no network access, no entity
 * expansion and no DTD: another encoding or a document type declaration
 * is refused with RPT_EREFUSED. */
RPT_API rpt_status rpt_validate(const rpt_schema *schema, const char *xml,
				size_t len, rpt_problem_fn fn, void *ctx,
				rpt_error *error);

/* Recovers the original text from a report XML document: all character
 * data in document order, with <ctl> elements turned back into the control
 * characters they stand for. *text must be released with free(). */
RPT_API rpt_status rpt_xml_to_text(const char *xml, size_t len, char **text,
				   size_t *text_len, rpt_error *error);

/* ---- Comparing two reports ---- */

typedef struct rpt_diff rpt_diff;

enum {
	RPT_DIFF_EXACT = 1 << 0,         /* compare text as written: spaces and
					    punctuation width count */
	RPT_DIFF_PLAN_VS_ACTUAL = 1 << 1 /* OLD is a plan, NEW its summary */
};

typedef enum rpt_diff_format {
	RPT_DIFF_TEXT,
	RPT_DIFF_TEXT_COLOR, /* text with ANSI colours */
	RPT_DIFF_XML,        /* a report-diff document (schemas/report-diff.xsd) */
	RPT_DIFF_JSON
} rpt_diff_format;

/* Aligns the sections, figures, text and metadata of two documents.
 * The documents must outlive the diff. */
RPT_API rpt_status rpt_diff_new(const rpt_doc *old_doc, const rpt_doc *new_doc,
				unsigned flags, rpt_diff **out);
RPT_API void rpt_diff_free(rpt_diff *diff);
/* Number of differences found (0: the documents say the same). */
RPT_API size_t rpt_diff_count(const rpt_diff *diff);
/* Renders the differences; *text must be released with free(). */
RPT_API rpt_status rpt_diff_render(const rpt_diff *diff, rpt_diff_format format,
				   const char *old_name, const char *new_name,
				   char **text, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
