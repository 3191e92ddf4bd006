#!/usr/bin/env python3
"""Fills translations/*.ts after `cmake --build build --target update_translations`.

gistack_en.ts gets the English singular/plural forms of every source text; gistack_zh_CN.ts
keeps its translations and reports (exit 1) any message still without one, so a new string
cannot slip through untranslated (tst_console checks the same).
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent


def english_plural(text, plural):
    # "%n item(s)" -> "1 item" / "%n items"; "%n day(s)" likewise.
    if plural:
        return re.sub(r"\((s|es)\)", r"\1", text)
    return re.sub(r"\((s|es)\)", "", text).replace("%n", "%n")


def write(tree, path):
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def fill(path, translate):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        numerus = message.get("numerus") == "yes"
        forms = translate(source, numerus, translation)
        if forms is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        translation.text = None
        for child in list(translation):
            translation.remove(child)
        if numerus:
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = forms[0]
    write(tree, path)
    return missing


def english(source, numerus, _):
    return [english_plural(source, False), english_plural(source, True)] if numerus else [source]


def chinese(table):
    def translate(source, numerus, translation):
        if source in table:
            return [table[source]]
        existing = "".join(translation.itertext()).strip()
        if existing and translation.get("type") != "unfinished":
            return [existing]
        return None
    return translate


if __name__ == "__main__":
    fill(HERE / "gistack_en.ts", english)
    table = {}
    if len(sys.argv) > 1:  # an optional Python file defining ZH = {source: translation}
        namespace = {}
        exec(Path(sys.argv[1]).read_text(encoding="utf-8"), namespace)
        table = namespace["ZH"]
    missing = fill(HERE / "gistack_zh_CN.ts", chinese(table))
    for source in missing:
        print("untranslated (zh_CN):", source)
    sys.exit(1 if missing else 0)
