#pragma once
// Text helpers: UTF-8 checks, terminal widths, identifier rules.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccn {

// Byte offset of the first byte that is not valid UTF-8, if any.
std::optional<size_t> find_invalid_utf8(std::string_view text);

// `text` in Unicode normalization form C, so that a name typed with
// combining accents is the same name as one typed with precomposed letters.
std::string to_nfc(std::string_view text);

// Columns `text` takes on a terminal: combining marks take none.
size_t display_width(std::string_view text);

// `text` cut to at most `width` columns, on a character boundary, with "..."
// at the end when it was cut.
std::string truncate_display(std::string_view text, size_t width);

// `text` padded with spaces on the right (or left) to `width` columns.
std::string pad_right(std::string_view text, size_t width);
std::string pad_left(std::string_view text, size_t width);

// 1 to 64 characters from A-Z a-z 0-9 _ - ., starting with a letter or digit.
bool is_identifier(std::string_view text);

// `[a-z_][a-z0-9_]*`, for fields and measures that expressions name.
bool is_field_identifier(std::string_view text);

// Words reserved by the expression language.
bool is_reserved_word(std::string_view text);

// Whether a plain (unquoted) YAML scalar is null under YAML 1.2's core
// schema: empty, `~`, `null`, `Null` or `NULL`.
inline bool is_yaml_null(std::string_view plain)
{
  return plain.empty() || plain == "~" || plain == "null" || plain == "Null" || plain == "NULL";
}

// Most characters of a value that a message quotes.
inline constexpr size_t k_max_token_chars = 32;

// `text` as a short token for a message: control characters escaped, at
// most `k_max_token_chars` characters and only its first line, "..." where
// it was cut. A message never copies a whole line of a file into itself.
std::string short_token(std::string_view text);

// The one name of `candidates` that `name` was most likely meant to be, for
// "did you mean" in a message: the nearest by edits of characters (a
// letter added, removed, changed, or two neighbours swapped; case counts
// half), within a third of the name's length and at most 3; nothing when
// no candidate is that near, or when two are equally near.
std::optional<std::string> nearest_name(std::string_view name, const std::vector<std::string>& candidates);

// `short_token(text)` in double quotes, with quotes and backslashes
// escaped; used to show what was found in an error message.
std::string quote_found(std::string_view text);

// Whether `cp` is a control character that no text value may hold: every
// C0 control but tab and line feed, DEL and the C1 controls.
bool is_refused_control(char32_t cp);

// A control character found in text: where, and which.
struct ControlChar
{
  size_t offset; // in bytes
  char32_t code_point;
};

// The first refused control character in `text` (valid UTF-8), if any.
std::optional<ControlChar> find_control_char(std::string_view text);

// `text` made safe to show on a terminal: control characters (C0, DEL, C1),
// bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069) and
// bytes that are not UTF-8 become visible escapes (`\x1b`, `\u202e`), so no
// input can move the cursor, recolour the screen or reorder what is shown.
// With `keep_lines`, newline and tab are kept (for a text of several lines).
std::string terminal_safe(std::string_view text, bool keep_lines = false);

// `text` as one CSV field: a cell that a spreadsheet would read as a formula
// (first character `=`, `+`, `-`, `@`, tab or carriage return) gets a leading
// `'`, as OWASP recommends, unless it is a plain number such as `-3.5`; then
// the field is quoted as RFC 4180 needs. Every CSV that ccnscore writes is
// made of these.
std::string csv_field(std::string_view text);

} // namespace ccn
