// SHA-256 of an input file's bytes, for the fingerprints a result records,
// from libcrypto.
//
// Through EVP, OpenSSL 3 looks the digest up among its providers, and the
// first look-up of a process builds their whole table of names: about 0.4
// ms, a tenth of what a small round's loading costs. The digest's own
// functions compute the same bytes without it. They are marked deprecated
// (in favour of EVP) but stay in OpenSSL 3; should they go, this file goes
// back to EVP_Digest.
#define OPENSSL_SUPPRESS_DEPRECATED

#include "util/file.hpp"

#include <openssl/sha.h>

#include <array>
#include <stdexcept>
#include <string_view>

namespace ccn {

std::string sha256_hex(const std::string& bytes)
{
  std::array<unsigned char, SHA256_DIGEST_LENGTH> md{};
  const unsigned int len = SHA256_DIGEST_LENGTH;
  SHA256_CTX ctx;
  if (SHA256_Init(&ctx) != 1 || SHA256_Update(&ctx, bytes.data(), bytes.size()) != 1 || SHA256_Final(md.data(), &ctx) != 1) {
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
