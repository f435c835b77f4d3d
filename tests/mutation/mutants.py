#!/usr/bin/env python3
"""List or apply the operator mutants of C++ sources.

    mutants.py list FILE...          one mutant a line: FILE:LINE:COL:FROM:TO
    mutants.py apply ROOT MUTANT     rewrite ROOT/FILE with that one change

A mutant swaps one binary operator for its neighbour: < and <=, > and >=,
== and !=, && and ||, + and -. Only operators written with a space on both
sides are taken, which is how the sources write binary operators (and never
template brackets, unary minus, '->', '<<' or '++'). Comments, string and
character literals and preprocessor lines are skipped, and so is a '+' next
to a string literal (it joins strings; '-' would not compile).
"""

import re
import sys

SWAP = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "==",
        "&&": "||", "||": "&&", "+": "-", "-": "+"}
# Longest first, so that "<=" is not read as "<".
OPERATOR = re.compile(r"(?<= )(<=|>=|==|!=|&&|\|\||<|>|\+|-)(?= )")
LITERAL = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'')


def code_only(line, in_comment):
    """`line` with comments and literals blanked (same length), and whether a
    block comment is still open at its end."""
    out = []
    i = 0
    while i < len(line):
        if in_comment:
            end = line.find("*/", i)
            if end < 0:
                out.append(" " * (len(line) - i))
                return "".join(out), True
            out.append(" " * (end + 2 - i))
            i = end + 2
            in_comment = False
            continue
        if line.startswith("//", i):
            out.append(" " * (len(line) - i))
            break
        if line.startswith("/*", i):
            in_comment = True
            continue
        m = LITERAL.match(line, i) if line[i] in "\"'" else None
        if m:
            out.append(" " * (m.end() - i))
            i = m.end()
            continue
        if line.startswith('R"(', i):  # raw strings are not used in src/; stop here if one is
            out.append(" " * (len(line) - i))
            break
        out.append(line[i])
        i += 1
    return "".join(out), in_comment


def mutants(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    in_comment = False
    for number, line in enumerate(lines, 1):
        code, in_comment = code_only(line, in_comment)
        if code.lstrip().startswith("#"):
            continue
        for m in OPERATOR.finditer(code):
            if m.group(1) in "+-" and (line[m.end() + 1:m.end() + 2] == '"' or line[m.start() - 2:m.start() - 1] == '"'):
                continue  # joins strings: the other operator would not compile
            yield f"{path}:{number}:{m.start() + 1}:{m.group(1)}:{SWAP[m.group(1)]}"


def apply(root, mutant):
    path, line, col, old, new = mutant.rsplit(":", 4)
    full = f"{root}/{path}"
    with open(full, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i, c = int(line) - 1, int(col) - 1
    if lines[i][c:c + len(old)] != old:
        sys.exit(f"mutant {mutant} does not match {full}")
    lines[i] = lines[i][:c] + new + lines[i][c + len(old):]
    with open(full, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "list":
        for path in sys.argv[2:]:
            for m in mutants(path):
                print(m)
    elif len(sys.argv) == 4 and sys.argv[1] == "apply":
        apply(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
