# SPDX-License-Identifier: GPL-2.0
#
# tools.sh - The everyday tools around a module: DKMS builds and installs
# the out-of-tree template, modprobe loads it (in QEMU, on Debian's
# kernel); compile_commands.json covers .cpp files and clangd reads a
# sample and the template without errors; the scull-class C/C++ pair of
# `make bench` has its sizes reported and behaves the same in the guest.
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

# DKMS, with Debian's dkms, on the template as a user would copy it. Its
# trees are staged (--dkmstree, --sourcetree, --installtree) so that the
# host's /usr/src, /var/lib/dkms and /lib/modules stay as they were; the
# layer is found as dkms.conf says, at cxx-for-linux in the source tree (a
# symlink to this tree, as /usr/src/cxx-for-linux would be), without
# CXX_FOR_LINUX in the environment, as when a kernel's postinst runs
# `dkms autoinstall`. The installed tree, with depmod's output, is kept in
# $out/dkms-root for qemu_dkms_modprobe; then `dkms remove` takes the
# module out again.
dkms_mod=cxx_out_of_tree/0.1
test_dkms() {
	local tmp d ko rc=0
	tmp=$(mktemp -d)
	d=(--dkmstree "$tmp/var" --sourcetree "$tmp/src" --installtree "$tmp/root/lib/modules")
	mkdir -p "$tmp/var" "$tmp/src" "$tmp/root/lib/modules/$KVER"
	cp -r "$samples/cxx_out_of_tree" "$tmp/src/cxx_out_of_tree-0.1"
	make -s -C "$tmp/src/cxx_out_of_tree-0.1" KDIR="$KDIR" CXX_FOR_LINUX="$top" clean
	ln -s "$top" "$tmp/src/cxx-for-linux"
	# What depmod reads of the kernel's own tree, for modprobe in the guest.
	cp "/lib/modules/$KVER"/modules.{order,builtin,builtin.modinfo} "$tmp/root/lib/modules/$KVER/"
	ko=$tmp/root/lib/modules/$KVER/updates/dkms/cxx_out_of_tree.ko
	if env -u CXX_FOR_LINUX dkms add "${d[@]}" "$dkms_mod" &&
		env -u CXX_FOR_LINUX dkms build "${d[@]}" "$dkms_mod" -k "$KVER" &&
		env -u CXX_FOR_LINUX dkms install "${d[@]}" --no-depmod "$dkms_mod" -k "$KVER" &&
		depmod -b "$tmp/root" -F "/boot/System.map-$KVER" "$KVER"; then
		dkms status "${d[@]}" | tee "$out/dkms-status.txt"
		has "cxx_out_of_tree/0.1, $KVER, x86_64: installed" "$out/dkms-status.txt" &&
			[ "$(modinfo -F name "$ko")" = cxx_out_of_tree ] &&
			[ "$(modinfo -F vermagic "$ko" | cut -d' ' -f1)" = "$KVER" ] &&
			has "updates/dkms/cxx_out_of_tree.ko:" "$tmp/root/lib/modules/$KVER/modules.dep" || rc=1
		rm -rf "$out/dkms-root"
		cp -a "$tmp/root" "$out/dkms-root"
	else
		cat "$tmp/var/cxx_out_of_tree/0.1/build/make.log" 2>/dev/null | tail -n 30
		rc=1
	fi
	dkms remove "${d[@]}" --no-depmod "$dkms_mod" --all || rc=1
	if [ -e "$ko" ] || [ -e "$tmp/var/cxx_out_of_tree" ]; then
		echo "dkms remove left the module behind"
		rc=1
	fi
	rm -rf "$tmp"
	return $rc
}

# Editors: `make compile_commands.json` in the samples and in a copy of the
# template lists every C++ source with its command, without the GCC-only
# flags clang refuses; clangd (Debian's, clang 14) then checks a sample
# and the template with no error ("E[" lines; exit status 0).
editors=$out/editors
test_compile_commands() {
	local f db
	rm -rf "$editors"
	mkdir -p "$editors"
	cp -r "$samples/cxx_out_of_tree" "$editors/my_module"
	# W=1 as build_samples_w1 built them: nothing is rebuilt.
	make -C "$samples" KDIR="$KDIR" W=1 compile_commands.json &&
		make -C "$editors/my_module" KDIR="$KDIR" CXX_FOR_LINUX="$top" compile_commands.json ||
		return 1
	for db in "$samples/compile_commands.json" "$editors/my_module/compile_commands.json"; do
		python3 - "$db" "$KDIR" <<-'EOF' || return 1
		import json, sys
		db = json.load(open(sys.argv[1]))
		cpp = [e for e in db if e['file'].endswith('.cpp')]
		bad = [e['file'] for e in db if e['directory'] != sys.argv[2] or
		       '-mindirect-branch=thunk-extern' in e['command'] or
		       '-DMODULE ' in e['command'] or ' -o ' not in e['command']]
		print(sys.argv[1], len(db), 'entries,', len(cpp), '.cpp:',
		      ' '.join(e['file'].rsplit('/', 1)[1] for e in cpp))
		sys.exit(1 if bad or not cpp else 0)
		EOF
	done
	for f in cxx_minimal cxx_miscdev cxx_sync; do
		grep -qF "\"file\": \"$samples/$f.cpp\"" "$samples/compile_commands.json" ||
			{ echo "no $f.cpp in the samples' compile_commands.json"; return 1; }
	done
	grep -qF "\"file\": \"$editors/my_module/cxx_out_of_tree.cpp\"" \
		"$editors/my_module/compile_commands.json"
}

