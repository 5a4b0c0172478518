# SPDX-License-Identifier: GPL-2.0
#
# arm64.sh - The in-tree flow cross-built for arm64 (kernel/build.sh arm64:
# tinyconfig + arm64.config, CONFIG_CXX=y, cxx_params built in, the other
# samples modules) and booted under qemu-system-aarch64 -M virt (TCG).
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

test_build_arm64_kernel() {
	"$here/kernel/build.sh" arm64 >"$out/arm64-kernel.env"
}

# The arm64 module loader refuses GOT relocations ("unsupported RELA
# relocation: 311", R_AARCH64_ADR_GOT_PAGE): g++ emits them for the address
# of a weak undefined symbol, which MODULE() must therefore never take. No
# module may carry one; every modular sample is checked, and must be arm64.
test_arm64_no_got_relocations() {
	local ko n=0 bad=0
	(. "$out/arm64-kernel.env"; ls "$KBUILD"/samples/cxx/*.ko) >"$out/arm64-kos.txt" || return 1
	while IFS= read -r ko; do
		n=$((n + 1))
		readelf -hW "$ko" | grep -q 'Machine: *AArch64' ||
			{ echo "$ko: not an arm64 object"; bad=1; }
		if readelf -rW "$ko" | grep -E 'R_AARCH64_[A-Z0-9_]*GOT'; then
			echo "$ko: GOT relocations (above)"
			bad=1
		fi
	done <"$out/arm64-kos.txt"
	echo "$n modules checked"
	[ "$n" -ge 5 ] && [ "$bad" = 0 ]
}

# One boot: run_samples.sh (`make run`'s scenario) shows the built-in
# samples' boot messages, then modprobes and removes every modular sample
# of modules.order. boot.sh judges the log (no kernel report, no taint).
test_boot_arm64_kernel() {
	(
		. "$out/arm64-kernel.env"
		"$here/qemu/boot.sh" --arch arm64 --timeout 900 --kernel "$KIMAGE" \
			--tree "$STAGING" --gen-init-cpio "$GEN_INIT_CPIO" \
			--append "cxx_params.my_int=5 cxx_params.my_charp=boot" \
			--scenario "$here/run_samples.sh" --log "$out/arm64.log"
	)
}

test_arm64_builtin_at_boot() {
	local log=$out/arm64.log
	has "### cxx_params is built in; at boot it printed:" "$log" &&
		has "cxx_params: C++ module parameters sample (init)" "$log" &&
		has "cxx_params: my_int=5" "$log" &&
		has "cxx_params: my_charp=boot" "$log"
}

# Each modular sample: loaded, its init message, unloaded, its exit message
# (extended regular expressions; tab-separated), in that order.
# run_samples.sh announces "### load NAME ARGS" (ARGS may be empty).
arm64_sample_lines() {
	cat <<-'EOF'
	cxx_minimal	cxx_minimal: C\+\+ minimal sample \(init\)	cxx_minimal: C\+\+ minimal sample \(exit\)
	cxx_print	cxx_print: C\+\+ printing macros sample \(init\)	cxx_print: C\+\+ printing macros sample \(exit\)
	cxx_miscdev	cxx_miscdev: registered /dev/cxx_miscdev, minor [0-9]+	cxx_miscdev: deregistering /dev/cxx_miscdev
	cxx_sync	cxx_sync: worker processed 10 items, sum 110, 2 references	cxx_sync: worker stopped; 1 reference left
	cxx_chrdev	cxx_chrdev: registered major [0-9]+, minors 0\.\.1	cxx_chrdev: unregistering major [0-9]+
	EOF
}
test_arm64_samples_load_unload() {
	local log=$out/arm64.log m init exit part bad=0
	while IFS=$'\t' read -r m init exit; do
		part=$(sed -n "/^### load $m /,/^### load /p" "$log")
		grep -qE "$init\$" <<<"$part" && grep -q "^### unload $m\$" <<<"$part" &&
			sed -n "/^### unload $m\$/,\$p" <<<"$part" | grep -qE "$exit\$" ||
			{ echo "$m: not loaded and unloaded with its messages"; bad=1; }
	done < <(arm64_sample_lines)
	has "### all samples loaded and unloaded" "$log" && [ "$bad" = 0 ]
}

# Tests, in order.
t build_arm64_kernel test_build_arm64_kernel
t arm64_modules_no_got_relocations test_arm64_no_got_relocations
t boot_arm64_kernel test_boot_arm64_kernel
t arm64_builtin_sample_at_boot test_arm64_builtin_at_boot
t arm64_samples_load_unload test_arm64_samples_load_unload
