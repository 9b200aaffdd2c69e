#!/usr/bin/env python3
"""Writes po/civicdesk.pot: every `tr("…")` string of the Swift sources, with where it is used.

xgettext has no Swift parser, and its C parser stumbles on Swift's multi-line literals, so this
reads the calls itself, line by line: plain "…" literals with their escapes, outside comment
lines and multi-line \"\"\"…\"\"\" literals. A `tr(…)` whose argument is not one plain literal (a
variable, a Core `UserMessage`) is translated where its text is made, not here; a literal with
an interpolation cannot be a catalogue key and is refused.

usage: i18n-extract.py OUTPUT.pot SOURCE.swift...
"""

import re
import sys

TR_CALL = re.compile(r'(?<![\w.])tr\(\s*"')
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", '"': '"', "'": "'", "\\": "\\"}


def literal_at(text, start):
    """The value of the plain string literal whose opening quote is at `start`, and the index after it."""
    value, index = [], start + 1
    while index < len(text):
        char = text[index]
        if char == '"':
            return "".join(value), index + 1
        if char == "\n":
            break
        if char == "\\":
            following = text[index + 1]
            if following == "(":
                raise ValueError("an interpolated string cannot be translated; pass a UserMessage or a fixed text")
            if following == "u":
                end = text.index("}", index)
                value.append(chr(int(text[index + 3:end], 16)))
                index = end + 1
                continue
            value.append(ESCAPES[following])
            index += 2
            continue
        value.append(char)
        index += 1
    raise ValueError("unterminated string literal")


def messages(path):
    """Yields (text, line) of every `tr("…")` in the file, outside comments and multi-line literals."""
    in_multiline = False
    for number, line in enumerate(open(path, encoding="utf-8"), start=1):
        if line.count('"""') % 2:
            in_multiline = not in_multiline
            continue
        if in_multiline or line.lstrip().startswith("//"):
            continue
        for match in TR_CALL.finditer(line):
            try:
                value, after = literal_at(line, match.end() - 1)
            except ValueError as error:
                raise SystemExit(f"{path}:{number}: {error}")
            if re.match(r"\s*\)", line[after:]):
                yield value, number


def po_string(value):
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def main():
    output, sources = sys.argv[1], sorted(sys.argv[2:])
    found = {}
    for path in sources:
        for value, line in messages(path):
            found.setdefault(value, []).append(f"{path}:{line}")
    header = [
        "# The window's texts, in the Traditional Chinese they are written in (scripts/i18n-extract.py).",
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: CivicDesk\\n"',
        '"Report-Msgid-Bugs-To: https://civicdesk.tw/issues\\n"',
        '"PO-Revision-Date: 2026-12-06 00:00+0800\\n"',
        '"Last-Translator: CivicDesk developers\\n"',
        '"Language-Team: CivicDesk developers\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        "",
    ]
    entries = [f"#: {' '.join(places)}\nmsgid {po_string(value)}\nmsgstr \"\"\n" for value, places in found.items()]
    with open(output, "w", encoding="utf-8") as file:
        file.write("\n".join(header) + "\n" + "\n".join(entries))
    print(f"{output}: {len(found)} strings")


if __name__ == "__main__":
    main()
