/* Comparing two documents: the alignment (diff.c) and its renderings
 * (diffout.c). */
#ifndef RPT_DIFF_H
#define RPT_DIFF_H

#include "decimal.h"
#include "doc.h"

/* A section of one document, in document order. */
typedef struct dsec {
	int32_t node;
	int parent;    /* index of the enclosing section, -1 at the top */
	int match;     /* index in the other document's list, -1 if none */
	unsigned what; /* DS_* for a matched section */
	char path[96]; /* 一/(二) */
	const char *num, *hkey, *heading;
	size_t num_len, hkey_len, heading_len;
	int level;
} dsec;

enum { DS_RENUMBERED = 1, DS_REWORDED = 2, DS_MOVED = 4 };

/* A figure (indicator) of one document. */
typedef struct dfig {
	int32_t node;
	int sec; /* index of its section, -1 outside sections */
	int match;
	rpt_str kind, unit, role, subject, value, qualifier;
	decimal v;
	bool has_v;
} dfig;

/* A stretch of text that differs inside a pair of matched sections: bytes
 * [old_start, old_end) of the old text became [new_start, new_end) of the
 * new one (either may be empty). sec is the pair's index in old, or -1
 * for the text before the first section. */
typedef struct dhunk {
	int old_sec, new_sec;
	size_t old_start, old_end, new_start, new_end;
} dhunk;

typedef struct dmeta {
	const char *field; /* title, doc-number, index-no, date, issuer */
	int32_t old_node, new_node; /* NO_NODE when absent */
} dmeta;

typedef enum { PLAN_MET, PLAN_NOT_MET, PLAN_NOT_REPORTED } plan_status;

typedef struct dplan {
	int target;  /* index in old figures */
	int actual;  /* index in new figures, -1 when not reported */
	plan_status status;
} dplan;

struct rpt_diff {
	const rpt_doc *a, *b;
	unsigned flags;
	dsec *sa, *sb;
	size_t na, nb;
	dfig *fa, *fb;
	size_t nfa, nfb;
	dhunk *hunks;
	size_t n_hunks, cap_hunks;
	dmeta metas[8];
	size_t n_metas;
	dplan *plans;
	size_t n_plans;
	bool oom;
};

/* Text of node n of d (the original bytes), as a slice. */
rpt_str diff_node_text(const rpt_doc *d, int32_t n);

#endif
