#include "helpers.hpp"
#include "render/render.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace ccn;
using namespace ccn::test;

namespace {

// A round of the small criteria ending with `proposal: chair` (after
// `rules`), one member, dossiers with equal facts, and the P1 scores of
// `scores` ("A1: 8, A2: 8"); `extra` is appended to the round file.
struct ProposalRound
{
  TempDir dir;
  Diagnostics diags;
  std::optional<RoundBundle> bundle;
  std::optional<RoundResult> result;

  ProposalRound(const std::vector<std::string>& ids, const std::string& scores, const std::string& extra,
                const std::string& rules = "  - group: fin\n", bool with_rule = true)
  {
    dir.write("criteria.yaml", small_criteria(rules + (with_rule ? "  - proposal: chair\n" : "")));
    for (const auto& id : ids) {
      dir.write(id + ".yaml", small_dossier(id, "60", "100", "400"));
    }
    dir.write("m1.yaml", small_sheet("M1", scores));
    bundle = load_round(dir.write("round.yaml", small_round(ids, 1, {1}) + extra), diags);
    if (bundle) {
      result = score_round(*bundle, diags);
    }
  }

  const ApplicantResult& app(const std::string& id) const
  {
    REQUIRE_MESSAGE(result, all_messages(diags));
    const ApplicantResult* a = result->find(id);
    REQUIRE(a != nullptr);
    return *a;
  }

  std::vector<std::string> order() const
  {
    REQUIRE_MESSAGE(result, all_messages(diags));
    std::vector<std::string> out;
    for (const auto& a : result->applicants) {
      out.push_back(a.id());
    }
    return out;
  }
};

std::string proposal(const std::string& selects, const std::string& date = "2024-06-15")
{
  return "chair_proposal:\n  selects: " + selects + "\n  reason: Phương án giải phóng mặt bằng khả thi hơn\n"
         + (date.empty() ? "" : "  date: " + date + "\n");
}

// The line of `selects` in a round of `dossiers` dossiers, one member and its sheet.
std::string selects_at(size_t dossiers)
{
  return "round.yaml:" + std::to_string(12 + dossiers) + ":12: error: ";
}

} // namespace

