#include "util/shared_library.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <string>

using namespace ccn;

TEST_SUITE("util/shared_library")
{
  TEST_CASE("a library the system has gives its functions")
  {
    SharedLibrary libc("libc.so.6");
    void* address = libc.symbol("strlen");
    REQUIRE(address != nullptr);
    auto length = reinterpret_cast<std::size_t (*)(const char*)>(address);
    CHECK(length("Hội đồng") == std::string("Hội đồng").size());
    // The second look-up finds the library already open.
    CHECK(libc.symbol("strlen") == address);
  }

  TEST_CASE("a library the system lacks is named, with the loader's reason, at every call")
  {
    SharedLibrary absent("libccnscore-absent.so.9");
    for (int attempt = 0; attempt < 2; ++attempt) {
      try {
        absent.symbol("anything");
        FAIL("no exception");
      } catch (const MissingLibrary& e) {
        CHECK(e.library() == "libccnscore-absent.so.9");
        CHECK(e.reason().find("libccnscore-absent.so.9") != std::string::npos);
        CHECK(std::string(e.what()).rfind("cannot load libccnscore-absent.so.9: ", 0) == 0);
      }
    }
  }

  TEST_CASE("a function the library lacks is named")
  {
    SharedLibrary libc("libc.so.6");
    try {
      libc.symbol("ccnscore_no_such_function");
      FAIL("no exception");
    } catch (const MissingLibrary& e) {
      CHECK(e.library() == "libc.so.6");
      CHECK(e.reason().find("ccnscore_no_such_function") != std::string::npos);
    }
  }
}
