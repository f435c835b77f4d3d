#pragma once
// Reading a message catalogue written in the plain form the catalogues use,
// without a YAML parser. The program reads its own catalogues so at build
// time (render/messages/catalogue_index.cpp), and reads so at run time the
// catalogues given to `Messages` by hand: one scanner for both, so that the
// tables built into the program hold what the scanner reads.

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ccn {

// Reads `yaml` in the plain form, calling `put(key, pattern)` for each line
// in turn (a key written twice is put twice): views into `yaml`, or into a
// text kept in `unescaped` for a double-quoted pattern with escapes. False
// when the file holds anything else.
bool scan_plain_catalogue(std::string_view yaml, std::deque<std::string>& unescaped,
                          const std::function<void(std::string_view, std::string_view)>& put);

// The keys and patterns of a catalogue written in the plain form the
// catalogues use: comments, and one `key: value` per line, the value plain
// or double-quoted with the escapes \", \\ and \n; of a key written twice,
// the last. Nothing when the file holds anything else (libyaml reads it
// then).
std::optional<std::map<std::string, std::string, std::less<>>> read_plain_catalogue(std::string_view yaml);

// The hash that places a key in the table of a catalogue built into the
// program (FNV-1a): the build and the program compute the same.
constexpr uint32_t catalogue_key_hash(std::string_view key)
{
  uint32_t hash = 2166136261U;
  for (const char c : key) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 16777619U;
  }
  return hash;
}

} // namespace ccn
