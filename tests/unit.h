/* A minimal assertion kit for the unit tests. */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failures;

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			printf("%s:%d: check failed: %s\n", __FILE__, __LINE__,  \
			       #cond);                                         \
			unit_failures++;                                       \
		}                                                              \
	} while (0)

#define CHECK_STR(got, want)                                                   \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		if (!g_ || strcmp(g_, w_) != 0) {                              \
			printf("%s:%d: got '%s', want '%s'\n", __FILE__,         \
			       __LINE__, g_ ? g_ : "(null)", w_);             \
			unit_failures++;                                       \
		}                                                              \
	} while (0)

#define UNIT_DONE() (printf("%s\n", unit_failures ? "FAILED" : "ok"), unit_failures != 0)

#endif
