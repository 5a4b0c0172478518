// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel ABI facts C++ relies on, read from the configured kernel's own
 * headers. Kbuild compiles this file to assembly and turns each DEFINE() into
 * a #define of <generated/cxx/kernel_abi.h>, exactly as it makes
 * asm-offsets.h. include/cxx/bindings.h checks its declarations against them
 * with static_assert, so a layout or constant that differs in the target
 * kernel fails the build instead of corrupting memory at run time.
 *
 * This file is never linked: it only feeds the generator.
 */
#define COMPILE_OFFSETS

#include <linux/kbuild.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/stddef.h>

/* One DEFINE() per errno code that include/cxx/error.h names. */
#define ERRNO(e) DEFINE(CXX_##e, e)

int main(void);
int main(void)
{
	COMMENT("struct kernel_param (include/linux/moduleparam.h)");
	DEFINE(CXX_SIZEOF_kernel_param, sizeof(struct kernel_param));
	DEFINE(CXX_ALIGNOF_kernel_param, __alignof__(struct kernel_param));
	OFFSET(CXX_OFFSETOF_kernel_param_name, kernel_param, name);
	OFFSET(CXX_OFFSETOF_kernel_param_mod, kernel_param, mod);
	OFFSET(CXX_OFFSETOF_kernel_param_ops, kernel_param, ops);
	OFFSET(CXX_OFFSETOF_kernel_param_perm, kernel_param, perm);
	OFFSET(CXX_OFFSETOF_kernel_param_level, kernel_param, level);
	OFFSET(CXX_OFFSETOF_kernel_param_flags, kernel_param, flags);
	OFFSET(CXX_OFFSETOF_kernel_param_arg, kernel_param, arg);
	BLANK();

	COMMENT("struct kparam_array (include/linux/moduleparam.h)");
	DEFINE(CXX_SIZEOF_kparam_array, sizeof(struct kparam_array));
	DEFINE(CXX_ALIGNOF_kparam_array, __alignof__(struct kparam_array));
	OFFSET(CXX_OFFSETOF_kparam_array_max, kparam_array, max);
	OFFSET(CXX_OFFSETOF_kparam_array_elemsize, kparam_array, elemsize);
	OFFSET(CXX_OFFSETOF_kparam_array_num, kparam_array, num);
	OFFSET(CXX_OFFSETOF_kparam_array_ops, kparam_array, ops);
	OFFSET(CXX_OFFSETOF_kparam_array_elem, kparam_array, elem);
	BLANK();

	COMMENT("Scalar types");
	DEFINE(CXX_SIZEOF_gfp_t, sizeof(gfp_t));
	DEFINE(CXX_SIZEOF_bool, sizeof(bool));
	DEFINE(CXX_SIZEOF_long, sizeof(long));
	BLANK();

	COMMENT("Allocation (include/linux/gfp_types.h, include/linux/slab.h)");
	DEFINE(CXX_GFP_KERNEL, GFP_KERNEL);
	DEFINE(CXX_GFP_ATOMIC, GFP_ATOMIC);
	DEFINE(CXX_GFP_NOWAIT, GFP_NOWAIT);
	DEFINE(CXX_GFP_NOIO, GFP_NOIO);
	DEFINE(CXX_GFP_NOFS, GFP_NOFS);
	DEFINE(CXX_GFP_ZERO, __GFP_ZERO);
	DEFINE(CXX_GFP_NOWARN, __GFP_NOWARN);
	DEFINE(CXX_ARCH_KMALLOC_MINALIGN, ARCH_KMALLOC_MINALIGN);
	DEFINE(CXX_KMALLOC_MAX_SIZE, KMALLOC_MAX_SIZE);
	DEFINE(CXX_PAGE_SIZE, PAGE_SIZE);
	BLANK();

	COMMENT("Module and parameter limits");
	DEFINE(CXX_MODULE_NAME_LEN, MODULE_NAME_LEN);
	DEFINE(CXX_MAX_ERRNO, MAX_ERRNO);
	BLANK();

	COMMENT("errno codes (include/uapi/asm-generic/errno-base.h, errno.h)");
	ERRNO(EPERM);
	ERRNO(ENOENT);
	ERRNO(ESRCH);
	ERRNO(EINTR);
	ERRNO(EIO);
	ERRNO(ENXIO);
	ERRNO(E2BIG);
	ERRNO(ENOEXEC);
	ERRNO(EBADF);
	ERRNO(ECHILD);
	ERRNO(EAGAIN);
	ERRNO(ENOMEM);
	ERRNO(EACCES);
	ERRNO(EFAULT);
	ERRNO(ENOTBLK);
	ERRNO(EBUSY);
	ERRNO(EEXIST);
	ERRNO(EXDEV);
	ERRNO(ENODEV);
	ERRNO(ENOTDIR);
	ERRNO(EISDIR);
	ERRNO(EINVAL);
	ERRNO(ENFILE);
	ERRNO(EMFILE);
	ERRNO(ENOTTY);
	ERRNO(ETXTBSY);
	ERRNO(EFBIG);
	ERRNO(ENOSPC);
	ERRNO(ESPIPE);
	ERRNO(EROFS);
	ERRNO(EMLINK);
	ERRNO(EPIPE);
	ERRNO(EDOM);
	ERRNO(ERANGE);
	ERRNO(EDEADLK);
	ERRNO(ENAMETOOLONG);
	ERRNO(ENOSYS);
	ERRNO(ENOTEMPTY);
	ERRNO(EOVERFLOW);
	ERRNO(ETIMEDOUT);
	ERRNO(EOPNOTSUPP);
	ERRNO(ENOTSUPP);
	ERRNO(ERESTARTSYS);
	ERRNO(ENOIOCTLCMD);
	return 0;
}
