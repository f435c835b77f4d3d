#include "load/expr_parse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace ccn {

namespace {

struct ParseFailure
{
  ExprError error;
};

constexpr int k_max_expr_depth = 64;

class Parser
{
public:
  explicit Parser(std::string_view src) : m_src(src) {}

  Expr parse()
  {
    Expr e = parse_or();
    skip_space();
    if (m_pos < m_src.size()) {
      fail(fmt::format("unexpected '{}'", m_src.substr(m_pos, 1)));
    }
    return e;
  }

private:
  [[noreturn]] void fail(std::string message) const
  {
    throw ParseFailure{{static_cast<int>(m_pos), std::move(message)}};
  }

  void skip_space()
  {
    while (m_pos < m_src.size() && (m_src[m_pos] == ' ' || m_src[m_pos] == '\t' || m_src[m_pos] == '\n' || m_src[m_pos] == '\r')) {
      ++m_pos;
    }
  }

  static bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
  static bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

  // The word at the cursor, without consuming it.
  std::string_view peek_word()
  {
    skip_space();
    size_t end = m_pos;
    while (end < m_src.size() && ident_char(m_src[end])) {
      ++end;
    }
    if (end == m_pos || !ident_start(m_src[m_pos])) {
      return {};
    }
    return m_src.substr(m_pos, end - m_pos);
  }

  bool accept_word(std::string_view word)
  {
    if (peek_word() == word) {
      m_pos += word.size();
      return true;
    }
    return false;
  }

  bool accept(std::string_view symbol)
  {
    skip_space();
    if (m_src.substr(m_pos, symbol.size()) == symbol) {
      m_pos += symbol.size();
      return true;
    }
    return false;
  }

  Expr node(Expr::Op op, int offset, std::vector<Expr> args = {})
  {
    Expr e;
    e.op = op;
    e.offset = offset;
    e.args = std::move(args);
    return e;
  }

  struct DepthGuard
  {
    explicit DepthGuard(Parser& p) : parser(p)
    {
      if (++parser.m_depth > k_max_expr_depth) {
        parser.fail(fmt::format("expression nested deeper than {} levels", k_max_expr_depth));
      }
    }
    ~DepthGuard() { --parser.m_depth; }
    Parser& parser;
  };

  Expr parse_or()
  {
    DepthGuard guard(*this);
    Expr left = parse_and();
    while (true) {
      skip_space();
      int at = static_cast<int>(m_pos);
      if (!accept_word("or")) {
        return left;
      }
      left = node(Expr::Op::or_, at, {std::move(left), parse_and()});
    }
  }

  Expr parse_and()
  {
    Expr left = parse_not();
    while (true) {
      skip_space();
      int at = static_cast<int>(m_pos);
      if (!accept_word("and")) {
        return left;
      }
      left = node(Expr::Op::and_, at, {std::move(left), parse_not()});
    }
  }

  Expr parse_not()
  {
    DepthGuard guard(*this);
    skip_space();
    int at = static_cast<int>(m_pos);
    if (accept_word("not")) {
      return node(Expr::Op::not_, at, {parse_not()});
    }
    return parse_cmp();
  }

  Expr parse_cmp()
  {
    Expr left = parse_sum();
    skip_space();
    int at = static_cast<int>(m_pos);
    static constexpr std::pair<std::string_view, Expr::Op> k_ops[] = {
      {"<=", Expr::Op::le}, {">=", Expr::Op::ge}, {"==", Expr::Op::eq}, {"!=", Expr::Op::ne},
      {"<", Expr::Op::lt},  {">", Expr::Op::gt},
    };
    for (const auto& [sym, op] : k_ops) {
      if (accept(sym)) {
        Expr right = parse_sum();
        skip_space();
        for (const auto& [sym2, op2] : k_ops) {
          if (m_src.substr(m_pos, sym2.size()) == sym2) {
            fail("comparisons cannot be chained; use 'and'");
          }
        }
        return node(op, at, {std::move(left), std::move(right)});
      }
    }
    return left;
  }

  Expr parse_sum()
  {
    Expr left = parse_prod();
    while (true) {
      skip_space();
      int at = static_cast<int>(m_pos);
      if (accept("+")) {
        left = node(Expr::Op::add, at, {std::move(left), parse_prod()});
      } else if (accept("-")) {
        left = node(Expr::Op::sub, at, {std::move(left), parse_prod()});
      } else {
        return left;
      }
    }
  }

