// SPDX-License-Identifier: GPL-2.0
/*
 * User-space tests of samples/cxx/cxx_miscdev (and of its C twin, which
 * behaves the same): built static by run_tests.sh and run in the QEMU guest.
 *
 *	miscdev_test basic DEV		every documented behaviour, bad input
 *	miscdev_test fuzz DEV N SEED	N random syscalls (sizes, pointers, ioctls)
 *	miscdev_test hammer DEV P SECS	P processes incrementing for SECS seconds
 *					(also tools/testing/cxx/modules/cxx_hammer)
 *	miscdev_test hold DEV SECS	keep DEV open for SECS seconds
 *	miscdev_test cycle DEV		open, read, close once
 *
 * Prints "ok <what>" or "FAIL <what>" per check and a last line
 * "miscdev_test: <mode>: N failed"; exits 1 if any check failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define HELLO		_IO('|', 0x80)
#define GET_VALUE	_IOR('|', 0x81, int)
#define SET_VALUE	_IOW('|', 0x82, int)
#define FAIL_IOCTL	_IO('|', 0x83)
#define INC_VALUE	_IO('|', 0x84)

static int failures;
static const char *dev;
/* NULL, hidden from the compiler's non-null checks. */
static void *volatile null_ptr;

static void check(int ok, const char *what)
{
	printf("%s %s\n", ok ? "ok" : "FAIL", what);
	if (!ok)
		failures++;
}

/* check that a call failed with errno @e */
static void check_err(long r, int e, const char *what)
{
	char buf[160];

	snprintf(buf, sizeof(buf), "%s (got %ld, %s)", what, r, r < 0 ? strerror(errno) : "no error");
	check(r == -1 && errno == e, buf);
}

static int open_dev(void)
{
	int fd = open(dev, O_RDWR);

	if (fd < 0) {
		perror(dev);
		exit(2);
	}
	return fd;
}

/* An address with nothing mapped at it. */
static void *unmapped(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	munmap(p, 4096);
	return p;
}

static int read_value_text(int *v)
{
	char buf[64];
	int fd = open_dev();
	ssize_t n = read(fd, buf, sizeof(buf) - 1);

	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return sscanf(buf, "%d", v) == 1 ? 0 : -1;
}

