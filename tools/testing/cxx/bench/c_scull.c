// SPDX-License-Identifier: GPL-2.0
/*
 * scull, as LDD3 has it, on a misc device: the C half of the scull-class
 * size pair of `make bench` (cxx_scull.cpp is the C++ half, with the same
 * behaviour). /dev/c_scull is a memory area of any length, kept as a list
 * of quantum sets: each set holds up to qset pointers to quanta of quantum
 * bytes, allocated (zeroed) when written.
 *
 *  - open() write-only empties the device (LDD3's truncation);
 *  - read() returns the bytes from the position up to the end of the data
 *    or of the quantum, whichever comes first; a quantum never written
 *    (a hole left by a seek past the end) reads as end of file (LDD3);
 *  - write() stores up to the end of the quantum at the position, growing
 *    the size;
 *  - llseek(): SEEK_SET, SEEK_CUR, SEEK_END (relative to the size); a
 *    position before 0 is EINVAL;
 *  - ioctl GET_QUANTUM _IO('|', 0xc0) returns the quantum;
 *    SET_QUANTUM _IO('|', 0xc1) sets it to the argument: EPERM without
 *    CAP_SYS_ADMIN, EINVAL outside 1..65536, EBUSY unless the device
 *    holds no quantum set; any other command is ENOTTY;
 *  - a write at or past 64 MiB is EFBIG.
 *
 * One mutex guards the device. Parameters: quantum (1..65536) and qset
 * (1..16384), read-only.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define GET_QUANTUM	_IO('|', 0xc0)
#define SET_QUANTUM	_IO('|', 0xc1)
#define MAX_QUANTUM	65536
#define MAX_QSET	16384
#define MAX_SIZE	(64 << 20)

static int quantum = 4000;
module_param(quantum, int, 0444);
MODULE_PARM_DESC(quantum, "Bytes per quantum");
static int qset = 1000;
module_param(qset, int, 0444);
MODULE_PARM_DESC(qset, "Quanta per quantum set");

struct scull_qset {
	void **data;
	struct scull_qset *next;
};

struct scull_dev {
	struct scull_qset *data;
	int quantum;
	int qset;
	unsigned long size;
	struct mutex lock;
};

static struct scull_dev dev;

/* Free every quantum set: the device is empty. */
static void scull_trim(struct scull_dev *d)
{
	struct scull_qset *next, *dptr;
	int i;

	for (dptr = d->data; dptr; dptr = next) {
		if (dptr->data) {
			for (i = 0; i < d->qset; i++)
				kfree(dptr->data[i]);
			kfree(dptr->data);
		}
		next = dptr->next;
		kfree(dptr);
	}
	d->size = 0;
	d->data = NULL;
}

/* The @n-th quantum set, created (empty) as needed; NULL if out of memory. */
static struct scull_qset *scull_follow(struct scull_dev *d, int n)
{
	struct scull_qset **p = &d->data;

	for (;;) {
		if (!*p) {
			*p = kzalloc(sizeof(**p), GFP_KERNEL);
			if (!*p)
				return NULL;
		}
		if (!n--)
			return *p;
		p = &(*p)->next;
	}
}

/* Where byte @pos is: quantum *@s_pos of set @return, at *@q_pos in it. */
static int scull_where(loff_t pos, int *s_pos, int *q_pos)
{
	int itemsize = dev.quantum * dev.qset;
	int rest = (long)pos % itemsize;

	*s_pos = rest / dev.quantum;
	*q_pos = rest % dev.quantum;
	return (long)pos / itemsize;
}

static int scull_open(struct inode *inode, struct file *filp)
{
	if ((filp->f_flags & O_ACCMODE) == O_WRONLY) {
		mutex_lock(&dev.lock);
		scull_trim(&dev);
		mutex_unlock(&dev.lock);
	}
	return 0;
}

