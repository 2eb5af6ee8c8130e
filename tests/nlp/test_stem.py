"""nlp.stem: identical output to the installed PySastrawi, the proper-noun guard, lazy loading."""

from __future__ import annotations

import itertools
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from nlp import stem as stem_mod
from nlp.stem import Stemmer, dictionary_words, get_stemmer, stem, stem_text, stem_tokens

ROOT = Path(__file__).resolve().parents[2]

# Hand-written inflected words of Indonesian news (prefix/suffix/confix/reduplication).
HAND_WORDS = """
pelayanan penyelenggaraan mempertanggungjawabkan ketidakadilan pengembangan digitalisasi
kemasyarakatan
menyelenggarakan diselenggarakan penyelenggara memperkenalkan diperkenalkan perkenalan berkenalan
meluncurkan diluncurkan peluncuran pembangunan membangun dibangun bangunan terbangun pembangkit
pengelolaan mengelola dikelola pengelola pemanfaatan memanfaatkan dimanfaatkan bermanfaat
pemerintah pemerintahan memerintahkan diperintahkan kecamatan kelurahan perkotaan kabupaten
penerapan menerapkan diterapkan terapan pengawasan mengawasi diawasi pengawas teawasi
mempengaruhi dipengaruhi berpengaruh pengaruhnya mentaati ditaati ketaatan menyukseskan
mensyukuri mensyaratkan persyaratan disyaratkan pemberdayaan memberdayakan diberdayakan berdaya
ketersediaan tersedia menyediakan disediakan penyediaan persediaan bersedia kesediaan
menganalisis dianalisis penganalisisan mengkritik dikritik kritikan pengkritik
kebersihan membersihkan dibersihkan pembersihan bersih-bersih sebersih-bersihnya
penghijauan menghijaukan kehijauan pengolahan mengolah diolah olahan pengolah
mempercepat dipercepat percepatan kecepatan secepatnya secepat-cepatnya bercepat-cepat
mendigitalkan digitalnya pendigitalan mengintegrasikan terintegrasi integrasinya
memudahkan kemudahan dimudahkan mempermudah dipermudah termudah
bekerja pekerja pekerjaan mengerjakan dikerjakan dipekerjakan mempekerjakan sekerja
berkoordinasi dikoordinasikan mengkoordinasikan pengkoordinasian koordinasinya
anak-anak buku-buku bermain-main meniru-nirukan berbalas-balasan kekanak-kanakan
rumah-rumahnya sayur-mayur bolak-balik lauk-pauk gerak-gerik warga-warganya
kota-kota desa-desa program-programnya layanan-layanan sekolah-sekolah
pelajar belajar pelajaran mempelajari dipelajari terpelajar pembelajaran
menyala menyanyi penyanyi nyanyian penyapu menyapu disapu
memproteksi proteksinya penstabilan pentranskripsi mengkaji pengkajian dikaji
kuambil kauambil kupukul kaupukul ketahui diketahui mengetahui pengetahuan
bukunya bukuku bukumu bukulah bukukah bukupun buku-nya nikmat-ku apakah itulah siapapun
bahkan adalah merupakan demikianlah diantaranya seharusnya sesungguhnya
tertarik ketertarikan menarik penarikan ditarik tarikan
pengembalian dikembalikan mengembalikan kembalinya sekembalinya
berterima-kasih memperhatikan diperhatikan perhatian memperlihatkan diperlihatkan
menyejahterakan kesejahteraan sejahtera disejahterakan
kepariwisataan pariwisata berwisata wisatawan
pengaduan mengadukan diadukan aduan teradu
perizinan mengizinkan diizinkan izinnya keizinan
penganggaran dianggarkan menganggarkan anggaran beranggaran
transparansi mentransparankan keterbukaan terbuka membuka dibuka pembukaan
sosialisasi mensosialisasikan disosialisasikan tersosialisasi
kolaborasi berkolaborasi mengkolaborasikan dikolaborasikan
modernisasi memodernisasi dimodernisasi termodern
""".split()

# Strings at the edges of the algorithm: empty parts, hyphens, digits, case, non-letters, text.
# fmt: off
EDGE_WORDS = [
    '', '-', '--', 'a-', '-a', '-nya', 'a--nya', 'nya', 'lah', 'kan', 'i', 'an', 'di', 'ke', 'se',
    'ku', 'kau', 'me', 'pe', 'be', 'ter', 'per', 'memper', 'diper', '123', 'a1', 'covid-19',
    'e-ktp', 'e-government', 'ke-3', '2026-an', 'kota-', '-kota', 'mem-', 'di-', 'x-y-z',
    'buku-buku-nya', 'malaikat-malaikat-nya', 'nikmat-Ku', 'Bekasi', 'KEDIRI',
    'Pemerintah Kota Bekasi', '  spasi  ganda ', 'tab\tdan\nbaris', 'café', 'naïve', 'ındah',
    'ſekolah', 'KKota', 'İndah', 'bekasi,kediri', '(pemkot)', 'meng', 'peng', 'menge', 'penge',
    'penga', 'menga', 'penyanyi-penyanyi', 'ber-', 'terr', 'bel', 'belajar',
]

