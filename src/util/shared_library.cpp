#include "util/shared_library.hpp"

#include <dlfcn.h>

#include <utility>

namespace ccn {

MissingLibrary::MissingLibrary(std::string library, std::string reason)
  : std::runtime_error("cannot load " + library + ": " + reason)
  , m_library(std::move(library))
  , m_reason(std::move(reason))
{
}

SharedLibrary::SharedLibrary(std::string soname)
  : m_soname(std::move(soname))
{
}

void* SharedLibrary::symbol(const char* name)
{
  std::call_once(m_opened, [this] {
    m_handle = ::dlopen(m_soname.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (m_handle == nullptr) {
      const char* why = ::dlerror();
      m_error = why != nullptr ? why : "the dynamic loader gave no reason";
    }
  });
  if (m_handle == nullptr) {
    throw MissingLibrary(m_soname, m_error);
  }
  ::dlerror();
  void* address = ::dlsym(m_handle, name);
  if (address == nullptr) {
    const char* why = ::dlerror();
    throw MissingLibrary(m_soname, why != nullptr ? why : std::string("no function ") + name);
  }
  return address;
}

} // namespace ccn