TEST_SUITE("score/proposal")
{
  TEST_CASE("the chair's proposal settles a tie of two for first: rank 1 selected, rank 2 qualified")
  {
    ProposalRound r({"A1", "A2", "A3"}, "A1: 8, A2: 8, A3: 7", proposal("A2"));
    CHECK(r.order() == std::vector<std::string>{"A2", "A1", "A3"});
    CHECK(*r.app("A2").rank == 1);
    CHECK(r.app("A2").status == Status::selected);
    CHECK_FALSE(r.app("A2").tied);
    CHECK(*r.app("A1").rank == 2);
    CHECK(r.app("A1").status == Status::qualified);
    CHECK_FALSE(r.app("A1").tied);
    CHECK(*r.app("A3").rank == 3);
    REQUIRE(r.result->chair_proposal != nullptr);
    CHECK(r.result->chair_proposal->selects == "A2");
    CHECK(r.result->awaiting_proposal.empty());
  }

  TEST_CASE("a tie of three: the others share rank 2, tied, and the next rank skips")
  {
    ProposalRound r({"A1", "A2", "A3", "A4"}, "A1: 8, A2: 8, A3: 8, A4: 7", proposal("A3"));
    CHECK(r.order() == std::vector<std::string>{"A3", "A1", "A2", "A4"});
    CHECK(r.app("A3").status == Status::selected);
    CHECK(*r.app("A1").rank == 2);
    CHECK(*r.app("A2").rank == 2);
    CHECK(r.app("A1").tied);
    CHECK(r.app("A2").tied);
    CHECK(r.app("A1").status == Status::qualified);
    CHECK(*r.app("A4").rank == 4);
  }

  TEST_CASE("earlier rules decide first, and the proposal settles only what they leave tied")
  {
    // A1 and A2 have equal totals; the group rule cannot separate them (same
    // facts), then the proposal does.
    ProposalRound r({"A1", "A2"}, "A1: 8, A2: 8", proposal("A1"), "  - group: fin\n  - members: chair\n");
    REQUIRE(r.result);
    REQUIRE(r.result->tie_steps.size() == 2);
    CHECK(r.result->tie_steps[0].rule_index == 0);
    CHECK(r.result->tie_steps[1].rule_index == 1);
    CHECK(r.app("A1").status == Status::selected);
  }

  TEST_CASE("without a proposal the tie for first stays and waits for it")
  {
    ProposalRound r({"A1", "A2", "A3"}, "A1: 8, A2: 8, A3: 7", "");
    CHECK(r.app("A1").status == Status::tied_first);
    CHECK(r.app("A2").status == Status::tied_first);
    CHECK(r.result->chair_proposal == nullptr);
    CHECK(r.result->awaiting_proposal == std::vector<std::string>{"A1", "A2"});
    std::string table = render_table(*r.result, false, Lang{"en"});
    CHECK_MESSAGE(table.find("A1 and A2 are tied for first: under Decree 32/2024/NĐ-CP Art. 13(2) the council chair's "
                             "proposal decides")
                    != std::string::npos,
                  table);
    CHECK(table.find("chair_proposal: { selects: ___, reason: ___, date: ___ }") != std::string::npos);
    CHECK(render_markdown(*r.result, Lang{"en"}).find("are tied for first") != std::string::npos);
  }

  TEST_CASE("the block that the outputs suggest records no decision until it is filled in")
  {
    // A secretary who pastes the suggested block as it stands must get an
    // error, not a proposal for an applicant and a reason that nobody gave.
    ProposalRound waiting({"A1", "A2"}, "A1: 8, A2: 8", "");
    REQUIRE(waiting.result);
    std::string table = render_table(*waiting.result, false, Lang{"en"});
    size_t at = table.find("chair_proposal: {");
    REQUIRE_MESSAGE(at != std::string::npos, table);
    std::string block = table.substr(at, table.find('}', at) + 1 - at) + "\n";
    ProposalRound pasted({"A1", "A2"}, "A1: 8, A2: 8", block);
    CHECK_FALSE(pasted.result);
    CHECK_MESSAGE(has_message(pasted.diags, "chair_proposal selects: not filled in yet"), all_messages(pasted.diags));
    CHECK_MESSAGE(has_message(pasted.diags, "chair_proposal reason: not filled in yet"), all_messages(pasted.diags));
  }

  TEST_CASE("a tie below first place is not the chair's to settle")
  {
    ProposalRound r({"A1", "A2", "A3"}, "A1: 9, A2: 8, A3: 8", "");
    CHECK(r.app("A1").status == Status::selected);
    CHECK(r.app("A2").tied);
    CHECK(*r.app("A3").rank == 2);
    CHECK(r.result->awaiting_proposal.empty());
    ProposalRound with({"A1", "A2", "A3"}, "A1: 9, A2: 8, A3: 8", proposal("A2"));
    CHECK_FALSE(with.result);
  }

  TEST_CASE("selects naming an applicant not tied for first is an error at selects that lists them")
  {
    ProposalRound r({"A1", "A2", "A3"}, "A1: 8, A2: 8, A3: 7", proposal("A3"));
    CHECK_FALSE(r.result);
    CHECK_MESSAGE(has_message(r.diags, selects_at(3) + "chair_proposal selects 'A3', which is not tied for first; the "
                                                       "applicants tied for first are A1 and A2"),
                  all_messages(r.diags));
  }

  TEST_CASE("a proposal when no tie for first remains is an error that says to remove it")
  {
    ProposalRound r({"A1", "A2"}, "A1: 9, A2: 8", proposal("A1"));
    CHECK_FALSE(r.result);
    CHECK_MESSAGE(has_message(r.diags, selects_at(2) + "chair_proposal: there is no tie for first to settle ('A1' is "
                                                       "selected without it); remove the chair_proposal block"),
                  all_messages(r.diags));
    // Nobody qualifies: A1 and A2 fail the land gate.
    TempDir dir;
    dir.write("criteria.yaml", small_criteria("  - proposal: chair\n"));
    dir.write("A1.yaml", small_dossier("A1", "60", "100", "400", true));
    dir.write("m1.yaml", small_sheet("M1", "A1: 8"));
    Diagnostics d;
    auto b = load_round(dir.write("round.yaml", small_round({"A1"}, 1, {1}) + proposal("A1")), d);
    REQUIRE_MESSAGE(b, all_messages(d));
    CHECK_FALSE(score_round(*b, d));
    CHECK(has_message(d, "there is no tie for first to settle (no applicant qualifies)"));
  }

  TEST_CASE("a rule that separates the tie leaves the proposal nothing to settle")
  {
    // The chair's own total separates A1 and A2 before the proposal.
    ProposalRound r({"A1", "A2"}, "A1: 8, A2: 8", proposal("A2"), "  - members: chair\n");
    CHECK(r.result);
  }

  TEST_CASE("the result JSON gains chair_proposal with selects, reason and date when one decided")
  {
    ProposalRound r({"A1", "A2"}, "A1: 8, A2: 8", proposal("A2"));
    REQUIRE_MESSAGE(r.result, all_messages(r.diags));
    auto j = nlohmann::json::parse(render_json(*r.result, Lang{"en"}));
    REQUIRE(j.contains("chair_proposal"));
    CHECK(j["chair_proposal"] == nlohmann::json{{"selects", "A2"},
                                                {"reason", "Phương án giải phóng mặt bằng khả thi hơn"},
                                                {"date", "2024-06-15"}});
    CHECK(j["applicants"][0]["status"] == "selected");
    CHECK(j["applicants"][1]["rank"] == 2);
    CHECK(j["applicants"][1]["tied"] == false);

    ProposalRound undated({"A1", "A2"}, "A1: 8, A2: 8", proposal("A1", ""));
    REQUIRE(undated.result);
    auto u = nlohmann::json::parse(render_json(*undated.result, Lang{"en"}));
    CHECK(u["chair_proposal"]["date"].is_null());

    ProposalRound waiting({"A1", "A2"}, "A1: 8, A2: 8", "");
    REQUIRE(waiting.result);
    CHECK_FALSE(nlohmann::json::parse(render_json(*waiting.result, Lang{"en"})).contains("chair_proposal"));
  }
}
