// SPDX-License-Identifier: GPL-2.0
// expect: error: static assertion failed: pci::Driver: expected static Result<Box<T>> probe(pci::Device &, const struct pci_device_id &)
#include <cxx/prelude.h>
#include <cxx/pci.h>
/* probe() must return the driver data it built, not an int. */
struct D {
	static int probe(cxx::pci::Device &, const struct pci_device_id &) { return 0; }
};
cxx::Result<cxx::Box<cxx::pci::Driver<D>>> f(const struct pci_device_id *ids)
{
	return cxx::pci::Driver<D>::try_new(ids);
}
