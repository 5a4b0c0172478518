// SPDX-License-Identifier: GPL-2.0
/*
 * C twin of samples/cxx/cxx_minimal.cpp: the same behaviour written in C,
 * for the size and build-time benchmark (bench.sh) and the .modinfo test.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/slab.h>

struct numbers {
	int *data;
	size_t len, cap;
};

static struct numbers numbers;

/* As cxx::is_builtin: Kbuild passes -DMODULE when building a module. */
#ifdef MODULE
static const bool is_builtin;
#else
static const bool is_builtin = true;
#endif

static int numbers_push(struct numbers *v, int n)
{
	if (v->len == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 4;
		int *p = krealloc(v->data, cap * sizeof(*p), GFP_KERNEL);

		if (!p)
			return -ENOMEM;
		v->data = p;
		v->cap = cap;
	}
	v->data[v->len++] = n;
	return 0;
}

static int __init c_minimal_init(void)
{
	int ret;

	pr_info("C minimal sample (init)\n");
	pr_info("Am I built-in? %s\n", is_builtin ? "true" : "false");

	ret = numbers_push(&numbers, 72);
	if (!ret)
		ret = numbers_push(&numbers, 108);
	if (!ret)
		ret = numbers_push(&numbers, 200);
	if (ret)
		kfree(numbers.data);
	return ret;
}

static void __exit c_minimal_exit(void)
{
	size_t i;

	pr_info("My numbers are [");
	for (i = 0; i < numbers.len; i++)
		pr_cont("%s%d", i ? ", " : "", numbers.data[i]);
	pr_cont("]\n");
	pr_info("C minimal sample (exit)\n");
	kfree(numbers.data);
}

module_init(c_minimal_init);
module_exit(c_minimal_exit);

MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("C minimal sample");
MODULE_LICENSE("GPL");
