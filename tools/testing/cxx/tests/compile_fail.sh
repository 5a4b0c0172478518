# SPDX-License-Identifier: GPL-2.0
#
# compile_fail.sh - Compile-fail tests: each misuse in compile_fail/ fails to compile
# with the message its "// expect:" lines name.
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

# Compile-fail tests: misuse fails to compile, saying what to fix

test_compile_fail() {
	local f=$1 name exp dir=$out/compile_fail
	name=$(basename "$f" .cpp)
	exp=$(sed -n 's|^// expect: ||p' "$f")
	mkdir -p "$dir"
	cp "$f" "$dir/"
	{
		for g in "$here"/compile_fail/*.cpp; do
			echo "obj-m += $(basename "$g" .cpp).o"
			# A "// cxxflags-remove: FLAGS" line: compiled without them.
			sed -n "s|^// cxxflags-remove: |CXXFLAGS_REMOVE_$(basename "$g" .cpp).o += |p" "$g"
		done
		echo "include $top/scripts/Makefile.cxx"
	} >"$dir/Kbuild"
	# Kbuild unexports LC_ALL: g++ may quote with ‘’; make them plain.
	if kmake "$dir" "$name.cxx.o" >"$dir/$name.raw" 2>&1; then
		echo "$name compiled, but must not"
		return 1
	fi
	sed "s/\xe2\x80[\x98\x99]/'/g" "$dir/$name.raw" >"$dir/$name.txt"
	grep -F -- "$exp" "$dir/$name.txt" || {
		echo "expected message not found: $exp"
		grep -E 'error' "$dir/$name.txt" | head -5
		return 1
	}
}

# Tests, in order.
for f in "$here"/compile_fail/*.cpp; do
	t "compile_fail_$(basename "$f" .cpp)" test_compile_fail "$f"
done
