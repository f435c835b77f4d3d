#pragma once
// A shared library opened the first time one of its functions is called.
// libxlsxwriter and libzip are needed only by the commands that write or
// read a workbook; opening them at start would cost every other command the
// loading and relocation of them and of what they pull in (libcrypto among
// it), in time and in memory.

#include <mutex>
#include <stdexcept>
#include <string>

namespace ccn {

// A library that a command needs and the system does not have.
class MissingLibrary : public std::runtime_error
{
public:
  MissingLibrary(std::string library, std::string reason);
  const std::string& library() const noexcept { return m_library; }
  const std::string& reason() const noexcept { return m_reason; }

private:
  std::string m_library;
  std::string m_reason;
};

class SharedLibrary
{
public:
  // `soname` is the name the dynamic loader looks for, e.g. "libzip.so.4".
  explicit SharedLibrary(std::string soname);
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;

  // The address of the function `name`, opening the library on first use
  // (safe from several threads). Throws MissingLibrary when the library
  // cannot be opened or lacks the function.
  void* symbol(const char* name);

  const std::string& soname() const noexcept { return m_soname; }

private:
  std::string m_soname;
  std::once_flag m_opened;
  void* m_handle = nullptr;
  std::string m_error;
};

} // namespace ccn

// Defines the C function `name` of a lazily opened library: the first call
// looks the real function up in `library` (a SharedLibrary&), every call
// forwards to it. `params` is the parameter list as the library's header
// declares it, with names; `args` passes those names on.
#define CCN_LAZY_FUNCTION(library, ret, name, params, args)                                                       \
  extern "C" ret name params                                                                                      \
  {                                                                                                               \
    static const auto real = reinterpret_cast<decltype(&name)>((library).symbol(#name));                        \
    return real args;                                                                                             \
  }