PREFIXES = ("me", "di", "ke", "se", "pe", "ber", "ter", "per", "memper", "diper", "ku", "kau")
SUFFIXES = (
    "", "kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu", "isasi", "isme", "is", "kannya",
    "inya",
)
# fmt: on


def _nasal(prefix: str, root: str) -> str:
    """me-/pe- with the nasal assimilation Indonesian spelling applies."""
    c, rest = root[0], root[1:]
    if c in "aiueogh":
        return prefix + "ng" + root
    if c == "k":
        return prefix + "ng" + rest
    if c in "bfv":
        return prefix + "m" + root
    if c == "p":
        return prefix + "m" + rest
    if c in "cdjz":
        return prefix + "n" + root
    if c == "t":
        return prefix + "n" + rest
    if c == "s":
        return prefix + "ny" + rest
    return prefix + root


def generated_words(roots: list[str]) -> list[str]:
    """Inflected forms built by rule from dictionary roots: prefixes x suffixes, reduplication."""
    out: set[str] = set()
    for i, root in enumerate(roots):
        if not root.isalpha():
            continue
        forms = [_nasal("me", root), _nasal("pe", root)]
        forms += [p + root for p in PREFIXES]
        for j, form in enumerate(forms):
            out.add(form + SUFFIXES[(i + j) % len(SUFFIXES)])
            out.add(form + SUFFIXES[(i * 7 + j * 3) % len(SUFFIXES)])
        out.add(root + SUFFIXES[i % len(SUFFIXES)])
        out.add("ke" + root + "an")
        out.add("per" + root + "an")
        out.add(_nasal("pe", root) + "an")
        out.add(f"{root}-{root}")
        out.add(f"{root}-{root}nya")
        out.add(f"ber{root}-{root}")
        out.add(f"{_nasal('me', root)}-{root[1:]}kan")
        out.add(f"{root}-{root}-{SUFFIXES[i % 9 + 1]}")
    return sorted(out)


