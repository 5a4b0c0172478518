/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: interrupt handlers
 *
 * IrqRegistration<H> requests an interrupt line for a handler object H
 * (request_threaded_irq()) and frees it (free_irq()) when destroyed, before
 * H itself is destroyed: free_irq() waits for a running handler, so H, and
 * whatever H refers to, is never used after the registration is gone.
 * Declare the registration after what its handler uses (members are
 * destroyed in reverse order) and it is freed first:
 *
 *	struct Handler {
 *		const cxx::IoMem<SIZE> &regs;
 *		cxx::IrqReturn handle()		// hard IRQ context
 *		{
 *			if (!regs.read32<STATUS>())
 *				return cxx::IrqReturn::None;
 *			...
 *			return cxx::IrqReturn::Handled;
 *		}
 *		// optional: a threaded handler, run when handle() returns
 *		// IrqReturn::WakeThread
 *		cxx::IrqReturn handle_thread();
 *	};
 *	auto irq = TRY(cxx::IrqRegistration<Handler>::try_new(
 *		irq_number, IRQF_SHARED, "name", regs));
 *
 * It lives on the heap (try_new() returns a Box): the kernel keeps a
 * pointer to it as the line's dev_id.
 */
#ifndef _CXX_IRQ_H
#define _CXX_IRQ_H

#include <generated/cxx/bindings.h>
#include <cxx/box.h>
#include <cxx/cstr.h>
#include <cxx/error.h>
#include <cxx/utility.h>

namespace cxx {

/** enum IrqReturn - what a handler did (irqreturn_t). */
enum class IrqReturn : int {
	None = ::IRQ_NONE,		/* not this device's interrupt */
	Handled = ::IRQ_HANDLED,	/* handled */
	WakeThread = ::IRQ_WAKE_THREAD,	/* run handle_thread() */
};

namespace irq_detail {
template <typename H> concept HasHandle = requires(H &h) {
	{ h.handle() } -> same_as<IrqReturn>;
};
template <typename H> concept HasThread = requires(H &h) {
	{ h.handle_thread() } -> same_as<IrqReturn>;
};
} /* namespace irq_detail */

/** class IrqRegistration - a requested interrupt line served by an H. Never moves. */
template <typename H> class IrqRegistration {
	static_assert(irq_detail::HasHandle<H>, "IrqRegistration: expected IrqReturn H::handle()");

public:
	/**
	 * try_new() - build H(args...), then request line @irq for it with
	 * @flags (IRQF_SHARED, ...); @name (shown in /proc/interrupts) must
	 * outlive the registration: a literal. ENOMEM, or request_irq()'s error.
	 */
	template <typename... Args>
	static Result<Box<IrqRegistration>> try_new(unsigned int irq, unsigned long flags,
						     CStr name, Args &&...args)
	{
		auto r = TRY(Box<IrqRegistration>::try_new(GFP_KERNEL, irq,
							   cxx::forward<Args>(args)...));
		::irq_handler_t thread = nullptr;
		if constexpr (irq_detail::HasThread<H>)
			thread = thread_fn;
		TRY(to_result(::request_threaded_irq(irq, hard_fn, thread, flags,
						     name.c_str(), r.get())));
		r->requested_ = true;
		return r;
	}

	IrqRegistration(const IrqRegistration &) = delete;
	IrqRegistration &operator=(const IrqRegistration &) = delete;
	/* The line goes first (waiting for a running handler), then H. */
	~IrqRegistration()
	{
		if (requested_)
			(void)::free_irq(irq_, this);
	}

	/** irq() - the line's number. */
	unsigned int irq() const { return irq_; }
	/** handler() - the handler object. */
	H &handler() { return h_; }

private:
	friend class Box<IrqRegistration>;

	template <typename... Args>
	explicit IrqRegistration(unsigned int irq, Args &&...args)
		: irq_(irq), h_(cxx::forward<Args>(args)...)
	{
	}

	static ::irqreturn_t hard_fn(int, void *dev_id)
	{
		auto *self = static_cast<IrqRegistration *>(dev_id);
		return static_cast<::irqreturn_t>(self->h_.handle());
	}
	static ::irqreturn_t thread_fn(int, void *dev_id)
	{
		auto *self = static_cast<IrqRegistration *>(dev_id);
		if constexpr (irq_detail::HasThread<H>)
			return static_cast<::irqreturn_t>(self->h_.handle_thread());
		else
			return ::IRQ_NONE;
	}

	unsigned int irq_;
	bool requested_ = false;
	H h_;
};

} /* namespace cxx */

#endif /* _CXX_IRQ_H */
