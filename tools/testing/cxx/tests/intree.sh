# SPDX-License-Identifier: GPL-2.0
#
# intree.sh - In a kernel tree: the overlay, Kconfig, and the `make run` kernel with
# built-in and modular C++.
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

hook_files="Kbuild init/Kconfig samples/Kconfig samples/Makefile scripts/Makefile.build Makefile"

# A fresh unpack of the kernel source, for the overlay and Kconfig tests.
fresh=$out/fresh/linux-source-6.1
test_fresh_unpack() {
	rm -rf "$out/fresh"
	mkdir -p "$out/fresh"
	tar xf /usr/src/linux-source-6.1.tar.xz -C "$out/fresh" &&
		(cd "$fresh" && sha256sum $hook_files) >"$out/fresh/hooks.sha256"
}

# The overlay touches only the hook files and its own files; a second run
# changes nothing at all; --remove leaves the tree as it was.
test_overlay() {
	local stamp=$out/fresh/stamp f
	touch "$stamp"
	sleep 1
	"$top/scripts/cxx_overlay.sh" "$fresh" || return 1
	(cd "$fresh" && find . -newer "$stamp" -type f | sort) >"$out/overlay-changed.txt"
	for f in $hook_files; do
		has "./$f" "$out/overlay-changed.txt" || return 1
	done
	if grep -vE '^\./(cxx|include/cxx|samples/cxx|Documentation/cxx)/|^\./scripts/(Makefile\.cxx|cxx_(module|builtin)\.lds|gen_modinfo\.py|cxx_is_available\.sh)$|^\./\.cxx-overlay$' \
		"$out/overlay-changed.txt" | grep -vxF -f <(printf './%s\n' $hook_files); then
		echo "the overlay changed other files (above)"
		return 1
	fi
	echo "first run changed $(wc -l <"$out/overlay-changed.txt") files"
	touch "$stamp"
	sleep 1
	"$top/scripts/cxx_overlay.sh" "$fresh" || return 1
	[ -z "$(cd "$fresh" && find . -newer "$stamp")" ] ||
		{ echo "second run changed:"; (cd "$fresh" && find . -newer "$stamp"); return 1; }
	echo "second run changed nothing"
	"$top/scripts/cxx_overlay.sh" --remove "$fresh" || return 1
	(cd "$fresh" && sha256sum -c --quiet "$out/fresh/hooks.sha256") || return 1
	for f in cxx include/cxx samples/cxx Documentation/cxx scripts/Makefile.cxx \
		scripts/cxx_module.lds scripts/cxx_module_runtime.lds scripts/cxx_builtin.lds \
		scripts/gen_modinfo.py scripts/gen_cxx_bindings.py scripts/cxx_is_available.sh \
		.cxx-overlay; do
		[ ! -e "$fresh/$f" ] || { echo "left after --remove: $f"; return 1; }
	done
	echo "--remove restored the hook files and removed the layer"
	"$top/scripts/cxx_overlay.sh" "$fresh" >/dev/null
}

# In menuconfig terms: C++ support and the C++ samples can be switched on,
# and olddefconfig keeps them.
test_kconfig_enable() {
	local o=$out/fresh/o-cxx
	make -s -C "$fresh" O="$o" tinyconfig >/dev/null || return 1
	"$fresh/scripts/config" --file "$o/.config" --enable 64BIT --enable MODULES \
		--enable CXX --enable SAMPLES --enable SAMPLES_CXX \
		--module SAMPLE_CXX_MINIMAL --enable SAMPLE_CXX_PARAMS
	make -s -C "$fresh" O="$o" olddefconfig >/dev/null || return 1
	for c in CONFIG_CXX_IS_AVAILABLE=y CONFIG_CXX=y CONFIG_SAMPLES_CXX=y \
		CONFIG_SAMPLE_CXX_MINIMAL=m CONFIG_SAMPLE_CXX_PARAMS=y; do
		grep -qx "$c" "$o/.config" || { echo "$c lost"; return 1; }
	done
	make -s -C "$fresh" O="$o" cxxavailable | tee "$out/cxxavailable.txt"
	has "C++ is available!" "$out/cxxavailable.txt"
}

# Without g++ on PATH, CXX cannot be enabled and `make cxxavailable` says why.
test_kconfig_without_gxx() {
	local o=$out/fresh/o-nogxx bin=$out/fresh/bin-without-gxx f
	rm -rf "$bin"
	mkdir -p "$bin"
	for f in /usr/local/bin/* /usr/bin/* /bin/*; do
		case ${f##*/} in g++* | c++* | *-g++* | *-c++*) continue ;; esac
		[ -e "$bin/${f##*/}" ] || ln -s "$f" "$bin/${f##*/}"
	done
	PATH=$bin command -v g++ && { echo "g++ still on PATH"; return 1; }
	PATH=$bin make -s -C "$fresh" O="$o" tinyconfig >/dev/null || return 1
	"$fresh/scripts/config" --file "$o/.config" --enable 64BIT --enable CXX
	PATH=$bin make -s -C "$fresh" O="$o" olddefconfig >/dev/null || return 1
	grep -q '^CONFIG_CXX=y' "$o/.config" && { echo "CXX enabled without g++"; return 1; }
	grep -q '^CONFIG_CXX_IS_AVAILABLE=y' "$o/.config" && return 1
	if PATH=$bin make -s -C "$fresh" O="$o" cxxavailable >"$out/cxxavailable-nogxx.txt" 2>&1; then
		echo "cxxavailable succeeded without g++"
		return 1
	fi
	cat "$out/cxxavailable-nogxx.txt"
	has "C++ compiler 'g++' could not be found." "$out/cxxavailable-nogxx.txt"
}


