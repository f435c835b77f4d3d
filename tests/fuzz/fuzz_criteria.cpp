// Fuzz target: the criteria loader (YAML tree, strict keys, expressions,
// bands, levels, tie-breaks) on arbitrary bytes.
#include "load/loaders.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  ccn::Diagnostics diags;
  auto doc = ccn::parse_document("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), diags);
  if (doc) {
    (void)ccn::load_criteria(*doc, diags);
  }
  return 0;
}
