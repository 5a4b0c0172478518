// SPDX-License-Identifier: GPL-2.0
/*
 * Times the misc device paths for bench/bench.sh, in the guest:
 *
 *	miscdev_bench DEV N
 *
 * For each path, 20 rounds of N/20 calls in a row, each round timed with
 * CLOCK_MONOTONIC; prints "DEV PATH NS_PER_CALL" for the fastest round.
 * Under QEMU's -icount shift=0 the guest clock counts instructions, so
 * NS_PER_CALL is instructions per call (user and kernel, syscall entry
 * included). The fastest round is one no timer interrupt fell into, which
 * makes the figure exact and the same on every run.
 *
 * Before a path is timed, one untimed round of the same calls checks every
 * result (a twin whose calls failed early would look fast); a call that
 * does not do what the device promises ends the run with a message and
 * exit status 1.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 20
#define GET_VALUE	_IOR('|', 0x81, int)
#define SET_VALUE	_IOW('|', 0x82, int)
#define INC_VALUE	_IO('|', 0x84)
#define FAIL_IOCTL	_IO('|', 0x83)

/* fail() - say which call went wrong, and stop. */
static void fail(const char *dev, const char *name, long ret)
{
	fprintf(stderr, "miscdev_bench: %s: %s returned %ld (errno %d: %s)\n",
		dev, name, ret, errno, strerror(errno));
	exit(1);
}

/* open_read_close() - open @dev, read it, close it: the bytes read, or -1. */
static long open_read_close(const char *dev, char *buf, size_t len)
{
	int f = open(dev, O_RDONLY);
	long r = read(f, buf, len);

	if (close(f))
		r = -1;
	return r;
}

static long long now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv)
{
	const char *dev;
	long n, i;
	long long t;
	int fd, v = 0;
	char buf[16];

	if (argc != 3)
		return 2;
	dev = argv[1];
	n = atol(argv[2]);
	if (n < ROUNDS)
		n = ROUNDS;
	fd = open(dev, O_RDWR);
	if (fd < 0) {
		perror(dev);
		return 1;
	}

/* TIME(name, call, ok) - check @ok of every call's ret once, then time. */
#define TIME(name, call, ok)                                                  \
	do {                                                                  \
		long long best = -1, d;                                       \
		long ret;                                                     \
		for (i = 0; i < n / ROUNDS; i++) {                            \
			errno = 0;                                            \
			ret = (call);                                         \
			if (!(ok))                                            \
				fail(dev, name, ret);                         \
		}                                                             \
		for (int r = 0; r < ROUNDS; r++) {                            \
			t = now();                                            \
			for (i = 0; i < n / ROUNDS; i++)                      \
				(void)!(call);                                \
			d = (now() - t) / (n / ROUNDS);                       \
			if (best < 0 || d < best)                             \
				best = d;                                     \
		}                                                             \
		printf("%s %s %lld\n", dev, name, best);                      \
	} while (0)

	TIME("ioctl_get", ioctl(fd, GET_VALUE, &v), ret == 0);
	TIME("ioctl_set", ioctl(fd, SET_VALUE, &v), ret == 0);
	v = 0;
	if (ioctl(fd, SET_VALUE, &v))
		fail(dev, "ioctl_set", -1);
	TIME("ioctl_inc", ioctl(fd, INC_VALUE), ret > 0);
	TIME("ioctl_fail", ioctl(fd, FAIL_IOCTL), ret == -1 && errno == EPERM);
	TIME("write", write(fd, "42\n", 3), ret == 3);
	/* The first read returns the value written; the next ones are at EOF. */
	if (read(fd, buf, sizeof(buf)) != 3 || memcmp(buf, "42\n", 3))
		fail(dev, "read", -1);
	TIME("read_eof", read(fd, buf, sizeof(buf)), ret == 0);
	TIME("open_read_close", open_read_close(dev, buf, sizeof(buf)), ret == 3);
	TIME("getppid", getppid(), ret >= 0);
	close(fd);
	return 0;
}
