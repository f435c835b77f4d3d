#pragma once
// A message for people as data: a catalogue key and named arguments. Stages
// below render/ describe what happened with these; render/ turns them into
// words in the chosen language (render/messages.hpp).

#include <concepts>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ccn {

// A language of the outputs, named by the code of its catalogue
// (render/messages/<code>.yaml): "en", "vi".
struct Lang
{
  std::string code = "en";

  bool operator==(const Lang&) const = default;
};

struct Message;

// One named argument of a message: a text already written for people (a
// name, a number formatted by render/); a count, which a pattern may use to
// choose a plural form; an exact decimal as written ("0.5") or a list of
// texts, both put into the language's own form when the message is written;
// or another message, put into words in the same language.
struct MsgArg
{
  enum class Kind { text, count, decimal, list, message };

  std::string name;
  Kind kind = Kind::text;
  std::string text; // text, decimal; the count in digits
  std::int64_t count = 0;
  std::vector<std::string> items;
  std::shared_ptr<const Message> message;

  MsgArg(std::string arg_name, std::string_view arg_text) : name(std::move(arg_name)), text(arg_text) {}
  MsgArg(std::string arg_name, Message arg_message);
  template <std::integral N>
    requires(!std::same_as<N, bool> && !std::same_as<N, char>)
  MsgArg(std::string arg_name, N value)
    : name(std::move(arg_name)), kind(Kind::count), text(std::to_string(value)), count(static_cast<std::int64_t>(value))
  {
  }

  // An exact decimal written with a point (`decimal` such as "0.5").
  static MsgArg decimal(std::string arg_name, std::string decimal);
  // A list of texts, joined as the language joins a list ("a, b and c").
  static MsgArg list(std::string arg_name, std::vector<std::string> items);
};

using MsgArgs = std::vector<MsgArg>;

// A message not yet in words: which sentence, and what goes into it.
struct Message
{
  std::string key;
  MsgArgs args;
};

inline MsgArg::MsgArg(std::string arg_name, Message arg_message)
  : name(std::move(arg_name)), kind(Kind::message), message(std::make_shared<const Message>(std::move(arg_message)))
{
}

inline MsgArg MsgArg::decimal(std::string arg_name, std::string decimal)
{
  MsgArg a(std::move(arg_name), std::string_view(decimal));
  a.kind = Kind::decimal;
  return a;
}

inline MsgArg MsgArg::list(std::string arg_name, std::vector<std::string> items)
{
  MsgArg a(std::move(arg_name), std::string_view());
  a.kind = Kind::list;
  a.items = std::move(items);
  return a;
}

// The key of a transitional message whose only argument `text` holds a
// sentence already written in English.
inline constexpr const char* k_raw_message = "raw";

} // namespace ccn
