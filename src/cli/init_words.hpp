#pragma once
// The words that `ccnscore init` writes into the templates' comments, in
// one table (key -> English, Vietnamese) so that they move as one piece
// into the message catalogue.

#include "render/locale.hpp"

#include <string_view>

namespace ccn {

// The text of `key` in `lang`; the key itself when the table lacks it.
std::string_view init_word(std::string_view key, Lang lang);

} // namespace ccn
