#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write compile_commands.json for a Kbuild directory's C and C++ files.

The kernel's scripts/clang-tools/gen_compile_commands.py matches only .c
and .S sources (and Debian's headers packages do not ship it). Kbuild
writes a .<object>.cmd file beside every object it compiles, C++ ones
included: its cmd_<object> line is the compiler's command line and its
source_<object> line the source file. This reads them.

    gen_cxx_compile_commands.py -d KDIR [-o FILE] DIR...

KDIR is the directory the compiler ran in (the kernel's build directory
`make -C` went to: the command lines name include paths relative to it).
Every DIR is searched recursively; FILE defaults to
DIR/compile_commands.json of the first DIR. Objects are taken only if their
source exists and ends in .c, .S or .cpp. The command is Kbuild's, minus
what follows it (objtool and the like, after ';') and, unless --gcc is
given, minus the GCC-only flags that clang (clangd, clang-tidy) rejects
as unknown (GCC_ONLY), plus CLANG_EXTRA, and with -DMODULE given through
cxx_clangd_module.h.
"""

import argparse
import fnmatch
import json
import os
import re
import shlex
import sys

CMD_RE = re.compile(r'^(?:saved)?cmd_(\S+\.o) := (.*)$')
SOURCE_RE = re.compile(r'^source_(\S+\.o) := (\S+)$')
SOURCES = ('.c', '.S', '.cpp')

# Flags of the kernel's GCC command lines that clang 14 refuses ("unknown
# argument", "unsupported option", or needs another flag to accept), as
# fnmatch patterns.
GCC_ONLY = (
    '-mpreferred-stack-boundary=*', '-mindirect-branch=*',
    '-mindirect-branch-register', '-mindirect-branch-cs-prefix',
    '-mfunction-return=*', '-mrecord-mcount', '-fno-allow-store-data-races',
    '-fconserve-stack', '-ftrivial-auto-var-init=*', '-fno-ipa-sra',
    '-fno-var-tracking-assignments', '-fmin-function-alignment=*',
    '-Wimplicit-fallthrough=*',
)

# Added for clang: GCC's warning names it does not know are no news, and
# the kernel's -Werror=return-type is for g++ only: in clang it also covers
# C-linkage functions returning an incomplete struct, which the generated
# bindings declare (as the kernel's headers do).
CLANG_EXTRA = ['-Wno-unknown-warning-option', '-Wno-return-type-c-linkage']

# -DMODULE becomes -include of this file (see there: a clangd bug).
CLANGD_MODULE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             'cxx_clangd_module.h')


def clang_command(command):
    """@command without the GCC_ONLY flags, for clang."""
    kept = []
    for a in shlex.split(command):
        if a == '-DMODULE':
            kept += ['-include', CLANGD_MODULE]
        elif not any(fnmatch.fnmatchcase(a, p) for p in GCC_ONLY):
            kept.append(a)
    return shlex.join(kept + CLANG_EXTRA)


def entry(path, directory, gcc):
    """The compile_commands.json entry of one .cmd file, or None."""
    command = source = None
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            line = line.rstrip('\n')
            m = CMD_RE.match(line)
            if m:
                command = m.group(2)
                continue
            m = SOURCE_RE.match(line)
            if m:
                source = m.group(2)
                break
    if not command or not source or not source.endswith(SOURCES):
        return None
    source = os.path.normpath(os.path.join(directory, source))
    if not os.path.isfile(source):
        return None
    # The compiler's command ends at the first ';' outside quotes
    # (Kbuild appends objtool and friends that way).
    command = re.split(r" ;(?=(?:[^'\"]|'[^']*'|\"[^\"]*\")*$)", command, maxsplit=1)[0]
    command = command.strip() if gcc else clang_command(command)
    return {'directory': directory, 'file': source, 'command': command}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('-d', '--directory', required=True,
                    help='where the compiler ran: the kernel build directory')
    ap.add_argument('-o', '--output', help='default: DIR/compile_commands.json')
    ap.add_argument('--gcc', action='store_true',
                    help="keep Kbuild's command lines whole (for GCC-based tools)")
    ap.add_argument('dirs', nargs='+', metavar='DIR')
    args = ap.parse_args()
    directory = os.path.abspath(args.directory)
    entries = []
    for top in args.dirs:
        for root, _, files in os.walk(os.path.abspath(top)):
            for name in sorted(files):
                if name.startswith('.') and name.endswith('.o.cmd'):
                    e = entry(os.path.join(root, name), directory, args.gcc)
                    if e:
                        entries.append(e)
    if not entries:
        print(f'{sys.argv[0]}: no compiled objects found in {" ".join(args.dirs)}'
              ' (build first)', file=sys.stderr)
        return 1
    entries.sort(key=lambda e: e['file'])
    out = args.output or os.path.join(args.dirs[0], 'compile_commands.json')
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(entries, f, indent=2)
        f.write('\n')
    print(f'{out}: {len(entries)} entries')
    return 0


if __name__ == '__main__':
    sys.exit(main())
