/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: capabilities
 *
 * Whether the current task may do a privileged thing, as C's capable():
 *
 *	if (!cxx::capable(CAP_SYS_ADMIN))
 *		return cxx::code::EPERM;
 *	// or
 *	TRY(cxx::require_capable(CAP_SYS_ADMIN));
 *
 * A capability is a constant (the kernel's CAP_* names): one the
 * configured kernel does not have fails to compile. The check is about the
 * current task in the initial user namespace and, when it succeeds, marks
 * the task as having used a privilege (PF_SUPERPRIV, auditing), exactly as
 * in C; call it in process context, on behalf of the task asking (a
 * syscall such as ioctl()), not from a kernel thread or an interrupt.
 */
#ifndef _CXX_CAPABILITY_H
#define _CXX_CAPABILITY_H

#include <generated/cxx/bindings.h>
#include <cxx/error.h>

namespace cxx {

/* Called from a constant expression only for a number that is no capability. */
void capability_number_out_of_range();

/** class Capability - a capability number, checked at compile time. */
class Capability {
public:
	/** Capability() - from a CAP_* constant, in [0, CAP_LAST_CAP]. */
	consteval Capability(int cap) : cap_(cap)
	{
		/* Not a constant expression unless the number is valid. */
		if (cap < 0 || cap > ::CAP_LAST_CAP)
			capability_number_out_of_range();
	}
	/** value() - the number, for passing to C. */
	constexpr int value() const { return cap_; }

private:
	int cap_;
};

/** capable() - whether the current task has @cap (C's capable()). */
inline bool capable(Capability cap)
{
	return ::capable(cap.value());
}

/** require_capable() - success if the current task has @cap, else EPERM. */
inline Result<> require_capable(Capability cap)
{
	if (!capable(cap))
		return code::EPERM;
	return {};
}

} /* namespace cxx */

#endif /* _CXX_CAPABILITY_H */
