// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the C++ layer, in C++: Result and Error, TRY, the growable
 * array, operator new and delete, and typed reads of module parameters.
 * The suite is declared in cxx/kunit_suite.c.
 */
#include <cxx/kunit.h>
#include <cxx/prelude.h>

MODULE_PARAM(test_int, int, -5, 0444, "A parameter the KUnit test reads");
MODULE_PARAM(test_charp, charp, "kunit", 0444, "A string the test reads");
MODULE_PARAM_ARRAY(test_array, ushort, 4, 0444, "An array the test reads",
		   7, 8, 9);

namespace {

cxx::Result<int> halve(int v)
{
	if (v & 1)
		return cxx::code::EINVAL;
	return v / 2;
}

cxx::Result<int> quarter(int v)
{
	int h = TRY(halve(v));
	return TRY(halve(h));
}

cxx::Result<> must_be_positive(int v)
{
	if (v <= 0)
		return cxx::code::ERANGE;
	return {};
}

cxx::Result<> check_all(int a, int b)
{
	TRY(must_be_positive(a));
	TRY(must_be_positive(b));
	return {};
}

struct Counted {
	static inline int live;
	int v;
	explicit Counted(int x) : v(x) { live++; }
	Counted(Counted &&o) : v(o.v) { live++; }
	~Counted() { live--; }
};

} /* namespace */

extern "C" {

void cxx_test_result(struct kunit *test);
void cxx_test_result(struct kunit *test)
{
	cxx::Result<int> ok = halve(8);
	KUNIT_EXPECT_TRUE(test, ok.is_ok());
	KUNIT_EXPECT_EQ(test, ok.value(), 4);

	cxx::Result<int> err = halve(3);
	KUNIT_EXPECT_FALSE(test, err.is_ok());
	KUNIT_EXPECT_TRUE(test, err.error() == cxx::code::EINVAL);

	cxx::Result<Counted> c = cxx::Ok<Counted>(3);
	KUNIT_EXPECT_EQ(test, Counted::live, 1);
	KUNIT_EXPECT_EQ(test, c.value().v, 3);
}

void cxx_test_try(struct kunit *test);
void cxx_test_try(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, quarter(20).value(), 5);
	KUNIT_EXPECT_TRUE(test, quarter(6).error() == cxx::code::EINVAL);
	KUNIT_EXPECT_TRUE(test, check_all(1, 2).is_ok());
	KUNIT_EXPECT_EQ(test, check_all(1, -2).to_errno(), -::ERANGE);
}

void cxx_test_error(struct kunit *test);
void cxx_test_error(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, cxx::code::ENOMEM.to_errno(), -12);
	KUNIT_EXPECT_TRUE(test, cxx::Error::from_errno(-22) == cxx::code::EINVAL);
	KUNIT_EXPECT_TRUE(test, cxx::Error::from_errno(-::MAX_ERRNO).to_errno() ==
					-::MAX_ERRNO);
	/* Not an errno: becomes EINVAL (and is reported). */
	KUNIT_EXPECT_TRUE(test, cxx::Error::from_errno(0) == cxx::code::EINVAL);
	KUNIT_EXPECT_TRUE(test, cxx::Error::from_errno(-::MAX_ERRNO - 1) ==
					cxx::code::EINVAL);
}

void cxx_test_vec(struct kunit *test);
void cxx_test_vec(struct kunit *test)
{
	{
		cxx::Vec<Counted> v;
		for (int i = 0; i < 100; i++)
			KUNIT_EXPECT_TRUE(test, v.try_push(Counted(i)).is_ok());
		KUNIT_EXPECT_EQ(test, v.len(), 100UL);
		KUNIT_EXPECT_EQ(test, Counted::live, 100);
		int sum = 0;
		for (const Counted &c : v)
			sum += c.v;
		KUNIT_EXPECT_EQ(test, sum, 4950);
		v.pop();
		KUNIT_EXPECT_EQ(test, Counted::live, 99);
	}
	KUNIT_EXPECT_EQ(test, Counted::live, 0);

	cxx::Vec<int> w;
	KUNIT_EXPECT_TRUE(test, w.try_push(1).is_ok());
	cxx::Result<> r = w.try_reserve(1UL << 62);
	KUNIT_EXPECT_TRUE(test, r.error() == cxx::code::ENOMEM);
	KUNIT_EXPECT_EQ(test, w.len(), 1UL);
	KUNIT_EXPECT_EQ(test, w[0], 1);
}

void cxx_test_new(struct kunit *test);
void cxx_test_new(struct kunit *test)
{
	Counted *c = new Counted(7);
	KUNIT_EXPECT_TRUE(test, c != nullptr);
	KUNIT_EXPECT_EQ(test, Counted::live, 1);
	delete c;
	KUNIT_EXPECT_EQ(test, Counted::live, 0);

	char *z = new (cxx::GFP_KERNEL | cxx::GFP_ZERO) char[64];
	bool zero = z != nullptr;
	for (int i = 0; z && i < 64; i++)
		zero = zero && z[i] == 0;
	KUNIT_EXPECT_TRUE(test, zero);
	delete[] z;

	int *huge = new (cxx::GFP_KERNEL | cxx::GFP_NOWARN) int[1UL << 40];
	KUNIT_EXPECT_TRUE(test, huge == nullptr);
}

void cxx_test_params(struct kunit *test);
void cxx_test_params(struct kunit *test)
{
	auto lock = cxx::ParamLock(cxx::ThisModule::current());

	KUNIT_EXPECT_EQ(test, test_int.read(lock), -5);
	KUNIT_EXPECT_TRUE(test, cxx::str_eq(test_charp.read(lock), "kunit"));
	cxx::Slice<const unsigned short> a = test_array.read(lock);
	KUNIT_EXPECT_EQ(test, a.len(), 3UL);
	KUNIT_EXPECT_EQ(test, a[0] + a[1] + a[2], 24);
	KUNIT_EXPECT_EQ(test, test_array.max_len(), 4U);
}

} /* extern "C" */
