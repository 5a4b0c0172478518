# SPDX-License-Identifier: GPL-2.0
#
# build.sh - Building: the quiet build, rebuilds on change, flags, objtool,
# clean, undefined symbols, the runtime linked on demand, mixed C/C++ modules.
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

# A plain build shows the quiet line and nothing C++-specific goes wrong.
# From an empty share (the test bench's own, $CXX_SHARE), the bindings are
# generated and proved there, once per kernel (share.sh).
test_quiet_build() {
	kmake "$samples" clean >/dev/null
	rm -rf "$CXX_SHARE"
	kmake "$samples" | tee "$out/quiet-build.txt" || return 1
	local s
	s=$(readlink "$samples/.cxx/share")
	has "  CXX [M]  $samples/cxx_minimal.cxx.o" "$out/quiet-build.txt" &&
		has "  BINDGEN $s/include/generated/cxx/bindings.h" "$out/quiet-build.txt" &&
		has "  PROOF   $s/bindings_check.[c,cpp]" "$out/quiet-build.txt"
}

# A second make with nothing changed compiles nothing.
test_no_rebuild() {
	kmake "$samples" | tee "$out/rebuild.txt" || return 1
	hasnt "CXX [M]" "$out/rebuild.txt" && hasnt "CC [M]" "$out/rebuild.txt" &&
		hasnt "BINDGEN" "$out/rebuild.txt" && hasnt "PROOF" "$out/rebuild.txt"
}

# Touching a header every sample includes rebuilds exactly the C++ objects.
test_header_dependency() {
	touch "$top/include/cxx/vec.h"
	kmake "$samples" | tee "$out/header-dep.txt" || return 1
	for m in cxx_minimal cxx_print cxx_params; do
		has "CXX [M]  $samples/$m.cxx.o" "$out/header-dep.txt" || return 1
	done
	hasnt "CC [M]  $(readlink "$samples/.cxx/share")/helpers/" "$out/header-dep.txt"
}

# The bindings are regenerated when a kernel header they read or a config
# option those headers test changes, and then proved again before C++ is
# compiled; the dependency file fixdep made of them lists both kinds. A
# change is simulated by touching the file (make -W is not passed to
# Kbuild's sub-makes); its time stamp is put back afterwards. Out of tree
# they are in the share, which the directory's build remakes.
test_bindings_deps() {
	local s=$(readlink "$samples/.cxx/share") hdr cfg what rc
	local cmd=$s/include/generated/cxx/.bindings.h.cmd
	hdr=$(grep -oE '[^ ]*/include/linux/rbtree\.h' "$cmd" | head -1)
	[ -n "$hdr" ] || { echo "rbtree.h not among the dependencies"; return 1; }
	# A config option the headers test that is set in this kernel (only
	# those have an include/config/ file).
	cfg=$(grep -oE 'include/config/[A-Z0-9_]+' "$cmd" | sort -u |
		while read -r c; do [ -e "$KDIR/$c" ] && echo "$KDIR/$c"; done | grep -m1 SLUB)
	[ -n "$cfg" ] || { echo "no config dependency"; return 1; }
	for what in "$hdr" "$cfg"; do
		touch -r "$what" "$out/stamp" && touch "$what" || return 1
		kmake "$samples" >"$out/bindings-dep.txt"
		rc=$?
		touch -r "$out/stamp" "$what"
		[ $rc = 0 ] || return 1
		has "BINDGEN $s/include/generated/cxx/bindings.h" "$out/bindings-dep.txt" &&
			has "PROOF   $s/bindings_check.[c,cpp]" "$out/bindings-dep.txt" &&
			has "CXX [M]  $samples/cxx_minimal.cxx.o" "$out/bindings-dep.txt" || return 1
		echo "${what#"$KDIR"/}: regenerated, proved, C++ rebuilt"
	done
	kmake "$samples" >"$out/bindings-dep.txt" || return 1
	hasnt "BINDGEN" "$out/bindings-dep.txt"
}

