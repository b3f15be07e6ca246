#!/usr/bin/env python3
"""Extracts given names from outside the US for lede's first-name gazetteer.

    pip install faker==40.63.0
    python3 scripts/extract_world_names.py [DATA_DIR]     (default ../shared/data)

first_names.txt holds the 1990 US Census's most common given names, so the tagger
knew "Emma" but not "Erling", "Geert", "Nuno" or "Tilda", and read "Wes Streeting"
or "Erling Haaland" as organizations. Faker (MIT) ships, per locale, lists of
given names people in that country have; the names themselves are facts.

Writes data/gazetteers/world_first_names.txt, one name per line, sorted, UTF-8:
the Latin-script given names of Faker's person locales that at least two locales
list (a name found in one locale only is often a rare or a decorative one, and
each name costs ~3 bytes in the wasm), that first_names.txt lacks, and that are
not common English words: a name is dropped when the train splits of DATA_DIR
write it in lower case at least 3 times and at least half as often as
capitalized ("Patience", "Mercy", "Urban", "Job", "Said").
"""

import collections
import importlib
import json
import os
import pkgutil
import re
import sys

import faker.providers.person as person

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "gazetteers")
TRAIN = ["gmb_kaggle/train.jsonl", "gum_ner/train.jsonl", "wnut17/train.jsonl"]
# A capital, then at least two more Latin letters (with diacritics), apostrophes or hyphens.
LATIN_NAME = re.compile(r"^[A-Z][a-zà-öø-ÿāăąćčďđēęěğīıłńňōőœřśşšţťūůűźżžșț'\-]{2,}$")
MIN_LOCALES = 2


def given_names(provider):
    """Every given name a locale's provider lists (some are weighted dicts)."""
    out = set()
    for attr in ("first_names", "first_names_male", "first_names_female"):
        value = getattr(provider, attr, ())
        if isinstance(value, property):
            continue
        out.update(n for n in value if isinstance(n, str) and LATIN_NAME.match(n))
    return out


def locales():
    for info in pkgutil.iter_modules(person.__path__):
        try:
            yield info.name, importlib.import_module(f"{person.__name__}.{info.name}").Provider
        except (ImportError, AttributeError):
            continue


def word_cases(data_dir):
    """Lower-case and capitalized counts of each word in the train splits."""
    lower, capital = collections.Counter(), collections.Counter()
    for name in TRAIN:
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            for line in f:
                for w in re.findall(r"[^\W\d_]+", json.loads(line)["text"]):
                    if w[0].isupper():
                        capital[w.lower()] += 1
                    else:
                        lower[w] += 1
    return lower, capital


def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data")
    seen = collections.Counter()
    for _, provider in locales():
        seen.update(given_names(provider))
    with open(os.path.join(OUT, "first_names.txt"), encoding="utf-8") as f:
        known = {line.strip().lower() for line in f}
    lower, capital = word_cases(data_dir)

    def common_word(name):
        w = name.lower()
        return lower[w] >= 3 and lower[w] >= capital[w] * 0.5

    names = {n for n, k in seen.items() if k >= MIN_LOCALES and n.lower() not in known and not common_word(n)}
    path = os.path.join(OUT, "world_first_names.txt")
    with open(path, "w", encoding="utf-8") as f:
        for n in sorted(names):
            f.write(n + "\n")
    print(f"world_first_names.txt: {len(names)}")


if __name__ == "__main__":
    main()
