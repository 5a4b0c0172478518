#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# inline_coverage.sh MODULE_DIR MODULE KDIR - how many static inline
# functions of a directory's bindings C++ can really call.
#
# MODULE_DIR is a built directory of C++ modules, MODULE one of its modules:
# its <MODULE>.cxx-helpers.o command line (from the .cmd file) compiles
# every wrapper of .cxx/inline_helpers.c at once; a wrapper gcc refuses
# (one that needs a constant argument, such as arch_static_branch()) is
# dropped and the rest compiled again, until all compile. Then a wrapper
# that refers to a symbol KDIR's Module.symvers does not export would fail
# a module's modpost: it is counted as not callable either. Prints the
# figures and the names of the wrappers that do not compile or link.

set -uo pipefail
dir=$1 mod=$2 kdir=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
skipped=$dir/.cxx/include/generated/cxx/bindings_skipped.txt
total=$(sed -n 's/^# static inline functions: \([0-9]*\),.*/\1/p' "$skipped")
[ -n "$total" ] || { echo "no figures in $skipped"; exit 1; }

cmd=$(sed -n '1s/^cmd_[^ ]* := //p' "$dir/.$mod.cxx-helpers.o.cmd")
cmd=${cmd%%;*}
cmd=$(sed -e 's| -Wp,-MMD,[^ ]*||' -e "s| -c -o [^ ]*| -c -o $tmp/all.o|" \
	-e "s|[^ ]*/$mod\\.cxx-helpers\\.c|$tmp/all.c|" <<<"$cmd")
sed -n 's/^#ifdef CXX_WANT_\(.*\)/\1/p' "$dir/.cxx/inline_helpers.c" >"$tmp/want"
declared=$(wc -l <"$tmp/want")
: >"$tmp/nocompile"
for _ in $(seq 20); do
	{ sed 's/^/#define CXX_WANT_/' "$tmp/want"
	  echo "#include \"$dir/.cxx/inline_helpers.c\""; } >"$tmp/all.c"
	(cd "$kdir" && eval "$cmd") >"$tmp/err" 2>&1 && break
	# gcc names the wrapper an error was inlined into; the assembler names
	# no function: find it in the assembly.
	# (Its quotes are ASCII or not, as the locale has it.)
	bad=$(grep -oE "(inlined from|In function) [^ ]*cxx_helper_[A-Za-z0-9_]+" "$tmp/err" |
		sed -E 's/.*cxx_helper_([A-Za-z0-9_]+)$/\1/' | sort -u)
	if [ -z "$bad" ] && grep -q "Assembler messages" "$tmp/err"; then
		(cd "$kdir" && eval "$(sed "s| -c -o [^ ]*| -S -o $tmp/all.s|" <<<"$cmd")") \
			>/dev/null 2>&1
		line=$(as --64 -o /dev/null "$tmp/all.s" 2>&1 | sed -n 's/.*:\([0-9]*\): Error: \(.*\)/\2/p' | head -1)
		op=$(sed -n "s/.*\`\(.*\)'.*/\1/p" <<<"$line")
		bad=$(awk -v op="$op" '/^cxx_helper_[A-Za-z0-9_]*:/ { f = substr($1, 12, length($1) - 12) }
			(index($0, ":" op) || index($0, "(" op)) && f { print f; exit }' "$tmp/all.s")
	fi
	[ -n "$bad" ] || { echo "cannot tell which wrapper fails:"; tail -n 5 "$tmp/err"; exit 1; }
	printf '%s\n' $bad >>"$tmp/nocompile"
	grep -vxF -f "$tmp/nocompile" "$tmp/want" >"$tmp/want.new"
	mv "$tmp/want.new" "$tmp/want"
done
[ -e "$tmp/all.o" ] || { echo "the wrappers never compiled"; exit 1; }
compiled=$(wc -l <"$tmp/want")

# Wrappers whose code refers to a symbol the kernel does not export.
awk '{ print $2 }' "$kdir/Module.symvers" | sort -u >"$tmp/exported"
nm -u "$tmp/all.o" | awk '{ print $2 }' | sort -u | comm -23 - "$tmp/exported" >"$tmp/unexported"
objdump -dr "$tmp/all.o" | awk '/^[0-9a-f]+ <cxx_helper_[^>]*>:$/ { f = substr($2, 13, length($2) - 14) }
	/R_X86_64_/ { s = $NF; sub(/[-+]0x[0-9a-f]+$/, "", s); print f, s }' |
	awk 'NR == FNR { u[$1] = 1; next } ($2 in u) { print $1 }' "$tmp/unexported" - |
	sort -u >"$tmp/nolink"
linked=$((compiled - $(wc -l <"$tmp/nolink")))

echo "static inline functions in the bound headers: $total"
echo "declared to C++ with an on-demand wrapper: $declared"
echo "wrappers that compile: $compiled (not: $(sort -u "$tmp/nocompile" | tr '\n' ' '))"
echo "wrappers that also link (only exported symbols): $linked" \
	"(not: $(wc -l <"$tmp/nolink"), e.g. $(head -n 5 "$tmp/nolink" | tr '\n' ' '))"
awk -v t="$total" -v l="$linked" \
	'BEGIN { printf "coverage: %d of %d static inline functions callable (%.1f%%)\n", l, t, 100 * l / t }'
