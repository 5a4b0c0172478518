// SPDX-License-Identifier: GPL-2.0
/*
 * User-space check of the scull pair of `make bench` (bench/c_scull.c,
 * bench/cxx_scull.cpp): the same checks on either device, loaded with
 * quantum=8 qset=2 (16 bytes per quantum set, so that a few bytes cross
 * quanta and sets). Static, run as root in the guest:
 *
 *	scull_test /dev/c_scull
 *
 * Prints "ok <what>" or "FAIL <what>" per check and a last line
 * "scull_test: N failed"; exits 1 if any check failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define GET_QUANTUM	_IO('|', 0xc0)
#define SET_QUANTUM	_IO('|', 0xc1)

static const char *node;
static int failures;

static void check(int ok, const char *what, long got)
{
	printf("%s %s (got %ld)\n", ok ? "ok" : "FAIL", what, got);
	if (!ok)
		failures++;
}

/* The result of a call: the value, or -errno. */
static long res(long r)
{
	return r < 0 ? -errno : r;
}

/* read() everything from the position: the bytes, their count. */
static long slurp(int fd, char *buf, size_t size)
{
	long n = 0, r;

	while ((r = read(fd, buf + n, size - n)) > 0)
		n += r;
	return r < 0 ? -errno : n;
}

int main(int argc, char **argv)
{
	static const char text[] = "0123456789abcdefghijXYZ";	/* 23 bytes */
	char buf[64] = "";
	long n;
	int fd, st;

	if (argc != 2)
		return 2;
	node = argv[1];

	/* Opened write-only: emptied; writes go up to the end of a quantum. */
	fd = open(node, O_WRONLY);
	n = res(write(fd, text, sizeof(text) - 1));
	check(n == 8, "write stops at the quantum's end", n);
	n = res(write(fd, text + 8, sizeof(text) - 1 - 8));
	check(n == 8, "next write: second quantum", n);
	n = res(write(fd, text + 16, sizeof(text) - 1 - 16));
	check(n == 7, "next write: the second set's first quantum", n);
	close(fd);

	fd = open(node, O_RDWR);
	n = slurp(fd, buf, sizeof(buf));
	check(n == 23 && !memcmp(buf, text, 23), "read back all 23 bytes", n);
	n = res(lseek(fd, -5, SEEK_END));
	check(n == 18, "lseek(-5, SEEK_END)", n);
	memset(buf, 0, sizeof(buf));
	n = res(read(fd, buf, sizeof(buf)));
	check(n == 5 && !memcmp(buf, "ijXYZ", 5), "read at 18: the last 5 bytes", n);
	n = res(lseek(fd, -24, SEEK_CUR));
	check(n == -EINVAL, "lseek before 0 is EINVAL", n);
	n = res(lseek(fd, 0, SEEK_CUR));
	check(n == 23, "the position is unchanged", n);
	n = res(lseek(fd, 3, SEEK_SET));
	check(n == 3, "lseek(3, SEEK_SET)", n);
	n = res(write(fd, "..", 2));
	check(n == 2, "overwrite 2 bytes at 3", n);
	n = res(pread(fd, buf, 6, 0));
	check(n == 6 && !memcmp(buf, "012..5", 6), "pread sees them", n);

	/* A hole past the end reads as end of file (LDD3). */
	n = res(pwrite(fd, "Q", 1, 40));
	check(n == 1, "write at 40", n);
	n = res(pread(fd, buf, 8, 32));
	check(n == 0, "the hole at 32 reads as end of file", n);
	n = res(pread(fd, buf, 8, 40));
	check(n == 1 && buf[0] == 'Q', "read at 40", n);
	n = res(lseek(fd, 0, SEEK_END));
	check(n == 41, "the size is 41", n);

	/* The quantum: GET, SET only on an empty device, by root. */
	n = res(ioctl(fd, GET_QUANTUM));
	check(n == 8, "GET_QUANTUM", n);
	n = res(ioctl(fd, SET_QUANTUM, 4));
	check(n == -EBUSY, "SET_QUANTUM on data is EBUSY", n);
	n = res(ioctl(fd, 0x1234));
	check(n == -ENOTTY, "an unknown ioctl is ENOTTY", n);
	close(fd);

	close(open(node, O_WRONLY));	/* empties it */
	fd = open(node, O_RDONLY);
	n = res(lseek(fd, 0, SEEK_END));
	check(n == 0, "opened write-only, the device is empty", n);
	n = res(ioctl(fd, SET_QUANTUM, 0));
	check(n == -EINVAL, "SET_QUANTUM 0 is EINVAL", n);
	n = res(ioctl(fd, SET_QUANTUM, 65537));
	check(n == -EINVAL, "SET_QUANTUM 65537 is EINVAL", n);
	if (fork() == 0) {
		/* An unprivileged user: no CAP_SYS_ADMIN. */
		if (setuid(65534))
			_exit(2);
		_exit(ioctl(fd, SET_QUANTUM, 4) < 0 && errno == EPERM ? 0 : 1);
	}
	wait(&st);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "SET_QUANTUM without CAP_SYS_ADMIN is EPERM", WEXITSTATUS(st));
	n = res(ioctl(fd, SET_QUANTUM, 4));
	check(n == 0, "SET_QUANTUM 4 on the empty device", n);
	n = res(ioctl(fd, GET_QUANTUM));
	check(n == 4, "GET_QUANTUM after it", n);
	close(fd);
	fd = open(node, O_RDWR);
	n = res(write(fd, text, 10));
	check(n == 4, "a write now stops at 4 bytes", n);
	n = res(pwrite(fd, "x", 1, 64 << 20));
	check(n == -EFBIG, "a write at 64 MiB is EFBIG", n);
	close(fd);
	close(open(node, O_WRONLY));

	printf("scull_test: %d failed\n", failures);
	return failures ? 1 : 0;
}
