/* SHA-256, for report/@src-sha256: the FIPS 180-4 examples, the lengths
 * around the padding's block boundaries, and a long message; the
 * processor's SHA instructions, where sha256_hex uses them, against the
 * portable code. */
#include <stdlib.h>

#include "sha256.h"
#include "unit.h"

/* The digest, when both ways of computing it agree. */
static const char *digest(const void *data, size_t len)
{
	static char hex[65];
	char portable[65];
	sha256_hex(data, len, hex);
	sha256_hex_portable(data, len, portable);
	return strcmp(hex, portable) == 0 ? hex : "(the two ways differ)";
}

int main(void)
{
	CHECK_STR(digest("", 0),
		  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	CHECK_STR(digest("abc", 3),
		  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	CHECK_STR(digest(two, strlen(two)),
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	const char *four = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
			   "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	CHECK_STR(digest(four, strlen(four)),
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");

	/* Bytes (7i + 3) mod 256: the padding takes one block or two. */
	static const struct {
		size_t len;
		const char *hex;
	} cut[] = {
		{1, "084fed08b978af4d7d196a7446a86b58009e636b611db16211b65a9aadff29c5"},
		{55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"},
		{56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"},
		{57, "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73"},
		{63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"},
		{64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"},
		{65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"},
		{111, "67d9492e628fd376e0b2efec8ca2b99b123e202cf620deb270728df979b2f73e"},
		{119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"},
		{120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"},
		{127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07"},
		{128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"},
		{129, "307f8fc2c1622b92762e818d39a185d4d667ad49a4b07ceae1f4afa008a93ec4"},
		{1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"},
	};
	unsigned char bytes[1000];
	for (size_t i = 0; i < sizeof bytes; i++)
		bytes[i] = (unsigned char)(7 * i + 3);
	for (size_t k = 0; k < sizeof cut / sizeof *cut; k++)
		CHECK_STR(digest(bytes, cut[k].len), cut[k].hex);

	/* Every length up to four blocks and a half, of bytes that are not
	 * a pattern, at every alignment of the start. */
	static unsigned char noise[300 + 16];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof noise; i++) {
		x = x * 1103515245 + 12345;
		noise[i] = (unsigned char)(x >> 16);
	}
	int differ = 0;
	for (size_t at = 0; at < 16; at++)
		for (size_t len = 0; at + len <= 300; len++) {
			char a[65], b[65];
			sha256_hex(noise + at, len, a);
			sha256_hex_portable(noise + at, len, b);
			differ += strcmp(a, b) != 0;
		}
	CHECK(differ == 0);

	char *million = malloc(1000000);
	CHECK(million != NULL);
	if (million) {
		memset(million, 'a', 1000000);
		CHECK_STR(digest(million, 1000000),
			  "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
		free(million);
	}
	return UNIT_DONE();
}
