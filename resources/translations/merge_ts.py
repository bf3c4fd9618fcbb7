"""Merge Qt Linguist .ts files: `python resources/translations/merge_ts.py OUT.ts A.ts B.ts...`.

Used to bring together the translations made on several branches. The union of the contexts and messages;
for a message in more than one file, a finished translation wins over an unfinished one, else the first file
wins. Run `make translations` afterwards: lupdate drops what the code no longer has and lrelease builds the .qm.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _key(message: ET.Element) -> tuple[str, str, str]:
    return (message.findtext("source", ""), message.findtext("comment", ""),
            message.get("numerus", "no"))


def _finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished")


def merge(paths: list[Path]) -> ET.ElementTree:
    trees = [ET.parse(path) for path in paths]
    root = trees[0].getroot()
    contexts: dict[str, ET.Element] = {c.findtext("name", ""): c for c in root.findall("context")}
    for tree in trees[1:]:
        for context in tree.getroot().findall("context"):
            name = context.findtext("name", "")
            target = contexts.get(name)
            if target is None:
                root.append(context)
                contexts[name] = context
                continue
            known = {_key(m): m for m in target.findall("message")}
            for message in context.findall("message"):
                mine = known.get(_key(message))
                if mine is None:
                    target.append(message)
                elif _finished(message) and not _finished(mine):
                    target.insert(list(target).index(mine), message)
                    target.remove(mine)
    for context in root.findall("context"):  # stable order: by context, messages by source
        messages = sorted(context.findall("message"), key=_key)
        for message in messages:
            context.remove(message)
        context.extend(messages)
    root[:] = sorted(root.findall("context"), key=lambda c: c.findtext("name", ""))
    ET.indent(root, space="    ")
    return trees[0]


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    out, *inputs = (Path(a) for a in argv)
    tree = merge(inputs)
    with out.open("wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
