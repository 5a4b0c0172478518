/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: what every C++ module needs, in one include
 *
 *	#include <cxx/prelude.h>
 */
#ifndef _CXX_PRELUDE_H
#define _CXX_PRELUDE_H

#include <cxx/error.h>
#include <cxx/module.h>
#include <cxx/new.h>
#include <cxx/param.h>
#include <cxx/print.h>
#include <cxx/slice.h>
#include <cxx/str.h>
#include <cxx/this_module.h>
#include <cxx/utility.h>
#include <cxx/vec.h>

#endif /* _CXX_PRELUDE_H */
