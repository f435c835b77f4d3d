// Parsing the expression language of measures and gates (formats-v1 2.2)
// into a tree, with the byte offset of every node for error positions.

#include "load/expr_parse.hpp"

#include "util/text.hpp"

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
// Most nodes one expression may have: a long chain is linear to parse and
// flat, but each node costs memory.
constexpr int k_max_expr_nodes = 100000;

class Parser
{
public:
  explicit Parser(std::string_view src) : m_src(src) {}

  Expr parse()
  {
    Expr e = parse_or();
    skip_space();
    if (m_pos < m_src.size()) {
      fail({"expr_unexpected", {{"text", m_src.substr(m_pos, 1)}}});
    }
    return e;
  }

private:
  [[noreturn]] void fail(Message message) const
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

  // A node with `args` moved in (an initializer list would copy them).
  template <typename... Args>
  Expr node(Expr::Op op, int offset, Args&&... args)
  {
    Expr e;
    e.op = op;
    e.offset = offset;
    e.args.reserve(sizeof...(Args));
    (e.args.push_back(std::forward<Args>(args)), ...);
    return e;
  }

  struct DepthGuard
  {
    explicit DepthGuard(Parser& p) : parser(p)
    {
      if (++parser.m_depth > k_max_expr_depth) {
        parser.fail({"expr_too_deep", {{"max", k_max_expr_depth}}});
      }
    }
    ~DepthGuard() { --parser.m_depth; }
    Parser& parser;
  };

  // Counts one more node against the size limit of an expression.
  void count_node()
  {
    if (++m_nodes > k_max_expr_nodes) {
      fail({"expr_too_many_parts", {{"max", k_max_expr_nodes}}});
    }
  }

  // One operator of a chain (`+` in a sum, `and` in a conjunction).
  struct ChainOp
  {
    std::string_view symbol;
    bool word; // `and`, `or`: a whole word, not a symbol
    Expr::Op step;
  };

  // A left-to-right chain `first op operand op operand ...` as one node of
  // `chain_op` (see Expr), built in place: never a deep tree, never copied.
  template <typename Operand>
  Expr parse_chain(Expr::Op chain_op, std::initializer_list<ChainOp> ops, Operand operand)
  {
    Expr first = operand();
    Expr chain;
    while (true) {
      skip_space();
      int at = static_cast<int>(m_pos);
      const ChainOp* found = nullptr;
      for (const auto& op : ops) {
        if (op.word ? accept_word(op.symbol) : accept(op.symbol)) {
          found = &op;
          break;
        }
      }
      if (found == nullptr) {
        break;
      }
      if (chain.args.empty()) {
        chain = node(chain_op, at);
        chain.args.push_back(std::move(first));
        count_node();
      }
      if (chain_op == Expr::Op::add || chain_op == Expr::Op::mul) {
        chain.steps.push_back(found->step);
      }
      chain.args.push_back(operand());
    }
    if (chain.args.empty()) {
      return first;
    }
    return chain;
  }

  Expr parse_or()
  {
    DepthGuard guard(*this);
    return parse_chain(Expr::Op::or_, {{"or", true, Expr::Op::or_}}, [this] { return parse_and(); });
  }

  Expr parse_and()
  {
    return parse_chain(Expr::Op::and_, {{"and", true, Expr::Op::and_}}, [this] { return parse_not(); });
  }

  Expr parse_not()
  {
    DepthGuard guard(*this);
    skip_space();
    int at = static_cast<int>(m_pos);
    if (accept_word("not")) {
      count_node();
      return node(Expr::Op::not_, at, parse_not());
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
            fail({"expr_chained_comparison", {}});
          }
        }
        count_node();
        return node(op, at, std::move(left), std::move(right));
      }
    }
    return left;
  }

  Expr parse_sum()
  {
    return parse_chain(Expr::Op::add, {{"+", false, Expr::Op::add}, {"-", false, Expr::Op::sub}},
                       [this] { return parse_prod(); });
  }

  Expr parse_prod()
  {
    return parse_chain(Expr::Op::mul, {{"*", false, Expr::Op::mul}, {"/", false, Expr::Op::div}},
                       [this] { return parse_unary(); });
  }

  Expr parse_unary()
  {
    DepthGuard guard(*this);
    skip_space();
    int at = static_cast<int>(m_pos);
    if (accept("-")) {
      count_node();
      return node(Expr::Op::neg, at, parse_unary());
    }
    return parse_atom();
  }

  Expr parse_atom()
  {
    skip_space();
    int at = static_cast<int>(m_pos);
    if (m_pos >= m_src.size()) {
      fail({"expr_value_at_end", {}});
    }
    count_node();
    char c = m_src[m_pos];
    if (c >= '0' && c <= '9') {
      size_t end = m_pos;
      auto digit_at = [&](size_t i) { return i < m_src.size() && m_src[i] >= '0' && m_src[i] <= '9'; };
      while (digit_at(end) || (end < m_src.size() && m_src[end] == '.')) {
        ++end;
      }
      // An exponent, as a YAML number may have one (`2.5e11`).
      if (end < m_src.size() && (m_src[end] == 'e' || m_src[end] == 'E')) {
        size_t digits = end + 1;
        if (digits < m_src.size() && (m_src[digits] == '+' || m_src[digits] == '-')) {
          ++digits;
        }
        if (digit_at(digits)) {
          end = digits;
          while (digit_at(end)) {
            ++end;
          }
        }
      }
      NumberParse p = parse_decimal(m_src.substr(m_pos, end - m_pos));
      if (p.kind != NumberParse::Kind::ok) {
        fail({"expr_not_a_number", {{"text", short_token(m_src.substr(m_pos, end - m_pos))}}});
      }
      m_pos = end;
      Expr e = node(Expr::Op::number, at);
      e.num = p.value;
      return e;
    }
    if (c == '"') {
      size_t end = m_src.find('"', m_pos + 1);
      if (end == std::string_view::npos) {
        fail({"expr_string_not_closed", {}});
      }
      Expr e = node(Expr::Op::string, at);
      e.name = std::string(m_src.substr(m_pos + 1, end - m_pos - 1));
      m_pos = end + 1;
      return e;
    }
    if (accept("(")) {
      Expr inner = parse_or();
      if (!accept(")")) {
        fail({"expr_expected_close", {}});
      }
      return inner;
    }
    std::string_view word = peek_word();
    if (word.empty()) {
      fail({"expr_unexpected", {{"text", m_src.substr(m_pos, 1)}}});
    }
    m_pos += word.size();
    if (word == "true" || word == "false") {
      Expr e = node(Expr::Op::truth, at);
      e.truth = word == "true";
      return e;
    }
    if (word == "and" || word == "or" || word == "not") {
      m_pos = static_cast<size_t>(at);
      fail({"expr_value_expected", {{"word", word}}});
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
            fail({"expr_expected_comma", {}});
          }
          return e;
        }
      }
      m_pos = static_cast<size_t>(at);
      fail({"expr_unknown_function", {{"name", short_token(word)}}});
    }
    Expr e = node(Expr::Op::ident, at);
    e.name = std::string(word);
    return e;
  }

  std::string_view m_src;
  size_t m_pos = 0;
  int m_depth = 0;
  int m_nodes = 0;
};

} // namespace

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

} // namespace ccn
