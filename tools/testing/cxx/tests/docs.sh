# SPDX-License-Identifier: GPL-2.0
#
# docs.sh - Documentation: every page of Documentation/cxx parses.
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

# Tests, in order.
t docs_parse /usr/bin/python3 "$here/check_docs.py" "$top/Documentation/cxx"