static void basic(void)
{
	int fd = open_dev(), v = 0, w;
	char buf[128];
	ssize_t n;
	void *hole = unmapped();
	void *kernel = (void *)0xffffffff81000000UL;

	check(write(fd, "42\n", 3) == 3, "write \"42\\n\" returns 3");
	n = read(fd, buf, sizeof(buf));
	check(n == 3 && memcmp(buf, "42\n", 3) == 0, "read returns \"42\\n\"");
	check(read(fd, buf, sizeof(buf)) == 0, "second read is end of file");
	check(ioctl(fd, HELLO) == 0, "ioctl HELLO");
	check(ioctl(fd, GET_VALUE, &v) == 0 && v == 42, "ioctl GET_VALUE after write");
	w = -7;
	check(ioctl(fd, SET_VALUE, &w) == 0, "ioctl SET_VALUE -7");
	check(ioctl(fd, GET_VALUE, &v) == 0 && v == -7, "ioctl GET_VALUE after SET_VALUE");
	check(read_value_text(&v) == 0 && v == -7, "read on another open file sees -7");
	check_err(ioctl(fd, INC_VALUE), ERANGE, "ioctl INC_VALUE on a negative value: ERANGE");
	w = 5;
	check(ioctl(fd, SET_VALUE, &w) == 0, "ioctl SET_VALUE 5");
	check(ioctl(fd, INC_VALUE) == 6, "ioctl INC_VALUE returns the new value");
	check_err(ioctl(fd, FAIL_IOCTL), EPERM, "ioctl FAIL fails with EPERM");
	check_err(ioctl(fd, _IO('|', 0x99)), ENOTTY, "unknown ioctl: ENOTTY");
	check_err(ioctl(fd, 0xdeadbeef, 0), ENOTTY, "random ioctl number: ENOTTY");

	/* Bad pointers: EFAULT, value untouched. */
	check_err(ioctl(fd, GET_VALUE, null_ptr), EFAULT, "GET_VALUE to NULL: EFAULT");
	check_err(ioctl(fd, GET_VALUE, hole), EFAULT, "GET_VALUE to unmapped memory: EFAULT");
	check_err(ioctl(fd, GET_VALUE, kernel), EFAULT, "GET_VALUE to a kernel address: EFAULT");
	check_err(ioctl(fd, SET_VALUE, null_ptr), EFAULT, "SET_VALUE from NULL: EFAULT");
	check_err(ioctl(fd, SET_VALUE, hole), EFAULT, "SET_VALUE from unmapped memory: EFAULT");
	check_err(write(fd, null_ptr, 3), EFAULT, "write from NULL: EFAULT");
	check_err(write(fd, hole, 3), EFAULT, "write from unmapped memory: EFAULT");
	close(fd);
	fd = open_dev();
	check_err(read(fd, null_ptr, 10), EFAULT, "read to NULL: EFAULT");
	check_err(read(fd, hole, 10), EFAULT, "read to unmapped memory: EFAULT");
	check(ioctl(fd, GET_VALUE, &v) == 0 && v == 6, "value unchanged by the bad calls");

	/* Lengths. */
	check(write(fd, "5", 0) == 0, "zero-length write returns 0");
	check(read(fd, buf, 0) == 0, "zero-length read returns 0");
	memset(buf, '1', 100);
	check_err(write(fd, buf, 100), EINVAL, "100-byte write: EINVAL");
	check_err(write(fd, "abc", 3), EINVAL, "non-numeric write: EINVAL");
	check_err(write(fd, "99999999999", 11), EINVAL, "out-of-range number: EINVAL");
	check(ioctl(fd, GET_VALUE, &v) == 0 && v == 6, "value unchanged by the bad writes");
	check(write(fd, "123", 3) == 3, "write without newline");
	n = read(fd, buf, 2);
	check(n == 2 && memcmp(buf, "12", 2) == 0, "short read returns the first 2 bytes");
	n = read(fd, buf, sizeof(buf));
	check(n == 2 && memcmp(buf, "3\n", 2) == 0, "next read returns the rest");

	/* Not seekable. */
	check_err(lseek(fd, 0, SEEK_SET), ESPIPE, "lseek: ESPIPE");
	check_err(pread(fd, buf, 4, 0), ESPIPE, "pread: ESPIPE");
	close(fd);
}

static uint64_t rnd_state;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/*
 * The fuzz oracle: what the device defines for each call, from a model of
 * its state (the value every open file shares, each file's read position).
 * The fuzz is one process making one call at a time, so the model is exact.
 */
static char *fz_map;		/* 8 KB mapped, then a page that is not */
static int fz_value;
static int fz_bad;
static long fz_hello;

/* Whether [p, p + n) is memory the process may read and write. */
static int fz_valid(const char *p, size_t n)
{
	return n == 0 || (p >= fz_map && p + n <= fz_map + 8192);
}

/* Whether p is a kernel address (x86-64; a 32-bit process has none). */
static int fz_kernel(const char *p)
{
#if UINTPTR_MAX > 0xffffffffU
	return (uintptr_t)p >= 0x800000000000UL;
#else
	(void)p;
	return 0;
#endif
}

/* Report a call that returned what the device does not define. */
static void fz_fail(long i, const char *call, long r, int err, const char *want)
{
	if (++fz_bad <= 20)
		printf("FAIL fuzz call %ld: %s returned %ld (%s), want %s\n", i, call, r,
		       r < 0 ? strerror(err) : "no error", want);
}