# Changing one file's flags (CXXFLAGS_<file>.o) rebuilds that file only,
# and the flag is on its command line.
test_flag_change() {
	kmake "$samples" V=1 CXXFLAGS_cxx_print.o=-DCXX_TEST_KNOB \
		>"$out/flag-change.txt" || return 1
	grep -E "g\+\+.* -DCXX_TEST_KNOB .*cxx_print\.cxx\.o" "$out/flag-change.txt" ||
		{ echo "no -DCXX_TEST_KNOB on cxx_print's command line"; return 1; }
	if grep -E "g\+\+.* -o [^ ]*cxx_(minimal|params)\.cxx\.o" "$out/flag-change.txt"; then
		echo "other objects were rebuilt"
		return 1
	fi
	kmake "$samples" >"$out/flag-change-back.txt" || return 1
	has "CXX [M]  $samples/cxx_print.cxx.o" "$out/flag-change-back.txt"
}

# A false layout claim stops the build through the real Kbuild path: a
# failed assertion appended to either generated proof fails `make`, with
# the compiler's message, and no .ko is linked. Then the true proofs build
# again.
test_proof_gate() {
	local proof=$(readlink "$samples/.cxx/share")/bindings_check ko=$samples/cxx_minimal.ko ext
	local -A claim=([c]='_Static_assert(0, "cxx proof gate test");'
		[cpp]='static_assert(false, "cxx proof gate test");')
	for ext in c cpp; do
		[ -f "$proof.$ext" ] || { echo "no $proof.$ext"; return 1; }
		cp "$proof.$ext" "$out/proof-saved.$ext"
		echo "${claim[$ext]}" >>"$proof.$ext"
		touch "$samples/cxx_minimal.cpp"
		rm -f "$ko"
		if kmake "$samples" >"$out/proof-gate-$ext.txt" 2>&1; then
			echo "a false claim in bindings_check.$ext did not fail the build"
			cp "$out/proof-saved.$ext" "$proof.$ext"
			return 1
		fi
		cp "$out/proof-saved.$ext" "$proof.$ext"
		has "cxx proof gate test" "$out/proof-gate-$ext.txt" || return 1
		[ ! -e "$ko" ] || { echo "cxx_minimal.ko was linked"; return 1; }
		echo "bindings_check.$ext: the build failed, no .ko"
	done
	kmake "$samples" >"$out/proof-gate-back.txt" 2>&1 && [ -e "$ko" ]
}

# make clean leaves nothing behind but the sources.
test_clean() {
	kmake "$samples" clean || return 1
	diff <(cd "$samples" && find . | sort) "$out/samples-sources.txt"
}

# The builds the rest of the tests use: verbose, with W=1.
test_build_samples() {
	kmake "$samples" V=1 W=1 >"$out/build-samples.txt" 2>&1
	local rc=$?
	cat "$out/build-samples.txt"
	return $rc
}
test_build_test_modules() {
	kmake "$tmods" clean >/dev/null
	kmake "$tmods" V=1 W=1 >"$out/build-tmods.txt" 2>&1
	local rc=$?
	cat "$out/build-tmods.txt"
	return $rc
}

# W=1 and modpost have nothing to say about our code. Only the compiler
# and tool command lines V=1 echoes (indented, and without a "warning:" or
# "error:" of a diagnostic) are skipped: they name -Werror= and friends.
diagnostics() {
	awk '{ l = tolower($0) }
		l ~ /warning|error/ && (l ~ /(^|[ :])(warning|error):/ || $0 !~ /^  +[^ 0-9|]/)' "$@"
}
test_no_warnings() {
	! diagnostics "$out/build-samples.txt" "$out/build-tmods.txt" | grep .
}

# modpost finds every symbol, and every undefined symbol is a kernel export.
test_no_undefined() {
	local ko sym bad=0
	cat "$out/build-samples.txt" "$out/build-tmods.txt" | grep -F 'undefined!' && bad=1
	for ko in "$samples"/*.ko "$tmods"/*.ko; do
		# Weak undefined symbols (w) may stay unresolved: the loader
		# makes them NULL. Strong ones (U) must be kernel exports, or
		# exports of a module of the same directory (cxx_export).
		for sym in $(nm -u "$ko" | awk '$1 == "U" {print $2}'); do
			if ! awk -v s="$sym" '$2 == s { found = 1 } END { exit !found }' \
				"$KDIR/Module.symvers" "${ko%/*}/Module.symvers"; then
				echo "${ko##*/}: $sym is not exported by the kernel or a module beside it"
				bad=1
			fi
		done
	done
	return $bad
}