  Expr parse_prod()
  {
    Expr left = parse_unary();
    while (true) {
      skip_space();
      int at = static_cast<int>(m_pos);
      if (accept("*")) {
        left = node(Expr::Op::mul, at, {std::move(left), parse_unary()});
      } else if (accept("/")) {
        left = node(Expr::Op::div, at, {std::move(left), parse_unary()});
      } else {
        return left;
      }
    }
  }

  Expr parse_unary()
  {
    DepthGuard guard(*this);
    skip_space();
    int at = static_cast<int>(m_pos);
    if (accept("-")) {
      return node(Expr::Op::neg, at, {parse_unary()});
    }
    return parse_atom();
  }

  Expr parse_atom()
  {
    skip_space();
    int at = static_cast<int>(m_pos);
    if (m_pos >= m_src.size()) {
      fail("expected a value, found the end of the expression");
    }
    char c = m_src[m_pos];
    if (c >= '0' && c <= '9') {
      size_t end = m_pos;
      while (end < m_src.size() && ((m_src[end] >= '0' && m_src[end] <= '9') || m_src[end] == '.')) {
        ++end;
      }
      NumberParse p = parse_decimal(m_src.substr(m_pos, end - m_pos));
      if (p.kind != NumberParse::Kind::ok) {
        fail(fmt::format("'{}' is not a number", m_src.substr(m_pos, end - m_pos)));
      }
      m_pos = end;
      Expr e = node(Expr::Op::number, at);
      e.num = p.value;
      return e;
    }
    if (c == '"') {
      size_t end = m_src.find('"', m_pos + 1);
      if (end == std::string_view::npos) {
        fail("string is not closed with '\"'");
      }
      Expr e = node(Expr::Op::string, at);
      e.name = std::string(m_src.substr(m_pos + 1, end - m_pos - 1));
      m_pos = end + 1;
      return e;
    }
    if (accept("(")) {
      Expr inner = parse_or();
      if (!accept(")")) {
        fail("expected ')'");
      }
      return inner;
    }
    std::string_view word = peek_word();
    if (word.empty()) {
      fail(fmt::format("unexpected '{}'", m_src.substr(m_pos, 1)));
    }
    m_pos += word.size();
    if (word == "true" || word == "false") {
      Expr e = node(Expr::Op::truth, at);
      e.truth = word == "true";
      return e;
    }
    if (word == "and" || word == "or" || word == "not") {
      m_pos = static_cast<size_t>(at);
      fail(fmt::format("expected a value, found '{}'", word));
    }
    skip_space();
    if (m_pos < m_src.size() && m_src[m_pos] == '(') {
      static constexpr std::pair<std::string_view, Expr::Op> k_funcs[] = {
        {"if", Expr::Op::if_}, {"min", Expr::Op::min}, {"max", Expr::Op::max}, {"abs", Expr::Op::abs}};
      for (const auto& [fname, op] : k_funcs) {
        if (word == fname) {
          ++m_pos;
          Expr e = node(op, at);
          e.name = std::string(word);
          e.args.push_back(parse_or());
          while (accept(",")) {
            e.args.push_back(parse_or());
          }
          if (!accept(")")) {
            fail("expected ',' or ')'");
          }
          return e;
        }
      }
      m_pos = static_cast<size_t>(at);
      fail(fmt::format("unknown function '{}'; the functions are if, min, max and abs", word));
    }
    Expr e = node(Expr::Op::ident, at);
    e.name = std::string(word);
    return e;
  }

  std::string_view m_src;
  size_t m_pos = 0;
  int m_depth = 0;
};

struct CheckFailure
{
  ExprError error;
};

class Checker
{
public:
  explicit Checker(const SymbolLookup& lookup) : m_lookup(lookup) {}

