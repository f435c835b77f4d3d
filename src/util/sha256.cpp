// SHA-256 of an input file's bytes, for the fingerprints a result records,
// from libcrypto. OpenSSL's configuration file is not read: a digest needs
// none of it, and reading it cost time at every start.

#include "util/file.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <stdexcept>
#include <string_view>

namespace ccn {

std::string sha256_hex(const std::string& bytes)
{
  static const bool initialised = OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr) == 1;
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  if (!initialised || EVP_Digest(bytes.data(), bytes.size(), md.data(), &len, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("libcrypto could not compute a SHA-256 digest");
  }
  static constexpr std::string_view k_hex = "0123456789abcdef";
  std::string out;
  out.reserve(2 * len);
  for (unsigned int i = 0; i < len; ++i) {
    out += k_hex[md[i] >> 4];
    out += k_hex[md[i] & 0x0f];
  }
  return out;
}

} // namespace ccn
