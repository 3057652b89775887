/* libxml2 sets itself up on first use, and two threads that first use it
 * at once race in that set-up (a worker's mutex was seen to leak): every
 * entry into libxml2 calls libxml_init() first, which runs
 * xmlInitParser() once for the process. */
#ifndef RPT_LIBXML_H
#define RPT_LIBXML_H

void libxml_init(void);

#endif
