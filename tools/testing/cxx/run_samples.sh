#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The guest scenario of `make run`: show the built-in samples' boot
# messages, then load and unload every modular sample, showing what each
# printed. On a kernel with a modules tree (ours: modules_install, depmod)
# it uses modprobe; on the distribution kernel it insmods the .ko files
# given to qemu/boot.sh, in /lib/cxx.

kver=$(uname -r)
args_cxx_params="my_int=-7 my_charp=hello my_array=1,2,3"

if [ -f "/lib/modules/$kver/modules.dep" ]; then
	builtin=$(sed -n 's|.*/\(cxx_[a-z_]*\)\.ko$|\1|p' "/lib/modules/$kver/modules.builtin")
	mods=$(sed -n 's|.*/\(cxx_[a-z_]*\)\.ko$|\1|p' "/lib/modules/$kver/modules.order")
	load() { modprobe "$@"; }
	unload() { modprobe -r "$1"; }
else
	builtin=
	mods="cxx_minimal cxx_print cxx_params cxx_miscdev cxx_sync cxx_chrdev cxx_debugfs cxx_timers"
	load() { m=$1; shift; insmod "$m.ko" "$@"; }
	unload() { rmmod "$1"; }
fi

for m in $builtin; do
	echo "### $m is built in; at boot it printed:"
	dmesg | grep -F "$m: "
done
# Printed, not discarded: boot.sh judges every report in it.
echo "### the boot log"
dmesg -c

for m in $mods; do
	eval "args=\${args_$m:-}"
	echo "### load $m $args"
	load "$m" $args || exit 1
	dmesg -c
	grep "^$m " /proc/modules
	if [ -c "/dev/$m" ]; then
		echo "### echo 42 > /dev/$m; cat /dev/$m"
		echo 42 >"/dev/$m" && cat "/dev/$m" || exit 1
	fi
	echo "### unload $m"
	unload "$m" || exit 1
	dmesg -c
done
echo "### all samples loaded and unloaded"
