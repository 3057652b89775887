/* SHA-256 (FIPS 180-4), for report/@src-sha256. */
#ifndef RPT_SHA256_H
#define RPT_SHA256_H

#include <stddef.h>

/* Writes 64 lowercase hex digits and a NUL to hex. */
void sha256_hex(const void *data, size_t len, char hex[65]);
/* The same without the processor's SHA instructions, where sha256_hex
 * uses them: for tests. */
void sha256_hex_portable(const void *data, size_t len, char hex[65]);

#endif