# Out of tree, a module links only the parts of the runtime it uses: the
# misc device allocates through Box (inline gfp new, kfree) and has no
# abstract class, so it carries no operator new/delete and no pure-virtual
# stub; the modules that use them do, and the aligned operator new only
# where an over-aligned type is allocated.
test_runtime_on_demand() {
	local defined='$2 ~ /^[TtWw]$/ { print $3 }'
	if nm "$samples/cxx_miscdev.ko" | awk "$defined" |
		grep -E '^(_Znwm|_ZdlPv|_ZdlPvm|__cxa_pure_virtual|__cxa_deleted_virtual)$'; then
		echo "cxx_miscdev.ko carries runtime parts it does not use"
		return 1
	fi
	nm "$tmods/cxx_pure_virtual.ko" | awk "$defined" | grep -qx __cxa_pure_virtual || {
		echo "cxx_pure_virtual.ko lacks __cxa_pure_virtual"
		return 1
	}
	nm "$tmods/cxx_runtime.ko" | awk "$defined" | grep -qx _Znwm || {
		echo "cxx_runtime.ko lacks operator new"
		return 1
	}
	# The aligned forms (new_aligned.o) only where a type aligned above 8
	# is allocated (-faligned-new=8): cxx_pure_virtual uses plain new only.
	nm "$tmods/cxx_aligned.ko" | awk "$defined" | grep -qx _ZnwmSt11align_val_t || {
		echo "cxx_aligned.ko lacks the aligned operator new"
		return 1
	}
	if nm "$tmods/cxx_pure_virtual.ko" | awk "$defined" | grep -x _ZnwmSt11align_val_t; then
		echo "cxx_pure_virtual.ko carries the aligned operator new it does not use"
		return 1
	fi
}

# objtool ran on every C++ object with the options C objects get, and left
# its ORC unwind tables and return-thunk sites in each module.
test_objtool() {
	local log=$out/build-tmods.txt obj c_opts cxx_opts
	c_opts=$(grep -oE "objtool/objtool [^;]* $tmods/mixed_helper.o" "$log" |
		sed "s| $tmods/mixed_helper.o||")
	[ -n "$c_opts" ] || { echo "objtool did not run on the C object"; return 1; }
	for obj in "$tmods/mixed_main.o" "$tmods/cxx_runtime.cxx.o" \
		"$tmods/.cxx/new.o" "$samples/cxx_minimal.cxx.o" \
		"$samples/cxx_params.cxx.o" "$samples/cxx_print.cxx.o"; do
		cxx_opts=$(cat "$out/build-samples.txt" "$log" |
			grep -oE "objtool/objtool [^;]* ${obj//./\\.}" | head -1 |
			sed "s| ${obj}||")
		[ "$cxx_opts" = "$c_opts" ] ||
			{ echo "objtool on $obj: '$cxx_opts' vs C: '$c_opts'"; return 1; }
		echo "objtool ran: $cxx_opts $obj"
	done
	for ko in "$samples"/*.ko "$tmods"/*.ko; do
		for sec in .orc_unwind .orc_unwind_ip .return_sites; do
			readelf -SW "$ko" | grep -F " $sec " >/dev/null ||
				{ echo "${ko##*/} has no $sec"; return 1; }
		done
	done
}

