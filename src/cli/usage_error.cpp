#include "cli/usage_error.hpp"

#include "render/messages.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

namespace ccn {

namespace {

// The items of CLI11's set "{a,b,c}".
std::vector<std::string> set_items(const std::string& set)
{
  std::vector<std::string> items;
  std::string item;
  for (char c : set.substr(1, set.size() - 2)) {
    if (c == ',') {
      items.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  items.push_back(item);
  return items;
}

} // namespace

Message usage_error_message(const CLI::Error& e)
{
  const std::string what = e.what();
  // Not get_name(): some errors carry the name of the app that threw them.
  auto is = [&e]<typename Error>(const Error*) { return dynamic_cast<const Error*>(&e) != nullptr; };
  std::smatch m;
  if (is(static_cast<const CLI::ExtrasError*>(nullptr))
      && std::regex_match(what, m, std::regex("The following arguments? (?:was|were) not expected: (.*)"))) {
    // CLI11 lists them last first: ccnscore hands it the arguments reversed.
    std::vector<std::string> items;
    std::string joined = m[1];
    for (size_t end = joined.size(), space; end != std::string::npos; end = space) {
      space = end == 0 ? std::string::npos : joined.rfind(' ', end - 1);
      items.push_back(joined.substr(space == std::string::npos ? 0 : space + 1,
                                    end - (space == std::string::npos ? 0 : space + 1)));
    }
    std::string arguments;
    for (const auto& item : items) {
      arguments += (arguments.empty() ? "" : " ") + item;
    }
    return {"usage_unexpected", {{"count", items.size()}, {"arguments", arguments}}};
  }
  if (is(static_cast<const CLI::RequiredError*>(nullptr))) {
    if (what == "A subcommand is required") {
      return {"usage_command_required", {}};
    }
    if (std::regex_match(what, m, std::regex("(\\S+) is required"))) {
      // A positional argument: say what to give, in words.
      const std::string missing = "usage_missing_" + std::string(m[1]);
      if (Messages::built_in().has(Lang{"en"}, missing)) {
        return {missing, {}};
      }
      return {"usage_required", {{"name", std::string(m[1])}}};
    }
  }
  if (is(static_cast<const CLI::ArgumentMismatch*>(nullptr)) && std::regex_match(what, m, std::regex("(\\S+): \\d+ required \\S+ missing"))) {
    return {"usage_value_missing", {{"option", std::string(m[1])}}};
  }
  if (is(static_cast<const CLI::ArgumentMismatch*>(nullptr))
      && std::regex_match(what, m, std::regex("(\\S+): At Most (\\d+) required but received (\\d+)"))) {
    return {"usage_given_too_often",
            {{"option", std::string(m[1])}, {"max", std::stoll(m[2])}, {"received", std::stoll(m[3])}}};
  }
  if (is(static_cast<const CLI::ValidationError*>(nullptr))) {
    if (std::regex_match(what, m, std::regex("(\\S+): empty path"))) {
      return {"usage_empty_path", {{"option", std::string(m[1])}}};
    }
    if (std::regex_match(what, m, std::regex("(\\S+): an option, not a value: (.*)"))) {
      return {"usage_option_as_value", {{"option", std::string(m[1])}, {"value", std::string(m[2])}}};
    }
    if (std::regex_match(what, m, std::regex("(\\S+): no such folder: (.*)"))) {
      return {"usage_no_such_folder", {{"option", std::string(m[1])}, {"path", std::string(m[2])}}};
    }
    if (std::regex_match(what, m, std::regex("(\\S+): Value (.*) not in range (\\S+) to (\\S+)"))) {
      return {"usage_out_of_range",
              {{"option", std::string(m[1])},
               {"value", std::string(m[2])},
               {"min", std::string(m[3])},
               {"max", std::string(m[4])}}};
    }
    if (std::regex_match(what, m, std::regex("(\\S+): (.*) not in (\\{[^{}]*\\})"))) {
      return {"usage_not_one_of",
              {{"option", std::string(m[1])}, {"value", std::string(m[2])}, MsgArg::list("choices", set_items(m[3]))}};
    }
  }
  if (is(static_cast<const CLI::ConversionError*>(nullptr)) && std::regex_match(what, m, std::regex("Could not convert: (\\S+) = (.*)"))) {
    return {"usage_not_a_number", {{"option", std::string(m[1])}, {"value", std::string(m[2])}}};
  }
  return {k_raw_message, {{"text", what}}};
}

namespace {

// CLI11 gives an option that needs a value the next word whatever it is, so
// that `--criteria --lang vi` would read a file named "--lang". A value
// that has the form of an option (`-o`, `--lang`, `--lang=vi`) is taken as a
// forgotten value; a file of such a name is still reached as `./--lang`.
bool looks_like_option(const std::string& text)
{
  static const std::regex option("-[A-Za-z]|--[A-Za-z][A-Za-z0-9-]*(=.*)?");
  return std::regex_match(text, option);
}

std::string check_path(const std::string& text)
{
  if (text.empty()) {
    return "empty path";
  }
  if (looks_like_option(text)) {
    return "an option, not a value: " + text;
  }
  return {};
}

} // namespace

const CLI::Validator k_path_value([](std::string& text) { return check_path(text); }, "");

const CLI::Validator k_existing_folder(
  [](std::string& text) {
    if (std::string why = check_path(text); !why.empty()) {
      return why;
    }
    std::error_code ec;
    return std::filesystem::is_directory(text, ec) ? std::string() : "no such folder: " + text;
  },
  "");

} // namespace ccn
