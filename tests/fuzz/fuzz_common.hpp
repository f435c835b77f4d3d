#pragma once
// Shared pieces of the fuzz targets: loading the bundled criteria once.

#include "load/loaders.hpp"
#include "load/round_load.hpp"

#include <cstdlib>
#include <string>

namespace ccn::fuzz {

// The bundled criteria, loaded once; the source folder comes from the build.
inline const Criteria& bundled_criteria()
{
  static const Criteria c = [] {
    Diagnostics d;
    auto loaded = load_criteria_file(std::string(CCNSCORE_SOURCE_DIR) + "/criteria/nd66-khung-quoc-gia.yaml", d);
    if (!loaded) {
      std::abort();
    }
    return *loaded;
  }();
  return c;
}

} // namespace ccn::fuzz