# The C++ command line is the kernel's C command line minus only what g++
# itself rejects as C-only, plus the C++ dialect flags.
test_flags_derived() {
	local log=$out/build-tmods.txt c cxx f missing=0
	c=$(grep -E "gcc[^ ]* .* -o $tmods/mixed_helper.o " "$log" | head -1 |
		sed 's/ -c -o .*//')
	cxx=$(grep -E "g\+\+[^ ]* .* -o $tmods/mixed_main.o " "$log" | head -1 |
		sed 's/ -c -o .*//')
	[ -n "$c" ] && [ -n "$cxx" ] || { echo "command lines not found"; return 1; }
	for f in $c; do
		case $f in
		gcc* | -Wp,-MMD,* | -DKBUILD_BASENAME=* | */compiler_types.h) continue ;;
		esac
		grep -qF -- " $f " <<<" $cxx " && continue
		# Dropped: g++ must refuse it for C++.
		verdict=$(LC_ALL=C g++ -x c++ -fsyntax-only "$f" - </dev/null 2>&1)
		if grep -qE "valid for C/ObjC but not for C\+\+|is not valid for C\+\+" \
			<<<"$verdict"; then
			echo "dropped C-only: $f"
		else
			echo "dropped but valid for C++: $f"
			missing=1
		fi
	done
	for f in -mcmodel=kernel -mno-red-zone -mno-sse -mno-mmx -mno-80387 \
		-mindirect-branch=thunk-extern -mfunction-return=thunk-extern \
		-fno-PIE -mfentry -fstack-protector-strong -DMODULE \
		-std=gnu++20 -fno-exceptions -fno-rtti -fno-threadsafe-statics; do
		grep -qF -- " $f " <<<" $cxx " || { echo "C++ lacks $f"; missing=1; }
	done
	return $missing
}

# cxxflags-y reaches every C++ object of the directory and no C object;
# CXXFLAGS_REMOVE_<file>.o takes it away from one file.
test_dir_and_file_knobs() {
	local log=$out/build-tmods.txt
	grep -E "g\+\+[^ ]* .* -DCXX_TEST_DIR_KNOB .* -o $tmods/mixed_main.o " "$log" >/dev/null ||
		{ echo "cxxflags-y missing on mixed_main.o"; return 1; }
	if grep -E " -DCXX_TEST_DIR_KNOB .* -o $tmods/(mixed_helper.o|cxx_runtime.cxx.o) " "$log"; then
		echo "cxxflags-y where it must not be"
		return 1
	fi
}

# A module of a .cpp and a .c object (cxx_mixed-y := ...) links both.
test_mixed_module() {
	nm "$tmods/cxx_mixed.ko" | grep -w mixed_helper_sum &&
		nm "$tmods/cxx_mixed.ko" | grep -w init_module
}

# The locks forms.cpp defines at namespace scope are constinit (it would not
# compile otherwise) and leave the module no constructor to run: no
# .init_array in its object, and only the terminator in the .ko's
# .cxx_ctors. The check does see one where there is one: cxx_condvar's
# Mutex and CondVar are built from a LockClass, at load.
ctors_size() {
	objdump -h "$1" | awk '$2 == ".cxx_ctors" { print $3 }'
}
test_forms_no_ctors() {
	readelf -SW "$tmods/cxx_condvar.cxx.o" | grep -F .init_array &&
		[ "$(ctors_size "$tmods/cxx_condvar.ko")" != 00000008 ] ||
		{ echo "no constructor found in cxx_condvar: the check sees nothing"; return 1; }
	! readelf -SW "$tmods/forms.o" | grep -F .init_array &&
		[ "$(ctors_size "$tmods/cxx_forms.ko")" = 00000008 ]
}

# Tests, in order.
t quiet_build test_quiet_build
t no_rebuild_when_unchanged test_no_rebuild
t header_dependency test_header_dependency
t bindings_regenerated_on_dependency_change test_bindings_deps
t per_file_flag_change test_flag_change
t bindings_proof_gates_the_build test_proof_gate
t clean test_clean
t build_samples_w1 test_build_samples
t build_test_modules_w1 test_build_test_modules
t no_warnings test_no_warnings
t no_undefined_symbols test_no_undefined
t runtime_linked_on_demand test_runtime_on_demand
t objtool_on_cxx_objects test_objtool
t flags_derived_from_kernel test_flags_derived
t dir_and_file_knobs test_dir_and_file_knobs
t mixed_c_cxx_module test_mixed_module
t static_locks_no_constructor test_forms_no_ctors