test_clangd() {
	local f st rc=0
	for f in "$samples/cxx_miscdev.cpp" "$editors/my_module/cxx_out_of_tree.cpp"; do
		timeout 600 clangd --check="$f" >"$editors/clangd-${f##*/}.txt" 2>&1
		st=$?
		echo "clangd --check=$f: exit status $st"
		[ $st = 0 ] || rc=1
		grep -E '^E\[' "$editors/clangd-${f##*/}.txt" && rc=1
		grep -F 'All checks completed, 0 errors' "$editors/clangd-${f##*/}.txt" || rc=1
	done
	return $rc
}

# The scull pair's sizes, as `make bench` reports them (bench.sh scull).
test_scull_sizes() {
	BENCH_OUT=$out/bench "$here/bench/bench.sh" scull | tee "$out/scull-sizes.txt" || return 1
	grep -E '^c_scull\.ko +[0-9]+ +[0-9]+' "$out/scull-sizes.txt" &&
		grep -E '^cxx_scull\.ko +[0-9]+ +[0-9]+' "$out/scull-sizes.txt" &&
		grep -E '^C\+\+/C text\+data: [0-9]+ / [0-9]+ = [0-9.]+' "$out/scull-sizes.txt" &&
		gcc -static -O2 -Wall -Wextra -Werror -o "$out/scull_test" "$here/user/scull_test.c"
}

# One boot of Debian's kernel: modprobe finds the module DKMS installed
# (the installed tree copied to the guest's /lib/modules), loads it with a
# parameter and unloads it; then both sculls pass scull_test.
test_tools_in_guest() {
	local scenario=$out/tools-scenario.sh log=$out/guest-tools.log s
	cat >"$scenario" <<-'EOF'
	echo "@@@ step modprobe"
	modprobe cxx_out_of_tree greeting_count=2; echo "@@@ rc $?"
	grep -c '^cxx_out_of_tree ' /proc/modules
	modprobe -r cxx_out_of_tree; echo "@@@ rc $?"
	dmesg | grep 'cxx_out_of_tree:'
	for m in c_scull cxx_scull; do
		echo "@@@ step $m"
		insmod $m.ko quantum=8 qset=2 && ./scull_test /dev/$m; echo "@@@ rc $?"
		rmmod $m; echo "@@@ rc $?"
	done
	echo "@@@ step end"
	EOF
	"$here/qemu/boot.sh" --timeout 900 --tree "$out/dkms-root" --scenario "$scenario" \
		--log "$log" "$out/bench/scull/c/c_scull.ko" \
		"$out/bench/scull/cxx/cxx_scull.ko" "$out/scull_test" || return 1
	s=$(step modprobe)
	cat "$s"
	[ "$(grep -c '^@@@ rc 0$' "$s")" = 2 ] && grep -qx 1 "$s" &&
		has "cxx_out_of_tree: Hello from an out-of-tree C++ module (2/2)" "$s" &&
		has "cxx_out_of_tree: Goodbye: 3 numbers freed" "$s" || return 1
	for m in c_scull cxx_scull; do
		s=$(step $m)
		[ "$(grep -c '^@@@ rc 0$' "$s")" = 2 ] && has "scull_test: 0 failed" "$s" ||
			{ cat "$s"; return 1; }
		grep -E '^(ok|FAIL) ' "$s" | sed 's/ (got .*//' >"$out/scull-$m.txt"
	done
	# The same checks, in the same order, on both.
	diff "$out/scull-c_scull.txt" "$out/scull-cxx_scull.txt" &&
		echo "$(grep -c '^ok ' "$out/scull-c_scull.txt") checks passed on both devices"
}

t dkms_build_install_remove test_dkms
t editors_compile_commands test_compile_commands
t editors_clangd_no_errors test_clangd
t scull_pair_sizes test_scull_sizes
t qemu_dkms_modprobe_and_scull test_tools_in_guest
