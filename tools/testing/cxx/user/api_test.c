// SPDX-License-Identifier: GPL-2.0
/*
 * User-space half of tools/testing/cxx/modules/cxx_api.cpp: lseek() on
 * /dev/cxx_api through each of the seek helpers, and an ioctl that needs
 * CAP_SYS_ADMIN, from root and from an unprivileged child. Built static by
 * run_tests.sh, run as root in the guest with the module loaded:
 *
 *	api_test QUANTUM
 *
 * sets the module's parameter quantum to QUANTUM through the ioctl.
 * Prints "ok <what>" or "FAIL <what>" per check and a last line
 * "api_test: N failed"; exits 1 if any check failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define SET_QUANTUM	_IO('|', 0xb0)
#define SEEK_MODE	_IO('|', 0xb1)
#define REFS		_IO('|', 0xb2)
#define NODE		"/dev/cxx_api"
#define SHARED_NODE	"/dev/cxx_api_shared"

static int failures;

static void check(int ok, const char *what)
{
	printf("%s %s\n", ok ? "ok" : "FAIL", what);
	if (!ok)
		failures++;
}

/* lseek(@fd, @off, @whence) returns @want (a position, or -errno). */
static void seek(int fd, off_t off, int whence, long want, const char *what)
{
	off_t r = lseek(fd, off, whence);
	long got = r < 0 ? -errno : (long)r;
	char text[200];

	snprintf(text, sizeof(text), "%s: lseek(%ld, %s) = %ld (want %ld)", what,
		 (long)off, whence == SEEK_SET ? "SEEK_SET" : whence == SEEK_CUR ?
		 "SEEK_CUR" : "SEEK_END", got, want);
	check(got == want, text);
}

/* read() at the position gives @want (the 'a'..'z' pattern there). */
static void check_read(int fd, const char *want, const char *what)
{
	char buf[16] = "";
	ssize_t n = read(fd, buf, strlen(want));
	char text[200];

	snprintf(text, sizeof(text), "%s: read \"%.*s\" (want \"%s\")", what,
		 n > 0 ? (int)n : 0, buf, want);
	check(n == (ssize_t)strlen(want) && memcmp(buf, want, n) == 0, text);
}

int main(int argc, char **argv)
{
	int fd = open(NODE, O_RDONLY);
	char buf[8];
	pid_t pid;
	int status;

	if (argc != 2 || fd < 0) {
		fprintf(stderr, "usage: api_test QUANTUM; %s: %s\n", NODE, strerror(errno));
		return 2;
	}

	/* seek_fixed_size(64): the file is 64 bytes. */
	seek(fd, 10, SEEK_SET, 10, "fixed");
	check_read(fd, "klmn", "fixed at 10");
	seek(fd, 0, SEEK_CUR, 14, "fixed, read moved the position");
	seek(fd, -4, SEEK_END, 60, "fixed");
	check_read(fd, "ijkl", "fixed at 60");
	seek(fd, -1, SEEK_SET, -EINVAL, "fixed, before 0");
	seek(fd, 0, SEEK_CUR, 64, "fixed, position unchanged by the failure");
	seek(fd, 65, SEEK_SET, -EINVAL, "fixed, past the size");
	seek(fd, 64, SEEK_SET, 64, "fixed, at the size");
	check(read(fd, buf, sizeof(buf)) == 0, "fixed: read at the size is end of file");
	seek(fd, -60, SEEK_CUR, 4, "fixed");

	/* seek_default(): no upper bound, SEEK_END from i_size 0. */
	check(ioctl(fd, SEEK_MODE, 1) == 0, "ioctl SEEK_MODE 1");
	seek(fd, 0, SEEK_CUR, 4, "default");
	seek(fd, 1000, SEEK_SET, 1000, "default, past the data");
	check(read(fd, buf, sizeof(buf)) == 0, "default: read past the data is end of file");
	seek(fd, 0, SEEK_END, 0, "default, the end of a device node");
	seek(fd, -1, SEEK_CUR, -EINVAL, "default, before 0");

	/* seek_none(). */
	check(ioctl(fd, SEEK_MODE, 2) == 0, "ioctl SEEK_MODE 2");
	seek(fd, 0, SEEK_SET, -ESPIPE, "none");
	check(ioctl(fd, SEEK_MODE, 3) < 0 && errno == EINVAL, "ioctl SEEK_MODE 3: EINVAL");

	/* CAP_SYS_ADMIN: an unprivileged child is refused, root is not. */
	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(3);
		_exit(ioctl(fd, SET_QUANTUM, 1) < 0 && errno == EPERM ? 0 : 1);
	}
	check(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "SET_QUANTUM as uid 65534: EPERM");
	check(ioctl(fd, SET_QUANTUM, atoi(argv[1])) == 0, "SET_QUANTUM as root");

	close(fd);

	/*
	 * /dev/cxx_api_shared: each open file holds one reference to the
	 * device's state (the device holds the first), and closing drops it.
	 */
	{
		int fds[3], i;
		char what[64];

		for (i = 0; i < 3; i++) {
			fds[i] = open(SHARED_NODE, O_RDONLY);
			snprintf(what, sizeof(what), "shared open %d: %d references", i + 1, i + 2);
			check(fds[i] >= 0 && ioctl(fds[i], REFS) == i + 2, what);
		}
		for (i = 0; i < 3; i++)
			close(fds[i]);
		fd = open(SHARED_NODE, O_RDONLY);
		check(fd >= 0 && ioctl(fd, REFS) == 2, "shared open after closing all: 2 references");
		check(fd >= 0 && ioctl(fd, SEEK_MODE) < 0 && errno == ENOTTY, "shared: other ioctl ENOTTY");
		close(fd);
	}

	printf("api_test: %d failed\n", failures);
	return failures ? 1 : 0;
}