@pytest.fixture(scope="module")
def stock():
    """The installed PySastrawi stemmer, built once (the baseline every output must equal)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def _mismatches(stock, words: list[str]) -> list[tuple[str, str, str]]:
    fresh = Stemmer(dictionary_words())  # no memo carried over from other tests
    return [(w, stock.stem(w), fresh.exact(w)) for w in words if stock.stem(w) != fresh.exact(w)]


def test_equals_stock_on_the_whole_dictionary(stock) -> None:
    words = sorted(dictionary_words())
    assert len(words) > 29_000
    assert _mismatches(stock, words) == []


@pytest.mark.slow
def test_equals_stock_on_words_generated_from_every_fifth_root(stock) -> None:
    roots = sorted(dictionary_words())[::5]
    words = generated_words(roots)
    assert len(words) >= 2000
    assert _mismatches(stock, words) == []


def test_equals_stock_on_a_sample_of_generated_words(stock) -> None:
    words = generated_words(sorted(dictionary_words())[1::97])
    assert len(words) >= 2000
    assert _mismatches(stock, words) == []


def test_equals_stock_on_hand_written_and_edge_words(stock) -> None:
    assert len(HAND_WORDS) > 200
    assert _mismatches(stock, HAND_WORDS + EDGE_WORDS) == []


def test_equals_stock_on_every_string_of_up_to_three_letters(stock) -> None:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(p) for n in (1, 2, 3) for p in itertools.product(letters, repeat=n)]
    assert _mismatches(stock, words) == []  # the short-word rule (len <= 3) lives here


def test_stem_and_stem_text_equal_stock_with_guard_off(stock) -> None:
    sentence = (
        "Pemerintah Kota Bekasi meluncurkan aplikasi pengaduan warga, Senin (8/6/2026). "
        "Wali kota menyebutkan, layanan-layanan itu memudahkan masyarakat—terutama anak-anak muda."
    )
    assert stem_text(sentence, protect=False) == stock.stem(sentence)
    for w in HAND_WORDS[:50] + EDGE_WORDS:
        assert stem(w, protect=False) == stock.stem(w), w
    assert stem_text("", protect=False) == stock.stem("")
    assert stem_text("?!", protect=False) == stock.stem("?!")


def test_sastrawi_word_pattern_matches_the_stock_normaliser_on_every_code_point() -> None:
    from Sastrawi.Stemmer.Filter.TextNormalizer import normalize_text

    text = " ".join(chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF)
    text += " a\u0130b x\u212ay \u0131\u017f"
    assert stem_mod.SASTRAWI_WORD.findall(text.lower()) == normalize_text(text).split(" ")


def test_guard_keeps_place_names_and_admin_words_whole(stock) -> None:
    for word, stock_result in [
        ("Bekasi", "bekas"),
        ("Kediri", "diri"),
        ("Pekalongan", "kalong"),
        ("Pemalang", "malang"),
        ("Pemerintah", "perintah"),
        ("Kecamatan", "camat"),
        ("Kelurahan", "lurah"),
        ("Bali", "bal"),
    ]:
        assert stock.stem(word) == stock_result  # the problem is real in the installed version
        assert stem(word) == word.lower()
        assert stem(word, protect=False) == stock_result


def test_guard_still_stems_ordinary_words_and_strips_clitics_from_names() -> None:
    assert stem("pelayanan") == "layan"
    assert stem("menyelenggarakan") == "selenggara"
    assert stem_tokens(["pemerintahnya", "bekasilah", "kediri-pun", "pelayanannya"]) == [
        "pemerintah",
        "bekasi",
        "kediri",
        "layan",
    ]
    assert (
        stem_text("Pemkot Tangsel dan Pemkab Pekalongan") == "pemkot tangsel dan pemkab pekalongan"
    )


def test_protected_words_cover_areaid_names_and_our_list() -> None:
    words = stem_mod.protected_words()
    for w in (
        "bekasi",
        "kediri",
        "pekalongan",
        "pemalang",
        "tangerang",
        "jakarta",
        "toli-toli",
        "toli",
        "solo",
    ):
        assert w in words, w
    for w in ("pemerintah", "pemkot", "kecamatan", "kelurahan", "pegunungan"):
        assert w in words, w
    assert len(stem_mod.place_names()) == 514 + 34


def test_place_tokens_leave_ordinary_words_out() -> None:
    places = stem_mod.place_tokens()
    assert {"bekasi", "kediri", "pekalongan", "jayapura"} <= places
    assert not {"kota", "kabupaten", "barat", "utara", "batu", "padang", "lima"} & places


def test_tokens_outside_sastrawis_alphabet_come_back_unchanged(stock) -> None:
    assert stem_tokens(["café", "東京", "pelayanan"], protect=False) == ["café", "東京", "layan"]
    assert stock.stem("café") == "caf"  # what the token path deliberately does not do
    assert stem("café", protect=False) == "caf"  # while stem() stays stock-exact


def test_memo_is_bounded_and_results_stay_exact(monkeypatch: pytest.MonkeyPatch, stock) -> None:
    monkeypatch.setattr(stem_mod, "MEMO_LIMIT", 5)
    s = Stemmer(dictionary_words(), lambda: frozenset({"bekasi"}))
    words = HAND_WORDS[:40]
    assert [s.exact(w) for w in words] == [stock.stem(w) for w in words]
    assert len(s.exact_memo) <= 5
    assert s.tokens(words + ["bekasi"]) == [stock.stem(w) for w in words] + ["bekasi"]
    assert len(s.guarded_memo) <= 5 + 1


def test_missing_dictionary_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(stem_mod.importlib.metadata, "version", missing)
    with pytest.raises(RuntimeError, match=r"pip install 'PySastrawi>=1\.2\.0,<2'"):
        dictionary_words()


def test_stemmer_is_built_once_and_caches_can_be_cleared() -> None:
    first = get_stemmer()
    assert get_stemmer() is first
    stem_mod.clear_caches()
    assert get_stemmer.cache_info().currsize == 0
    assert get_stemmer() is not first


def test_importing_reads_no_file_and_builds_nothing() -> None:
    script = textwrap.dedent(
        """
        import builtins, io, pathlib
        def refuse(*a, **k):
            raise AssertionError(f"file opened at import: {a[:1]}")
        builtins.open = io.open = refuse
        pathlib.Path.read_text = pathlib.Path.read_bytes = pathlib.Path.open = refuse
        import nlp.stem, nlp.text
        assert nlp.stem.get_stemmer.cache_info().currsize == 0
        assert nlp.stem.protected_words.cache_info().currsize == 0
        assert nlp.text.stopwords.cache_info().currsize == 0
        print("ok")
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"
