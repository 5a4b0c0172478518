// SPDX-License-Identifier: GPL-2.0
/*
 * C's DEFINE_MUTEX(), DEFINE_SPINLOCK() and DECLARE_WAIT_QUEUE_HEAD(), the
 * twins of forms.cpp's C++ ones (same names), and the comparison of their
 * initial bytes. Two objects at different addresses cannot be equal byte
 * for byte where they point into themselves (a list head, a mutex's magic)
 * or to their name (a string each object file has its own copy of): those
 * words must point to the same offset in their own object, or to equal
 * strings. Everything else must be the same byte.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>

/* Called from forms.cpp. */
size_t cxx_forms_differ_mutex(const struct mutex *cxx);
size_t cxx_forms_differ_spinlock(const spinlock_t *cxx);
size_t cxx_forms_differ_wait_queue(const struct wait_queue_head *cxx);

static DEFINE_MUTEX(forms_mutex);
static DEFINE_SPINLOCK(forms_lock);
static DECLARE_WAIT_QUEUE_HEAD(forms_wq);

#define WORD sizeof(unsigned long)

/*
 * 0 if @cxx (C++) holds what @c (C) holds, as above; else the offset of the
 * first word that differs, plus one. @names: the offsets of the name
 * pointers (lockdep's), @n of them.
 */
static size_t differ(const char *what, const void *c, const void *cxx, size_t size,
		     const size_t *names, int n)
{
	unsigned long a = 0, b = 0;
	size_t off;
	int i;

	for (off = 0; off + WORD <= size; off += WORD) {
		memcpy(&a, c + off, WORD);
		memcpy(&b, cxx + off, WORD);
		for (i = 0; i < n; i++)
			if (names[i] == off)
				break;
		if (i < n) {
			if (!a || !b ? a != b : strcmp((char *)a, (char *)b))
				goto bad;
			continue;
		}
		if (a >= (unsigned long)c && a < (unsigned long)c + size &&
		    b >= (unsigned long)cxx && b < (unsigned long)cxx + size &&
		    a - (unsigned long)c == b - (unsigned long)cxx)
			continue;
		if (a != b)
			goto bad;
	}
	if (memcmp(c + off, cxx + off, size - off))
		goto bad;
	return 0;
bad:
	pr_err("%s: C++ differs from C at offset %zu of %zu: %lx, not %lx\n",
	       what, off, size, b, a);
	return off + 1;
}

size_t cxx_forms_differ_mutex(const struct mutex *cxx)
{
	static const size_t names[] = {
#ifdef CONFIG_DEBUG_LOCK_ALLOC
		offsetof(struct mutex, dep_map.name),
		offsetof(struct mutex, wait_lock.dep_map.name),
#endif
		-1,
	};
	return differ("mutex", &forms_mutex, cxx, sizeof(*cxx), names, ARRAY_SIZE(names) - 1);
}

size_t cxx_forms_differ_spinlock(const spinlock_t *cxx)
{
	static const size_t names[] = {
#ifdef CONFIG_DEBUG_LOCK_ALLOC
		offsetof(spinlock_t, rlock.dep_map.name),
#endif
		-1,
	};
	return differ("spinlock", &forms_lock, cxx, sizeof(*cxx), names, ARRAY_SIZE(names) - 1);
}

size_t cxx_forms_differ_wait_queue(const struct wait_queue_head *cxx)
{
	static const size_t names[] = {
#ifdef CONFIG_DEBUG_LOCK_ALLOC
		offsetof(struct wait_queue_head, lock.rlock.dep_map.name),
#endif
		-1,
	};
	return differ("wait queue", &forms_wq, cxx, sizeof(*cxx), names, ARRAY_SIZE(names) - 1);
}
