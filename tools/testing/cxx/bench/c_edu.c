// SPDX-License-Identifier: GPL-2.0
/*
 * The C twin of samples/cxx/cxx_driver_pci.cpp, for `make bench`: the same
 * driver for QEMU's edu device in plain C, serving /dev/c_edu with the
 * same ioctls and errors, the same locking, revocation at unbind and
 * teardown order, so that sizes and instruction counts compare the
 * languages, not the drivers.
 */
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/completion.h>

#define EDU_SIZE 0x100
#define IDENT 0x00
#define LIVENESS 0x04
#define FACT 0x08
#define STATUS 0x20
#define IRQ_STATUS 0x24
#define IRQ_ACK 0x64
#define DMA_SRC 0x80
#define DMA_DST 0x88
#define DMA_CNT 0x90
#define DMA_CMD 0x98
#define STATUS_COMPUTING 0x01
#define STATUS_IRQFACT 0x80
#define DMA_START 0x1
#define DMA_TO_RAM 0x2
#define DMA_IRQ 0x4
#define EDU_BUF_ADDR 0x40000
#define EDU_BUF_SIZE 4096
#define EDU_DMA_MAX (EDU_BUF_SIZE - 1)
#define EDU_DMA_BITS 28
#define TIMEOUT_MS 2000

struct edu_dma {
	u64 src;
	u64 dst;
	u32 len;
	u32 pad;
};

#define IDENT_CMD _IOR(0xED, 0, u32)
#define LIVENESS_CMD _IOWR(0xED, 1, u32)
#define FACTORIAL_CMD _IOWR(0xED, 2, u32)
#define FACTORIAL_NO_IRQ_CMD _IOWR(0xED, 3, u32)
#define DMA_CMD_IOCTL _IOW(0xED, 4, struct edu_dma)

struct edu_hw {
	void __iomem *bar;
	void *buf;
	dma_addr_t buf_dma;
	struct completion done;
};

/* What open files share: the hw, NULL once unbound. */
struct edu_shared {
	refcount_t ref;
	struct mutex lock;
	struct edu_hw *hw;
};

struct edu {
	struct pci_dev *pdev;
	struct edu_hw hw;
	unsigned int irq;
	struct edu_shared *shared;
	struct miscdevice misc;
};

static void shared_put(struct edu_shared *s)
{
	if (refcount_dec_and_test(&s->ref))
		kfree(s);
}

static int wait_idle(struct edu_hw *hw)
{
	int i;

	for (i = 0; i < TIMEOUT_MS; i++) {
		if (!(readl(hw->bar + STATUS) & STATUS_COMPUTING))
			return 0;
		msleep(1);
	}
	return -EBUSY;
}

static int factorial(struct edu_hw *hw, u32 n, bool irq, u32 *out)
{
	int ret;

	if (n > 12)
		return -EINVAL;
	ret = wait_idle(hw);
	if (ret)
		return ret;
	reinit_completion(&hw->done);
	writel(irq ? STATUS_IRQFACT : 0, hw->bar + STATUS);
	writel(n, hw->bar + FACT);
	if (!wait_for_completion_timeout(&hw->done, msecs_to_jiffies(TIMEOUT_MS)))
		return -ETIMEDOUT;
	*out = readl(hw->bar + FACT);
	return 0;
}

static int dma(struct edu_hw *hw, bool to_device, u32 len)
{
	reinit_completion(&hw->done);
	writeq(to_device ? hw->buf_dma : EDU_BUF_ADDR, hw->bar + DMA_SRC);
	writeq(to_device ? EDU_BUF_ADDR : hw->buf_dma, hw->bar + DMA_DST);
	writeq(len, hw->bar + DMA_CNT);
	writeq(DMA_START | DMA_IRQ | (to_device ? 0 : DMA_TO_RAM), hw->bar + DMA_CMD);
	if (!wait_for_completion_timeout(&hw->done, msecs_to_jiffies(TIMEOUT_MS)))
		return -ETIMEDOUT;
	return 0;
}

static int dma_round_trip(struct edu_hw *hw, const struct edu_dma *req)
{
	int ret;

	if (req->len == 0 || req->len > EDU_DMA_MAX)
		return -EINVAL;
	if (copy_from_user(hw->buf, u64_to_user_ptr(req->src), req->len))
		return -EFAULT;
	ret = dma(hw, true, req->len);
	if (ret)
		return ret;
	memset(hw->buf, 0, req->len);
	ret = dma(hw, false, req->len);
	if (ret)
		return ret;
	if (copy_to_user(u64_to_user_ptr(req->dst), hw->buf, req->len))
		return -EFAULT;
	return 0;
}

static irqreturn_t edu_irq(int irq, void *dev_id)
{
	struct edu_hw *hw = dev_id;
	u32 status = readl(hw->bar + IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, hw->bar + IRQ_ACK);
	complete(&hw->done);
	return IRQ_HANDLED;
}

static long edu_do_ioctl(struct edu_hw *hw, unsigned int cmd, void __user *user)
{
	struct edu_dma req;
	u32 v;
	int ret;

	switch (cmd) {
	case IDENT_CMD:
		return put_user(readl(hw->bar + IDENT), (u32 __user *)user);
	case LIVENESS_CMD:
		if (get_user(v, (u32 __user *)user))
			return -EFAULT;
		writel(v, hw->bar + LIVENESS);
		return put_user(readl(hw->bar + LIVENESS), (u32 __user *)user);
	case FACTORIAL_CMD:
	case FACTORIAL_NO_IRQ_CMD:
		if (get_user(v, (u32 __user *)user))
			return -EFAULT;
		ret = factorial(hw, v, cmd == FACTORIAL_CMD, &v);
		if (ret)
			return ret;
		return put_user(v, (u32 __user *)user);
	case DMA_CMD_IOCTL:
		if (copy_from_user(&req, user, sizeof(req)))
			return -EFAULT;
		return dma_round_trip(hw, &req);
	default:
		return -ENOTTY;
	}
}

