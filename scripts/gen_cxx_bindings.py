#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Generate C++ declarations from the kernel's C headers ("C++ for Linux").

This is the C++ counterpart of the bindgen step of Rust-for-Linux.  The C
header given with --header is parsed *as C*, with the very compiler flags
the configured kernel uses for a module object (minus the GCC-only flags
clang does not understand, see SKIP_C_FLAGS), using libclang from Debian's
python3-clang-14 package.  From the resulting AST it writes:

  --out-hpp    a C++ header with every struct/union (exact layout), enum
               (with C's underlying type), typedef, function prototype and
               global variable declared in the kernel headers, plus the
               integer-valued object-like macros as ``inline constexpr``.
  --out-check  a C file of _Static_assert()s (sizeof/_Alignof/offsetof of
               every bound record, enum sizes, typedef sizes, enumerator and
               constant values, function and variable types) that, compiled
               with the kernel's own gcc command line, proves that clang's
               view (used for the C++ header) is the one gcc has.
  --out-check-cxx (default: OUT_CHECK with .cpp) the C++ twin: the same
               size/alignment/offset numbers as static_assert()s against the
               generated header, proving g++ lays the C++ types out as C does.
  --out-helpers DIR  with --helpers LIST: DIR/NAME.c for each entry NAME of
               the list, a C wrapper (cxx_helper_NAME) around that static
               inline function or function-like macro (or only a comment
               when this configuration needs none); the header declares
               them to C++ under their kernel names (NAME, through an
               __asm__ label). One file each, so that a module links only
               the helpers it calls.
               --helpers may be given more than once (the layer's list and
               a directory's cxx-bindings-helpers-y); a name listed twice
               is an error naming both places.
  --extra-header NAME  bind <NAME> too (repeatable; a directory's
               cxx-bindings-headers-y). The generator then writes
               --out-header, the --header plus these #includes, and binds
               that; the helpers and the proofs include it.
  --extra-from FILE  where the extra headers and helper lists were named
               (the directory's Kbuild file), for error messages.
  --out-inline FILE  declare every static inline function of the bound
               headers to C++ too, under its kernel name with the asm label
               cxx_helper_NAME like a listed helper, and write FILE, a C
               file of their wrappers, each inside #ifdef CXX_WANT_NAME: a
               module defines CXX_WANT_NAME for the helpers its objects
               leave undefined and includes FILE (scripts/Makefile.cxx), so
               it carries exactly the wrappers it calls.
  --out-skipped FILE  what was not bound, and why, and the coverage of the
               static inline functions (default: bindings_skipped.txt
               beside --out-hpp).
  --list-helpers  print the names of the list's entries and exit.
  --depfile    a make dependency file: every header the parse read.

The kernel's C flags come after '--' (or one a line in --cflags-file).

Run with /usr/bin/python3 (Debian's python, which sees python3-clang-14).
"""

import argparse
import ctypes
import fnmatch
import os
import re
import shlex
import sys
import time

import clang.cindex as ci

CK = ci.CursorKind
TK = ci.TypeKind

LIBCLANG_CANDIDATES = (
    '/usr/lib/x86_64-linux-gnu/libclang-14.so.1',
    '/usr/lib/llvm-14/lib/libclang.so.1',
    '/usr/lib/x86_64-linux-gnu/libclang-14.so',
)

# Kernel (GCC) flags that clang 14 rejects or that only produce noise.  The
# same idea as bindgen_skip_c_flags in Rust-for-Linux's rust/Makefile.  They
# are all code-generation / diagnostic flags: none changes how a header is
# *parsed* (types, layouts, macro values).  fnmatch-style patterns.
SKIP_C_FLAGS = (
    ('-mindirect-branch=*', 'GCC retpoline spelling (clang: -mretpoline); codegen only'),
    ('-mindirect-branch-register', 'GCC retpoline option; codegen only'),
    ('-mindirect-branch-cs-prefix', 'GCC retpoline option; codegen only'),
    ('-mfunction-return=*', 'GCC return-thunk option; codegen only'),
    ('-mrecord-mcount', 'ftrace __mcount_loc; clang 14 rejects it on x86'),
    ('-mpreferred-stack-boundary=*', 'GCC spelling of stack alignment; codegen only'),
    ('-mharden-sls=*', 'straight-line-speculation hardening; codegen only (clang: unused)'),
    ('-fconserve-stack', 'GCC-only inliner tuning'),
    ('-fno-allow-store-data-races', 'GCC-only optimizer flag'),
    ('-ftrivial-auto-var-init=zero', 'clang 14 demands an extra "-enable-...-knowing-it-will-be-removed" flag; codegen only'),
    ('-fzero-call-used-regs=*', 'codegen only (GCC >= 11 spelling)'),
    ('-falign-jumps=*', 'clang ignores it with a warning; codegen only'),
    ('-falign-loops=*', 'clang ignores it with a warning; codegen only'),
    ('-fno-ipa-sra', 'GCC-only optimizer flag'),
    ('-fno-partial-inlining', 'GCC-only optimizer flag'),
    ('-fno-var-tracking-assignments', 'GCC-only debug-info flag'),
    ('-fno-inline-functions-called-once', 'GCC-only optimizer flag'),
    ('-fno-tree-loop-im', 'GCC-only optimizer flag'),
    ('-fno-ipa-cp-clone', 'GCC-only optimizer flag'),
    ('-fsanitize=bounds-strict', 'GCC-only sanitizer spelling'),
    ('-fmin-function-alignment=*', 'GCC >= 14 only'),
    ('-fstrict-flex-arrays=*', 'not in clang 14'),
    ('-fplugin=*', 'GCC plugins (randstruct/latent_entropy/...); not loadable by clang'),
    ('-fplugin-arg-*', 'GCC plugin arguments'),
    ('--param=*', 'GCC tuning parameters'),
    ('--param', 'GCC tuning parameter, two-argument form (KASAN: --param asan-stack=1)'),
    ('-fasan-shadow-offset=*', 'GCC spelling of the KASAN shadow offset; codegen only'),
    ('-Wno-format-truncation', 'GCC-only warning'),
    ('-Wno-format-overflow', 'GCC-only warning'),
    ('-Wno-dangling-pointer', 'GCC-only warning'),
    ('-Wno-stringop-truncation', 'GCC-only warning'),
    ('-Wno-stringop-overflow', 'GCC-only warning'),
    ('-Wno-restrict', 'GCC-only warning'),
    ('-Wno-maybe-uninitialized', 'GCC-only warning'),
    ('-Wno-alloc-size-larger-than', 'GCC-only warning'),
    ('-Wno-packed-not-aligned', 'GCC-only warning'),
    ('-Wimplicit-fallthrough=*', 'GCC spelling with a level'),
    ('-Werror=designated-init', 'GCC-only warning'),
    ('-mabi=lp64', 'arm64: clang 14 rejects it; LP64 is the aarch64-linux-gnu default'),
)

# The kernel's architecture (its arch/<SRCARCH>/include in the flags) ->
# the target clang parses the headers for; --target overrides it.
ARCH_TARGETS = {
    'x86': 'x86_64-linux-gnu',
    'arm64': 'aarch64-linux-gnu',
}

# Flags appended for the clang parse.
EXTRA_CLANG_FLAGS = (
    '-D__CXX_BINDGEN__',           # lets a header special-case the generator
    '-ferror-limit=0',             # report every error, never stop early
)

# Words that are identifiers in C but reserved in C++20 (plus the C
# keywords, harmless to list).  A C name in this set gets a trailing '_'.
CXX_KEYWORDS = frozenset('''
alignas alignof and and_eq asm auto bitand bitor bool break case catch char
char8_t char16_t char32_t class compl concept const consteval constexpr
constinit const_cast continue co_await co_return co_yield decltype default
delete do double dynamic_cast else enum explicit export extern false float
for friend goto if inline int long mutable namespace new noexcept not not_eq
nullptr operator or or_eq private protected public register reinterpret_cast
requires return short signed sizeof static static_assert static_cast struct
switch template this thread_local throw true try typedef typeid typename
union unsigned using virtual void volatile wchar_t while xor xor_eq
'''.split())

# C typedefs whose name is a C++ keyword that *means the same type* in C++:
# the typedef is not emitted, uses print the C++ keyword.
CXX_BUILTIN_TYPEDEFS = {'bool': TK.BOOL}

# Builtin type kind -> (C spelling, C++ spelling, bits, signed, literal suffix)
BUILTINS = {
    TK.VOID: ('void', 'void', 0, False, ''),
    TK.BOOL: ('_Bool', 'bool', 8, False, ''),
    TK.CHAR_S: ('char', 'char', 8, True, ''),
    TK.CHAR_U: ('char', 'char', 8, False, ''),
    TK.SCHAR: ('signed char', 'signed char', 8, True, ''),
    TK.UCHAR: ('unsigned char', 'unsigned char', 8, False, ''),
    TK.SHORT: ('short', 'short', 16, True, ''),
    TK.USHORT: ('unsigned short', 'unsigned short', 16, False, ''),
    TK.INT: ('int', 'int', 32, True, ''),
    TK.UINT: ('unsigned int', 'unsigned int', 32, False, 'U'),
    TK.LONG: ('long', 'long', 64, True, 'L'),
    TK.ULONG: ('unsigned long', 'unsigned long', 64, False, 'UL'),
    TK.LONGLONG: ('long long', 'long long', 64, True, 'LL'),
    TK.ULONGLONG: ('unsigned long long', 'unsigned long long', 64, False, 'ULL'),
    TK.INT128: ('__int128', '__int128', 128, True, ''),
    TK.UINT128: ('unsigned __int128', 'unsigned __int128', 128, False, ''),
    TK.FLOAT: ('float', 'float', 32, True, ''),
    TK.DOUBLE: ('double', 'double', 64, True, ''),
    TK.LONGDOUBLE: ('long double', 'long double', 128, True, ''),
}
INTEGER_KINDS = frozenset(k for k, v in BUILTINS.items()
                          if k not in (TK.VOID, TK.FLOAT, TK.DOUBLE, TK.LONGDOUBLE))

RECORD_KINDS = (CK.STRUCT_DECL, CK.UNION_DECL)
ARRAY_KINDS = (TK.CONSTANTARRAY, TK.INCOMPLETEARRAY, TK.VARIABLEARRAY)

# Keywords allowed in the body of a macro that is tried as a constant.
CONST_MACRO_KEYWORDS = frozenset('''
sizeof _Alignof __alignof__ unsigned signed int long short char _Bool
struct union enum const volatile __typeof__ typeof
'''.split())

PLACEHOLDER = '@@CXX_ALIGN_%d@@'

# Prefix of the C symbol of a helper wrapper, and of the name its prototype
# is parsed under (a function-like macro must not expand in its prototype).
HELPER_PREFIX = 'cxx_helper_'
HELPER_PROTO_PREFIX = '__cxx_helper_proto_'


class GenError(Exception):
    """Fatal generator error (bad input, clang errors, unsupported C)."""


class Unprintable(Exception):
    """A type cannot be spelled in the requested language/context."""


# --------------------------------------------------------------------------
# Command line, flags, libclang
# --------------------------------------------------------------------------

def parse_args(argv):
    """Parse the command line of the generator."""
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--cflags-file',
                   help='kernel C flags: one argument per line (or one '
                        'shell-quoted line); default: the arguments after --')
    p.add_argument('--header', help='bindings_helper.h')
    p.add_argument('--out-hpp')
    p.add_argument('--out-check', help='C layout proof file')
    p.add_argument('--out-check-cxx', help='C++ twin (default: .cpp of --out-check)')
    p.add_argument('--filter-regex',
                   help='only bind declarations from files whose path matches '
                        '(default: under the -I/-include dirs of the cflags)')
    p.add_argument('--allowlist-regex',
                   help='only bind functions/variables/constants whose name '
                        'matches (types are always bound)')
    p.add_argument('--helpers', action='append', default=[],
                   help='list of C helpers (cxx/bindings_helpers.txt); repeatable')
    p.add_argument('--extra-header', action='append', default=[],
                   help='another header to bind, as #include names it; repeatable')
    p.add_argument('--out-header',
                   help='with --extra-header: the combined header to write and bind')
    p.add_argument('--extra-from',
                   help='the file that named --extra-header/--helpers (for messages)')
    p.add_argument('--out-helpers', help='directory of the helpers\' C files')
    p.add_argument('--list-helpers', action='store_true',
                   help='print the entries of --helpers and exit')
    p.add_argument('--out-inline',
                   help='C file of on-demand wrappers of every static inline function')
    p.add_argument('--out-skipped', help='what was not bound and why (default: '
                   'bindings_skipped.txt beside --out-hpp)')
    p.add_argument('--depfile', help='write make dependencies of --out-hpp here')
    p.add_argument('--target', help='clang target triple (default: from the '
                   'arch/<arch>/include directory of the kernel flags)')
    p.add_argument('--libclang', help='path of libclang.so')
    p.add_argument('-v', '--verbose', action='store_true',
                   help='print clang warnings and a summary')
    p.add_argument('--stats', action='store_true', help='print a summary')
    p.add_argument('cflags', nargs='*', help='the kernel C flags (after --)')
    args = p.parse_args(argv)
    if args.list_helpers:
        if not args.helpers:
            p.error('--list-helpers needs --helpers')
        return args
    for need in ('header', 'out_hpp', 'out_check'):
        if not getattr(args, need):
            p.error('--%s is required' % need.replace('_', '-'))
    if bool(args.cflags_file) == bool(args.cflags):
        p.error('give the kernel C flags either after -- or with --cflags-file')
    if bool(args.helpers) != bool(args.out_helpers):
        p.error('--helpers and --out-helpers go together')
    if args.extra_header and not args.out_header:
        p.error('--extra-header needs --out-header')
    if not args.out_check_cxx:
        args.out_check_cxx = os.path.splitext(args.out_check)[0] + '.cpp'
    if not args.out_skipped:
        args.out_skipped = os.path.join(os.path.dirname(args.out_hpp) or '.',
                                        'bindings_skipped.txt')
    return args


def load_libclang(path):
    """Point clang.cindex at libclang and register the extra C APIs used."""
    cands = [path] if path else list(LIBCLANG_CANDIDATES)
    for cand in cands:
        if os.path.exists(cand):
            ci.Config.set_library_file(cand)
            break
    else:
        raise GenError('libclang not found (tried %s)' % ', '.join(cands))
    # Cursors compare with clang_equalCursors but are unhashable in the
    # Debian 14 bindings; clang_hashCursor is consistent with that equality.
    ci.Cursor.__hash__ = lambda self: self.hash
    lib = ci.conf.lib
    lib.clang_Cursor_isMacroFunctionLike.argtypes = [ci.Cursor]
    lib.clang_Cursor_isMacroFunctionLike.restype = ctypes.c_uint


def read_cflags(path):
    """Read the kernel flags: one argument per line, or one shell line."""
    with open(path) as f:
        lines = [l.rstrip('\n') for l in f if l.strip()]
    if len(lines) == 1:
        return shlex.split(lines[0])
    return [l.strip() for l in lines]


class Helper:
    """One entry of the helpers list (see cxx/bindings_helpers.txt)."""

    def __init__(self, name, kind, proto=None, body=None, where=''):
        """kind: 'inline' (name only), 'macro' (prototype) or 'body'."""
        self.name, self.kind, self.proto, self.body = name, kind, proto, body
        self.where = where
        self.cursor = None


def read_helpers_lists(paths, named_in=None):
    """Read every helpers list; a name listed twice is an error."""
    out, first = [], {}
    for path in paths:
        for h in read_helpers(path, named_in):
            if h.name in first:
                raise GenError('%s: %s is listed twice (first at %s); fix: keep one '
                               'of the two entries' % (h.where, h.name, first[h.name]))
            first[h.name] = h.where
            out.append(h)
    return out


def kbuild_line(path, variable, word):
    """'path:line' of the line of a Kbuild file that sets variable and names
    word (or of the first that sets variable; or just path)."""
    if not path:
        return '(command line)'
    try:
        with open(path) as f:
            lines = f.readlines()
    except OSError:
        return path
    sets = [no for no, l in enumerate(lines, 1) if re.match(r'\s*%s\s*[:+?]?=' %
                                                            re.escape(variable), l)]
    for no in sets:
        if re.search(r'(^|[\s=])%s(\s|$)' % re.escape(word), lines[no - 1]):
            return '%s:%d' % (path, no)
    return '%s:%d' % (path, sets[0]) if sets else path


def read_helpers(path, named_in=None):
    """Parse the helpers list: a name, a prototype, or a prototype and body."""
    try:
        with open(path) as f:
            lines = f.readlines()
    except OSError as e:
        raise GenError('%s: cxx-bindings-helpers-y: cannot read %s (%s); fix: name '
                       'a file of the directory, relative to it' % (
                           kbuild_line(named_in, 'cxx-bindings-helpers-y',
                                       os.path.basename(path)), path, e.strerror))
    out, pending, start = [], '', 0
    for no, line in enumerate(lines, 1):
        text = line.split('//')[0].rstrip()
        if not pending and (not text.strip() or text.lstrip().startswith('#')):
            continue
        if not pending:
            start = no
        pending += text.strip() + ' '
        if pending.count('{') != pending.count('}'):
            continue
        entry, pending = pending.strip(), ''
        where = '%s:%d' % (path, start)
        if re.fullmatch(r'[A-Za-z_]\w*', entry):
            out.append(Helper(entry, 'inline', where=where))
            continue
        m = re.match(r'(.*?\b([A-Za-z_]\w*)\s*\(.*?\))\s*(;|\{.*\})$', entry)
        if not m:
            raise GenError('%s: expected a name, "prototype;" or "prototype { body }"'
                           % where)
        kind = 'macro' if m.group(3) == ';' else 'body'
        out.append(Helper(m.group(2), kind, m.group(1),
                          m.group(3) if kind == 'body' else None, where))
    if pending:
        raise GenError('%s: unbalanced braces at the end' % path)
    return out


def helper_protos(helpers):
    """C declarations parsed (after the header) for the macro/body helpers."""
    out = []
    for h in helpers:
        if h.kind != 'inline':
            out.append(re.sub(r'\b%s(\s*\()' % h.name, HELPER_PROTO_PREFIX + h.name + r'\1',
                              h.proto, count=1) + ';')
    return out


def type_attr_prefix(c):
    """Attributes of a function's type that gcc compares as part of it, as
    a prefix of the type: '__attribute__((nocf_check)) ' or ''.

    clang shows nocf_check in the type's spelling only when the flags have
    -fcf-protection=branch, as gcc honours it only then."""
    return '__attribute__((nocf_check)) ' if 'nocf_check' in c.type.spelling else ''


def skip_reason(flag):
    """Return why a kernel flag is not passed to clang, or None to keep it."""
    for pat, why in SKIP_C_FLAGS:
        if fnmatch.fnmatchcase(flag, pat):
            return why
    return None


def kernel_target(kflags):
    """The clang target triple of the kernel the flags build for."""
    archs = set()
    for root in include_roots(kflags):
        m = re.search(r'/arch/([^/]+)/include(/|$)', root + '/')
        if m:
            archs.add(m.group(1))
    if len(archs) != 1 or not archs <= set(ARCH_TARGETS):
        raise GenError('cannot tell the kernel\'s architecture from its flags '
                       '(arch/*/include: %s; known: %s): give --target'
                       % (', '.join(sorted(archs)) or 'none',
                          ', '.join(sorted(ARCH_TARGETS))))
    return ARCH_TARGETS[archs.pop()]


def clang_args(kflags, target=None):
    """Turn the kernel's gcc flags into the libclang argument list."""
    out, skipped, i = ['-x', 'c'], [], 0
    while i < len(kflags):
        f = kflags[i]
        if f in ('-c', '-o'):
            i += 2 if f == '-o' else 1
            continue
        if f.startswith('-Wp,-M'):
            i += 1
            continue
        why = skip_reason(f)
        if why:
            skipped.append(f)
            if f == '--param' and i + 1 < len(kflags):
                i += 1
                skipped.append(kflags[i])
        else:
            out.append(f)
        i += 1
    return (out + ['--target=' + (target or kernel_target(kflags))] +
            list(EXTRA_CLANG_FLAGS), skipped)


def include_roots(kflags):
    """Directories the kernel flags take headers from (-I and -include)."""
    roots, i = [], 0
    while i < len(kflags):
        f = kflags[i]
        if f == '-include' and i + 1 < len(kflags):
            roots.append(os.path.dirname(os.path.abspath(kflags[i + 1])))
            i += 1
        elif f.startswith('-I') and len(f) > 2:
            roots.append(os.path.abspath(f[2:]))
        elif f == '-I' and i + 1 < len(kflags):
            roots.append(os.path.abspath(kflags[i + 1]))
            i += 1
        i += 1
    return roots


def default_filter(kflags):
    """Regex matching files under the kernel header directories."""
    roots = sorted(set(include_roots(kflags)))
    if not roots:
        raise GenError('no -I directories in the cflags file')
    return '^(' + '|'.join(re.escape(r.rstrip('/') + '/') for r in roots) + ')'


def parse_c(path, args, unsaved=None):
    """Parse a C file with libclang; return the translation unit."""
    opts = ci.TranslationUnit.PARSE_DETAILED_PROCESSING_RECORD
    try:
        return ci.Index.create().parse(path, args=args, unsaved_files=unsaved,
                                       options=opts)
    except ci.TranslationUnitLoadError as e:
        raise GenError('libclang could not parse %s: %s' % (path, e))


def diag_text(d):
    """Format a clang diagnostic like a compiler does."""
    loc = d.location
    where = '%s:%d:%d' % (loc.file.name, loc.line, loc.column) if loc.file else '<command line>'
    sev = {2: 'warning', 3: 'error', 4: 'fatal'}.get(d.severity, 'note')
    return '%s: %s: %s' % (where, sev, d.spelling)


def check_diagnostics(tu, verbose):
    """Print clang errors (and warnings if verbose); fail on any error."""
    errors = [d for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
    warnings = [d for d in tu.diagnostics if d.severity == ci.Diagnostic.Warning]
    for d in errors + (warnings if verbose else []):
        print(diag_text(d), file=sys.stderr)
    if errors:
        raise GenError('%d clang error(s) while parsing the kernel headers' % len(errors))
    return len(warnings)


# --------------------------------------------------------------------------
# Small helpers on cursors and types
# --------------------------------------------------------------------------

def cxx_ident(name):
    """Escape a C identifier that is reserved in C++: append '_'."""
    return name + '_' if name in CXX_KEYWORDS else name


def is_unnamed(decl):
    """True for a struct/union/enum declared without a tag."""
    s = decl.spelling
    return not s or s.startswith('(') or '(unnamed' in s or '(anonymous' in s


def strip_to_base(t):
    """Strip pointers, arrays and elaboration; return the innermost type."""
    while True:
        if t.kind == TK.ELABORATED:
            t = t.get_named_type()
        elif t.kind == TK.POINTER:
            t = t.get_pointee()
        elif t.kind in ARRAY_KINDS:
            t = t.element_type
        else:
            return t


def base_tag_decl(t):
    """The record/enum definition a declarator is built on, or None."""
    b = strip_to_base(t)
    if b.kind not in (TK.RECORD, TK.ENUM):
        return None
    d = b.get_declaration()
    return d.get_definition() or d


def is_direct_record(t, decl):
    """True if type t is (an elaboration of) the record decl itself."""
    while t.kind == TK.ELABORATED:
        t = t.get_named_type()
    return t.kind in (TK.RECORD, TK.ENUM) and (t.get_declaration().get_definition()
                                                or t.get_declaration()) == decl


def children_of(cursor, kinds):
    """Direct children of a cursor with one of the given kinds."""
    return [c for c in cursor.get_children() if c.kind in kinds]


def has_child(cursor, kind):
    """True if the cursor has a direct child of this kind."""
    return any(c.kind == kind for c in cursor.get_children())


def int_literal(value, kind, prefer_hex=False):
    """Spell an integer value as a C/C++ literal valid for type kind."""
    _, _, bits, signed, suffix = BUILTINS.get(kind, BUILTINS[TK.INT])
    bits = max(bits, 8)
    value &= (1 << bits) - 1
    if signed and value >= 1 << (bits - 1):
        value -= 1 << bits
    if kind == TK.BOOL:
        return 'true' if value else 'false'
    if signed and value == -(1 << (bits - 1)):
        return '(-%d%s - 1)' % ((1 << (bits - 1)) - 1, suffix)
    if value < 0:
        return '-%d%s' % (-value, suffix if -value > 0x7fffffff else '')
    if prefer_hex or value >= 0x10000:
        return '0x%x%s' % (value, suffix)
    return '%d%s' % (value, suffix if value > 0x7fffffff else '')


def rel_include(target, from_file):
    """Path of target relative to the directory of from_file."""
    return os.path.relpath(os.path.abspath(target),
                           os.path.dirname(os.path.abspath(from_file)))


def comment_safe(text, limit=72):
    """Make text safe and short enough for a /* */ comment."""
    text = text.replace('*/', '* /').replace('/*', '/ *')
    return text if len(text) <= limit else text[:limit - 3] + '...'


# --------------------------------------------------------------------------
# Type printer (C and C++ spellings of declarators)
# --------------------------------------------------------------------------

class Scope:
    """Where a declarator is printed: the record being emitted, if any."""

    def __init__(self, layout=None, c_path='', cxx_path='', lookup=None,
                 base_bits=0, class_name=None, in_anon=False, members=(),
                 indent=0):
        """Describe the printing context (see the attribute comments)."""
        self.layout = layout          # LayoutRecord of the named root
        self.c_path = c_path          # 'a.b.' prefix of fields, C names
        self.cxx_path = cxx_path      # same, C++ names
        self.lookup = lookup          # clang type fields are looked up in
        self.base_bits = base_bits    # offset of `lookup` within the root
        self.class_name = class_name  # C++ name of the enclosing class
        self.in_anon = in_anon        # inside an anonymous struct/union
        self.members = members        # member names: typedefs get '::'
        self.indent = indent


class TypePrinter:
    """Spell clang types as C or C++ declarators."""

    def __init__(self, gen, lang):
        """Printer for lang 'c' (check files) or 'cxx' (the header)."""
        self.gen = gen
        self.lang = lang              # 'c' or 'cxx'

    def declarator(self, t, inner, scope=None, names=None, inline=None,
                   flex_zero=False):
        """Spell 'type inner' (inner = declarator, possibly empty)."""
        k = t.kind
        if k == TK.ELABORATED:
            return self._quals(t) + self.declarator(t.get_named_type(), inner, scope,
                                                    names, inline, flex_zero)
        if k == TK.POINTER:
            q = self._quals(t).strip()
            ptr = '*' + (q + (' ' if inner else '') if q else '') + inner
            return self.declarator(t.get_pointee(), ptr, scope, names, inline)
        if k in ARRAY_KINDS:
            inner = '(%s)' % inner if inner.startswith('*') else inner
            if k == TK.CONSTANTARRAY:
                dim = '[%d]' % t.element_count
            elif k == TK.INCOMPLETEARRAY and flex_zero:
                dim = '[0]'
            elif k == TK.INCOMPLETEARRAY:
                dim = '[]'
            else:
                raise Unprintable('variable length array')
            return self.declarator(t.element_type, inner + dim, scope, names, inline)
        if k in (TK.FUNCTIONPROTO, TK.FUNCTIONNOPROTO):
            inner = '(%s)' % inner if inner.startswith('*') else inner
            return self.declarator(t.get_result(), inner + self._params(t, scope, names),
                                   scope, None, inline)
        if k == TK.UNEXPOSED:
            can = t.get_canonical()
            if can.kind == TK.UNEXPOSED:
                raise Unprintable('unexposed type %s' % t.spelling)
            return self.declarator(can, inner, scope, names, inline, flex_zero)
        base = self._quals(t) + self.base(t, scope, inline)
        return base + (' ' + inner if inner else '')

    def function(self, c, name):
        """Spell a function declaration from its cursor.

        The declared parameter types keep their typedef sugar (va_list,
        size_t...) even when clang only exposes the canonical function type
        (e.g. for functions carrying format/alloc attributes)."""
        t = c.type
        can = t.get_canonical()
        args = list(c.get_arguments())
        if can.kind != TK.FUNCTIONPROTO or len(args) != len(list(can.argument_types())):
            return self.declarator(t, name, None, [p.spelling for p in args])
        parts = []
        for p in args:
            n = cxx_ident(p.spelling) if self.lang == 'cxx' else p.spelling
            parts.append(self.declarator(p.type, n))
        if can.is_function_variadic():
            parts.append('...')
        params = '(' + (', '.join(parts) or 'void') + ')'
        return self.declarator(c.result_type, name + params)

    def _quals(self, t):
        """Qualifiers of one type level, as a prefix string."""
        q = ''
        if t.is_const_qualified():
            q += 'const '
        if t.is_volatile_qualified():
            q += 'volatile '
        if t.is_restrict_qualified():
            q += 'restrict ' if self.lang == 'c' else '__restrict '
        return q

    def _params(self, t, scope, names):
        """Parameter list of a function type, with names if known."""
        if t.kind == TK.FUNCTIONNOPROTO:
            return '()' if self.lang == 'c' else '(...)'
        args = list(t.argument_types())
        if not args:
            return '(...)' if t.is_function_variadic() else '(void)'
        parts = []
        for i, a in enumerate(args):
            n = names[i] if names and i < len(names) and names[i] else ''
            if n and self.lang == 'cxx':
                n = cxx_ident(n)
            parts.append(self.declarator(a, n, scope))
        if t.is_function_variadic():
            parts.append('...')
        return '(' + ', '.join(parts) + ')'

    def base(self, t, scope=None, inline=None):
        """Spell a base (non-derived) type."""
        k = t.kind
        if k in BUILTINS:
            return BUILTINS[k][0 if self.lang == 'c' else 1]
        if k == TK.TYPEDEF:
            return self._typedef_ref(t, scope)
        if k in (TK.RECORD, TK.ENUM):
            return self._tag_ref(t.get_declaration(), scope, inline)
        if k == TK.VECTOR:
            elem = self.declarator(t.element_type, '', scope)
            return '%s __attribute__((vector_size(%d)))' % (elem, t.get_size())
        raise Unprintable('type kind %s (%s)' % (k, t.spelling))

    def _typedef_ref(self, t, scope):
        """Spell a use of a typedef name."""
        name = t.get_declaration().spelling or t.spelling
        if self.lang == 'c':
            return name
        if name in CXX_BUILTIN_TYPEDEFS and \
                t.get_canonical().kind == CXX_BUILTIN_TYPEDEFS[name]:
            return name
        name = cxx_ident(name)
        if scope is not None and name in scope.members:
            return '::' + name
        return name

    def _tag_ref(self, decl, scope, inline):
        """Spell a struct/union/enum type (elaborated, or inline body)."""
        d = decl.get_definition() or decl
        kw = {CK.STRUCT_DECL: 'struct', CK.UNION_DECL: 'union',
              CK.ENUM_DECL: 'enum'}[d.kind]
        if not is_unnamed(d):
            if self.lang == 'c':
                return kw + ' ' + d.spelling
            self.gen.note_tag_use(d)
            return kw + ' ' + cxx_ident(d.spelling)
        if inline is not None and inline[0] == d:
            return inline[1]
        if self.lang == 'cxx' and d in self.gen.anon_names:
            return self.gen.anon_names[d]
        if self.lang == 'c' and d in self.gen.anon_c_names:
            return self.gen.anon_c_names[d]
        raise Unprintable('unnamed %s' % kw)


# --------------------------------------------------------------------------
# Records of what was bound, for the check files
# --------------------------------------------------------------------------

class LayoutRecord:
    """Size/alignment/field offsets of one named struct or union."""

    def __init__(self, c_name, cxx_name, size, align):
        """A record's C and C++ spellings, sizeof and alignof (bytes)."""
        self.c_name, self.cxx_name = c_name, cxx_name
        self.size, self.align = size, align
        self.fields = []      # (c_path, cxx_path, byte offset)
        self.subtypes = []    # (c_path, cxx_path, size, align) unnamed-typed fields


class Generator:
    """Walks the clang AST and produces the three output files."""

    def __init__(self, args):
        """Read the flags and set up the (empty) output state."""
        self.args = args
        self.kflags = read_cflags(args.cflags_file) if args.cflags_file else args.cflags
        self.helpers = read_helpers_lists(args.helpers, args.extra_from)
        self.helper_by_name = {h.name: h for h in self.helpers}
        self.helper_c = []            # C wrapper definitions, in list order
        self.inline_c = []            # on-demand wrappers: (name, sym, proto, body)
        self.inline_names = set()     # every static inline function defined
        self.inline_checks = []       # (name, C type) of the on-demand helpers
        self.cargs, self.skipped_flags = clang_args(self.kflags, args.target)
        self.filter = re.compile(args.filter_regex or default_filter(self.kflags))
        self.allow = re.compile(args.allowlist_regex) if args.allowlist_regex else None
        self.header = os.path.abspath(args.header)
        if args.extra_header:
            self.header = self.write_combined_header()
        self.cxx = TypePrinter(self, 'cxx')
        self.c = TypePrinter(self, 'c')
        self.blocks = []          # ('type'|'func', text) in header order
        self.anon_names = {}      # unnamed decl -> C++ spelling
        self.anon_c_names = {}    # unnamed decl -> C spelling
        self.inline_users = {}    # unnamed top-level decl -> first user cursor
        self.defined_tags = set()
        self.fwd_tags = {}        # decl -> forward declaration text
        self.layouts, self.enum_checks, self.typedef_checks = [], [], []
        self.enumerator_checks, self.func_checks = [], []
        self.const_checks = []
        self.align_queries = []   # C expressions whose __alignof__ is needed
        self.renames = []         # (what, C name, C++ name)
        self.skipped = {}         # category -> list of names
        self.seen_funcs, self.seen_vars, self.seen_typedefs = set(), set(), set()
        self.ordinary_names = set()   # functions/vars/typedefs/enumerators
        self.tag_names = set()
        self.typedef_targets = {}     # typedef name -> canonical spelling
        self.constants = []           # lines of the constants section
        self.string_constants = []    # lines of the string constants section
        self.function_aliases = []    # lines of the function aliases section
        self.files = {}               # source file cache (macro comments)
        self.object_macros = set()    # names C code would macro-expand
        # Files the command line force-includes (kconfig.h and, through it,
        # generated/autoconf.h; compiler-version.h): C++ objects are compiled
        # with the same -include, so their macros are already macros there.
        self.forced = {os.path.abspath(f) for o, f in
                       zip(self.kflags, self.kflags[1:]) if o == '-include'}
        self.stats = {}

    # ---- bookkeeping -----------------------------------------------------

    def skip(self, category, name):
        """Remember a declaration that is deliberately not bound."""
        self.skipped.setdefault(category, []).append(name)

    def rename(self, what, cname):
        """Escape a C name for C++, remembering the rename."""
        new = cxx_ident(cname)
        if new != cname:
            entry = (what, cname, new)
            if entry not in self.renames:
                self.renames.append(entry)
        return new

    def note_tag_use(self, decl):
        """Record a use of a tag; forward-declare it if not yet defined."""
        if decl in self.defined_tags or decl in self.fwd_tags:
            return
        name = cxx_ident(decl.spelling)
        if decl.kind == CK.ENUM_DECL:
            d = decl.get_definition()
            if d is not None:
                ut = self.cxx.base(d.enum_type)
                self.fwd_tags[decl] = 'enum %s : %s;' % (name, ut)
            else:
                self.fwd_tags[decl] = ('enum %s : unsigned int; /* never defined '
                                       'in C; underlying type arbitrary */' % name)
        else:
            kw = 'struct' if decl.kind == CK.STRUCT_DECL else 'union'
            self.fwd_tags[decl] = '%s %s;' % (kw, name)

    def in_filter(self, cursor):
        """True if the cursor is declared in a file we bind."""
        f = cursor.location.file
        return f is not None and bool(self.filter.search(os.path.abspath(f.name)))

    def allowed(self, name):
        """True if a function/variable/constant name passes --allowlist-regex."""
        return self.allow is None or bool(self.allow.search(name))

    def write_combined_header(self):
        """--header and the --extra-header lines, in --out-header (rewritten
        only when it changes); return its path."""
        path = os.path.abspath(self.args.out_header)
        self.extra_lines = {}
        out = ['/* SPDX-License-Identifier: GPL-2.0 */',
               '/* The headers this directory binds: generated by gen_cxx_bindings.py. */',
               '#include "%s"' % os.path.abspath(self.args.header)]
        for name in self.args.extra_header:
            name = name.strip('<>"')
            if not re.fullmatch(r'[\w.+-]+(/[\w.+-]+)*\.h', name):
                raise GenError('%s: cxx-bindings-headers-y: %r is not a header name; '
                               'fix: write it as #include names it, e.g. linux/debugfs.h'
                               % (kbuild_line(self.args.extra_from,
                                              'cxx-bindings-headers-y', name), name))
            out.append('#include <%s>' % name)
            self.extra_lines[len(out)] = name
        text = '\n'.join(out) + '\n'
        os.makedirs(os.path.dirname(path), exist_ok=True)
        try:
            with open(path) as f:
                same = f.read() == text
        except FileNotFoundError:
            same = False
        if not same:
            with open(path, 'w') as f:
                f.write(text)
        return path

    def check_extra_headers(self):
        """An --extra-header clang cannot find: say where it was named."""
        for d in self.tu.diagnostics:
            loc = d.location
            if d.severity < ci.Diagnostic.Error or not loc.file or \
                    os.path.abspath(loc.file.name) != self.header:
                continue
            name = getattr(self, 'extra_lines', {}).get(loc.line)
            if name is None:
                continue
            raise GenError('%s: cxx-bindings-headers-y: no header <%s> in this kernel '
                           '(%s); fix: name it as #include does, relative to the '
                           'kernel\'s include/ or arch/*/include/ (e.g. linux/debugfs.h), '
                           'or drop it' % (kbuild_line(self.args.extra_from,
                                                       'cxx-bindings-headers-y', name),
                                           name, d.spelling))

    # ---- driver ----------------------------------------------------------

    def run(self):
        """Parse, walk, evaluate constants and write all outputs."""
        t0 = time.time()
        main = os.path.join(os.path.dirname(self.header), '__cxx_bindgen_main.c')
        self.tu = parse_c(main, self.cargs, unsaved=[(main, '\n'.join(
            ['#include "%s"' % os.path.basename(self.header)] +
            helper_protos(self.helpers)) + '\n')])
        self.check_extra_headers()
        self.stats['warnings'] = check_diagnostics(self.tu, self.args.verbose)
        top = [c for c in self.tu.cursor.get_children() if self.in_filter(c) or
               (c.location.file and c.location.file.name == main)]
        self.order = {c: i for i, c in enumerate(top)}
        self.prescan(top)
        for c in top:
            self.emit_toplevel(c)
        self.check_name_clashes()
        macros = self.collect_macros(top)
        self.evaluate(macros)
        self.stats['time'] = time.time() - t0
        self.check_helpers()
        self.write_hpp()
        self.write_check_c()
        self.write_check_cxx()
        if self.args.out_helpers:
            self.write_helpers()
        if self.args.out_inline:
            self.write_inline()
        self.write_skipped()
        if self.args.depfile:
            self.write_depfile()

    def prescan(self, top):
        """Find unnamed top-level records/enums used by a typedef or var."""
        for c in top:
            if c.kind == CK.TYPEDEF_DECL:
                t = c.underlying_typedef_type
            elif c.kind == CK.VAR_DECL:
                t = c.type
            else:
                continue
            d = base_tag_decl(t)
            if d is not None and is_unnamed(d) and d not in self.inline_users:
                self.inline_users[d] = c
            if c.kind == CK.TYPEDEF_DECL and d is not None and is_unnamed(d) \
                    and is_direct_record(t, d) and d not in self.anon_c_names:
                self.anon_c_names[d] = c.spelling

    def emit_toplevel(self, c):
        """Emit one top-level declaration."""
        k = c.kind
        if k in RECORD_KINDS:
            if c.is_definition() and not is_unnamed(c):
                self.emit_named_record(c)
            elif c.is_definition() and c not in self.inline_users:
                self.skip('unnamed struct/union declaring nothing', str(c.location.line))
        elif k == CK.ENUM_DECL:
            if c.is_definition() and (not is_unnamed(c) or c not in self.inline_users):
                self.blocks.append(('type', self.enum_text(c, None)))
        elif k == CK.TYPEDEF_DECL:
            self.emit_typedef(c)
        elif k == CK.FUNCTION_DECL:
            self.emit_function(c)
        elif k == CK.VAR_DECL:
            self.emit_var(c)

    # ---- records ---------------------------------------------------------

    def emit_named_record(self, decl):
        """Emit a tagged struct/union (and the types hoisted out of it)."""
        if decl in self.defined_tags:
            return
        kw = 'struct' if decl.kind == CK.STRUCT_DECL else 'union'
        name = self.rename('tag', decl.spelling)
        self.tag_names.add(decl.spelling)
        layout = self.new_layout(decl, '%s %s' % (kw, decl.spelling), '%s %s' % (kw, name))
        hoisted = []
        self.defined_tags.add(decl)
        text = self.record_text(decl, self.root_scope(decl, layout, name), hoisted)
        self.blocks.extend(hoisted)
        self.blocks.append(('type', self.wrap_pack(decl, text + ';')))

    def new_layout(self, decl, c_name, cxx_name):
        """Create and register the layout record of a named record."""
        t = decl.type
        lay = LayoutRecord(c_name, cxx_name, t.get_size(), t.get_align())
        if lay.size >= 0 and lay.align > 0:
            self.layouts.append(lay)
            return lay
        return None

    def root_scope(self, decl, layout, cxx_class):
        """Scope for the body of a named (or typedef-named) record."""
        return Scope(layout=layout, lookup=decl.type, class_name=cxx_class,
                     members=frozenset(self.member_names(decl)))

    def member_names(self, decl):
        """All field names inside a record, recursively (C++ spelling)."""
        names = set()
        for ch in decl.get_children():
            if ch.kind == CK.FIELD_DECL and ch.spelling:
                names.add(cxx_ident(ch.spelling))
            elif ch.kind in RECORD_KINDS and is_unnamed(ch):
                names |= self.member_names(ch)
        return names

    def natural_align(self, decl):
        """Largest alignment of the fields of a record, ignoring packing."""
        best = 1
        for ch in decl.get_children():
            if ch.kind == CK.FIELD_DECL and ch.spelling and not has_child(ch, CK.PACKED_ATTR):
                best = max(best, ch.type.get_align())
            elif ch.kind in RECORD_KINDS and is_unnamed(ch) and ch.is_definition():
                best = max(best, ch.type.get_align())
        return best

    def pragma_pack(self, decl):
        """N if the record was laid out under '#pragma pack(N)', else None.

        clang exposes no cursor for the pragma: a record with no packed
        attribute whose alignment is below its fields' is pragma-packed."""
        if has_child(decl, CK.PACKED_ATTR) or has_child(decl, CK.ALIGNED_ATTR):
            return None
        align = decl.type.get_align()
        if 0 < align < self.natural_align(decl):
            return align
        return None

    def wrap_pack(self, decl, text):
        """Surround a record definition with #pragma pack if C had one."""
        n = self.pragma_pack(decl)
        if n is None:
            return text
        self.stats['pragma_pack'] = self.stats.get('pragma_pack', 0) + 1
        return '#pragma pack(push, %d) /* C: #pragma pack */\n%s\n#pragma pack(pop)' % (n, text)

    def record_attrs(self, decl):
        """GNU attributes reproducing the layout attributes of a record."""
        attrs = []
        if has_child(decl, CK.PACKED_ATTR):
            attrs.append('packed')
        if has_child(decl, CK.ALIGNED_ATTR):
            attrs.append('aligned(%d)' % decl.type.get_align())
        return ' __attribute__((%s))' % ', '.join(attrs) if attrs else ''

    def record_text(self, decl, scope, hoisted):
        """The text 'struct [name] { ... }' of a record body (no ';')."""
        kw = 'struct' if decl.kind == CK.STRUCT_DECL else 'union'
        head = kw + self.record_attrs(decl)
        if not is_unnamed(decl):
            head += ' ' + cxx_ident(decl.spelling)
        children = list(decl.get_children())
        fields = [ch for ch in children if ch.kind == CK.FIELD_DECL]
        used = {}
        for f in fields:
            d = base_tag_decl(f.type)
            if d is not None and is_unnamed(d):
                used.setdefault(d, []).append(f)
        ind = '\t' * (scope.indent + 1)
        lines = [head + ' {']
        done = set()
        for ch in children:
            if ch.kind == CK.FIELD_DECL:
                if ch in done:
                    continue
                d = base_tag_decl(ch.type)
                group = used.get(d, [ch]) if d is not None and is_unnamed(d) \
                    and d.kind != CK.ENUM_DECL else [ch]
                done.update(group)
                lines.append(ind + self.field_text(group, scope, hoisted))
            elif ch.kind in RECORD_KINDS and ch.is_definition():
                if not is_unnamed(ch):
                    self.hoist_record(ch, hoisted)
                elif ch not in used:
                    lines.append(ind + self.anon_member_text(ch, scope, hoisted))
            elif ch.kind == CK.ENUM_DECL and ch.is_definition():
                self.hoist_enum(ch, used.get(ch), scope, hoisted)
        if not fields and not any(ch.kind in RECORD_KINDS and is_unnamed(ch)
                                  for ch in children):
            lines.append(ind + 'char __cxx_empty[0]; /* empty in C: sizeof 0 */')
        lines.append('\t' * scope.indent + '}')
        return '\n'.join(lines)

    def hoist_record(self, ch, hoisted):
        """A tagged record defined inside another one lives at file scope in C."""
        if ch in self.defined_tags:
            return
        kw = 'struct' if ch.kind == CK.STRUCT_DECL else 'union'
        name = self.rename('tag', ch.spelling)
        self.tag_names.add(ch.spelling)
        layout = self.new_layout(ch, '%s %s' % (kw, ch.spelling), '%s %s' % (kw, name))
        self.defined_tags.add(ch)
        text = self.record_text(ch, self.root_scope(ch, layout, name), hoisted)
        hoisted.append(('type', self.wrap_pack(ch, text + ';')))

    def hoist_enum(self, ch, users, scope, hoisted):
        """Enums declared in a record are file-scope in C: hoist them."""
        synth = None
        if is_unnamed(ch) and users:
            synth = '__cxx_enum_%s%s' % (
                re.sub(r'\W', '_', (scope.class_name or 'anon') + '_' + scope.cxx_path),
                cxx_ident(users[0].spelling) or 'field')
            self.anon_names[ch] = 'enum ' + synth
        hoisted.append(('type', self.enum_text(ch, synth)))

    def anon_member_text(self, ch, scope, hoisted):
        """Text of an anonymous struct/union member (C11 / GNU C++)."""
        sub = Scope(layout=scope.layout, c_path=scope.c_path, cxx_path=scope.cxx_path,
                    lookup=scope.lookup, base_bits=scope.base_bits,
                    class_name=scope.class_name, in_anon=True,
                    members=scope.members, indent=scope.indent + 1)
        return self.record_text(ch, sub, hoisted) + ';'

    def field_name(self, f, scope):
        """C++ name of a field (keyword escape, class-name clash escape)."""
        name = f.spelling
        if not name:
            return ''
        new = self.rename('field', name)
        if scope.in_anon and scope.class_name and new == scope.class_name:
            new += '_'
            self.renames.append(('field named like its class', name, new))
        return new

    def field_text(self, group, scope, hoisted):
        """One field declaration (several declarators if they share a body)."""
        first = group[0]
        d = base_tag_decl(first.type)
        inline = None
        if d is not None and is_unnamed(d) and d.kind != CK.ENUM_DECL:
            sub = self.field_scope(first, d, scope)
            inline = (d, self.record_text(d, sub, hoisted))
        decls, notes = [], ''
        for f in group:
            text, note = self.one_field(f, scope, inline)
            decls.append(text)
            notes = notes or note
        if len(decls) == 1:
            return decls[0] + ';' + notes
        base = inline[1]
        rest = [x[len(base):].strip() if x.startswith(base) else x for x in decls[1:]]
        return ', '.join([decls[0]] + rest) + ';' + notes

    def field_scope(self, f, d, scope):
        """Scope for the inline body of an unnamed-typed named field."""
        direct = is_direct_record(f.type, d)
        layout = scope.layout if direct and f.spelling else None
        off = scope.base_bits + (scope.lookup.get_offset(f.spelling)
                                 if scope.lookup is not None and f.spelling else 0)
        fname = self.field_name(f, scope)
        if scope.layout is not None and f.spelling and f.type.kind != TK.POINTER \
                and f.type.get_size() >= 0:
            scope.layout.subtypes.append((scope.c_path + f.spelling,
                                          scope.cxx_path + fname,
                                          f.type.get_size(), f.type.get_align()))
        return Scope(layout=layout, c_path=scope.c_path + f.spelling + '.',
                     cxx_path=scope.cxx_path + fname + '.', lookup=d.type,
                     base_bits=off, class_name=None, members=scope.members,
                     indent=scope.indent + 1)

    def one_field(self, f, scope, inline):
        """Declarator, bit width and attributes of one field."""
        name = self.field_name(f, scope)
        flex = f.type.kind == TK.INCOMPLETEARRAY
        text = self.cxx.declarator(f.type, name, scope, self.param_names(f),
                                   inline, flex_zero=True)
        if f.is_bitfield():
            text += ' : %d' % f.get_bitfield_width()
        attrs = []
        if has_child(f, CK.PACKED_ATTR):
            attrs.append('packed')
        if has_child(f, CK.ALIGNED_ATTR):
            attrs.append('aligned(%s)' % self.field_align_query(f, scope))
        if attrs:
            text += ' __attribute__((%s))' % ', '.join(attrs)
        self.record_field_layout(f, name, scope)
        return text, ' /* flexible array member */' if flex else ''

    def field_align_query(self, f, scope):
        """Placeholder for a field's declared alignment (asked of clang later)."""
        if scope.layout is None or not f.spelling:
            return str(f.type.get_align())
        root = scope.layout.c_name
        expr = '((%s *)0)->%s%s' % (root, scope.c_path, f.spelling)
        self.align_queries.append(expr)
        return PLACEHOLDER % (len(self.align_queries) - 1)

    def record_field_layout(self, f, name, scope):
        """Remember the offset of a named, non-bitfield field for the checks."""
        if scope.layout is None or not f.spelling or f.is_bitfield() \
                or scope.lookup is None:
            return
        off = scope.lookup.get_offset(f.spelling)
        if off < 0:
            return
        scope.layout.fields.append((scope.c_path + f.spelling, scope.cxx_path + name,
                                    (scope.base_bits + off) // 8))

    def param_names(self, cursor):
        """Parameter names of a function or function-pointer declaration."""
        names = [p.spelling for p in children_of(cursor, (CK.PARM_DECL,))]
        return names or None

    # ---- enums -----------------------------------------------------------

    def enum_text(self, decl, synth_name):
        """'enum [name] : T { A = 1, ... };' with C's underlying type."""
        ut_kind = decl.enum_type.kind
        ut = self.cxx.base(decl.enum_type)
        name = synth_name
        if not is_unnamed(decl):
            name = self.rename('tag', decl.spelling)
            self.tag_names.add(decl.spelling)
            self.enum_checks.append(('enum ' + decl.spelling, 'enum ' + name,
                                     decl.type.get_size()))
        self.defined_tags.add(decl)
        lines = ['enum %s: %s {' % (name + ' ' if name else '', ut)]
        for e in children_of(decl, (CK.ENUM_CONSTANT_DECL,)):
            en = self.rename('enumerator', e.spelling)
            self.ordinary_names.add(e.spelling)
            lit = int_literal(e.enum_value, ut_kind)
            lines.append('\t%s = %s,' % (en, lit))
            self.enumerator_checks.append((e.spelling, int_literal(e.enum_value, ut_kind)))
        lines.append('};')
        return '\n'.join(lines)

    # ---- typedefs, functions, variables ------------------------------------

    def emit_typedef(self, c):
        """Emit 'typedef T name;' (unnamed bodies are printed inline)."""
        name = c.spelling
        ut = c.underlying_typedef_type
        if name in self.seen_typedefs:
            return
        self.seen_typedefs.add(name)
        self.ordinary_names.add(name)
        self.typedef_targets[name] = ut.get_canonical().spelling
        if name in CXX_BUILTIN_TYPEDEFS and ut.get_canonical().kind == CXX_BUILTIN_TYPEDEFS[name]:
            self.blocks.append(('type', '/* typedef %s %s; -- is the C++ keyword %s */'
                                % (ut.spelling, name, name)))
            self.skip('typedef named like the equivalent C++ builtin type', name)
            return
        cname = self.rename('typedef', name)
        d = base_tag_decl(ut)
        inline = None
        if d is not None and is_unnamed(d) and self.inline_users.get(d) == c:
            inline = self.inline_body(d, ut, name, cname)
        try:
            text = 'typedef ' + self.cxx.declarator(ut, cname, None, self.param_names(c),
                                                     inline)
        except Unprintable as e:
            self.skip('typedef with unprintable type', '%s (%s)' % (name, e))
            return
        if has_child(c, CK.ALIGNED_ATTR):
            text += ' __attribute__((aligned(%d)))' % c.type.get_align()
        if d is not None and is_unnamed(d) and d not in self.anon_names \
                and is_direct_record(ut, d):
            self.anon_names[d] = cname
        text += ';'
        if inline is not None and d.kind in RECORD_KINDS:
            text = self.wrap_pack(d, text)
        self.blocks.append(('type', text))
        size = c.type.get_size()
        can = c.type.get_canonical().kind
        if size >= 0 and can not in (TK.FUNCTIONPROTO, TK.FUNCTIONNOPROTO, TK.VOID):
            self.typedef_checks.append((name, cname, size, c.type.get_align()))

    def inline_body(self, d, ut, name, cname):
        """(decl, text) for an unnamed struct/union/enum defined in a typedef."""
        if d.kind == CK.ENUM_DECL:
            text = self.enum_text(d, None)[:-1]     # drop ';'
            return (d, text)
        layout = None
        if is_direct_record(ut, d):
            layout = self.new_layout(d, name, cname)
        hoisted = []
        scope = self.root_scope(d, layout, cname)
        text = self.record_text(d, scope, hoisted)
        self.blocks.extend(hoisted)
        self.defined_tags.add(d)
        return (d, text)

    def emit_function(self, c):
        """Emit an extern "C" prototype; inline definitions are skipped."""
        name = c.spelling
        if name.startswith(HELPER_PROTO_PREFIX):
            h = self.helper_by_name[name[len(HELPER_PROTO_PREFIX):]]
            if h.name in self.seen_funcs:
                # A macro in some configurations (mutex_lock() with lockdep)
                # is an ordinary function in this one: C++ calls it directly.
                self.skip('helper not needed: an ordinary function in this '
                          'configuration', h.name)
                h.cursor = c
            else:
                self.emit_helper(c, h)
            return
        h = self.helper_by_name.get(name)
        if h is not None and h.kind == 'inline' and c.is_definition():
            self.emit_helper(c, h)
            return
        if c.is_definition():
            if c.storage_class == ci.StorageClass.STATIC:
                self.inline_names.add(name)
                if self.args.out_inline:
                    self.emit_inline(c)
                    return
            self.skip('inline function (has a body; needs a C helper)', name)
            return
        if c.storage_class == ci.StorageClass.STATIC:
            self.skip('static function declaration', name)
            return
        if name in self.seen_funcs or not self.allowed(name):
            return
        self.seen_funcs.add(name)
        self.ordinary_names.add(name)
        cname = self.rename('function', name)
        try:
            text = self.cxx.function(c, cname)
        except Unprintable as e:
            self.skip('function with unprintable type', '%s (%s)' % (name, e))
            return
        text += self.asm_label(c, name, cname) + self.function_attrs(c)
        self.blocks.append(('func', text + ';'))
        try:
            self.func_checks.append((name, type_attr_prefix(c) + self.c.function(c, '')))
        except Unprintable:
            pass

    def function_attrs(self, c):
        """' __attribute__((...))' for what C++ callers must also see:
        noreturn, warn_unused_result (__must_check), printf/scanf formats,
        and nocf_check (__noendbr with CONFIG_X86_KERNEL_IBT), which is part
        of the function's type."""
        attrs = []
        if 'noreturn' in c.type.spelling:
            attrs.append('noreturn')
        if 'nocf_check' in c.type.spelling:
            attrs.append('nocf_check')
        if has_child(c, CK.WARN_UNUSED_RESULT_ATTR):
            attrs.append('warn_unused_result')
        fmt = self.format_attr(c)
        if fmt:
            attrs.append(fmt)
        return ' __attribute__((%s))' % ', '.join(attrs) if attrs else ''

    def format_attr(self, c):
        """format(printf|scanf, fmt, first) of a function, or None.

        libclang does not expose the attribute's arguments; the source text
        at the attribute does: the kernel's __printf(a, b) / __scanf(a, b)
        or a spelt-out __attribute__((format(printf, a, b)))."""
        for a in children_of(c, (CK.UNEXPOSED_ATTR,)):
            text = self.extent_text(a)
            m = re.match(r'__(printf|scanf)\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)', text) or \
                re.match(r'(?:__attribute__\s*\(\(\s*)?_*format_*\s*\(\s*_*(printf|scanf)_*'
                         r'\s*,\s*(\d+)\s*,\s*(\d+)\s*\)', text)
            if m:
                return 'format(%s, %s, %s)' % m.groups()
        return None

    def extent_text(self, c):
        """Source text of a cursor's extent (e.g. a macro call: __printf(1, 2))."""
        start, end = c.extent.start, c.extent.end
        if start.file is None or end.file is None or start.file.name != end.file.name:
            return ''
        name = start.file.name
        if name not in self.files:
            with open(name, 'rb') as f:
                self.files[name] = f.read()
        return self.files[name][start.offset:end.offset].decode('utf-8', 'replace')

    # ---- helpers ---------------------------------------------------------

    def emit_helper(self, c, h):
        """Declare a helper to C++ under its kernel name; write its wrapper."""
        if h.cursor is not None:
            return
        h.cursor = c
        name, sym = h.name, HELPER_PREFIX + h.name
        args = list(c.get_arguments())
        if c.type.get_canonical().is_function_variadic():
            raise GenError('%s: helper %s is variadic: C cannot forward "..."; '
                           'write a prototype without it and a body' % (h.where, name))
        self.seen_funcs.add(name)
        self.ordinary_names.add(name)
        cname = self.rename('function', name)
        try:
            text = self.cxx.function(c, cname)
            cparams = [self.c.declarator(p.type, 'a%d' % i) for i, p in enumerate(args)]
        except Unprintable as e:
            raise GenError('%s: helper %s has a type C++ cannot spell: %s' % (h.where, name, e))
        self.blocks.append(('func', '%s __asm__("%s")%s; /* C helper */'
                            % (text, sym, self.function_attrs(c))))
        void = c.result_type.get_canonical().kind == TK.VOID
        if h.kind == 'inline':
            proto = self.c.declarator(c.result_type, '%s(%s)' % (sym, ', '.join(cparams) or 'void'))
            call = '%s(%s)' % (name, ', '.join('a%d' % i for i in range(len(args))))
            body = '{\n\t%s%s;\n}' % ('' if void else 'return ', call)
        else:
            proto = re.sub(r'\b%s(\s*\()' % name, sym + r'\1', h.proto, count=1)
            if h.kind == 'body':
                body = h.body
            else:
                if any(not p.spelling for p in args):
                    raise GenError('%s: name every parameter of helper %s' % (h.where, name))
                call = '%s(%s)' % (name, ', '.join(p.spelling for p in args))
                body = '{\n\t%s%s;\n}' % ('' if void else 'return ', call)
        self.helper_c.append((name, sym, proto, body))

    def inline_wrapper(self, c, name, sym):
        """(prototype, body) of the C wrapper sym around inline function name."""
        args = list(c.get_arguments())
        cparams = [self.c.declarator(p.type, 'a%d' % i) for i, p in enumerate(args)]
        proto = self.c.declarator(c.result_type, '%s(%s)' % (sym, ', '.join(cparams) or 'void'))
        call = '%s(%s)' % (name, ', '.join('a%d' % i for i in range(len(args))))
        void = c.result_type.get_canonical().kind == TK.VOID
        return proto, '{\n\t%s%s;\n}' % ('' if void else 'return ', call)

    def emit_inline(self, c):
        """Declare a static inline function to C++ as an on-demand helper."""
        name, sym = c.spelling, HELPER_PREFIX + c.spelling
        if name in self.seen_funcs or name in self.helper_by_name or not self.allowed(name):
            return
        if c.type.get_canonical().is_function_variadic():
            self.skip('inline function: variadic (a C wrapper cannot forward "...")', name)
            return
        cname = self.rename('function', name)
        try:
            text = self.cxx.function(c, cname)
            proto, body = self.inline_wrapper(c, name, sym)
            ctype = type_attr_prefix(c) + self.c.function(c, '')
        except Unprintable as e:
            self.skip('inline function with a type C++ cannot spell', '%s (%s)' % (name, e))
            return
        self.seen_funcs.add(name)
        self.ordinary_names.add(name)
        self.blocks.append(('func', '%s __asm__("%s")%s; /* C helper, on demand */'
                            % (text, sym, self.function_attrs(c))))
        self.inline_c.append((name, sym, proto, body))
        self.inline_checks.append((name, ctype))

    def check_helpers(self):
        """Every listed helper must have been found in the headers."""
        for h in self.helpers:
            if h.cursor is not None:
                continue
            if h.name in self.seen_funcs:
                raise GenError('%s: %s is an ordinary function: C++ calls it directly; '
                               'fix: drop the entry (or give its prototype if it is a '
                               'macro in other configurations)' % (h.where, h.name))
            raise GenError('%s: %s is not a static inline function of the bound '
                           'headers, nor given as a macro; fix: bind the header that '
                           'defines it (cxx-bindings-headers-y), or for a function-like '
                           'macro write its C prototype ("type %s(type arg, ...);")'
                           % (h.where, h.name, h.name))

    def write_helpers(self):
        """The C wrappers, one file each, compiled as C with the kernel's flags."""
        d = self.args.out_helpers
        os.makedirs(d, exist_ok=True)
        made = {name: (sym, proto, body) for name, sym, proto, body in self.helper_c}
        for h in self.helpers:
            path = os.path.join(d, h.name + '.c')
            out = self.banner('C helper %s: what C++ cannot call directly, wrapped in C.'
                              % h.name)
            if h.name in made:
                sym, proto, body = made[h.name]
                out += ['#include <linux/export.h>',
                        '#include "%s"' % rel_include(self.header, path), '',
                        proto + ';', proto, body, '',
                        '#if defined(CONFIG_CXX) && !defined(MODULE)',
                        'EXPORT_SYMBOL_GPL(%s);' % sym, '#endif']
            else:
                out += ['', '/* Not needed here: %s is an ordinary function in this '
                        'configuration. */' % h.name]
            text = '\n'.join(out) + '\n'
            # Rewrite only what changed, so that make rebuilds only that.
            try:
                with open(path) as f:
                    if f.read() == text:
                        continue
            except FileNotFoundError:
                pass
            with open(path, 'w') as f:
                f.write(text)

    def write_inline(self):
        """The on-demand wrappers, each compiled only where CXX_WANT_<name>."""
        path = self.args.out_inline
        out = self.banner('On-demand C helpers: a wrapper for every static inline '
                          'function of the bindings.')
        out += ['/*', ' * Not compiled alone: a module\'s <module>.cxx-helpers.c defines',
                ' * CXX_WANT_<name> for each helper its objects call and includes this',
                ' * file, so the wrappers are compiled as part of that module.', ' */',
                '#include "%s"' % rel_include(self.header, path), '']
        for name, sym, proto, body in self.inline_c:
            out += ['#ifdef CXX_WANT_%s' % name, proto + ';', proto, body, '#endif']
        with open(path, 'w') as f:
            f.write('\n'.join(out) + '\n')

    def coverage(self):
        """(static inline functions, callable ones): listed or on demand."""
        listed = {h.name for h in self.helpers if h.cursor is not None}
        callable_ = {n for n, _, _, _ in self.inline_c} | listed
        return len(self.inline_names), len(callable_ & self.inline_names)

    def write_skipped(self):
        """What was not bound, and why; the coverage of static inline functions."""
        total, ok = self.coverage()
        self.stats['inline_total'], self.stats['inline_callable'] = total, ok
        out = ['# Generated by gen_cxx_bindings.py: what the bindings do not declare, and why.',
               '# static inline functions: %d, callable from C++: %d (%.1f%%), skipped: %d'
               % (total, ok, 100.0 * ok / total if total else 100.0, total - ok)]
        for cat in sorted(self.skipped):
            names = sorted(set(self.skipped[cat]))
            if cat == 'static function declaration':
                # A prototype of a static inline function defined further on.
                names = [n for n in names if n not in self.seen_funcs]
            if not names:
                continue
            out += ['', '%s (%d):' % (cat, len(names))] + ['\t' + n for n in names]
        with open(self.args.out_skipped, 'w') as f:
            f.write('\n'.join(out) + '\n')

    def write_depfile(self):
        """Make rule: the header depends on every file the parse read."""
        deps = [self.header] + [os.path.abspath(h) for h in self.args.helpers]
        deps += sorted({os.path.abspath(i.include.name) for i in self.tu.get_includes()})
        with open(self.args.depfile, 'w') as f:
            f.write('%s: \\\n' % self.args.out_hpp)
            f.write(' \\\n'.join('  ' + d for d in deps) + '\n')

    def asm_label(self, c, name, cname):
        """' __asm__("sym")' keeping the C symbol of a renamed/labelled decl."""
        labels = children_of(c, (CK.ASM_LABEL_ATTR,))
        if labels:
            return ' __asm__("%s")' % labels[0].spelling
        if cname != name:
            return ' __asm__("%s")' % name
        return ''

    def emit_var(self, c):
        """Emit an extern "C" variable declaration."""
        name = c.spelling
        if c.storage_class == ci.StorageClass.STATIC:
            self.skip('static variable (internal linkage)', name)
            return
        if c.storage_class == ci.StorageClass.REGISTER:
            self.skip('global register variable (no C++ equivalent; C helper)', name)
            return
        if name in self.seen_vars or not self.allowed(name):
            return
        self.seen_vars.add(name)
        self.ordinary_names.add(name)
        cname = self.rename('variable', name)
        d = base_tag_decl(c.type)
        inline = None
        if d is not None and is_unnamed(d) and self.inline_users.get(d) == c:
            hoisted = []
            if d.kind == CK.ENUM_DECL:
                inline = (d, self.enum_text(d, None)[:-1])
            else:
                inline = (d, self.record_text(d, Scope(), hoisted))
            self.blocks.extend(hoisted)
        if c.type.get_canonical().kind == TK.VOID:
            # GNU C 'extern void sym;' (a linker symbol): invalid in C++.
            quals = self.cxx._quals(c.type)
            text = 'extern %schar %s[]' % (quals, cname)
            self.blocks.append(('func', text + self.asm_label(c, name, cname)
                                + '; /* C: extern void (address-only symbol) */'))
            self.renames.append(('void object -> char[]', name, cname + '[]'))
            return
        try:
            text = 'extern ' + self.cxx.declarator(c.type, cname, None, None, inline)
        except Unprintable as e:
            self.skip('variable with unprintable type', '%s (%s)' % (name, e))
            return
        note = ''
        if self.expansion_text(c).startswith('DECLARE_PER_CPU'):
            note = ' /* per-CPU: only via this_cpu_*() / per_cpu_ptr() helpers */'
            self.stats['percpu'] = self.stats.get('percpu', 0) + 1
        self.blocks.append(('func', text + self.asm_label(c, name, cname) + ';' + note))
        self.add_type_check(name, c.type)

    def expansion_text(self, c, size=40):
        """Source text where a declaration starts (its macro call, if any)."""
        start = c.extent.start
        if start.file is None:
            return ''
        name = start.file.name
        if name not in self.files:
            with open(name, 'rb') as f:
                self.files[name] = f.read()
        return self.files[name][start.offset:start.offset + size].decode('utf-8', 'replace')

    def add_type_check(self, name, t):
        """Queue a C check that the printed type is the type gcc sees."""
        try:
            self.func_checks.append((name, self.c.declarator(t, '')))
        except Unprintable:
            pass

    def check_name_clashes(self):
        """Report C names that collide in C++ (typedef vs different tag)."""
        clashes = []
        for name, target in self.typedef_targets.items():
            if name in self.tag_names and target not in (
                    'struct ' + name, 'union ' + name, 'enum ' + name):
                clashes.append('%s (typedef of %s vs struct/union/enum %s)' % (name, target, name))
        for n in sorted(clashes):
            self.skip('C typedef/tag name clash (would not compile in C++)', n)
        both = sorted(self.tag_names & (self.seen_funcs | self.seen_vars))
        self.stats['tag_vs_ordinary'] = both

    # ---- constants -------------------------------------------------------

    def collect_macros(self, top):
        """Object-like macros whose body could be an integer constant."""
        lib = ci.conf.lib
        last = {}
        for c in top:
            if c.kind == CK.MACRO_DEFINITION:
                last[c.spelling] = c       # the definition in force at the end
                if not lib.clang_Cursor_isMacroFunctionLike(c):
                    body = [t.spelling for t in c.get_tokens()][1:]
                    if body != [c.spelling]:       # '#define X X' is harmless
                        self.object_macros.add(c.spelling)
        aliases = self.collect_function_aliases(last)
        found = []
        for name, c in sorted(last.items(), key=lambda kv: self.position(kv[1])):
            if lib.clang_Cursor_isMacroFunctionLike(c) or name in aliases:
                continue
            f = c.location.file
            if f and (os.path.abspath(f.name) in self.forced or
                      os.path.basename(f.name) == 'autoconf.h'):
                self.skip('macro of a force-included header (a macro in C++ too)', name)
                continue
            toks = list(c.get_tokens())[1:]
            if not toks or not self.plausible_constant(toks):
                continue
            found.append((name, self.source_text(toks)))
        self.stats['macros_tried'] = len(found)
        self.collect_strings(last)
        return found

    def own_object_macro(self, c):
        """Whether macro c is object-like and of a bound header (not of a
        force-included one, whose macros C++ objects get as macros)."""
        f = c.location.file
        return bool(f) and not ci.conf.lib.clang_Cursor_isMacroFunctionLike(c) and \
            os.path.abspath(f.name) not in self.forced and \
            os.path.basename(f.name) != 'autoconf.h'

    def collect_function_aliases(self, last):
        """Object-like macros that rename a function (#define a b).

        '#define debugfs_remove_recursive debugfs_remove' makes C callers
        call debugfs_remove(); C++ gets 'inline constexpr auto &a = b;', a
        reference to the same function, called with the same arguments (a
        chain of such macros is followed to its function). Only for
        functions the bindings declare; the set of names returned."""
        single = {}
        for name, c in last.items():
            if not self.own_object_macro(c):
                continue
            toks = list(c.get_tokens())[1:]
            if len(toks) == 1 and toks[0].kind == ci.TokenKind.IDENTIFIER and \
                    toks[0].spelling != name:
                single[name] = toks[0].spelling
        taken = self.ordinary_names | self.tag_names
        found = set()
        for name, c in sorted(last.items(), key=lambda kv: self.position(kv[1])):
            if name not in single:
                continue
            target, depth = single[name], 0
            while target in single and target not in self.seen_funcs and depth < 16:
                target, depth = single[target], depth + 1
            if target not in self.seen_funcs:
                continue
            found.add(name)
            if name in taken or name in CXX_KEYWORDS or not self.allowed(name):
                self.skip('function alias macro clashing with a C/C++ name or filtered', name)
                continue
            self.function_aliases.append('inline constexpr auto &%s = %s; /* #define %s %s */'
                                         % (name, cxx_ident(target), name, single[name]))
        self.stats['function_aliases'] = len(self.function_aliases)
        return found

    def collect_strings(self, last):
        """Object-like macros that are string literals (KERN_INFO...).

        A body of narrow string literals and names of other such macros is
        resolved to its literals, so C++ gets 'inline constexpr char X[]'
        with the exact bytes C would see."""
        bodies = {}
        for name, c in last.items():
            if not self.own_object_macro(c) or not self.allowed(name):
                continue
            toks = list(c.get_tokens())[1:]
            if toks and all((t.kind == ci.TokenKind.LITERAL and t.spelling.startswith('"')) or
                            t.kind == ci.TokenKind.IDENTIFIER for t in toks):
                bodies[name] = [t.spelling for t in toks]
        resolved = {}

        def resolve(name, depth=0):
            """Literal tokens of a string macro, or None."""
            if name in resolved:
                return resolved[name]
            resolved[name] = None
            out = []
            for t in bodies.get(name, ()):
                if t.startswith('"'):
                    out.append(t)
                elif t in bodies and depth < 16:
                    sub = resolve(t, depth + 1)
                    if sub is None:
                        return None
                    out += sub
                else:
                    return None
            resolved[name] = out or None
            return resolved[name]
        self.string_constants = []
        taken = self.ordinary_names | self.tag_names
        for name, c in sorted(last.items(), key=lambda kv: self.position(kv[1])):
            if name not in bodies or name in taken or name in CXX_KEYWORDS:
                continue
            lits = resolve(name)
            if lits:
                self.string_constants.append('inline constexpr char %s[] = %s;'
                                             % (name, ' '.join(lits)))

    def position(self, c):
        """Sort key: position of a cursor in the translation unit walk."""
        return self.order[c]

    def source_text(self, toks):
        """Original source text spanned by tokens, whitespace collapsed."""
        first, last = toks[0].extent.start, toks[-1].extent.end
        name = first.file.name
        if name not in self.files:
            with open(name, 'rb') as f:
                self.files[name] = f.read()
        raw = self.files[name][first.offset:last.offset].decode('utf-8', 'replace')
        return ' '.join(raw.replace('\\\n', ' ').split())

    def plausible_constant(self, toks):
        """Cheap lexical filter: could these tokens be an integer expression?"""
        depth = 0
        for t in toks:
            s = t.spelling
            if t.kind == ci.TokenKind.PUNCTUATION:
                if s in ('{', '}', ';', '#', '##', '...', '='):
                    return False
                if s == ',' and depth == 0:
                    return False        # a list (BYTES_NOP2: 0x66,0x90)
                depth += s.count('(') - s.count(')')
                if depth < 0:
                    return False
            elif t.kind == ci.TokenKind.LITERAL:
                if s[0] in '"L' or s.startswith(('u8"', 'u"', 'U"')):
                    return False
            elif t.kind == ci.TokenKind.KEYWORD and s not in CONST_MACRO_KEYWORDS:
                return False
            elif t.kind == ci.TokenKind.IDENTIFIER and s in ('__attribute__', 'asm',
                                                             '__asm__', 'typeof_member'):
                return False
        return depth == 0

    def evaluate(self, macros):
        """Evaluate macro constants and field alignments with clang."""
        snippet_name = os.path.join(os.path.dirname(self.header), '__cxx_bindgen_consts.c')
        cands = [(n, b) for n, b in macros if self.allowed(n)]
        bad = set()
        for _ in range(4):
            lines, index = self.snippet(cands, bad)
            # GNU constant folding is accepted (the kernel's _IOR() needs it:
            # _IOC_TYPECHECK() names an extern variable in a branch that
            # is never taken); gcc, which folds the same way, checks every
            # value in the C layout proof.
            tu = parse_c(snippet_name, self.cargs,
                         unsaved=[(snippet_name, '\n'.join(lines) + '\n')])
            errs = self.snippet_errors(tu, snippet_name, index)
            if errs is None:
                raise GenError('constant evaluation broke the header parse')
            if not errs:
                break
            bad |= errs
        else:
            raise GenError('constant evaluation did not converge')
        if any(q in bad for q in (('align', i) for i in range(len(self.align_queries)))):
            raise GenError('could not evaluate a field alignment')
        values, types = self.snippet_values(tu, snippet_name)
        bad |= self.reads_variables(tu, cands)
        self.stats['char_signed'] = values['__cxx_char_signed']
        self.fill_alignments(values)
        self.make_constants(cands, bad, values, types)

    def snippet(self, cands, bad):
        """C source asking clang for every constant and field alignment."""
        lines = ['#include "%s"' % self.header,
                 'enum { __cxx_char_signed = ((char)-1 < 0) };']
        index = {}
        for i, expr in enumerate(self.align_queries):
            index[len(lines) + 1] = ('align', i)
            lines.append('enum { __cxx_a_%d = __alignof__(%s) };' % (i, expr))
        for i, (name, _) in enumerate(cands):
            if ('const', i) in bad:
                continue
            index[len(lines) + 1] = ('const', i)
            lines.append('typedef __typeof__((%s)) __cxx_t_%d; enum { __cxx_c_%d = (%s) };'
                         % (name, i, i, name))
        return lines, index

    def snippet_errors(self, tu, snippet_name, index):
        """Snippet lines with an error (or None if the header broke)."""
        errs = set()
        for d in tu.diagnostics:
            if d.severity < ci.Diagnostic.Error:
                continue
            f = d.location.file
            if f is None or f.name != snippet_name:
                if d.severity >= ci.Diagnostic.Error:
                    print(diag_text(d), file=sys.stderr)
                    return None
                continue
            if d.location.line in index:
                errs.add(index[d.location.line])
        return errs

    def reads_variables(self, tu, cands):
        """Constants whose value clang folded from a variable's value.

        clang folds `static const u64 cc_mask = 0;` (x86's _PAGE_CC without
        CONFIG_ARCH_HAS_CC_PLATFORM) into an enum value; gcc does not, and
        the C layout proof would fail. A variable named only in an operand
        that is not evaluated (sizeof, typeof) or in the third operand of a
        ?: (the kernel's _IOC_TYPECHECK() names an extern variable in the
        branch a constant condition never takes) is not read.
        """
        def reads(c):
            """Whether expression @c reads a variable's value."""
            if c.kind == CK.DECL_REF_EXPR:
                d = c.referenced
                return d is not None and d.kind == CK.VAR_DECL
            if c.kind == CK.CXX_UNARY_EXPR:     # sizeof, alignof
                return False
            kids = list(c.get_children())
            if c.kind == CK.CONDITIONAL_OPERATOR and len(kids) == 3:
                kids = kids[:2]
            return any(reads(k) for k in kids)

        want = {'__cxx_c_%d' % i: i for i in range(len(cands))}
        found = set()
        for c in tu.cursor.get_children():
            if c.kind != CK.ENUM_DECL or c.spelling:
                continue
            for e in children_of(c, (CK.ENUM_CONSTANT_DECL,)):
                if e.spelling in want and reads(e):
                    found.add(('const', want[e.spelling]))
        return found

    def snippet_values(self, tu, snippet_name):
        """Read back enumerator values and typeof() types from the snippet."""
        values, types = {}, {}
        for c in tu.cursor.get_children():
            # cheap tests first: cursor kind, then the reserved __cxx_ prefix
            if c.kind == CK.ENUM_DECL and not c.spelling:
                consts = children_of(c, (CK.ENUM_CONSTANT_DECL,))
                if len(consts) == 1 and consts[0].spelling.startswith('__cxx_'):
                    values[consts[0].spelling] = consts[0].enum_value
            elif c.kind == CK.TYPEDEF_DECL and c.spelling.startswith('__cxx_t_'):
                # typeof((X)): the child expression keeps the typedef sugar
                # (gfp_t, fmode_t...) that the TypeOfExpr type hides.
                exprs = [e for e in c.get_children() if e.kind.is_expression()]
                types[c.spelling] = exprs[0].type if exprs else c.underlying_typedef_type
        return values, types

    def fill_alignments(self, values):
        """Replace alignment placeholders in emitted blocks by clang's values."""
        def sub(m):
            """Value of one placeholder."""
            return str(values['__cxx_a_%s' % m.group(1)])
        pat = re.compile(re.escape(PLACEHOLDER).replace('%d', r'(\d+)'))
        self.blocks = [(k, pat.sub(sub, text)) for k, text in self.blocks]

    def const_type(self, t):
        """(C++ spelling, C spelling, kind for literals) of a constant's type."""
        can = t.get_canonical()
        kind = can.kind
        if kind == TK.ENUM:
            kind = can.get_declaration().enum_type.kind
        if kind not in INTEGER_KINDS or BUILTINS[kind][2] > 64:
            return None
        try:
            cxx = self.cxx.declarator(t, '')
            c = self.c.declarator(t, '')
        except Unprintable:
            cxx = c = BUILTINS[kind][0]
        if cxx.startswith('__cxx_') or c.startswith('__cxx_'):
            return None
        return cxx, c, kind, can.kind == TK.ENUM

    def const_literal(self, value, kind, body):
        """Literal for a constant: the macro's own literal if it is just one."""
        m = re.fullmatch(r'\(*\s*((0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)[uUlL]*)\s*\)*', body)
        if m and body.count('(') == body.count(')'):
            lit = m.group(1)
            base = 16 if lit[:2].lower() == '0x' else 8 if lit.startswith('0') and len(lit) > 1 else 10
            digits = lit.rstrip('uUlL')
            if int(digits, base) == value:
                return lit
        return int_literal(value, kind, prefer_hex=any(x in body.lower() for x in ('0x', '|', '<<', '~')))

    def make_constants(self, cands, bad, values, types):
        """Lines 'inline constexpr T NAME = value;' for each good macro."""
        taken = self.ordinary_names | self.tag_names
        for i, (name, body) in enumerate(cands):
            if ('const', i) in bad:
                self.skip('macro tried as a constant: not an integer constant expression', name)
                continue
            if name in taken or name in CXX_KEYWORDS or name.startswith('__cxx_'):
                self.skip('macro constant clashing with a C/C++ name', name)
                continue
            ty = self.const_type(types['__cxx_t_%d' % i])
            if ty is None:
                self.skip('macro constant of non-integer type', name)
                continue
            cxx_t, c_t, kind, is_enum = ty
            lit = self.const_literal(values['__cxx_c_%d' % i], kind, body)
            init = 'static_cast<%s>(%s)' % (cxx_t, lit) if is_enum else lit
            line = 'inline constexpr %s %s = %s;' % (cxx_t, name, init)
            if body.strip('() ') != lit:
                line += ' /* %s */' % comment_safe(body, 60)
            self.constants.append(line)
            self.const_checks.append((name, lit, c_t))
        self.stats['constants'] = len(self.constants)

    # ---- output ----------------------------------------------------------

    def banner(self, what):
        """Common header comment of generated files."""
        return ['/* SPDX-License-Identifier: GPL-2.0 */',
                '/*',
                ' * %s' % what,
                ' * Generated by gen_cxx_bindings.py from %s -- DO NOT EDIT.' % os.path.basename(self.header),
                ' * Kernel flags: %s' % (os.path.basename(self.args.cflags_file) if self.args.cflags_file else 'command line'),
                ' */']

    def write_hpp(self):
        """Write the C++ header."""
        out = self.banner('C++ declarations of the kernel C API ("C++ for Linux").')
        out += ['#pragma once', '',
                '#ifndef __cplusplus',
                '#error "C++ only: C code includes the kernel headers directly"',
                '#endif', '',
                'static_assert(sizeof(void *) == 8 && sizeof(long) == 8, "LP64 only");',
                'static_assert((char)-1 %s 0, "plain char signedness must match the kernel C compiler");'
                % ('<' if self.char_signed() else '>'),
                '']
        out += self.rename_comment()
        out += ['', '/* ---- forward declarations ---- */']
        out += list(self.fwd_tags.values())
        out += ['', '/* ---- declarations, in header order ---- */']
        out += self.body_lines()
        out += ['', '/* ---- integer constants from object-like macros ---- */']
        out += self.constants
        out += ['', '/* ---- string constants from object-like macros ---- */']
        out += self.string_constants
        out += ['', '/* ---- functions renamed by object-like macros ---- */']
        out += self.function_aliases
        out += [''] + self.skipped_comment()
        text = '\n'.join(out) + '\n'
        with open(self.args.out_hpp, 'w') as f:
            f.write(text)
        self.stats['hpp_lines'] = text.count('\n')
        self.stats['hpp_bytes'] = len(text.encode())

    def char_signed(self):
        """Whether plain char is signed with the kernel flags (asked of clang)."""
        return bool(self.stats['char_signed'])

    def rename_comment(self):
        """Comment listing every C name that was escaped for C++."""
        out = ['/*', ' * Renamed C identifiers (C++ keyword -> trailing "_"; functions',
               ' * and variables keep their C symbol through __asm__ labels):']
        for what, old, new in sorted(set(self.renames)):
            out.append(' *   %-28s %s -> %s' % (what, old, new))
        if not self.renames:
            out.append(' *   (none)')
        return out + [' */']

    def body_lines(self):
        """Declarations in order, runs of functions/variables in extern "C"."""
        out, in_c = [], False
        for kind, text in self.blocks:
            if kind == 'func' and not in_c:
                out += ['', 'extern "C" {']
                in_c = True
            elif kind == 'type' and in_c:
                out += ['} /* extern "C" */', '']
                in_c = False
            if kind == 'type' and '\n' in text and out and out[-1] != '':
                out.append('')
            out.append(text)
            if kind == 'type' and '\n' in text:
                out.append('')
        if in_c:
            out.append('} /* extern "C" */')
        return [l for i, l in enumerate(out) if l != '' or (i and out[i - 1] != '')]

    def skipped_comment(self):
        """Comment listing what was deliberately not bound, by category."""
        out = ['/*', ' * Not bound:']
        for cat in sorted(self.skipped):
            names = sorted(set(self.skipped[cat]))
            out.append(' *')
            out.append(' * %s (%d):' % (cat, len(names)))
            line = ' *  '
            for n in names:
                if len(line) + len(n) > 76:
                    out.append(line)
                    line = ' *  '
                line += ' ' + comment_safe(n, 200)
            out.append(line)
        return out + [' */']

    def write_check_c(self):
        """Write the C layout proof (compiled with the kernel's gcc flags)."""
        out = self.banner('Layout proof: clang\'s numbers, checked by the kernel C compiler.')
        out += ['#include "%s"' % rel_include(self.header, self.args.out_check), '',
                '#define CXX_CHECK(expr, msg) _Static_assert(expr, msg)', '']
        shadowed = []
        for lay in self.layouts:
            out += self.layout_asserts(lay, 'c', shadowed)
        for c_name, _, size in self.enum_checks:
            if self.macro_shadowed(c_name, shadowed):
                continue
            out.append('CXX_CHECK(sizeof(%s) == %d, "%s: size");' % (c_name, size, c_name))
        for c_name, _, size, align in self.typedef_checks:
            if self.macro_shadowed(c_name, shadowed):
                continue
            out.append('CXX_CHECK(sizeof(%s) == %d && _Alignof(%s) == %d, "%s: size/align");'
                       % (c_name, size, c_name, align, c_name))
        for name, lit in self.enumerator_checks:
            if self.macro_shadowed(name, shadowed):
                continue
            out.append('CXX_CHECK(%s == %s, "enumerator %s");' % (name, lit, name))
        for name, lit, c_t in self.const_checks:
            out.append('CXX_CHECK((%s) == %s && __builtin_types_compatible_p(__typeof__((%s)), %s), '
                       '"constant %s");' % (name, lit, name, c_t, name))
        for name, t in self.func_checks:
            if self.macro_shadowed(name + ' ' + t, shadowed):
                continue
            out.append('CXX_CHECK(__builtin_types_compatible_p(__typeof__(%s), %s), "type of %s");'
                       % (name, t, name))
        # An inline function clang saw may be a function-like macro to gcc
        # (isdigit() is __builtin_isdigit() where gcc has it): its wrapper
        # then calls the macro, and there is no function type to check.
        for name, t in self.inline_checks:
            if self.macro_shadowed(name + ' ' + t, shadowed):
                continue
            out += ['#ifndef %s' % name,
                    'CXX_CHECK(__builtin_types_compatible_p(__typeof__(%s), %s), "type of %s");'
                    % (name, t, name), '#endif']
        undefs = sorted(set(shadowed))
        if undefs:
            at = out.index('#define CXX_CHECK(expr, msg) _Static_assert(expr, msg)')
            out[at:at] = ['/* Identifiers below that were (at some point) object-like macros:',
                          ' * check the declarations, not the macros. */'] + \
                ['#undef %s' % u for u in undefs] + ['']
        with open(self.args.out_check, 'w') as f:
            f.write('\n'.join(out) + '\n')

    def macro_shadowed(self, text, shadowed):
        """Note identifiers of text that C would macro-expand (to #undef them).

        Always returns False: the check is kept, the macro is #undef'd."""
        shadowed.extend(w for w in re.findall(r'[A-Za-z_]\w*', text)
                        if w in self.object_macros)
        return False

    def write_check_cxx(self):
        """Write the C++ twin of the layout proof."""
        out = self.banner('Layout proof, C++ side: same numbers, checked by g++.')
        out += ['#include "%s"' % rel_include(self.args.out_hpp, self.args.out_check_cxx), '',
                '#define CXX_CHECK(expr, msg) static_assert(expr, msg)', '']
        for lay in self.layouts:
            out += self.layout_asserts(lay, 'cxx')
        for _, cxx_name, size in self.enum_checks:
            out.append('CXX_CHECK(sizeof(%s) == %d, "%s: size");' % (cxx_name, size, cxx_name))
        for _, cxx_name, size, align in self.typedef_checks:
            out.append('CXX_CHECK(sizeof(%s) == %d && alignof(%s) == %d, "%s: size/align");'
                       % (cxx_name, size, cxx_name, align, cxx_name))
        with open(self.args.out_check_cxx, 'w') as f:
            f.write('\n'.join(out) + '\n')

    def layout_asserts(self, lay, lang, shadowed=None):
        """size/align/offset assertions of one record in C or C++."""
        name = lay.c_name if lang == 'c' else lay.cxx_name
        if lang == 'c' and self.macro_shadowed(name, shadowed):
            return []
        alignof = '_Alignof' if lang == 'c' else 'alignof'
        typeof = '__typeof__' if lang == 'c' else 'decltype'
        out = ['CXX_CHECK(sizeof(%s) == %d, "%s: size");' % (name, lay.size, name),
               'CXX_CHECK(%s(%s) == %d, "%s: align");' % (alignof, name, lay.align, name)]
        for c_path, cxx_path, off in lay.fields:
            path = c_path if lang == 'c' else cxx_path
            if lang == 'c' and self.macro_shadowed(name + '.' + path, shadowed):
                continue
            out.append('CXX_CHECK(__builtin_offsetof(%s, %s) == %d, "%s: offsetof %s");'
                       % (name, path, off, name, path))
        for c_path, cxx_path, size, align in lay.subtypes:
            path = c_path if lang == 'c' else cxx_path
            if lang == 'c' and self.macro_shadowed(name + '.' + path, shadowed):
                continue
            expr = '((%s *)0)->%s' % (name, path)
            out.append('CXX_CHECK(sizeof(%s) == %d && %s(%s(%s)) == %d, "%s: type of %s");'
                       % (expr, size, alignof, typeof, expr, align, name, path))
        return out


def main(argv):
    """Entry point."""
    args = parse_args(argv)
    if args.list_helpers:
        try:
            print(' '.join(h.name for h in read_helpers_lists(args.helpers,
                                                              args.extra_from)))
        except GenError as e:
            print('gen_bindings: error: %s' % e, file=sys.stderr)
            return 1
        return 0
    try:
        load_libclang(args.libclang)
        gen = Generator(args)
        gen.run()
    except GenError as e:
        print('gen_bindings: error: %s' % e, file=sys.stderr)
        return 1
    s = gen.stats
    if not (args.verbose or args.stats):
        return 0
    print('gen_bindings: %d records, %d enums, %d typedefs, %d functions, %d variables, '
          '%d constants (%d macros tried), %d renames; %d lines / %d bytes; %.2fs; '
          'skipped flags: %s' % (
              len(gen.layouts), len(gen.enum_checks), len(gen.typedef_checks),
              len(gen.seen_funcs), len(gen.seen_vars), s['constants'], s['macros_tried'],
              len(gen.renames), s['hpp_lines'], s['hpp_bytes'], s['time'],
              ' '.join(gen.skipped_flags)), file=sys.stderr)
    print('gen_bindings: static inline functions: %d, callable from C++: %d (%.1f%%)' % (
        s['inline_total'], s['inline_callable'],
        100.0 * s['inline_callable'] / max(s['inline_total'], 1)), file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