static ssize_t scull_read(struct file *filp, char __user *buf, size_t count, loff_t *f_pos)
{
	struct scull_qset *dptr;
	int s_pos, q_pos;
	ssize_t retval = 0;

	mutex_lock(&dev.lock);
	if (*f_pos >= dev.size)
		goto out;
	if (*f_pos + count > dev.size)
		count = dev.size - *f_pos;
	dptr = scull_follow(&dev, scull_where(*f_pos, &s_pos, &q_pos));
	if (!dptr) {
		retval = -ENOMEM;
		goto out;
	}
	if (count > dev.quantum - q_pos)
		count = dev.quantum - q_pos;
	if (!dptr->data || !dptr->data[s_pos])
		goto out;	/* a hole: end of file, as in LDD3 */
	if (copy_to_user(buf, dptr->data[s_pos] + q_pos, count)) {
		retval = -EFAULT;
		goto out;
	}
	*f_pos += count;
	retval = count;
out:
	mutex_unlock(&dev.lock);
	return retval;
}

static ssize_t scull_write(struct file *filp, const char __user *buf, size_t count,
			   loff_t *f_pos)
{
	struct scull_qset *dptr;
	int s_pos, q_pos;
	ssize_t retval = -ENOMEM;

	if (*f_pos >= MAX_SIZE)
		return -EFBIG;
	mutex_lock(&dev.lock);
	dptr = scull_follow(&dev, scull_where(*f_pos, &s_pos, &q_pos));
	if (!dptr)
		goto out;
	if (!dptr->data) {
		dptr->data = kcalloc(dev.qset, sizeof(*dptr->data), GFP_KERNEL);
		if (!dptr->data)
			goto out;
	}
	if (!dptr->data[s_pos]) {
		dptr->data[s_pos] = kzalloc(dev.quantum, GFP_KERNEL);
		if (!dptr->data[s_pos])
			goto out;
	}
	if (count > dev.quantum - q_pos)
		count = dev.quantum - q_pos;
	if (copy_from_user(dptr->data[s_pos] + q_pos, buf, count)) {
		retval = -EFAULT;
		goto out;
	}
	*f_pos += count;
	retval = count;
	if (dev.size < *f_pos)
		dev.size = *f_pos;
out:
	mutex_unlock(&dev.lock);
	return retval;
}

static loff_t scull_llseek(struct file *filp, loff_t off, int whence)
{
	loff_t newpos;

	switch (whence) {
	case SEEK_SET:
		newpos = off;
		break;
	case SEEK_CUR:
		newpos = filp->f_pos + off;
		break;
	case SEEK_END:
		mutex_lock(&dev.lock);
		newpos = dev.size + off;
		mutex_unlock(&dev.lock);
		break;
	default:
		return -EINVAL;
	}
	return vfs_setpos(filp, newpos, MAX_LFS_FILESIZE);
}

static long scull_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	long retval = 0;

	switch (cmd) {
	case GET_QUANTUM:
		mutex_lock(&dev.lock);
		retval = dev.quantum;
		mutex_unlock(&dev.lock);
		return retval;
	case SET_QUANTUM:
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		if (arg < 1 || arg > MAX_QUANTUM)
			return -EINVAL;
		mutex_lock(&dev.lock);
		if (dev.data)
			retval = -EBUSY;
		else
			dev.quantum = arg;
		mutex_unlock(&dev.lock);
		return retval;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations scull_fops = {
	.owner = THIS_MODULE,
	.open = scull_open,
	.read = scull_read,
	.write = scull_write,
	.llseek = scull_llseek,
	.unlocked_ioctl = scull_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

static struct miscdevice scull_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "c_scull",
	.fops = &scull_fops,
	.mode = 0666,
};

static int __init scull_init(void)
{
	if (quantum < 1 || quantum > MAX_QUANTUM || qset < 1 || qset > MAX_QSET)
		return -EINVAL;
	dev.quantum = quantum;
	dev.qset = qset;
	mutex_init(&dev.lock);
	return misc_register(&scull_misc);
}

static void __exit scull_exit(void)
{
	misc_deregister(&scull_misc);
	scull_trim(&dev);
}

module_init(scull_init);
module_exit(scull_exit);
MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("scull on a misc device, in C (size pair of cxx_scull)");
MODULE_LICENSE("GPL");