static long edu_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct edu_shared *s = f->private_data;
	long ret;

	mutex_lock(&s->lock);
	ret = s->hw ? edu_do_ioctl(s->hw, cmd, (void __user *)arg) : -ENODEV;
	mutex_unlock(&s->lock);
	return ret;
}

static int edu_open(struct inode *inode, struct file *f)
{
	struct edu *edu = container_of(f->private_data, struct edu, misc);

	refcount_inc(&edu->shared->ref);
	f->private_data = edu->shared;
	return nonseekable_open(inode, f);
}

static int edu_release(struct inode *inode, struct file *f)
{
	shared_put(f->private_data);
	return 0;
}

static const struct file_operations edu_fops = {
	.owner = THIS_MODULE,
	.open = edu_open,
	.release = edu_release,
	.unlocked_ioctl = edu_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu *edu;
	u32 ident;
	int ret, irq;

	edu = kzalloc(sizeof(*edu), GFP_KERNEL);
	if (!edu)
		return -ENOMEM;
	edu->pdev = pdev;
	init_completion(&edu->hw.done);
	ret = pci_enable_device(pdev);
	if (ret)
		goto free;
	ret = pci_request_regions(pdev, "c_edu");
	if (ret)
		goto disable;
	ret = -ENODEV;
	if (pci_resource_len(pdev, 0) < EDU_SIZE)
		goto release;
	ret = -ENOMEM;
	edu->hw.bar = pci_iomap(pdev, 0, EDU_SIZE);
	if (!edu->hw.bar)
		goto release;
	pci_set_master(pdev);
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(EDU_DMA_BITS));
	if (ret)
		goto clear_master;
	ret = -ENOMEM;
	edu->hw.buf = dma_alloc_coherent(&pdev->dev, EDU_BUF_SIZE, &edu->hw.buf_dma, GFP_KERNEL);
	if (!edu->hw.buf)
		goto clear_master;
	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_ALL_TYPES);
	if (ret < 0)
		goto free_buf;
	irq = pci_irq_vector(pdev, 0);
	if (irq < 0) {
		ret = irq;
		goto free_vectors;
	}
	edu->irq = irq;
	ret = request_irq(irq, edu_irq, IRQF_SHARED, "c_edu", &edu->hw);
	if (ret)
		goto free_vectors;
	ret = -ENOMEM;
	edu->shared = kzalloc(sizeof(*edu->shared), GFP_KERNEL);
	if (!edu->shared)
		goto free_irq;
	refcount_set(&edu->shared->ref, 1);
	mutex_init(&edu->shared->lock);
	edu->misc.minor = MISC_DYNAMIC_MINOR;
	edu->misc.name = "c_edu";
	edu->misc.fops = &edu_fops;
	edu->misc.parent = &pdev->dev;
	edu->misc.mode = 0666;
	ret = misc_register(&edu->misc);
	if (ret)
		goto put_shared;
	ident = readl(edu->hw.bar + IDENT);
	dev_info(&pdev->dev, "edu %u.%u, irq %u, /dev/c_edu\n", ident >> 24,
		 (ident >> 16) & 0xff, irq);
	mutex_lock(&edu->shared->lock);
	edu->shared->hw = &edu->hw;
	mutex_unlock(&edu->shared->lock);
	pci_set_drvdata(pdev, edu);
	return 0;

put_shared:
	shared_put(edu->shared);
free_irq:
	free_irq(irq, &edu->hw);
free_vectors:
	pci_free_irq_vectors(pdev);
free_buf:
	dma_free_coherent(&pdev->dev, EDU_BUF_SIZE, edu->hw.buf, edu->hw.buf_dma);
clear_master:
	pci_clear_master(pdev);
	pci_iounmap(pdev, edu->hw.bar);
release:
	pci_release_regions(pdev);
disable:
	pci_disable_device(pdev);
free:
	kfree(edu);
	return ret;
}

static void edu_remove(struct pci_dev *pdev)
{
	struct edu *edu = pci_get_drvdata(pdev);

	mutex_lock(&edu->shared->lock);
	edu->shared->hw = NULL;
	mutex_unlock(&edu->shared->lock);
	dev_info(edu->misc.this_device, "unbound\n");
	misc_deregister(&edu->misc);
	shared_put(edu->shared);
	free_irq(edu->irq, &edu->hw);
	pci_free_irq_vectors(pdev);
	dma_free_coherent(&pdev->dev, EDU_BUF_SIZE, edu->hw.buf, edu->hw.buf_dma);
	pci_clear_master(pdev);
	pci_iounmap(pdev, edu->hw.bar);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(edu);
}

static const struct pci_device_id c_edu_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8) },
	{}
};
MODULE_DEVICE_TABLE(pci, c_edu_ids);

static struct pci_driver c_edu_driver = {
	.name = "c_edu",
	.id_table = c_edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};
module_pci_driver(c_edu_driver);

MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("C twin of cxx_driver_pci, for make bench");
MODULE_LICENSE("GPL");
