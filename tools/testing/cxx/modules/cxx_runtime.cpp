// SPDX-License-Identifier: GPL-2.0
/*
 * Exercises the runtime in the kernel: every form of operator new/delete,
 * allocation failure, Vec growth, Result/TRY and Error. Each check prints
 * "ok <what>" or "FAIL <what>"; the test bench reads them.
 */
#include <cxx/prelude.h>
#include <cxx/list.h>
#include <cxx/rbtree.h>

static int failures;

static void check(bool ok, const char *what)
{
	if (ok) {
		pr_info("ok %s\n", what);
	} else {
		pr_err("FAIL %s\n", what);
		failures++;
	}
}

struct alignas(64) Aligned {
	char bytes[64];
};

struct Counted {
	static inline int live = 0;
	Counted() { live++; }
	~Counted() { live--; }
};

static cxx::Result<int> half(int v)
{
	if (v & 1)
		return cxx::code::EINVAL;
	return v / 2;
}

static cxx::Result<int> quarter(int v)
{
	int h = TRY(half(v));
	return TRY(half(h));
}

static void test_new()
{
	int *p = new int(7);
	check(p && *p == 7, "new int");
	delete p;

	Counted *arr = new Counted[5];
	check(arr && Counted::live == 5, "new[] constructs each element");
	delete[] arr;
	check(Counted::live == 0, "delete[] destroys each element");

	Aligned *a = new Aligned;
	check(a && (reinterpret_cast<unsigned long>(a) % 64) == 0,
	      "aligned new honours alignof 64");
	delete a;

	int *n = new (std::nothrow) int[16];
	check(n != nullptr, "nothrow new[]");
	delete[] n;

	int *g = new (cxx::GFP_ATOMIC | cxx::GFP_ZERO) int[8];
	bool zero = g;
	for (int i = 0; g && i < 8; i++)
		zero = zero && g[i] == 0;
	check(zero, "new with GFP_ATOMIC | GFP_ZERO");
	delete[] g;

	/* Far above KMALLOC_MAX_SIZE: must fail cleanly, not panic. */
	Counted *huge = new (cxx::GFP_KERNEL | cxx::GFP_NOWARN) Counted[1UL << 36];
	check(huge == nullptr && Counted::live == 0,
	      "failed new[] returns nullptr and constructs nothing");

	alignas(Counted) unsigned char buf[sizeof(Counted)];
	Counted *c = new (buf) Counted;
	check(c == reinterpret_cast<Counted *>(buf) && Counted::live == 1,
	      "placement new");
	c->~Counted();
}

static void test_vec()
{
	cxx::Vec<long> v;
	bool ok = true;

	for (long i = 0; i < 1000; i++)
		ok = ok && v.try_push(i * i).is_ok();
	long sum = 0;
	for (long x : v)
		sum += x;
	check(ok && v.len() == 1000 && sum == 332833500L && v[999] == 998001L,
	      "Vec grows to 1000 elements");

	cxx::Result<> r = v.try_reserve(1UL << 60);
	check(!r.is_ok() && r.error() == cxx::code::ENOMEM && v.len() == 1000,
	      "Vec::try_reserve beyond memory fails with ENOMEM, unchanged");
}

struct Node {
	int value;
	struct list_head link;
};

static void test_list()
{
	cxx::List<Node, &Node::link> list;
	Node nodes[5];
	int sum = 0, order = 0;
	bool in_order = true;

	check(list.empty() && list.len() == 0 && !list.front(), "List starts empty");
	for (int i = 0; i < 5; i++) {
		nodes[i].value = i + 1;
		list.push_back(nodes[i]);
	}
	for (Node &n : list) {
		sum += n.value;
		in_order = in_order && n.value == ++order;
	}
	check(list.len() == 5 && sum == 15 && in_order && list.front() == &nodes[0],
	      "List: five elements, in order, by range-for");
	decltype(list)::remove(nodes[2]);
	list.push_front(nodes[2]);
	check(list.front() == &nodes[2] && list.len() == 5, "List: remove and push_front");
	int freed = 0;
	size_t removed = list.remove_if([](Node &n) { return n.value % 2 == 0; },
					[&freed](Node &n) { freed += n.value; });
	sum = 0;
	for (Node &n : list)
		sum += n.value;
	check(removed == 2 && freed == 6 && sum == 9 && list.len() == 3,
	      "List::remove_if unlinks the even ones");
	list.remove_if([](Node &) { return true; }, [](Node &) {});
	check(list.empty(), "List emptied");
}

struct Keyed {
	int key;
	struct rb_node node;
};

static void test_rbtree()
{
	cxx::RbTree<Keyed, &Keyed::node, &Keyed::key> tree;
	Keyed items[5], dup;
	static const int keys[5] = { 3, 1, 4, 5, 2 };
	bool inserted = true, in_order = true;
	int prev = 0;

	check(tree.empty() && !tree.find(1), "RbTree starts empty");
	for (int i = 0; i < 5; i++) {
		items[i].key = keys[i];
		inserted = inserted && tree.insert(items[i]);
	}
	dup.key = 4;
	check(inserted && !tree.insert(dup) && tree.len() == 5,
	      "RbTree: five keys in, a duplicate refused");
	for (Keyed &k : tree) {
		in_order = in_order && k.key == prev + 1;
		prev = k.key;
	}
	check(in_order && prev == 5, "RbTree: range-for in key order");
	check(tree.find(4) == &items[2] && !tree.find(6), "RbTree::find");
	tree.remove(items[0]);		/* key 3 */
	int sum = 0;
	for (Keyed &k : tree)
		sum += k.key;
	check(!tree.find(3) && tree.len() == 4 && sum == 12, "RbTree::remove");
}

static void test_result()
{
	cxx::Result<int> q = quarter(12);
	check(q.is_ok() && q.value() == 3, "TRY propagates values");
	cxx::Result<int> e = quarter(6);
	check(!e.is_ok() && e.error() == cxx::code::EINVAL,
	      "TRY propagates errors");
	check(cxx::Error::from_errno(-12) == cxx::code::ENOMEM &&
		      cxx::code::ENOMEM.to_errno() == -12,
	      "Error round-trips errno");
	check(cxx::Error::from_errno(5) == cxx::code::EINVAL,
	      "invalid errno becomes EINVAL");
}

struct CxxRuntime {
	static cxx::Result<CxxRuntime> init(cxx::ThisModule &)
	{
		test_new();
		test_vec();
		test_list();
		test_rbtree();
		test_result();
		pr_info("runtime tests done: %d failed\n", failures);
		return cxx::Ok<CxxRuntime>();
	}
};

MODULE(CxxRuntime, name = "cxx_runtime", author = "C++ for Linux Contributors",
       description = "C++ runtime test", license = "GPL");
