// SPDX-License-Identifier: GPL-2.0
/*
 * The C side of bindings_use.cpp: gcc, with the kernel's own headers and
 * flags, reads and writes the same structures C++ does through the
 * generated bindings.
 */
#include <linux/device.h>
#include <linux/mm_types.h>
#include <linux/moduleparam.h>

unsigned int bindings_peer_read(const struct device *dev, const struct kernel_param *kp,
				const struct page *pg);
void bindings_peer_write(struct device *dev, struct kernel_param *kp, struct page *pg);

/* One bit per field that holds what C++ stored. */
unsigned int bindings_peer_read(const struct device *dev, const struct kernel_param *kp,
				const struct page *pg)
{
	return (dev->offline && !dev->offline_disabled) << 0 |
	       (dev->can_match && !dev->state_synced) << 1 |
	       (dev->class == (const struct class *)kp->arg) << 2 |
	       (pg->private == 0x5a5a) << 3 |
	       (kp->arg != NULL) << 4;
}

void bindings_peer_write(struct device *dev, struct kernel_param *kp, struct page *pg)
{
	dev->offline_disabled = true;
	dev->state_synced = true;
	dev->class = (struct class *)dev;
	pg->private = 0xa5a5;
	kp->arr = (const struct kparam_array *)pg;
}
