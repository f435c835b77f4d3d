// Fuzz target: the sheet and round-file loaders (shape checks).
#include "load/loaders.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  ccn::Diagnostics diags;
  auto doc = ccn::parse_document("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), diags);
  if (doc) {
    (void)ccn::load_sheet(*doc, diags);
    (void)ccn::load_round_file(*doc, diags);
  }
  return 0;
}
