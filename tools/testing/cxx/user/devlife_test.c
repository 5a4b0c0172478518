// SPDX-License-Identifier: GPL-2.0
/*
 * User-space half of tools/testing/cxx/modules/cxx_devlife.cpp: open files
 * on a Chrdev and a MiscDevice, have the module destroy both devices, then
 * use and close the files. Built static by run_tests.sh, run in the guest
 * with the module loaded:
 *
 *	devlife_test
 *
 * Prints "ok <what>" or "FAIL <what>" per check and a last line
 * "devlife_test: N failed"; exits 1 if any check failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define DESTROY		_IO('|', 0xa0)
#define GET_OPENS	_IO('|', 0xa1)

#define CHR_NODE	"/dev/cxx_devlife"	/* made here, removed at the end */
#define MISC_NODE	"/dev/cxx_devlife_misc"
#define CTL_NODE	"/dev/cxx_devlife_ctl"

static int failures;

static void check(int ok, const char *what)
{
	printf("%s %s\n", ok ? "ok" : "FAIL", what);
	if (!ok)
		failures++;
}

static int open_or_fail(const char *path)
{
	int fd = open(path, O_RDWR);
	char what[160];

	snprintf(what, sizeof(what), "open %s (%s)", path, fd < 0 ? strerror(errno) : "ok");
	check(fd >= 0, what);
	return fd;
}

/* Read @fd to its end and check the text is "@name open @k of @n\n". */
static void check_read(int fd, const char *name, int k, int n, const char *when)
{
	char buf[128], want[128], what[300];
	ssize_t len = read(fd, buf, sizeof(buf) - 1);

	buf[len > 0 ? len : 0] = '\0';
	snprintf(want, sizeof(want), "%s open %d of %d\n", name, k, n);
	snprintf(what, sizeof(what), "%s: read \"%.*s\" (got %zd)", when,
		 (int)strcspn(want, "\n"), want, len);
	check(len > 0 && strcmp(buf, want) == 0, what);
	snprintf(what, sizeof(what), "%s: then end of file", when);
	check(read(fd, buf, sizeof(buf)) == 0, what);
}

/* The major of "cxx_devlife" in /proc/devices; whether it is there. */
static int chr_major(unsigned int *major)
{
	FILE *f = fopen("/proc/devices", "r");
	char line[128], name[64];
	int found = 0;

	while (f && !found && fgets(line, sizeof(line), f))
		found = sscanf(line, "%u %63s", major, name) == 2 &&
			strcmp(name, "cxx_devlife") == 0;
	if (f)
		fclose(f);
	return found;
}

int main(void)
{
	int c1, c2, m1, m2, ctl, fd;
	char what[160], node[128];
	unsigned int major;
	struct stat st;
	long r;

	if (!chr_major(&major) || mknod(CHR_NODE, S_IFCHR | 0600, makedev(major, 0))) {
		perror("devlife_test: /dev/cxx_devlife");
		return 2;
	}
	c1 = open_or_fail(CHR_NODE);
	c2 = open_or_fail(CHR_NODE);
	m1 = open_or_fail(MISC_NODE);
	m2 = open_or_fail(MISC_NODE);
	ctl = open_or_fail(CTL_NODE);
	if (c1 < 0 || c2 < 0 || m1 < 0 || m2 < 0 || ctl < 0)
		return 1;
	check_read(c1, "cxx_devlife_chr", 1, 2, "chrdev before destroy");
	check_read(m1, "cxx_devlife_misc", 1, 2, "misc before destroy");

	check(ioctl(ctl, DESTROY) == 0, "ioctl DESTROY");
	r = ioctl(ctl, DESTROY);
	check(r == -1 && errno == ENODEV, "second DESTROY: ENODEV");

	/*
	 * A new node of the same number finds no cdev. (The old node's inode
	 * still reaches the cdev while files hold it, as in C: cdev_del()
	 * stops lookups, not opens through an inode that cached it.)
	 */
	snprintf(node, sizeof(node), "%s.new", CHR_NODE);
	check(stat(CHR_NODE, &st) == 0 && mknod(node, S_IFCHR | 0600, st.st_rdev) == 0,
	      "mknod a new node of the chrdev");
	fd = open(node, O_RDWR);
	snprintf(what, sizeof(what), "new chrdev node cannot be opened after destroy: ENXIO (%s)",
		 fd < 0 ? strerror(errno) : "opened");
	check(fd < 0 && errno == ENXIO, what);
	unlink(node);
	fd = open(MISC_NODE, O_RDWR);
	snprintf(what, sizeof(what), "misc device cannot be opened after destroy (%s)",
		 fd < 0 ? strerror(errno) : "opened");
	check(fd < 0, what);

	/* The files opened before still work, on the state they share. */
	check_read(c2, "cxx_devlife_chr", 2, 2, "chrdev after destroy");
	check_read(m2, "cxx_devlife_misc", 2, 2, "misc after destroy");
	check(ioctl(c1, GET_OPENS) == 2, "chrdev ioctl GET_OPENS after destroy: 2");
	check(ioctl(m1, GET_OPENS) == 2, "misc ioctl GET_OPENS after destroy: 2");

	check(close(c1) == 0 && close(m1) == 0, "close the first files");
	check(ioctl(c2, GET_OPENS) == 2, "chrdev ioctl GET_OPENS on the last file: 2");
	check(ioctl(m2, GET_OPENS) == 2, "misc ioctl GET_OPENS on the last file: 2");
	printf("closing the last files\n");
	fflush(stdout);
	check(close(c2) == 0 && close(m2) == 0 && close(ctl) == 0, "close the last files");
	check(!chr_major(&major), "the region is gone from /proc/devices");
	unlink(CHR_NODE);
	printf("devlife_test: %d failed\n", failures);
	return failures ? 1 : 0;
}
