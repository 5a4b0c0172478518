#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The guest scenario of `make run`: load and unload every sample, showing
# what each printed. Runs in the QEMU guest (qemu/boot.sh), in /lib/cxx.

for ko in cxx_minimal.ko cxx_print.ko cxx_params.ko; do
	m=${ko%.ko}
	args=
	[ "$m" = cxx_params ] && args="my_int=-7 my_charp=hello my_array=1,2,3"
	echo "### insmod $ko $args"
	insmod "$ko" $args || exit 1
	dmesg -c
	grep "^$m " /proc/modules
	echo "### rmmod $m"
	rmmod "$m" || exit 1
	dmesg -c
done
echo "### all samples loaded and unloaded"
