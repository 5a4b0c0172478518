// SPDX-License-Identifier: GPL-2.0
/*
 * User-space half of samples/cxx/cxx_driver_pci.cpp: drives /dev/cxx_edu,
 * served by the driver bound to QEMU's edu device. Built static by
 * run_tests.sh, run in the guest (tests/drivers.sh):
 *
 *	edu_test basic		ident, liveness, factorials 0..12, DMA round
 *				trips, EINVAL, EFAULT, ENOTTY, ETIMEDOUT
 *	edu_test concurrent N	N processes, each 13 factorials 0..12, twice
 *	edu_test hold FILE	open the device once, then request factorials
 *				on that file until FILE exists: each correct
 *				or ENODEV (unbound), nothing else
 *	edu_test reopen FILE	the same, opening the device for each request
 *				(an open may fail with ENOENT while unbound)
 *
 * EDU_NODE names another node than /dev/cxx_edu (the C twin's /dev/c_edu,
 * bench/c_edu.c).
 *
 * Prints "ok <what>" or "FAIL <what>" per check and a last line
 * "edu_test: MODE: N failed"; exits 1 if any check failed.
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct edu_dma {
	uint64_t src;
	uint64_t dst;
	uint32_t len;
	uint32_t pad;
};

#define EDU_IDENT		_IOR(0xED, 0, uint32_t)
#define EDU_LIVENESS		_IOWR(0xED, 1, uint32_t)
#define EDU_FACTORIAL		_IOWR(0xED, 2, uint32_t)
#define EDU_FACTORIAL_NO_IRQ	_IOWR(0xED, 3, uint32_t)
#define EDU_DMA			_IOW(0xED, 4, struct edu_dma)

static const char *NODE = "/dev/cxx_edu";
#define BUF_SIZE 4096
#define DMA_MAX (BUF_SIZE - 1)	/* QEMU's edu: a transfer ends before its buffer's last byte */

static int failures;

static void check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void check(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s ", ok ? "ok" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!ok)
		failures++;
}

static uint32_t factorial(uint32_t n)
{
	uint32_t r = 1;

	while (n > 1)
		r *= n--;
	return r;
}

/* ioctl(); -errno on failure. */
static int call(int fd, unsigned long cmd, void *arg)
{
	return ioctl(fd, cmd, arg) < 0 ? -errno : 0;
}

static void expect_errno(int fd, unsigned long cmd, void *arg, int err, const char *what)
{
	int r = call(fd, cmd, arg);

	check(r == -err, "%s: %s (got %s)", what, strerror(err), r ? strerror(-r) : "success");
}

static void dma_round_trip(int fd, uint32_t len)
{
	static unsigned char src[BUF_SIZE], dst[BUF_SIZE];
	struct edu_dma req = { (uintptr_t)src, (uintptr_t)dst, len, 0 };
	uint32_t i;
	int r;

	for (i = 0; i < len; i++)
		src[i] = rand();
	memset(dst, 0, sizeof(dst));
	r = call(fd, EDU_DMA, &req);
	check(r == 0 && memcmp(src, dst, len) == 0, "dma: %u random bytes there and back (%s)",
	      len, r ? strerror(-r) : "identical");
}

