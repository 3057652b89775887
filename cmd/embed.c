/* Build-time helper: writes a file as a C string constant, so that the
 * program carries a copy of the schema it was built with. */
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: embed NAME INPUT OUTPUT\n");
		return 2;
	}
	FILE *in = fopen(argv[2], "rb");
	FILE *out = fopen(argv[3], "w");
	if (!in || !out) {
		perror("embed");
		return 2;
	}
	fprintf(out, "/* Generated from %s; do not edit. */\n", argv[2]);
	fprintf(out, "#include <stddef.h>\nconst char %s[] = {\n", argv[1]);
	int c;
	size_t n = 0;
	while ((c = getc(in)) != EOF)
		fprintf(out, "%d,%s", c, ++n % 20 ? "" : "\n");
	fprintf(out, "0};\nconst size_t %s_len = %zu;\n", argv[1], n);
	if (fclose(out) != 0 || ferror(in)) {
		perror("embed");
		return 2;
	}
	fclose(in);
	return 0;
}
