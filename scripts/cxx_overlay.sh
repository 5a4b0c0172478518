#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# cxx_overlay.sh - lay C++ for Linux over a kernel source tree, or take it off.
#
# Usage:
#   scripts/cxx_overlay.sh KSRC            lay the layer over KSRC
#   scripts/cxx_overlay.sh --remove KSRC   take it off again
#
# Copies the layer's files to the same paths in KSRC (cxx/, include/cxx/,
# samples/cxx/, Documentation/cxx/ and seven files of scripts/), only those
# whose content differs, so that an unchanged file keeps its time stamp and
# Kbuild rebuilds nothing. Then adds these hook lines to the kernel's files,
# each next to its Rust-for-Linux counterpart:
#
#   Kbuild                  obj-$(CONFIG_CXX) += cxx/        (the runtime)
#   init/Kconfig            source "cxx/Kconfig"             (General setup)
#   samples/Kconfig         source "samples/cxx/Kconfig"
#   samples/Makefile        obj-$(CONFIG_SAMPLES_CXX) += cxx/
#   scripts/Makefile.build  include $(srctree)/scripts/Makefile.cxx
#   Makefile                the `cxxavailable` target (4 lines), and its
#                           name among the targets that need no .config
#
# Running it twice changes nothing the second time. --remove deletes exactly
# the files it copied (listed in KSRC/.cxx-overlay) and the hook lines, which
# leaves the tree as it was.

set -euo pipefail

prog=${0##*/}
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

die() {
	echo "$prog: $*" >&2
	exit 1
}

remove=
if [ "${1:-}" = --remove ]; then
	remove=1
	shift
fi
[ $# -eq 1 ] || die "usage: $prog [--remove] KSRC"
ksrc=$(cd "$1" 2>/dev/null && pwd) || die "no such directory: $1"
[ -f "$ksrc/Kbuild" ] && [ -f "$ksrc/init/Kconfig" ] &&
	[ -f "$ksrc/scripts/Makefile.build" ] || die "$ksrc is not a kernel source tree"
[ "$ksrc" != "$top" ] || die "KSRC is this tree itself"
manifest=$ksrc/.cxx-overlay

# The layer's files, as paths relative to the top: sources only, never what
# a build left beside them.
layer_files() {
	(
		cd "$top"
		find cxx include/cxx samples/cxx Documentation/cxx -type f \
			\( -name '*.c' -o -name '*.cpp' -o -name '*.h' -o \
			-name Kbuild -o -name Kconfig -o -name Makefile -o \
			-name '*.rst' -o -name '*.txt' \) -not -path '*/.cxx/*' \
			-not -name '*.mod.c' -not -name new_exports.c
		printf '%s\n' scripts/Makefile.cxx scripts/cxx_module.lds \
			scripts/cxx_module_runtime.lds \
			scripts/cxx_builtin.lds scripts/gen_modinfo.py \
			scripts/gen_cxx_bindings.py scripts/cxx_is_available.sh
	) | sort
}

# hook FILE LINE ANCHOR WHERE - put LINE before or after the first line
# matching the extended regex ANCHOR, or at the end if there is none.
hook() {
	local file=$ksrc/$1 line=$2 anchor=$3 where=$4
	grep -qxF -- "$line" "$file" && return 0
	# Through the environment: awk -v would interpret backslashes.
	LINE=$line ANCHOR=$anchor WHERE=$where awk '
		BEGIN { line = ENVIRON["LINE"]; anchor = ENVIRON["ANCHOR"]
			where = ENVIRON["WHERE"] }
		!done && $0 ~ anchor {
			if (where == "before") print line
			print
			if (where == "after") print line
			done = 1
			next
		}
		{ print }
		END { if (!done) print line }
	' "$file" >"$file.cxx-tmp"
	mv "$file.cxx-tmp" "$file"
}

unhook() {
	local file=$ksrc/$1 line=$2
	grep -qxF -- "$line" "$file" || return 0
	grep -vxF -- "$line" "$file" >"$file.cxx-tmp" || true
	mv "$file.cxx-tmp" "$file"
}

# The hook lines: file, line, anchor, where.
hooks() {
	cat <<-'EOF'
	Kbuild	obj-$(CONFIG_CXX)	+= cxx/	^obj-\$\(CONFIG_RUST\)	after
	init/Kconfig	source "cxx/Kconfig"	^endmenu.*# General setup	before
	samples/Kconfig	source "samples/cxx/Kconfig"	^source "samples/rust/Kconfig"	after
	samples/Makefile	obj-$(CONFIG_SAMPLES_CXX)		+= cxx/	^obj-\$\(CONFIG_SAMPLES_RUST\)	after
	scripts/Makefile.build	include $(srctree)/scripts/Makefile.cxx	^include \$\(or \$\(wildcard \$\(kbuild-dir\)/Kbuild\)	after
	Makefile	# "Is C++ available?" target	^# "Is Rust available\?" target	before
	Makefile	PHONY += cxxavailable	^# "Is Rust available\?" target	before
	Makefile	cxxavailable:	^# "Is Rust available\?" target	before
	Makefile		$(Q)$(CONFIG_SHELL) $(srctree)/scripts/cxx_is_available.sh -v && echo "C++ is available!"	^# "Is Rust available\?" target	before
	EOF
}

# The hook lines contain tabs, so split on the *last* three tab-separated
# fields of each entry: file, then line (may hold tabs), anchor, where.
each_hook() {
	local fn=$1 entry file rest line anchor where
	while IFS= read -r entry; do
		file=${entry%%$'\t'*}
		rest=${entry#*$'\t'}
		where=${rest##*$'\t'}
		rest=${rest%$'\t'*}
		anchor=${rest##*$'\t'}
		line=${rest%$'\t'*}
		"$fn" "$file" "$line" "$anchor" "$where"
	done < <(hooks)
}

apply_hook() { hook "$@"; }
remove_hook() { unhook "$1" "$2"; }

no_dot_config() {
	local mk=$ksrc/Makefile
	if [ -z "$remove" ]; then
		grep -q '^[[:space:]].*outputmakefile rustavailable .*cxxavailable' "$mk" ||
			sed -i 's/^\([[:space:]].*outputmakefile rustavailable\)\( .*\)$/\1 cxxavailable\2/' "$mk"
	else
		sed -i 's/^\([[:space:]].*outputmakefile rustavailable\) cxxavailable\( .*\)$/\1\2/' "$mk"
	fi
}

if [ -n "$remove" ]; then
	if [ -f "$manifest" ]; then
		while IFS= read -r f; do
			rm -f "$ksrc/$f"
			d=$(dirname "$f")
			while [ "$d" != . ] && rmdir "$ksrc/$d" 2>/dev/null; do
				d=$(dirname "$d")
			done
		done <"$manifest"
		rm -f "$manifest"
	fi
	each_hook remove_hook
	no_dot_config
	echo "$prog: removed from $ksrc"
	exit 0
fi

copied=0
list=$(mktemp)
trap 'rm -f "$list"' EXIT
while IFS= read -r f; do
	if ! cmp -s "$top/$f" "$ksrc/$f"; then
		mkdir -p "$ksrc/$(dirname "$f")"
		cp -p "$top/$f" "$ksrc/$f"
		copied=$((copied + 1))
	fi
	echo "$f"
done < <(layer_files) >"$list"
# Rewritten only when it changes, so that a second run touches nothing.
cmp -s "$list" "$manifest" || cp "$list" "$manifest"
each_hook apply_hook
no_dot_config
echo "$prog: $ksrc: $copied file(s) updated"
