#include "cli/help.hpp"

#include "render/messages.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <memory>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace ccn {

namespace {

// CLI11's help layout with its words in `lang`, the option names padded
// by the characters they show rather than by bytes.
class HelpFormatter : public CLI::Formatter
{
public:
  explicit HelpFormatter(Lang lang) : m_lang(std::move(lang))
  {
    label("Usage", text("help_usage"));
    label("OPTIONS", text("help_usage_options"));
    label("SUBCOMMAND", text("help_usage_command"));
    label("SUBCOMMANDS", text("help_usage_command"));
    label("Positionals", text("help_group_arguments"));
    label("REQUIRED", text("help_required"));
    label("TEXT", text("help_type_text"));
    label("FILE", text("help_type_file"));
    label("DIR", text("help_type_dir"));
    label("PATH", text("help_type_path"));
    label("ID", text("help_type_id"));
    label("UINT", text("help_type_uint"));
    label("FLOAT", text("help_type_float"));
  }

  std::string text(std::string_view key, const MsgArgs& args = {}) const { return tr(m_lang, key, args); }

  // The name of a positional argument as the help shows it.
  void name_argument(const std::string& name)
  {
    label("argument:" + name, text("help_argument_" + name));
  }

  std::string make_option(const CLI::Option* opt, bool is_positional) const override
  {
    std::string left = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const size_t width = left.empty() ? 0 : display_width(left);
    std::string out = left;
    if (width >= column_width_) {
      out += "\n" + std::string(column_width_, ' ');
    } else {
      out += std::string(column_width_ - width, ' ');
    }
    for (char c : make_option_desc(opt)) {
      out += c;
      if (c == '\n') {
        out += std::string(column_width_, ' ');
      }
    }
    return out + "\n";
  }

  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override
  {
    if (is_positional) {
      return get_label("argument:" + opt->get_name(true, false));
    }
    return CLI::Formatter::make_option_name(opt, is_positional);
  }

  std::string make_option_opts(const CLI::Option* opt) const override
  {
    std::string out;
    if (opt->get_type_size() != 0) {
      // A positional argument's name already says what it is, in the
      // help's language ("round", "tệp_đợt"): its type would repeat it.
      if (!opt->get_positional() && !opt->get_type_name().empty()) {
        out += " " + type_name(opt->get_type_name());
      }
      if (!opt->get_default_str().empty()) {
        out += "=" + opt->get_default_str();
      }
      if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) {
        out += " ...";
      }
      if (opt->get_required()) {
        out += " " + get_label("REQUIRED");
      }
    }
    return out;
  }

private:
  // CLI11's type name in the help's language; a range says its type
  // itself ("UINT:UINT in [1 - 256]" is shown "UINT in [1 - 256]").
  std::string type_name(const std::string& name) const
  {
    static const std::regex k_range(R"(^(\w+) in \[(.*) - (.*)\]$)");
    std::vector<std::string> parts;
    std::istringstream in(name);
    for (std::string part; std::getline(in, part, ':');) {
      parts.push_back(part);
    }
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
      std::smatch m;
      std::smatch next;
      if (i + 1 < parts.size() && std::regex_match(parts[i + 1], next, k_range) && next[1].str() == parts[i]) {
        continue;
      }
      std::string shown = get_label(parts[i]);
      if (std::regex_match(parts[i], m, k_range)) {
        shown = text("help_range", {{"type", get_label(m[1].str())}, bound("min", m[2].str()), bound("max", m[3].str())});
      }
      out += (out.empty() ? "" : ":") + shown;
    }
    return out;
  }

  // A bound of a range as a number, so that each language writes its digits.
  static MsgArg bound(std::string name, const std::string& digits)
  {
    uint64_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || value > INT64_MAX) {
      return {std::move(name), digits};
    }
    return {std::move(name), static_cast<int64_t>(value)};
  }

  Lang m_lang;
};

// The catalogue key part of an option: its long name, '-' as '_'.
std::string key_name(const CLI::Option& opt)
{
  std::string name = opt.get_single_name();
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

// The description of `opt` of the command `command` ("" for the program).
std::string option_text(const Lang& lang, const std::string& command, const CLI::Option& opt,
                        const MsgArgs& args)
{
  const Messages& messages = Messages::built_in();
  const std::string own = "help_opt_" + command + "_" + key_name(opt);
  if (!command.empty() && messages.has(lang, own)) {
    return messages.text(lang, own, args);
  }
  const std::string shared = "help_opt_" + key_name(opt);
  if (messages.has(lang, shared)) {
    return messages.text(lang, shared, args);
  }
  throw std::logic_error("no help text " + own + " in the catalogue " + lang.code);
}

// The descriptions, groups and formatter of one command (or the program).
void localize(CLI::App& cmd, const std::string& command, const std::shared_ptr<HelpFormatter>& formatter,
              const Lang& lang, const MsgArgs& args)
{
  cmd.formatter(formatter);
  const std::string group = formatter->text("help_group_options");
  for (CLI::Option* opt : cmd.get_options()) {
    opt->description(option_text(lang, command, *opt, args));
    opt->group(group);
    if (opt->get_positional()) {
      formatter->name_argument(opt->get_name(true, false));
    }
  }
}

} // namespace

Lang language_asked(const std::vector<std::string>& args, const Lang& fallback)
{
  Lang lang = fallback;
  auto take = [&lang](const std::string& code) {
    if (Messages::built_in().has(Lang{code}, "severity_error")) {
      lang = Lang{code};
    }
  };
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang" && i + 1 < args.size()) {
      take(args[i + 1]);
    } else if (args[i].rfind("--lang=", 0) == 0) {
      take(args[i].substr(7));
    }
  }
  return lang;
}

bool asks_for_help(const std::vector<std::string>& args)
{
  return std::any_of(args.begin(), args.end(), [](const std::string& a) {
    return a == "--help" || (a.size() > 1 && a[0] == '-' && a[1] != '-' && a.find('h') != std::string::npos);
  });
}

void localize_help(CLI::App& app, const Lang& lang)
{
  auto formatter = std::make_shared<HelpFormatter>(lang);
  std::string languages;
  for (const auto& code : Messages::built_in().languages()) {
    languages += (languages.empty() ? "" : ", ") + code;
  }
  const MsgArgs args{{"languages", languages}};
  app.description(formatter->text("help_app"));
  localize(app, "", formatter, lang, args);
  const std::string commands = formatter->text("help_group_commands");
  for (CLI::App* cmd : app.get_subcommands({})) {
    cmd->description(formatter->text("help_cmd_" + cmd->get_name()));
    cmd->group(commands);
    localize(*cmd, cmd->get_name(), formatter, lang, args);
  }
}

} // namespace ccn