/* r/errno must be exactly @want_r, or -1 with @want_errno. */
static void fz_expect(long i, const char *call, long r, int err, long want_r, int want_errno)
{
	char want[64];

	if (want_r >= 0 && r == want_r)
		return;
	if (want_r < 0 && r == -1 && err == want_errno)
		return;
	if (want_r >= 0)
		snprintf(want, sizeof(want), "%ld", want_r);
	else
		snprintf(want, sizeof(want), "-1 (%s)", strerror(want_errno));
	fz_fail(i, call, r, err, want);
}

/* The kernel's kstrtoint(s, 10, &v) on the C string s: 0 or -1. */
static int fz_kstrtoint(const char *s, int *v)
{
	int neg = 0, digits = 0;
	long long x = 0;

	if (*s == '-')
		neg = 1, s++;
	else if (*s == '+')
		s++;
	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		x = x * 10 + (*s - '0');
		if (x > 1LL << 32)
			return -1;
	}
	if (*s == '\n')
		s++;
	if (!digits || *s)
		return -1;
	x = neg ? -x : x;
	if (x < INT32_MIN || x > INT32_MAX)
		return -1;
	*v = (int)x;
	return 0;
}

/* ioctl numbers the VFS answers itself, before the device sees them. */
static int fz_vfs_ioctl(unsigned int cmd)
{
	static const unsigned int vfs[] = { FIOCLEX, FIONCLEX, FIONBIO, FIOASYNC, FIOQSIZE,
					    FIFREEZE, FITHAW, FS_IOC_FIEMAP, FIGETBSZ, FICLONE,
					    FICLONERANGE, FIDEDUPERANGE };
	size_t k;

	for (k = 0; k < sizeof(vfs) / sizeof(vfs[0]); k++)
		if (cmd == vfs[k])
			return 1;
	return 0;
}

/* A device ioctl: HELLO, GET_VALUE, SET_VALUE, FAIL, INC_VALUE or other. */
static void fz_ioctl(long i, int fd, unsigned int cmd, char *p)
{
	int in = 0, got, err;
	const char *name;
	long r;

	if (cmd == SET_VALUE && fz_valid(p, sizeof(int)))
		memcpy(&in, p, sizeof(int));
	errno = 0;
	r = ioctl(fd, cmd, p);
	err = errno;
	switch (cmd) {
	case HELLO:
		fz_expect(i, "ioctl HELLO", r, err, 0, 0);
		fz_hello += r == 0;
		break;
	case GET_VALUE:
	case SET_VALUE:
		name = cmd == GET_VALUE ? "ioctl GET_VALUE" : "ioctl SET_VALUE";
		if (!fz_valid(p, sizeof(int))) {
			fz_expect(i, name, r, err, -1, EFAULT);
			break;
		}
		fz_expect(i, name, r, err, 0, 0);
		if (cmd == SET_VALUE) {
			fz_value = in;
			break;
		}
		memcpy(&got, p, sizeof(int));
		if (r == 0 && got != fz_value)
			fz_fail(i, name, got, 0, "the value the model holds");
		break;
	case FAIL_IOCTL:
		fz_expect(i, "ioctl FAIL", r, err, -1, EPERM);
		break;
	case INC_VALUE:
		if (fz_value < 0 || fz_value == INT32_MAX) {
			fz_expect(i, "ioctl INC_VALUE", r, err, -1, ERANGE);
			break;
		}
		fz_expect(i, "ioctl INC_VALUE", r, err, fz_value + 1L, 0);
		fz_value++;
		break;
	default:
		if (!fz_vfs_ioctl(cmd))
			fz_expect(i, "unknown ioctl", r, err, -1, ENOTTY);
		break;
	}
}

