/* A fuzz target without libFuzzer: runs LLVMFuzzerTestOneInput over the
 * files named, or over every file in the directories named, so that each
 * input a fuzzer once found (tests/fuzz/regress/TARGET/) is checked again
 * in every build, sanitizers or not. A failed check aborts: that is
 * reported as exit status 1, with the file's name. */
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *current;

static void on_abort(int sig)
{
	(void)sig;
	static const char msg[] = "regress: a check failed on ";
	if (write(2, msg, sizeof msg - 1) < 0 || write(2, current, strlen(current)) < 0 ||
	    write(2, "\n", 1) < 0)
		_exit(1);
	_exit(1);
}

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return 1;
	}
	size_t cap = 1 << 16, n = 0;
	uint8_t *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			uint8_t *p = realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				buf = NULL;
			}
			buf = p;
			cap *= 2;
		}
	}
	fclose(f);
	if (!buf) {
		fprintf(stderr, "%s: out of memory\n", path);
		return 1;
	}
	current = path;
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	printf("ok %s\n", path);
	return 0;
}

int main(int argc, char **argv)
{
	signal(SIGABRT, on_abort);
	int bad = 0, runs = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			DIR *d = opendir(argv[i]);
			struct dirent *e;
			while (d && (e = readdir(d)) != NULL) {
				if (e->d_name[0] == '.')
					continue;
				char path[4096];
				snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
				bad |= run_file(path);
				runs++;
			}
			if (d)
				closedir(d);
		} else {
			bad |= run_file(argv[i]);
			runs++;
		}
	}
	if (runs == 0) {
		fprintf(stderr, "regress: no input\n");
		return 1;
	}
	return bad;
}
