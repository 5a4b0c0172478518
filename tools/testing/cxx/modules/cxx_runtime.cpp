// SPDX-License-Identifier: GPL-2.0
/*
 * Exercises the runtime in the kernel: every form of operator new/delete,
 * allocation failure, Vec growth, ArrayVec, List, RbTree, CStr, FmtBuf,
 * Result/TRY, Error and ERR_PTR. Each check prints
 * "ok <what>" or "FAIL <what>"; the test bench reads them.
 */
#include <cxx/prelude.h>
#include <cxx/array_vec.h>
#include <cxx/cstr.h>
#include <cxx/fmt_buf.h>
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
	Counted(const Counted &) { live++; }
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

static void test_array_vec()
{
	cxx::ArrayVec<Counted, 3> a;
	bool ok = true;
	for (int i = 0; i < 3; i++)
		ok = ok && a.try_push(Counted()).is_ok();
	check(ok && a.len() == 3 && a.is_full() && Counted::live == 3,
	      "ArrayVec holds N elements");
	cxx::Result<> r = a.try_push(Counted());
	check(!r && r.error() == cxx::code::ENOSPC && a.len() == 3 &&
		      Counted::live == 3,
	      "ArrayVec: a push into a full one is ENOSPC and changes nothing");
	a.pop();
	check(a.len() == 2 && Counted::live == 2, "ArrayVec::pop destroys");
	{
		cxx::ArrayVec<int, 4> b;
		int sum = 0;
		(void)b.try_push(1);
		(void)b.try_push(2);
		(void)b.try_push(3);
		for (int v : b)
			sum += v;
		check(sum == 6 && b.as_slice().len() == 3, "ArrayVec: range-for");
	}
	a.clear();
	check(a.is_empty() && Counted::live == 0, "ArrayVec::clear destroys all");
}

static size_t cstr_len(cxx::CStr s) { return s.len(); }

static void test_cstr()
{
	constexpr cxx::CStr hello = "hello";
	static_assert(hello.len() == 5 && hello[5] == '\0', "CStr literal");
	check(cstr_len("four") == 4, "CStr from a literal at a call");
	char runtime[] = { 'h', 'e', 'l', 'l', 'o', '\0' };
	cxx::CStr p = cxx::CStr::from_ptr(runtime);
	check(p.len() == 5 && p == hello && p.c_str() == runtime,
	      "CStr::from_ptr borrows, == compares characters");
	auto good = cxx::CStr::from_bytes_with_nul({runtime, sizeof(runtime)});
	check(good && good.value() == hello,
	      "CStr::from_bytes_with_nul accepts a terminated buffer");
	runtime[2] = '\0';
	auto inner = cxx::CStr::from_bytes_with_nul({runtime, sizeof(runtime)});
	auto unterminated = cxx::CStr::from_bytes_with_nul({runtime, 2});
	check(!inner && inner.error() == cxx::code::EINVAL && !unterminated,
	      "CStr::from_bytes_with_nul refuses an inner or missing NUL");
	check(cxx::CStr().is_empty() && cxx::CStr().c_str()[0] == '\0',
	      "empty CStr is \"\"");
}

static void test_fmt_buf()
{
	cxx::FmtBuf<16> b;
	check(b.try_format("%s-%d", "dev", 12).is_ok() &&
		      b.as_cstr() == cxx::CStr("dev-12") && b.len() == 6,
	      "FmtBuf formats");
	check(b.try_format("/%u", 7u).is_ok() && b.as_cstr() == cxx::CStr("dev-12/7"),
	      "FmtBuf appends");
	cxx::Result<> r = b.try_format("%s", "0123456789");
	check(!r && r.error() == cxx::code::ENOSPC &&
		      b.as_cstr() == cxx::CStr("dev-12/7"),
	      "FmtBuf: text that does not fit is ENOSPC and changes nothing");
	check(b.try_format("%s", "1234567").is_ok() && b.len() == 15,
	      "FmtBuf fills to N - 1");
	b.clear();
	check(b.len() == 0 && b.c_str()[0] == '\0', "FmtBuf::clear");
}

static int err_ptr_target;

static void test_err_ptr()
{
	auto p = cxx::from_err_ptr(&err_ptr_target);
	check(p && p.value() == &err_ptr_target, "from_err_ptr passes a pointer");
	auto e = cxx::from_err_ptr(static_cast<int *>(ERR_PTR(-ENOMEM)));
	check(!e && e.error() == cxx::code::ENOMEM, "from_err_ptr decodes ERR_PTR");
	auto n = cxx::from_err_ptr(static_cast<int *>(nullptr));
	check(n && n.value() == nullptr, "from_err_ptr: NULL is no error");
	int *back = cxx::to_err_ptr(cxx::Result<int *>(cxx::code::EBUSY));
	check(IS_ERR(back) && PTR_ERR(back) == -EBUSY &&
		      cxx::to_err_ptr(cxx::Result<int *>(&err_ptr_target)) == &err_ptr_target,
	      "to_err_ptr encodes like ERR_PTR");
	check(!cxx::to_result(-EIO) && cxx::to_result(-EIO).error() == cxx::code::EIO &&
		      cxx::to_result(0) && cxx::to_result(3),
	      "to_result: negative is an error, the rest success");
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
	~CxxRuntime() { pr_info("runtime exit\n"); }

	static cxx::Result<CxxRuntime> init(cxx::ThisModule &)
	{
		test_new();
		test_vec();
		test_list();
		test_rbtree();
		test_array_vec();
		test_cstr();
		test_fmt_buf();
		test_err_ptr();
		test_result();
		pr_info("runtime tests done: %d failed\n", failures);
		return cxx::Ok<CxxRuntime>();
	}
};

MODULE(CxxRuntime, name = "cxx_runtime", author = "C++ for Linux Contributors",
       description = "C++ runtime test", license = "GPL");