/* read(): the value as text from the file's position, or EFAULT. */
static void fz_read(long i, int fd, long *pos, char *p, size_t len)
{
	char text[16];
	long tlen = snprintf(text, sizeof(text), "%d\n", fz_value);
	size_t n = *pos >= tlen ? 0 : (size_t)(tlen - *pos) < len ? (size_t)(tlen - *pos) : len;
	long r;
	int err;

	errno = 0;
	r = read(fd, p, len);
	err = errno;
	if (fz_kernel(p)) {
		/* access_ok() refuses it, even for 0 bytes */
		fz_expect(i, "read", r, err, -1, EFAULT);
	} else if (n == 0) {
		fz_expect(i, "read", r, err, 0, 0);
	} else if (!fz_valid(p, n)) {
		fz_expect(i, "read", r, err, -1, EFAULT);
	} else {
		fz_expect(i, "read", r, err, n, 0);
		if (r == (long)n && memcmp(p, text + *pos, n))
			fz_fail(i, "read", r, 0, "the bytes of the value's text");
		*pos += n;
	}
}

/* write(): decimal text sets the value; too long or not a number: EINVAL. */
static void fz_write(long i, char *p, size_t len, int fd)
{
	char text[32];
	int v = 0, ok = 0, err;
	long r;

	if (!fz_kernel(p) && len > 0 && len < sizeof(text) && fz_valid(p, len)) {
		memcpy(text, p, len);
		text[len] = '\0';
		ok = fz_kstrtoint(text, &v) == 0;
	}
	errno = 0;
	r = write(fd, p, len);
	err = errno;
	if (fz_kernel(p))
		fz_expect(i, "write", r, err, -1, EFAULT);
	else if (len == 0)
		fz_expect(i, "write", r, err, 0, 0);
	else if (len >= sizeof(text))
		fz_expect(i, "write", r, err, -1, EINVAL);
	else if (!fz_valid(p, len))
		fz_expect(i, "write", r, err, -1, EFAULT);
	else if (!ok)
		fz_expect(i, "write", r, err, -1, EINVAL);
	else {
		fz_expect(i, "write", r, err, len, 0);
		fz_value = v;
	}
}

/*
 * N random calls on up to 4 open files, each checked against what the
 * device defines (see the model above); prints how many HELLOs succeeded,
 * so that the kernel log's greetings can be counted against it.
 */
static void fuzz(long n, unsigned long seed)
{
	static const unsigned int cmds[] = { HELLO, GET_VALUE, SET_VALUE, FAIL_IOCTL, INC_VALUE };
	char *map = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fds[4] = { -1, -1, -1, -1 };
	long pos[4] = { 0 };
	long counts[6] = { 0 };
	long i, r;
	int k, after;

	munmap(map + 2 * 4096, 4096);
	fz_map = map;
	k = open_dev();
	check(ioctl(k, GET_VALUE, &fz_value) == 0, "fuzz: the value before");
	close(k);
	rnd_state = seed * 2654435761UL + 1;
	for (i = 0; i < n; i++) {
		k = rnd() % 4;
		unsigned long what = rnd();
		size_t len = what & 1 ? rnd() % 64 : rnd() % 8192;
		char *p;

		switch (rnd() % 6) {
		case 0: p = map; break;
		case 1: p = map + 8192 - len % 8192; break;	/* ends at the hole */
		case 2: p = map + 8192 - 1; len = len + 2; break; /* straddles it */
		case 3: p = NULL; break;
		case 4: p = (char *)0xffff888000000000UL + (rnd() & 0xffff000); break;
		default: p = map + 2 * 4096 + rnd() % 4096; break;	/* the hole */
		}
		if (fds[k] < 0) {
			fds[k] = open_dev();
			pos[k] = 0;
		}
		if (p == map || p == map + 8192 - len % 8192)
			memcpy(map, "17\n", 3);
		switch (what % 6) {
		case 0:
			fz_read(i, fds[k], &pos[k], p, len);
			counts[0]++;
			break;
		case 1:
			fz_write(i, p, len, fds[k]);
			counts[1]++;
			break;
		case 2:
			fz_ioctl(i, fds[k], cmds[rnd() % 5], p);
			counts[2]++;
			break;
		case 3:
			fz_ioctl(i, fds[k], (unsigned int)rnd(), p);
			counts[3]++;
			break;
		case 4:
			errno = 0;
			r = lseek(fds[k], (off_t)rnd(), (int)(rnd() % 5));
			fz_expect(i, "lseek", r, errno, -1, ESPIPE);
			counts[4]++;
			break;
		default:
			r = close(fds[k]);
			fz_expect(i, "close", r, errno, 0, 0);
			fds[k] = -1;
			counts[5]++;
			break;
		}
	}
	for (k = 0; k < 4; k++)
		if (fds[k] >= 0)
			close(fds[k]);
	printf("fuzz: %ld calls: %ld read, %ld write, %ld known ioctl, %ld random ioctl, "
	       "%ld lseek, %ld close\n", n, counts[0], counts[1], counts[2], counts[3],
	       counts[4], counts[5]);
	printf("fuzz: %ld HELLO calls succeeded, value %d at the end\n", fz_hello, fz_value);
	if (fz_bad > 20)
		printf("FAIL fuzz: %d more calls returned what the device does not define\n",
		       fz_bad - 20);
	check(fz_bad == 0, "fuzz: every call returned what the device defines");
	k = open_dev();
	check(ioctl(k, GET_VALUE, &after) == 0 && after == fz_value,
	      "fuzz: the value after is the model's");
	close(k);
}