  void check(Expr& e)
  {
    switch (e.op) {
    case Expr::Op::number:
      e.type = ValueType::number;
      return;
    case Expr::Op::truth:
      e.type = ValueType::truth;
      return;
    case Expr::Op::string:
      e.type = ValueType::string;
      return;
    case Expr::Op::ident: {
      auto sym = m_lookup(e.name);
      if (!sym) {
        fail(e, fmt::format("unknown name '{}': not a field or measure", e.name));
      }
      if (sym->type == ValueType::invalid) {
        fail(e, fmt::format("'{}' cannot be used in an expression: {}", e.name, sym->why_invalid));
      }
      e.type = sym->type;
      e.enum_field = sym->enum_field;
      m_enum_values[e.name] = sym->enum_values;
      return;
    }
    case Expr::Op::neg:
    case Expr::Op::abs:
      if (e.op == Expr::Op::abs && e.args.size() != 1) {
        fail(e, "abs takes one number");
      }
      expect(e.args[0], ValueType::number, e.op == Expr::Op::abs ? "abs" : "'-'");
      e.type = ValueType::number;
      return;
    case Expr::Op::not_:
      expect(e.args[0], ValueType::truth, "'not'");
      e.type = ValueType::truth;
      return;
    case Expr::Op::add:
    case Expr::Op::sub:
    case Expr::Op::mul:
    case Expr::Op::div:
      expect(e.args[0], ValueType::number, "arithmetic");
      expect(e.args[1], ValueType::number, "arithmetic");
      e.type = ValueType::number;
      return;
    case Expr::Op::lt:
    case Expr::Op::le:
    case Expr::Op::gt:
    case Expr::Op::ge:
      expect(e.args[0], ValueType::number, "a comparison");
      expect(e.args[1], ValueType::number, "a comparison");
      e.type = ValueType::truth;
      return;
    case Expr::Op::eq:
    case Expr::Op::ne:
      check_equality(e);
      e.type = ValueType::truth;
      return;
    case Expr::Op::and_:
    case Expr::Op::or_:
      expect(e.args[0], ValueType::truth, e.op == Expr::Op::and_ ? "'and'" : "'or'");
      expect(e.args[1], ValueType::truth, e.op == Expr::Op::and_ ? "'and'" : "'or'");
      e.type = ValueType::truth;
      return;
    case Expr::Op::if_:
      if (e.args.size() != 3) {
        fail(e, fmt::format("if takes three arguments (condition, then, else), found {}", e.args.size()));
      }
      expect(e.args[0], ValueType::truth, "the condition of if");
      expect(e.args[1], ValueType::number, "if");
      expect(e.args[2], ValueType::number, "if");
      e.type = ValueType::number;
      return;
    case Expr::Op::min:
    case Expr::Op::max:
      if (e.args.size() < 2) {
        fail(e, fmt::format("{} takes two or more numbers", e.name));
      }
      for (auto& a : e.args) {
        expect(a, ValueType::number, e.name);
      }
      e.type = ValueType::number;
      return;
    }
  }

private:
  [[noreturn]] static void fail(const Expr& e, std::string message)
  {
    throw CheckFailure{{e.offset, std::move(message)}};
  }

  void expect(Expr& e, ValueType type, std::string_view where)
  {
    check(e);
    if (e.type != type) {
      fail(e, fmt::format("{} needs {}, found {}", where, type_name(type), type_name(e.type)));
    }
  }

  void check_equality(Expr& e)
  {
    check(e.args[0]);
    check(e.args[1]);
    Expr* a = &e.args[0];
    Expr* b = &e.args[1];
    if (a->type == ValueType::string) {
      std::swap(a, b);
    }
    if (a->type == ValueType::enum_value && b->type == ValueType::string) {
      const auto& values = m_enum_values[a->name];
      if (std::find(values.begin(), values.end(), b->name) == values.end()) {
        std::string list;
        for (const auto& v : values) {
          list += list.empty() ? "" : ", ";
          list += v;
        }
        fail(*b, fmt::format("\"{}\" is not a value of '{}' (its values: {})", b->name, a->name, list));
      }
      return;
    }
    if (a->type == ValueType::enum_value || b->type == ValueType::string) {
      fail(e, "an enum field is compared with '==' or '!=' to one of its values in double quotes");
    }
    if (a->type != b->type) {
      fail(e, fmt::format("cannot compare {} with {}", type_name(a->type), type_name(b->type)));
    }
  }

  const SymbolLookup& m_lookup;
  std::map<std::string, std::vector<std::string>> m_enum_values;
};

} // namespace

std::string type_name(ValueType type)
{
  switch (type) {
  case ValueType::number:
    return "a number";
  case ValueType::truth:
    return "a truth (true or false)";
  case ValueType::enum_value:
    return "an enum value";
  case ValueType::string:
    return "a string";
  case ValueType::invalid:
    break;
  }
  return "nothing usable";
}

std::optional<Expr> parse_expression(std::string_view source, ExprError& error)
{
  try {
    Parser p(source);
    return p.parse();
  } catch (const ParseFailure& f) {
    error = f.error;
    return std::nullopt;
  }
}

bool check_expression(Expr& expr, const SymbolLookup& lookup, ExprError& error)
{
  try {
    Checker c(lookup);
    c.check(expr);
    return true;
  } catch (const CheckFailure& f) {
    error = f.error;
    return false;
  }
}

void collect_identifiers(const Expr& expr, std::vector<std::string>& out)
{
  if (expr.op == Expr::Op::ident) {
    out.push_back(expr.name);
  }
  for (const auto& a : expr.args) {
    collect_identifiers(a, out);
  }
}

} // namespace ccn
