// Fuzz target: a dossier checked against the bundled criteria.
#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  const ccn::Criteria& c = ccn::fuzz::bundled_criteria();
  ccn::Diagnostics diags;
  auto doc = ccn::parse_document("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), diags);
  if (doc) {
    (void)ccn::load_dossier(*doc, &c, diags);
  }
  return 0;
}
