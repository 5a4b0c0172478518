// SPDX-License-Identifier: GPL-2.0
/*
 * The C twin of samples/cxx/cxx_miscdev.cpp for the benchmark: the same
 * device behaviour, written as a C driver would write it, registered as
 * /dev/c_miscdev. Only the names differ.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define HELLO		_IO('|', 0x80)
#define GET_VALUE	_IOR('|', 0x81, int)
#define SET_VALUE	_IOW('|', 0x82, int)
#define FAIL		_IO('|', 0x83)
#define INC_VALUE	_IO('|', 0x84)

struct shared {
	struct mutex lock;
	int value;
};

struct c_file {
	struct shared *shared;
};

static struct shared *shared;

static int c_open(struct inode *inode, struct file *file)
{
	struct c_file *f = kmalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	f->shared = shared;
	nonseekable_open(inode, file);
	file->private_data = f;
	return 0;
}

static int c_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static ssize_t c_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	struct c_file *f = file->private_data;
	char text[16];
	size_t n;
	int l;

	mutex_lock(&f->shared->lock);
	l = scnprintf(text, sizeof(text), "%d\n", f->shared->value);
	mutex_unlock(&f->shared->lock);
	if (*pos >= l)
		return 0;
	n = min_t(size_t, l - *pos, len);
	if (copy_to_user(buf, text + *pos, n))
		return -EFAULT;
	*pos += n;
	return n;
}

static ssize_t c_write(struct file *file, const char __user *buf, size_t len, loff_t *pos)
{
	struct c_file *f = file->private_data;
	char text[32];
	int v;

	if (len == 0)
		return 0;
	if (len >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, buf, len))
		return -EFAULT;
	text[len] = '\0';
	if (kstrtoint(text, 10, &v))
		return -EINVAL;
	mutex_lock(&f->shared->lock);
	f->shared->value = v;
	mutex_unlock(&f->shared->lock);
	return len;
}

static long c_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct c_file *f = file->private_data;
	void __user *user = (void __user *)arg;
	int v;

	switch (cmd) {
	case HELLO:
		pr_info("Hello from the C misc device\n");
		return 0;
	case GET_VALUE:
		mutex_lock(&f->shared->lock);
		v = f->shared->value;
		mutex_unlock(&f->shared->lock);
		if (copy_to_user(user, &v, sizeof(v)))
			return -EFAULT;
		return 0;
	case SET_VALUE:
		if (copy_from_user(&v, user, sizeof(v)))
			return -EFAULT;
		mutex_lock(&f->shared->lock);
		f->shared->value = v;
		mutex_unlock(&f->shared->lock);
		return 0;
	case INC_VALUE:
		mutex_lock(&f->shared->lock);
		if (f->shared->value < 0 || f->shared->value == INT_MAX) {
			mutex_unlock(&f->shared->lock);
			return -ERANGE;
		}
		v = ++f->shared->value;
		mutex_unlock(&f->shared->lock);
		return v;
	case FAIL:
		return -EPERM;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations c_fops = {
	.owner = THIS_MODULE,
	.open = c_open,
	.release = c_release,
	.read = c_read,
	.write = c_write,
	.unlocked_ioctl = c_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

static struct miscdevice c_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "c_miscdev",
	.fops = &c_fops,
	.mode = 0666,
};

static int __init c_init(void)
{
	int err;

	shared = kzalloc(sizeof(*shared), GFP_KERNEL);
	if (!shared)
		return -ENOMEM;
	mutex_init(&shared->lock);
	err = misc_register(&c_misc);
	if (err) {
		kfree(shared);
		return err;
	}
	pr_info("registered /dev/c_miscdev, minor %d\n", c_misc.minor);
	return 0;
}

static void __exit c_exit(void)
{
	pr_info("deregistering /dev/c_miscdev\n");
	misc_deregister(&c_misc);
	kfree(shared);
}

module_init(c_init);
module_exit(c_exit);
MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("C twin of the C++ misc device sample");
MODULE_LICENSE("GPL");
