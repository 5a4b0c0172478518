// SPDX-License-Identifier: GPL-2.0
/*
 * cxx_hammer.cpp again, as its own module: Kbuild compiles this object with
 * -DCXX_TEST_BROKEN_LOCK, which takes the lock out.
 */
#include "cxx_hammer.cpp"
