/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The test modules' check(): "ok <what>" at info level or "FAIL <what>" at
 * error level, and a count of the failures for the module's summary line
 * ("... tests done: N failed"), which run_tests.sh reads. One per module:
 * include it in one file of the module, inside its anonymous namespace.
 */
int failures;

void check(bool ok, const char *what)
{
	if (ok) {
		pr_info("ok %s\n", what);
	} else {
		pr_err("FAIL %s\n", what);
		failures++;
	}
}
