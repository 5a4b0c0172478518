#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Parse Documentation/cxx/*.rst with docutils and fail on any warning.

The kernel builds its documentation with Sphinx; this check needs only
Debian's python3-docutils. Sphinx's ``toctree`` directive is replaced by
one that checks every listed document exists, and ``code-block`` by
docutils' own ``code`` directive (without highlighting).
"""
import pathlib
import sys

import docutils.core
import docutils.utils
from docutils.parsers.rst import Directive, directives
from docutils.parsers.rst.directives.body import CodeBlock


class TocTree(Directive):
    """toctree: each entry must name an existing .rst beside the file."""

    has_content = True
    option_spec = {"maxdepth": directives.nonnegative_int}

    def run(self):
        here = pathlib.Path(self.state.document.current_source).parent
        for entry in (e.strip() for e in self.content if e.strip()):
            if not (here / f"{entry}.rst").is_file():
                raise self.error(f"toctree entry {entry!r}: no {entry}.rst")
        return []


def main():
    docdir = pathlib.Path(sys.argv[1])
    directives.register_directive("toctree", TocTree)
    directives.register_directive("code-block", CodeBlock)
    failed = 0
    for rst in sorted(docdir.glob("*.rst")):
        try:
            docutils.core.publish_doctree(
                rst.read_text(), source_path=str(rst),
                settings_overrides={"halt_level": 2, "report_level": 2,
                                    "syntax_highlight": "none",
                                    "warning_stream": sys.stderr})
            print(f"ok {rst.name}")
        except docutils.utils.SystemMessage as e:
            print(f"{rst}: {e}", file=sys.stderr)
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
