#pragma once
// What `verify` finds when it compares an archived result with its inputs
// and with the round recomputed today, as data: each finding a message key
// and its arguments, put into words by render/ in the chosen language.

#include "model/round_bundle.hpp"
#include "util/message.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace ccn {

// The shape of a recorded result that verify reads, checked before it is
// read: each wrong or missing type, at its key. Values are compared later,
// whatever their type.
std::vector<Message> result_shape_problems(const nlohmann::json& rec);

// Each difference between the recorded result `rec` and the result `now`
// recomputed from its inputs, on the fields the contract fixes.
std::vector<Message> compare_results(const nlohmann::json& rec, const nlohmann::json& now);

// The entry of `result`'s `sheets` for the sheet at `path`, if any.
const nlohmann::json* sheet_entry(const nlohmann::json& result, const std::string& path);

// What changed in one sheet between the result (`was`) and today (`is`),
// as a person checks it: member, recusals, and each score that differs.
// Empty when they are all as recorded.
std::vector<Message> score_changes(const nlohmann::json& was, const nlohmann::json& is);

// The inputs the round names today against those the result records: one
// on either side only is a difference (a sheet dropped from the record, or
// one the round gained). Inputs are the same when role and file match.
std::vector<Message> compare_inputs(const std::vector<InputFile>& recorded, const std::vector<InputFile>& today);

// A recorded input's role ("round", "criteria", "dossier", "sheet") as a
// message, so that it is named in the chosen language.
Message input_role(const std::string& role);

// A value of a result as an argument named `name`: a short plain number as
// an exact decimal (written in the language's digits), anything else as
// its exact JSON text, digit for digit; a string that begins like a number
// is quoted when `other`, the value it is compared with, is not a string.
MsgArg result_value(std::string name, const nlohmann::json& value, const nlohmann::json* other = nullptr);

} // namespace ccn
