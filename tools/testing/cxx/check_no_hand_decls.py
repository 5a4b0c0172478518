#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Fail if a C++ file declares by hand what the generated bindings declare.

Usage: check_no_hand_decls.py BINDINGS_H FILE...

BINDINGS_H is a <generated/cxx/bindings.h> made by gen_cxx_bindings.py.
Every kernel function, variable, struct/union/enum tag and constant it
binds must reach C++ code from there, never from a hand-written copy. In
each FILE (comments and string literals removed) this reports:

  - a declaration (not a definition) inside extern "C" of a name the
    bindings declare as a function or variable;
  - a definition or forward declaration of a struct/union/enum tag the
    bindings define;
  - a #define of a name the bindings bind as a constant, or a constexpr
    constant of that name not computed from the bound one (::NAME).

Prints one line per finding and exits 1 if there is any.
"""

import re
import sys

IDENT = r'[A-Za-z_]\w*'


def bound_names(path):
    """(functions and variables, tags, constants) the bindings declare."""
    ordinary, tags, consts = set(), set(), set()
    in_c = False
    with open(path) as f:
        for line in f:
            if line.startswith('extern "C" {'):
                in_c = True
            elif line.startswith('} /* extern "C" */'):
                in_c = False
            elif in_c and not line.startswith((' ', '\t', '/*', ' *')):
                head = re.sub(r'__(asm|attribute)__.*', '', line)
                m = re.search(r'(%s)\s*\(' % IDENT, head)
                if m and not head.lstrip().startswith('extern '):
                    ordinary.add(m.group(1))
                else:
                    m = re.search(r'(%s)\s*(\[[^\]]*\]\s*)*;?\s*$' % IDENT, head.strip())
                    if m:
                        ordinary.add(m.group(1))
                    else:
                        m = re.search(r'\(\*\s*(%s)\)' % IDENT, head)
                        if m:
                            ordinary.add(m.group(1))
            m = re.match(r'(struct|union|enum) (%s)( \{|;| :)' % IDENT, line)
            if m:
                tags.add(m.group(2))
            m = re.match(r'inline constexpr .*?(%s)(\[\])? = ' % IDENT, line)
            if m:
                consts.add(m.group(1))
    return ordinary, tags, consts


def strip_code(text):
    """Remove comments, string and character literals; keep line breaks."""
    def blank(m):
        """Replace a match by spaces, keeping its newlines."""
        return re.sub(r'[^\n]', ' ', m.group(0))
    pat = r'//[^\n]*|/\*.*?\*/|"(\\.|[^"\\\n])*"|\'(\\.|[^\'\\\n])*\''
    return re.sub(pat, lambda m: blank(m) if m.group(0)[0] in '/' else
                  '"' + ' ' * (len(m.group(0)) - 2) + '"' if m.group(0)[0] == '"' else "' '",
                  text, flags=re.S)


def extern_c_decls(code):
    """(line, name) of every declaration inside extern "C" (not definitions)."""
    out = []
    for m in re.finditer(r'extern\s+"\s*"\s*', code):
        start = m.end()
        if code[start:start + 1] == '{':
            depth, i = 1, start + 1
            while depth and i < len(code):
                depth += {'{': 1, '}': -1}.get(code[i], 0)
                i += 1
            body = code[start + 1:i - 1]
            base = start + 1
        else:
            end = code.find(';', start)
            brace = code.find('{', start)
            if brace != -1 and brace < end:
                continue            # extern "C" with a body: a definition
            body, base = code[start:end + 1], start
        # Statements at depth 0 of the block, ending with ';'.
        depth, stmt_start = 0, 0
        for j, ch in enumerate(body):
            if ch in '{(':
                depth += 1
            elif ch in '})':
                depth -= 1
                if depth == 0 and ch == '}':
                    stmt_start = j + 1       # a definition's body ends
            elif ch == ';' and depth == 0:
                stmt = body[stmt_start:j]
                stmt_start = j + 1
                stmt = re.sub(r'\[\[.*?\]\]|__attribute__\s*\(\(.*?\)\)|__asm__\s*\(.*?\)',
                              ' ', stmt, flags=re.S)
                m = re.search(r'(%s)\s*\(' % IDENT, stmt) or \
                    re.search(r'(%s)\s*(\[[^\]]*\]\s*)*$' % IDENT, stmt.strip())
                if m:
                    line = code.count('\n', 0, base + j) + 1
                    out.append((line, m.group(1)))
    return out


def check(path, ordinary, tags, consts):
    """Findings in one file."""
    with open(path) as f:
        code = strip_code(f.read())
    found = []
    for line, name in extern_c_decls(code):
        if name in ordinary:
            found.append((line, 'declares kernel function/variable %s by hand' % name))
    for m in re.finditer(r'\b(struct|union|enum)\s+(%s)\s*(\{|;|:[^:])' % IDENT, code):
        if m.group(2) in tags:
            line = code.count('\n', 0, m.start()) + 1
            before = code[code.rfind('\n', 0, m.start()) + 1:m.start()]
            if m.group(3) == ';' and before.strip() not in ('', 'extern "C" {'):
                continue            # 'struct x;' at the end of a use
            found.append((line, 'declares kernel %s %s by hand' % (m.group(1), m.group(2))))
    for m in re.finditer(r'^\s*#\s*define\s+(%s)\b' % IDENT, code, re.M):
        if m.group(1) in consts:
            found.append((code.count('\n', 0, m.start()) + 1,
                          'defines kernel constant %s by hand' % m.group(1)))
    for m in re.finditer(r'\bconstexpr\b[^;=(){}]*?\b(%s)\s*(\[\])?\s*=([^;]*);' % IDENT, code):
        if m.group(1) in consts and '::' + m.group(1) not in m.group(3).replace(' ', ''):
            found.append((code.count('\n', 0, m.start()) + 1,
                          'defines kernel constant %s by hand' % m.group(1)))
    return ['%s:%d: %s' % (path, line, what) for line, what in sorted(found)]


def main(argv):
    """Entry point."""
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    ordinary, tags, consts = bound_names(argv[0])
    if len(ordinary) < 100 or len(tags) < 100 or len(consts) < 100:
        print('%s: too few bound names (%d/%d/%d): not a bindings header?'
              % (argv[0], len(ordinary), len(tags), len(consts)), file=sys.stderr)
        return 2
    findings = []
    for path in argv[1:]:
        findings += check(path, ordinary, tags, consts)
    for f in findings:
        print(f)
    print('checked %d files against %d functions/variables, %d tags, %d constants: '
          '%d hand-written kernel declarations' % (len(argv) - 1, len(ordinary), len(tags),
                                                  len(consts), len(findings)))
    return 1 if findings else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
