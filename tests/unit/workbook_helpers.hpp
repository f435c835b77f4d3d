#pragma once
// Test helpers: score-sheet workbooks written cell by cell, zipped with
// libzip in memory, so that every cell the reader meets is chosen by a test.

#include <zip.h>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace ccn::test {

// The zip archive holding `parts` (name -> bytes), stored or deflated.
inline std::string zip_parts(const std::map<std::string, std::string>& parts)
{
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(src);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  if (za == nullptr) {
    throw std::runtime_error("cannot build a zip");
  }
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  zip_close(za);
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  std::string out(static_cast<size_t>(zip_source_tell(src)), '\0');
  zip_source_seek(src, 0, SEEK_SET);
  zip_source_read(src, out.data(), out.size());
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

// The uncompressed part `name` of the zip `bytes`.
inline std::string unzip_part(const std::string& bytes, const std::string& name)
{
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (z == nullptr) {
    throw std::runtime_error("not a zip");
  }
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  if (f == nullptr) {
    throw std::runtime_error("no part " + name);
  }
  std::string out;
  char buffer[4096];
  zip_int64_t n = 0;
  while ((n = zip_fread(f, buffer, sizeof buffer)) > 0) {
    out.append(buffer, static_cast<size_t>(n));
  }
  zip_fclose(f);
  zip_discard(z);
  zip_error_fini(&error);
  return out;
}

// A score-sheet workbook as `sheet --format xlsx` lays it out, filled in by a test.
class TestBook
{
public:
  // A workbook of `member` for round `round`, its worksheets named `name`
  // and "Recusals".
  TestBook(const std::string& round, const std::string& member, std::string name = "Phiếu")
    : m_name(std::move(name))
  {
    text(0, "A2", "Round");
    text(0, "B2", round);
    text(0, "A3", "Member");
    text(0, "B3", member);
  }

  // A score row: applicant in A, criterion in C, the cell `score` in G.
  void row(int row, const std::string& app, const std::string& crit, const std::string& score_xml,
           const std::string& comment = "")
  {
    const std::string r = std::to_string(row);
    text(0, "A" + r, app);
    text(0, "B" + r, "Công ty " + app);
    text(0, "C" + r, crit);
    text(0, "D" + r, "Tiêu chí " + crit);
    number(0, "E" + r, "10");
    number(0, "F" + r, "0.5");
    if (!score_xml.empty()) {
      raw(0, "G" + r, score_xml);
    }
    if (!comment.empty()) {
      text(0, "H" + r, comment);
    }
  }
  // A recusal row: the applicant in A, the mark in C.
  void recusal(int row, const std::string& app, const std::string& mark)
  {
    const std::string r = std::to_string(row);
    text(1, "A" + r, app);
    if (!mark.empty()) {
      text(1, "C" + r, mark);
    }
  }

  void text(int sheet, const std::string& ref, const std::string& value)
  {
    raw(sheet, ref, "t=\"inlineStr\"><is><t>" + value + "</t></is>");
  }
  void number(int sheet, const std::string& ref, const std::string& value) { raw(sheet, ref, "><v>" + value + "</v>"); }
  // A cell `<c r="ref" ...`: `rest` holds its other attributes, `>` and content.
  void raw(int sheet, const std::string& ref, const std::string& rest)
  {
    m_rows[sheet][std::stoi(ref.substr(ref.find_first_of("0123456789")))] +=
      "<c r=\"" + ref + "\" " + rest + "</c>";
  }

  std::map<std::string, std::string> parts() const
  {
    std::map<std::string, std::string> p;
    p["docProps/custom.xml"] =
      R"(<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ccnscore-format"><vt:lpwstr>ccnscore/sheet@1</vt:lpwstr></property></Properties>)";
    p["xl/workbook.xml"] =
      R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name=")" +
      m_name + R"(" sheetId="1" r:id="rId1"/><sheet name="Recusals" sheetId="2" r:id="rId2"/></sheets></workbook>)";
    p["xl/_rels/workbook.xml.rels"] =
      R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>)";
    for (int sheet = 0; sheet < 2; ++sheet) {
      std::string xml = R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
      auto rows = m_rows.find(sheet);
      if (rows != m_rows.end()) {
        for (const auto& [r, cells] : rows->second) {
          xml += "<row r=\"" + std::to_string(r) + "\">" + cells + "</row>";
        }
      }
      p["xl/worksheets/sheet" + std::to_string(sheet + 1) + ".xml"] = xml + "</sheetData></worksheet>";
    }
    if (!m_strings.empty()) {
      std::string xml = R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
      for (const auto& s : m_strings) {
        xml += s;
      }
      p["xl/sharedStrings.xml"] = xml + "</sst>";
    }
    return p;
  }
  std::string bytes() const { return zip_parts(parts()); }
  // Add a shared string item (`<si>...</si>` as given); cells refer to it by index.
  void shared(const std::string& si) { m_strings.push_back(si); }

private:
  std::string m_name;
  std::map<int, std::map<int, std::string>> m_rows; // sheet -> row -> cells
  std::vector<std::string> m_strings;
};

} // namespace ccn::test
