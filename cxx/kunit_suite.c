// SPDX-License-Identifier: GPL-2.0
/*
 * The KUnit suite of cxx/kunit_test.cpp. Its cases are C++ functions; the
 * suite is C because kunit_test_suite() needs C's initialisers.
 */
#include <kunit/test.h>

void cxx_kunit_fail(struct kunit *test, const char *file, int line,
		    const char *expectation);
void cxx_kunit_fail(struct kunit *test, const char *file, int line,
		    const char *expectation)
{
	KUNIT_FAIL(test, "%s:%d: expected %s", file, line, expectation);
}

void cxx_test_result(struct kunit *test);
void cxx_test_try(struct kunit *test);
void cxx_test_error(struct kunit *test);
void cxx_test_vec(struct kunit *test);
void cxx_test_new(struct kunit *test);
void cxx_test_params(struct kunit *test);

static struct kunit_case cxx_test_cases[] = {
	KUNIT_CASE(cxx_test_result),
	KUNIT_CASE(cxx_test_try),
	KUNIT_CASE(cxx_test_error),
	KUNIT_CASE(cxx_test_vec),
	KUNIT_CASE(cxx_test_new),
	KUNIT_CASE(cxx_test_params),
	{}
};

static struct kunit_suite cxx_test_suite = {
	.name = "cxx",
	.test_cases = cxx_test_cases,
};
kunit_test_suite(cxx_test_suite);
