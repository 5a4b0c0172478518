/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: KUnit test cases in C++
 *
 * A test case is a C++ function `extern "C" void case(struct kunit *test)`
 * that checks with the KUNIT_EXPECT_*() below; a failed expectation fails
 * the case through KUnit (cxx_kunit_fail(), in C) and the case goes on, as in
 * C. The suite that lists the cases is a few lines of C
 * (cxx/kunit_suite.c): kunit_test_suite() fills a section with C
 * initialisers only C can write.
 */
#ifndef _CXX_KUNIT_H
#define _CXX_KUNIT_H

#include <generated/cxx/bindings.h> /* struct kunit */

extern "C" void cxx_kunit_fail(struct kunit *test, const char *file, int line,
			       const char *expectation);

/** KUNIT_EXPECT_TRUE() - fail @test unless @cond holds. */
#define KUNIT_EXPECT_TRUE(test, cond)                                         \
	do {                                                                  \
		if (!(cond))                                                  \
			cxx_kunit_fail(test, __FILE__, __LINE__, #cond);      \
	} while (0)
/** KUNIT_EXPECT_FALSE() - fail @test if @cond holds. */
#define KUNIT_EXPECT_FALSE(test, cond) KUNIT_EXPECT_TRUE(test, !(cond))
/** KUNIT_EXPECT_EQ() - fail @test unless @a == @b. */
#define KUNIT_EXPECT_EQ(test, a, b) KUNIT_EXPECT_TRUE(test, (a) == (b))
/** KUNIT_EXPECT_NE() - fail @test unless @a != @b. */
#define KUNIT_EXPECT_NE(test, a, b) KUNIT_EXPECT_TRUE(test, (a) != (b))

#endif /* _CXX_KUNIT_H */
