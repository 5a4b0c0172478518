/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kbuild's -DMODULE, for clangd: gen_cxx_compile_commands.py passes this
 * file with -include instead. cxx/this_module.h #undefs MODULE to free the
 * name for the MODULE() macro, and clangd re-applies command-line macros
 * after its preamble (the headers), undoing the #undef
 * (https://github.com/clangd/clangd/issues/1396); a file included from the
 * command line is re-applied too, but its guard then stops it.
 */
#ifndef _CXX_CLANGD_MODULE_H
#define _CXX_CLANGD_MODULE_H
#define MODULE 1
#endif