static void hammer(int procs, int secs)
{
	long *counts = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int fd = open_dev(), zero = 0, v, p, bad = 0;
	long total = 0;

	check(ioctl(fd, SET_VALUE, &zero) == 0, "hammer: value set to 0");
	for (p = 0; p < procs; p++) {
		if (fork() == 0) {
			int f = open_dev(), last = 0, cur;
			time_t end = time(NULL) + secs;
			long c = 0;

			while (time(NULL) < end) {
				cur = ioctl(f, INC_VALUE);
				if (cur <= last)	/* must only grow */
					counts[100 + p] = 1;
				last = cur;
				c++;
				if ((c & 63) == 0 && (read_value_text(&cur) || cur < last))
					counts[100 + p] = 1;
			}
			counts[p] = c;
			_exit(0);
		}
	}
	while (wait(NULL) > 0)
		;
	for (p = 0; p < procs; p++) {
		total += counts[p];
		bad |= counts[100 + p] != 0;
	}
	check(ioctl(fd, GET_VALUE, &v) == 0, "hammer: GET_VALUE");
	printf("hammer: %d processes, %d s, %ld increments, value %d, %ld lost\n", procs, secs,
	       total, v, total - v);
	check(v == (int)total, "hammer: value equals the number of increments");
	check(!bad, "hammer: every process saw the value only grow");
	close(fd);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s basic|fuzz|hammer|hold|cycle DEV [ARGS]\n", argv[0]);
		return 2;
	}
	dev = argv[2];
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(argv[1], "basic")) {
		basic();
	} else if (!strcmp(argv[1], "fuzz") && argc == 5) {
		fuzz(atol(argv[3]), strtoul(argv[4], NULL, 0));
	} else if (!strcmp(argv[1], "hammer") && argc == 5) {
		hammer(atoi(argv[3]), atoi(argv[4]));
	} else if (!strcmp(argv[1], "hold") && argc == 4) {
		int fd = open_dev();

		printf("held %s\n", dev);
		sleep(atoi(argv[3]));
		close(fd);
		printf("released %s\n", dev);
	} else if (!strcmp(argv[1], "cycle")) {
		char buf[32];
		int fd = open_dev();

		check(read(fd, buf, sizeof(buf)) > 0, "cycle: read");
		close(fd);
	} else {
		fprintf(stderr, "%s: bad arguments\n", argv[0]);
		return 2;
	}
	printf("miscdev_test: %s: %d failed\n", argv[1], failures);
	return failures ? 1 : 0;
}
