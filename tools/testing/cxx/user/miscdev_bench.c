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
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 20
#define GET_VALUE	_IOR('|', 0x81, int)
#define SET_VALUE	_IOW('|', 0x82, int)
#define INC_VALUE	_IO('|', 0x84)
#define FAIL_IOCTL	_IO('|', 0x83)

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

#define TIME(name, call)                                                      \
	do {                                                                  \
		long long best = -1, d;                                       \
		for (int r = 0; r < ROUNDS; r++) {                            \
			t = now();                                            \
			for (i = 0; i < n / ROUNDS; i++)                      \
				call;                                         \
			d = (now() - t) / (n / ROUNDS);                       \
			if (best < 0 || d < best)                             \
				best = d;                                     \
		}                                                             \
		printf("%s %s %lld\n", dev, name, best);                      \
	} while (0)

	TIME("ioctl_get", ioctl(fd, GET_VALUE, &v));
	TIME("ioctl_set", ioctl(fd, SET_VALUE, &v));
	v = 0;
	ioctl(fd, SET_VALUE, &v);
	TIME("ioctl_inc", ioctl(fd, INC_VALUE));
	TIME("ioctl_fail", ioctl(fd, FAIL_IOCTL));
	TIME("write", (void)!write(fd, "42\n", 3));
	TIME("read_eof", (void)!read(fd, buf, sizeof(buf)));
	TIME("open_read_close", ({
		int f = open(dev, O_RDONLY);
		(void)!read(f, buf, sizeof(buf));
		close(f);
	}));
	TIME("getppid", getppid());
	close(fd);
	return 0;
}
