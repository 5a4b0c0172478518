// SPDX-License-Identifier: GPL-2.0
/*
 * Synchronisation primitives across a kernel thread: the module hands ten
 * numbers to a worker thread through a queue behind a Mutex, signalling a
 * CondVar for each; the worker multiplies each by a factor it reads under
 * an RwSemaphore, adds it to a sum behind a SpinLock, and reports progress
 * through a second Mutex and CondVar, which init waits on. Module and
 * worker share all of it through an Arc; unloading stops the worker, and
 * the last reference frees the shared state.
 */
#include <cxx/prelude.h>
#include <cxx/arc.h>
#include <cxx/condvar.h>
#include <cxx/mutex.h>
#include <cxx/rwsem.h>
#include <cxx/spinlock.h>

namespace {

constexpr int ITEMS = 10;

/* Numbers waiting for the worker: a fixed ring, no allocation. */
struct Queue {
	int items[16];
	unsigned int head = 0, count = 0;
	bool stop = false;
};

struct Shared {
	cxx::Mutex<Queue> queue{CXX_LOCK_CLASS("cxx_sync.queue")};
	cxx::CondVar queue_cv{CXX_LOCK_CLASS("cxx_sync.queue_cv")};
	cxx::Mutex<int> done{CXX_LOCK_CLASS("cxx_sync.done"), 0};
	cxx::CondVar done_cv{CXX_LOCK_CLASS("cxx_sync.done_cv")};
	cxx::RwSemaphore<int> factor{CXX_LOCK_CLASS("cxx_sync.factor"), 1};
	cxx::SpinLock<long> sum{CXX_LOCK_CLASS("cxx_sync.sum"), 0};
};

int worker(void *raw)
{
	cxx::Arc<Shared> arc = cxx::Arc<Shared>::from_raw(raw);
	Shared &s = arc.get();

	for (;;) {
		int v;
		{
			auto q = s.queue.lock();
			while (!q->count && !q->stop)
				s.queue_cv.wait(q);
			if (!q->count)
				break;		/* stop, and nothing left */
			v = q->items[q->head];
			q->head = (q->head + 1) % 16;
			q->count--;
		}
		int factor = *s.factor.read();
		*s.sum.lock() += v * factor;
		++*s.done.lock();
		s.done_cv.notify_all();
	}
	pr_info("worker exits\n");
	return 0;
}

} /* namespace */

struct CxxSync {
	cxx::Arc<Shared> shared;
	struct task_struct *task;

	CxxSync(cxx::Arc<Shared> s, struct task_struct *t) : shared(cxx::move(s)), task(t) {}

	~CxxSync()
	{
		Shared &s = shared.get();
		{
			auto q = s.queue.lock();
			q->stop = true;
		}
		s.queue_cv.notify_all();
		kthread_stop(task);
		put_task_struct(task);
		pr_info("worker stopped; %u reference left\n", shared.count());
	}

	static cxx::Result<CxxSync> init(cxx::ThisModule &)
	{
		auto shared = TRY(cxx::Arc<Shared>::try_new(cxx::GFP_KERNEL));
		Shared &s = shared.get();

		*s.factor.write() = 2;
		cxx::Arc<Shared> for_worker = shared;
		void *raw = for_worker.into_raw();
		auto started = cxx::from_err_ptr(kthread_run(worker, raw, "cxx_sync"));
		if (!started) {
			cxx::Arc<Shared>::from_raw(raw);	/* the worker's reference */
			return started.error();
		}
		struct task_struct *task = started.value();
		get_task_struct(task);

		for (int i = 1; i <= ITEMS; i++) {
			{
				auto q = s.queue.lock();
				q->items[(q->head + q->count) % 16] = i;
				q->count++;
			}
			s.queue_cv.notify_one();
		}
		{
			auto d = s.done.lock();
			while (*d < ITEMS)
				s.done_cv.wait(d);
			pr_info("worker processed %d items, sum %ld, %u references\n",
				*d, *s.sum.lock(), shared.count());
		}
		return cxx::Ok<CxxSync>(cxx::move(shared), task);
	}
};

MODULE(CxxSync,
       name = "cxx_sync",
       author = "C++ for Linux Contributors",
       description = "C++ synchronisation sample: Mutex, CondVar, RwSemaphore, SpinLock, Arc",
       license = "GPL");
