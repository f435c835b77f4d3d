#pragma once
// The round, dossier and sheet files (formats-v1 sections 3 to 5).

#include "model/sheet_workbook.hpp"
#include "model/timestamp.hpp"
#include "util/diag.hpp"
#include "util/rational.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace ccn {

// One fact of a dossier, read with the type of its field.
struct Fact
{
  Rational number;      // number, integer
  bool truth = false;   // bool
  std::string text;     // enum value, text, or the date as written
  std::optional<Timestamp> time; // date
};

struct Dossier
{
  std::string path;   // as given
  std::string sha256;
  std::string id;
  std::string name;
  std::string tax_code;
  std::optional<Timestamp> submitted_at;
  std::map<std::string, Fact> facts;
  std::map<std::string, std::string> sources;
  SourcePos pos; // of the applicant id
};

enum class Role { chair, vice_chair, member };

struct Member
{
  std::string id;
  std::string name;
  Role role = Role::member;
  SourcePos pos;
};

struct Council
{
  Rational quorum{2, 3};
  std::string quorum_text = "2/3";
  std::optional<Rational> deviation_percent;
  std::vector<Member> members;
  SourcePos pos;
};

// One judged score on a sheet, with its line and column in the sheet.
struct Score
{
  Rational points;
  int line = 0;
  int col = 0;
};

// A member's comment on one judged score.
struct Comment
{
  std::string text;
  SourcePos pos;
};

// Where the keys of a sheet's `scores:` or `comments:` are written, so that
// an error about an applicant or criterion points at its key.
struct SheetKeys
{
  // A criterion's key under an applicant's. Its place's path is left empty
  // when it is `path`, the sheet's file: a YAML sheet has a key for every
  // score, and its path is not copied for each of them.
  struct Criterion
  {
    std::string applicant;
    std::string criterion;
    SourcePos pos;
  };

  std::map<std::string, SourcePos> applicants;
  std::string path;
  std::vector<Criterion> criteria; // as added; by applicant and criterion once indexed

  // Adds the place of `crit`'s key under `app`'s; the first added of a pair counts.
  void add(std::string app, std::string crit, SourcePos pos)
  {
    criteria.push_back({std::move(app), std::move(crit), std::move(pos)});
    m_indexed = false;
  }

  // Sorts the criteria for `of`, keeping the first added of each pair.
  void index()
  {
    auto key = [](const Criterion& c) { return std::tie(c.applicant, c.criterion); };
    auto before = [&](const Criterion& a, const Criterion& b) { return key(a) < key(b); };
    if (!std::is_sorted(criteria.begin(), criteria.end(), before)) { // a sheet is often written in order
      std::stable_sort(criteria.begin(), criteria.end(), before);
    }
    criteria.erase(std::unique(criteria.begin(), criteria.end(),
                               [&](const Criterion& a, const Criterion& b) { return key(a) == key(b); }),
                   criteria.end());
    criteria.shrink_to_fit();
    m_indexed = true;
  }

  // The place of `app`'s key (of `crit` under it, when given), or `fallback`.
  SourcePos of(const std::string& app, const SourcePos& fallback) const
  {
    auto it = applicants.find(app);
    return it == applicants.end() ? fallback : it->second;
  }
  SourcePos of(const std::string& app, const std::string& crit, const SourcePos& fallback) const
  {
    const auto wanted = std::tie(app, crit);
    auto it = criteria.end();
    if (m_indexed) {
      it = std::lower_bound(criteria.begin(), criteria.end(), wanted, [](const Criterion& c, const auto& w) {
        return std::tie(c.applicant, c.criterion) < w;
      });
      if (it != criteria.end() && std::tie(it->applicant, it->criterion) != wanted) {
        it = criteria.end();
      }
    } else {
      it = std::find_if(criteria.begin(), criteria.end(),
                        [&](const Criterion& c) { return std::tie(c.applicant, c.criterion) == wanted; });
    }
    if (it == criteria.end()) {
      return fallback;
    }
    return it->pos.path.empty() ? SourcePos{path, it->pos.line, it->pos.col} : it->pos;
  }

private:
  bool m_indexed = false;
};

struct Sheet
{
  std::string path;
  std::string sha256;
  std::string round;
  std::string member;
  std::map<std::string, SourcePos> recused;                            // applicant -> where listed
  std::map<std::string, std::map<std::string, Score>> scores;          // applicant -> criterion
  std::map<std::string, std::map<std::string, Comment>> comments;      // applicant -> criterion
  SourcePos pos;
  SourcePos member_pos;
  SourcePos round_pos;
  SheetKeys score_keys;   // in a workbook: the score cell of each row, empty ones included
  SheetKeys comment_keys;
  // For a sheet read from a workbook (formats-v1 8.8): the worksheet of the
  // scores, whose row and column each Score holds instead of line and col.
  std::string workbook_sheet;

  // Where `score` stands in this sheet: `path:line:col`, or for a workbook
  // `path:Sheet!G8`, a place that carries no line.
  SourcePos at(const Score& score) const
  {
    if (!workbook_sheet.empty()) {
      return {path + ":" + workbook_sheet + "!" + cell_name(score.line - 1, score.col - 1), 0, 0};
    }
    return {path, score.line, score.col};
  }
};

// A file named inside a round, with where it was named. An entry written
// with a final `/` names a folder of files instead (formats-v1 8.5).
struct FileRef
{
  std::string as_written;
  std::string resolved; // relative to the round file's folder
  SourcePos pos;
  bool folder = false;
};

// The chair's proposal that settles a tie for first (formats-v1 8.4).
struct ChairProposal
{
  std::string selects;
  std::string reason;
  std::optional<Timestamp> date;
  SourcePos pos; // of `selects`: every error about the proposal points here
};

// A member absent from the meeting, and why.
struct Absence
{
  std::string member;
  std::string reason;
  SourcePos pos; // of the member id
};

// The meeting that the minutes describe (formats-v1 8.7); no key changes a score.
struct Meeting
{
  std::string issuer;
  std::string document_number;
  std::string place;
  std::optional<Timestamp> start;
  std::optional<Timestamp> end;
  std::string secretary;
  std::vector<Absence> absent; // in file order
};

struct Round
{
  std::string path;
  std::string sha256;
  std::string id;
  std::string title;
  std::string cluster;
  std::optional<Timestamp> date;
  FileRef criteria;
  std::vector<FileRef> dossiers;
  std::optional<Council> council;
  std::vector<FileRef> sheets;
  std::optional<ChairProposal> chair_proposal;
  std::optional<Meeting> meeting;
  SourcePos pos;
};

} // namespace ccn
