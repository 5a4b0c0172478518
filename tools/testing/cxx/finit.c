// SPDX-License-Identifier: GPL-2.0
/*
 * finit - load a kernel module with exactly one finit_module() call.
 *
 *	finit [--fail-nth N] MODULE.ko [PARAM=VALUE...]
 *
 * busybox's insmod tries init_module() again when finit_module() fails,
 * which would hide the failure a test provoked. With --fail-nth, the N-th
 * fault-injection point the call passes fails (/proc/self/fail-nth, with
 * CONFIG_FAULT_INJECTION): written just before the call, so that nothing
 * else of this program is counted. Built static by the tests, to run in the
 * BusyBox guest.
 *
 * With --fail-nth it also says whether the call got that far: if fewer than
 * N points were passed, it prints "finit: fail-nth not reached", so that a
 * test sweeping N = 1, 2, ... knows when every point has been failed once.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *fail_nth = NULL;
	char params[4096] = "";
	int i = 1, fd;

	if (argc > 2 && strcmp(argv[1], "--fail-nth") == 0) {
		fail_nth = argv[2];
		i = 3;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: finit [--fail-nth N] MODULE.ko [PARAM=VALUE...]\n");
		return 2;
	}
	fd = open(argv[i], O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "finit: %s: %s\n", argv[i], strerror(errno));
		return 2;
	}
	for (int j = i + 1; j < argc; j++) {
		if (strlen(params) + strlen(argv[j]) + 2 > sizeof(params)) {
			fprintf(stderr, "finit: parameters too long\n");
			return 2;
		}
		if (params[0])
			strcat(params, " ");
		strcat(params, argv[j]);
	}
	if (fail_nth) {
		int f = open("/proc/self/fail-nth", O_WRONLY);

		if (f < 0 || write(f, fail_nth, strlen(fail_nth)) < 0) {
			fprintf(stderr, "finit: /proc/self/fail-nth: %s\n",
				strerror(errno));
			return 2;
		}
		close(f);
	}
	int ret = syscall(SYS_finit_module, fd, params, 0);
	int err = errno;

	if (fail_nth) {
		char left[32] = "";
		int f = open("/proc/self/fail-nth", O_RDWR);

		if (f >= 0 && read(f, left, sizeof(left) - 1) > 0 &&
		    strtoul(left, NULL, 10) != 0) {
			fprintf(stderr, "finit: fail-nth not reached\n");
			if (write(f, "0", 1) < 0)
				return 2;
		}
		if (f >= 0)
			close(f);
	}
	if (ret != 0) {
		fprintf(stderr, "finit: %s: %s\n", argv[i], strerror(err));
		return 1;
	}
	return 0;
}