test_build_run_kernel() {
	"$here/kernel/build.sh" run >"$out/run-kernel.env"
}

test_boot_run_kernel() {
	(
		. "$out/run-kernel.env"
		"$here/qemu/boot.sh" --timeout 300 --kernel "$KIMAGE" \
			--tree "$STAGING" --gen-init-cpio "$GEN_INIT_CPIO" \
			--append "cxx_params.my_int=5 cxx_params.my_charp=boot" \
			--scenario "$here/guest_intree.sh" --log "$out/intree.log"
	)
}

istep() { log=$out/intree.log step "$1"; }

test_builtin_at_boot() {
	local s
	s=$(istep builtin)
	sed -n '/^@@@ boot log/,/^@@@ end/p' "$s" >"$out/builtin-boot.txt"
	has "cxx_params: C++ module parameters sample (init)" "$out/builtin-boot.txt" &&
		has "cxx_params: my_int=5" "$out/builtin-boot.txt" &&
		has "cxx_params: my_charp=boot" "$out/builtin-boot.txt" &&
		has "sysfs my_int=5" "$s" && has "sysfs my_charp=boot" "$s" &&
		has "kernel/samples/cxx/cxx_params.ko" "$s" &&
		has "cxx_params.license=GPL" "$s" &&
		has "cxx_params.parmtype=my_int:int" "$s" &&
		has "cxx_params.file=samples/cxx/cxx_params" "$s"
}

test_modprobe_intree() {
	local s
	s=$(istep modprobe)
	[ "$(grep -c '@@@ rc 0' "$s")" = 2 ] && has "loaded=0" "$s" &&
		has "cxx_minimal: C++ minimal sample (init)" "$s" &&
		has "cxx_minimal: My numbers are [72, 108, 200]" "$s"
}

test_insmod_intree() {
	local s
	s=$(istep insmod)
	[ "$(grep -c '@@@ rc 0' "$s")" = 2 ] &&
		has "cxx_print: C++ printing macros sample (exit)" "$s"
}

# On a kernel with CONFIG_CXX=y (vmlinux exports the list's helpers), a
# directory's own helper (cxx-bindings-helpers-y) is linked into its module
# from local_helpers.a, and the on-demand helpers into the module that
# calls them: extbind/procfs and extbind/inline, built against the `make
# run` kernel, load and unload there with a clean log.
test_run_kernel_extbind() {
	local d=$out/extbind-run m log=$out/extbind-run.log
	rm -rf "$d"
	mkdir -p "$d"
	cp -r "$here/extbind/procfs" "$here/extbind/inline" "$d/"
	(
		. "$out/run-kernel.env"
		for m in procfs inline; do
			make -C "$KBUILD" M="$d/$m" CXX_FOR_LINUX="$top" || exit 1
		done
	) >"$out/extbind-run-build.txt" 2>&1 || { tail -n 20 "$out/extbind-run-build.txt"; return 1; }
	has "AR      $d/procfs/.cxx/local_helpers.a" "$out/extbind-run-build.txt" &&
		nm "$d/procfs/cxx_extbind_procfs.ko" | grep ' T cxx_helper_proc_create_single$' &&
		nm "$d/inline/cxx_inline.ko" | grep ' T cxx_helper_list_move$' &&
		nm "$d/inline/cxx_inline.ko" | grep ' U cxx_helper_list_add_tail$' || return 1
	printf '%s\n' 'insmod cxx_extbind_procfs.ko; echo "@@@ rc $?"' \
		'echo "@@@ proc $(cat /proc/cxx_extbind)"' \
		'rmmod cxx_extbind_procfs; echo "@@@ rc $?"' \
		'insmod cxx_inline.ko; echo "@@@ rc $?"' \
		'mount -t debugfs none /sys/kernel/debug 2>/dev/null' \
		'echo "@@@ xul $(cat /sys/kernel/debug/cxx_inline/xul)"' \
		'rmmod cxx_inline; echo "@@@ rc $?"' >"$d/scenario.sh"
	(
		. "$out/run-kernel.env"
		"$here/qemu/boot.sh" --timeout 300 --kernel "$KIMAGE" --gen-init-cpio "$GEN_INIT_CPIO" \
			--scenario "$d/scenario.sh" --log "$log" \
			"$d/procfs/cxx_extbind_procfs.ko" "$d/inline/cxx_inline.ko"
	) || return 1
	[ "$(grep -c '@@@ rc 0' "$log")" = 4 ] &&
		has "@@@ proc hello from C++ through seq_file" "$log" &&
		has "@@@ xul 0x000000000000001f" "$log" &&
		has "cxx_inline: inline helpers: 0 checks failed" "$log"
}

test_intree_untainted() {
	has "tainted=0" "$(istep taint)"
}

# Tests, in order.
t fresh_kernel_source test_fresh_unpack
t overlay_idempotent_reversible test_overlay
t kconfig_enable_cxx_and_samples test_kconfig_enable
t kconfig_cxx_needs_gxx test_kconfig_without_gxx
t build_run_kernel test_build_run_kernel
t boot_run_kernel test_boot_run_kernel
t builtin_sample_at_boot_with_cmdline_params test_builtin_at_boot
t modprobe_after_depmod test_modprobe_intree
t insmod_intree_module test_insmod_intree
t intree_modules_untainted test_intree_untainted
t run_kernel_extended_and_inline_helpers test_run_kernel_extbind