static int basic(void)
{
	int fd = open(NODE, O_RDWR);
	uint32_t v, n;
	unsigned char buf[16];
	struct edu_dma req;
	void *unmapped;
	int r;

	check(fd >= 0, "open %s (%s)", NODE, fd < 0 ? strerror(errno) : "ok");
	if (fd < 0)
		return 1;
	srand(time(NULL));

	r = call(fd, EDU_IDENT, &v);
	check(r == 0 && (v & 0xff) == 0xed, "ident 0x%08x: low byte 0xed, version %u.%u",
	      v, v >> 24, (v >> 16) & 0xff);

	for (n = 0; n < 4; n++) {
		uint32_t x = n == 0 ? 0 : n == 1 ? 0xffffffff : (uint32_t)rand();

		v = x;
		r = call(fd, EDU_LIVENESS, &v);
		check(r == 0 && v == ~x, "liveness 0x%08x -> 0x%08x (expected 0x%08x)", x, v, ~x);
	}

	for (n = 0; n <= 12; n++) {
		v = n;
		r = call(fd, EDU_FACTORIAL, &v);
		check(r == 0 && v == factorial(n), "factorial %u = %u (computed here: %u)%s", n,
		      v, factorial(n), r ? strerror(-r) : "");
	}

	dma_round_trip(fd, 1);
	dma_round_trip(fd, 100);
	dma_round_trip(fd, DMA_MAX);

	/* What the device cannot do. */
	v = 13;
	expect_errno(fd, EDU_FACTORIAL, &v, EINVAL, "factorial 13 (beyond 32 bits)");
	v = 0xffffffff;
	expect_errno(fd, EDU_FACTORIAL, &v, EINVAL, "factorial 4294967295");
	req = (struct edu_dma){ (uintptr_t)buf, (uintptr_t)buf, DMA_MAX + 1, 0 };
	expect_errno(fd, EDU_DMA, &req, EINVAL, "dma of 4096 bytes");
	req.len = 0xffffffff;
	expect_errno(fd, EDU_DMA, &req, EINVAL, "dma of 4294967295 bytes");
	req.len = 0;
	expect_errno(fd, EDU_DMA, &req, EINVAL, "dma of 0 bytes");

	/* Bad pointers. */
	unmapped = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(unmapped, 4096);
	expect_errno(fd, EDU_IDENT, NULL, EFAULT, "ident to NULL");
	expect_errno(fd, EDU_LIVENESS, unmapped, EFAULT, "liveness from unmapped memory");
	expect_errno(fd, EDU_FACTORIAL, NULL, EFAULT, "factorial from NULL");
	expect_errno(fd, EDU_FACTORIAL, (void *)0xffffffff81000000UL, EFAULT,
		     "factorial from a kernel address");
	expect_errno(fd, EDU_DMA, unmapped, EFAULT, "dma request in unmapped memory");
	req = (struct edu_dma){ (uintptr_t)unmapped, (uintptr_t)buf, sizeof(buf), 0 };
	expect_errno(fd, EDU_DMA, &req, EFAULT, "dma from unmapped memory");
	req = (struct edu_dma){ (uintptr_t)buf, (uintptr_t)unmapped, sizeof(buf), 0 };
	expect_errno(fd, EDU_DMA, &req, EFAULT, "dma to unmapped memory");
	expect_errno(fd, _IO(0xED, 99), NULL, ENOTTY, "unknown command");

	/* No interrupt: a timeout, not a hang; then the device works again. */
	v = 5;
	expect_errno(fd, EDU_FACTORIAL_NO_IRQ, &v, ETIMEDOUT, "factorial without its interrupt");
	v = 7;
	r = call(fd, EDU_FACTORIAL, &v);
	check(r == 0 && v == 5040, "factorial 7 after the timeout = %u", v);
	dma_round_trip(fd, 512);

	close(fd);
	return 0;
}

/* @n processes, each 13 factorials 0..12, twice, on its own file. */
static void concurrent(int n)
{
	int i, status, bad = 0;

	for (i = 0; i < n; i++) {
		if (fork() == 0) {
			int fd = open(NODE, O_RDWR), errs = 0, k;
			uint32_t v;

			for (k = 0; k < 26; k++) {
				v = k % 13;
				if (fd < 0 || call(fd, EDU_FACTORIAL, &v) || v != factorial(k % 13))
					errs++;
			}
			_exit(errs ? 1 : 0);
		}
	}
	for (i = 0; i < n; i++)
		if (wait(&status) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
			bad++;
	check(bad == 0, "concurrent: %d processes, 26 factorials each, %d failed", n, bad);
}

/*
 * Factorials until @stop exists, on one file (@reopen: a new file each
 * time): each right, or ENODEV (unbound); with @reopen an open may fail
 * with ENOENT (no node while unbound) or ENODEV.
 */
static void hold(const char *stop, int reopen)
{
	int fd = reopen ? -1 : open(NODE, O_RDWR);
	long ok = 0, nodev = 0, noent = 0, other = 0, k = 0;
	uint32_t v;
	int r;

	if (!reopen) {
		check(fd >= 0, "held %s", NODE);
		fflush(stdout);
	}
	while (access(stop, F_OK) != 0) {
		if (reopen && (fd = open(NODE, O_RDWR)) < 0) {
			if (errno == ENOENT || errno == ENODEV || errno == ENXIO)
				noent++;
			else
				other++;
			usleep(1000);
			continue;
		}
		v = k % 13;
		r = call(fd, EDU_FACTORIAL, &v);
		if (r == 0 && v == factorial(k % 13))
			ok++;
		else if (r == -ENODEV)
			nodev++;
		else
			other++, printf("unexpected: %s, %u\n", strerror(-r), v);
		k++;
		if (reopen)
			close(fd);
		else if (r == -ENODEV)
			usleep(1000);
	}
	v = 3;
	if (!reopen) {
		r = call(fd, EDU_FACTORIAL, &v);
		check(r == -ENODEV, "held file after the cycles: %s", r ? strerror(-r) : "success");
		close(fd);
	}
	check(other == 0, "%s: %ld right, %ld ENODEV, %ld opens refused, %ld other",
	      reopen ? "reopen" : "hold", ok, nodev, noent, other);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (getenv("EDU_NODE"))
		NODE = getenv("EDU_NODE");
	if (!strcmp(mode, "basic") && argc == 2)
		basic();
	else if (!strcmp(mode, "concurrent") && argc == 3)
		concurrent(atoi(argv[2]));
	else if ((!strcmp(mode, "hold") || !strcmp(mode, "reopen")) && argc == 3)
		hold(argv[2], !strcmp(mode, "reopen"));
	else {
		fprintf(stderr, "usage: edu_test basic | concurrent N | hold FILE | reopen FILE\n");
		return 2;
	}
	printf("edu_test: %s: %d failed\n", mode, failures);
	return failures ? 1 : 0;
}
