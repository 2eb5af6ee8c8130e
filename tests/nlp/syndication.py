# ruff: noqa: E501  (sentence templates read better unbroken)
"""A generated syndication set: news pieces, their copies on other outlets, and rival write-ups.

Each event gets one piece per reporter (ANTARA first, then reporters of other outlets writing
the same event in their own words, sometimes quoting the same official sentence). Each piece is
republished by several outlets with their own furniture, a new headline, word edits, dropped or
reordered paragraphs. The truth: copies of one piece are one story; different reporters' pieces
are different stories, even about the same event. All sentences are ours; ``generate(seed)`` is
deterministic.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7))

CITIES = [
    ("Kota Bogor", "Bogor"),
    ("Kota Bekasi", "Bekasi"),
    ("Kota Tangerang", "Tangerang"),
    ("Kota Depok", "Depok"),
    ("Kota Semarang", "Semarang"),
    ("Kota Surabaya", "Surabaya"),
    ("Kota Makassar", "Makassar"),
    ("Kota Medan", "Medan"),
    ("Kota Padang", "Padang"),
    ("Kota Pontianak", "Pontianak"),
    ("Kabupaten Banyuwangi", "Banyuwangi"),
    ("Kabupaten Sumedang", "Sumedang"),
    ("Kota Denpasar", "Denpasar"),
    ("Kota Balikpapan", "Balikpapan"),
    ("Kota Malang", "Malang"),
    ("Kabupaten Sleman", "Sleman"),
    ("Kota Palembang", "Palembang"),
    ("Kota Kupang", "Kupang"),
    ("Kota Jayapura", "Jayapura"),
    ("Kota Banjarmasin", "Banjarmasin"),
]
FIRST = "Agus Siti Hendra Rina Bambang Dewi Yusuf Ratna Eko Lina Hasan Maya Teguh Nurul Fajar Indah Rudi Wulan Dedi Sari Joko Tuti Imam Fitri".split()
LAST = (
    "Saputra Wibowo Handayani Permana Kurniawan Lestari Hidayat Rahmawati Santoso Maharani Nugroho Pratama Siregar Lubis Wijaya Purnomo Syahputra Utami".split()
)
DISTRICTS = "Sukamaju,Cibeureum,Tanjung Sari,Mekarjaya,Karang Anyar,Sidomulyo,Bukit Indah,Pasir Putih,Kebon Jeruk,Sukaraja,Margahayu,Tegal Rejo,Sumber Agung,Telaga Biru".split(
    ","
)
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

# (programme, what it measures, the office that runs it, who uses it)
PROGRAMMES = [
    ("aplikasi antrean daring puskesmas", "waktu tunggu pasien", "Dinas Kesehatan", "pasien"),
    (
        "parkir elektronik berbasis kode QR",
        "kebocoran retribusi parkir",
        "Dinas Perhubungan",
        "pengendara",
    ),
    (
        "bank sampah digital",
        "sampah yang dibuang ke tempat pembuangan akhir",
        "Dinas Lingkungan Hidup",
        "rumah tangga",
    ),
    (
        "kamera pengawas di persimpangan",
        "pelanggaran lalu lintas",
        "Dinas Perhubungan",
        "pengguna jalan",
    ),
    (
        "layanan perizinan usaha daring",
        "lama pengurusan izin",
        "Dinas Penanaman Modal dan PTSP",
        "pelaku usaha",
    ),
    (
        "sensor ketinggian air sungai",
        "keterlambatan peringatan banjir",
        "Badan Penanggulangan Bencana Daerah",
        "warga bantaran",
    ),
    (
        "pembayaran pajak daerah lewat QRIS",
        "tunggakan pajak bumi dan bangunan",
        "Badan Pendapatan Daerah",
        "wajib pajak",
    ),
    (
        "internet gratis di balai warga",
        "kesenjangan akses internet",
        "Dinas Komunikasi dan Informatika",
        "pelajar",
    ),
    (
        "kanal pengaduan warga terpadu",
        "aduan yang tidak ditindaklanjuti",
        "Dinas Komunikasi dan Informatika",
        "pelapor",
    ),
    (
        "lampu penerangan jalan tenaga surya",
        "tagihan listrik penerangan jalan",
        "Dinas Perumahan dan Permukiman",
        "warga",
    ),
    (
        "pendataan stunting di posyandu",
        "keterlambatan data gizi balita",
        "Dinas Kesehatan",
        "kader posyandu",
    ),
    (
        "bus kota dengan pembayaran nontunai",
        "waktu tunggu penumpang",
        "Dinas Perhubungan",
        "penumpang",
    ),
    ("perpustakaan digital sekolah", "rendahnya minat baca", "Dinas Pendidikan", "murid"),
    (
        "katalog elektronik produk UMKM",
        "sepinya pesanan pedagang kecil",
        "Dinas Koperasi dan UMKM",
        "pedagang",
    ),
    (
        "ruang kendali kota terpadu",
        "lambatnya penanganan kejadian darurat",
        "Dinas Komunikasi dan Informatika",
        "petugas",
    ),
    (
        "tanda tangan elektronik untuk dokumen kependudukan",
        "antrean di kantor kependudukan",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "pemohon",
    ),
]

# Sentence templates by role; each reporter writes a role with a template no other reporter of the
# same event uses. Slots are filled from the event's facts.
LEAD = [
    "Pemerintah {kota} meluncurkan {prog} di {n} titik mulai pekan ini untuk menekan {ukur}.",
    "{kota} mulai menerapkan {prog} yang diklaim mampu mengurangi {ukur} secara bertahap.",
    "Sebanyak {n} lokasi di {kota} kini dilayani {prog}, program baru yang disiapkan sejak awal tahun.",
    "Warga {kota_s} kini bisa memanfaatkan {prog} setelah pemerintah daerah menyelesaikan uji coba di Kecamatan {kec}.",
    "Upaya mengurangi {ukur} di {kota_s} memasuki babak baru dengan hadirnya {prog}.",
]
WHO = [
    "{jab} {kota}, {nama}, mengatakan program itu dikerjakan bersama sejumlah perangkat daerah dengan anggaran sekitar Rp{rp} miliar.",
    "Menurut {jab} {kota_s}, {nama}, biaya pembangunan sistem tersebut mencapai Rp{rp} miliar dari anggaran daerah tahun ini.",
    "{nama}, yang menjabat {jab}, menjelaskan bahwa pekerjaan fisik dan pelatihan petugas menelan dana Rp{rp} miliar.",
    "Program tersebut, kata {nama} selaku {jab}, dibiayai dari belanja daerah senilai Rp{rp} miliar.",
    "Dalam keterangannya, {jab} {nama} menyebut total anggaran yang disiapkan sebesar Rp{rp} miliar.",
]
DETAIL = [
    "Selama uji coba di Kecamatan {kec}, {ukur} tercatat turun sekitar {p} persen dibanding bulan sebelumnya.",
    "Hasil percobaan di Kecamatan {kec} menunjukkan penurunan {ukur} hingga {p} persen.",
    "Data sementara dari wilayah {kec} memperlihatkan angka {ukur} berkurang {p} persen dalam sebulan.",
    "Di Kecamatan {kec}, yang menjadi lokasi percontohan, {ukur} menyusut kira-kira {p} persen.",
    "Pemerintah mencatat {ukur} di lokasi percontohan {kec} merosot {p} persen sejak sistem dipakai.",
]
HOW = [
    "Para {pengguna} cukup mendaftar melalui ponsel, kemudian menerima pemberitahuan otomatis ketika layanan siap.",
    "Pengguna hanya perlu memasang aplikasi resmi pemerintah daerah lalu mengikuti petunjuk yang muncul di layar.",
    "Bagi {pengguna} yang belum terbiasa memakai ponsel, petugas tetap disiagakan di setiap kantor pelayanan.",
    "Petugas kelurahan juga dilatih untuk membantu {pengguna} lanjut usia yang kesulitan memakai layanan baru ini.",
    "Seluruh proses dapat dipantau secara terbuka sehingga {pengguna} tahu sampai di mana permohonannya.",
]
QUOTE = [
    '"Kami ingin {pengguna} merasakan manfaatnya langsung, bukan sekadar punya aplikasi baru," ujar {nama_s} di {kota_s}, {hari}.',
    '"Targetnya sederhana, {ukur} harus terus turun sampai akhir tahun," kata {nama_s}, {hari}.',
    '"Kalau ada kendala, laporkan saja, kami perbaiki secepatnya," ucap {nama_s} saat ditemui, {hari}.',
    '"Ini baru langkah awal, tahun depan jangkauannya kami perluas ke semua kecamatan," tutur {nama_s}, {hari}.',
    '"Petugas kami sudah siap, tinggal bagaimana warga mau mencoba," kata {nama_s} kepada wartawan, {hari}.',
]
CONTEXT = [
    "Program itu menjadi bagian dari rencana induk kota cerdas yang disusun pemerintah daerah bersama pendamping dari pemerintah pusat.",
    "Langkah ini sejalan dengan penilaian kota cerdas yang menempatkan tata kelola layanan publik sebagai salah satu aspek utama.",
    "Sebelumnya, DPRD setempat sempat meminta pemerintah memastikan program baru tidak tumpang tindih dengan aplikasi yang sudah ada.",
    "Kalangan akademisi menilai keberhasilan program semacam ini bergantung pada perawatan perangkat dan kesediaan warga memakainya.",
    "Sejumlah daerah lain disebut sudah menyatakan minat meniru pendekatan yang dipakai {kota_s}.",
]
CLOSE = [
    "Evaluasi menyeluruh dijadwalkan pada akhir triwulan sebelum program diperluas ke {m} kecamatan lain.",
    "Pemerintah berencana menambah {m} lokasi layanan tahun depan jika hasil evaluasi memuaskan.",
    "Perluasan ke {m} kecamatan berikutnya akan menunggu laporan pemantauan selama tiga bulan pertama.",
    "Dinas terkait menargetkan {m} titik tambahan beroperasi sebelum akhir tahun anggaran berjalan.",
    "Apabila berjalan lancar, layanan serupa akan dibuka di {m} kecamatan lainnya secara bertahap.",
]
ROLES = [LEAD, WHO, DETAIL, HOW, QUOTE, CONTEXT, CLOSE]

OUTLETS = [
    (
        "antaranews",
        "{KOTA} (ANTARA) - ",
        ["Pewarta: {rep}", "Editor: Agus Salim", "COPYRIGHT © ANTARA {y}"],
    ),
    (
        "tribunnews",
        "TRIBUNNEWS.COM, {KOTA} - ",
        ["Artikel ini telah tayang di Tribunnews.com", "Ikuti kami di Google News"],
    ),
    (
        "kompas",
        "{KOTA}, KOMPAS.com - ",
        ["Simak breaking news dan berita pilihan kami langsung di ponselmu."],
    ),
    ("detik", "{kota_s} - ", ["(rdp/imk)"]),
    ("liputan6", "Liputan6.com, {kota_s} - ", ["Simak juga video pilihan berikut ini:"]),
    ("okezone", "{KOTA} - ", ["Baca juga: Pemkot siapkan anggaran tambahan untuk layanan digital"]),
    ("suara", "Suara.com - ", ["Dapatkan update berita pilihan setiap hari di kanal kami."]),
    ("republika", "REPUBLIKA.CO.ID, {KOTA} -- ", ["Rep: {rep}/ Red: Dewi Kartika"]),
    (
        "regional-a",
        "{kota_s}, Radar Daerah - ",
        ["Berita ini bersumber dari siaran pers pemerintah daerah."],
    ),
    ("regional-b", "", ["Sumber: Diskominfo {kota_s}"]),
]
SYNONYMS = {
    "mengatakan": "menyatakan",
    "kata": "ujar",
    "warga": "masyarakat",
    "program": "kegiatan",
    "mulai": "sudah mulai",
    "sekitar": "kurang lebih",
    "pemerintah": "pemda",
    "layanan": "pelayanan",
    "petugas": "aparat",
    "juga": "pun",
    "menjelaskan": "menerangkan",
    "tahun": "tahun anggaran",
    "lokasi": "tempat",
}
HEADLINE_STYLES = [
    "{kota_s} Luncurkan {Prog}",
    "Pemkot {kota_s} Hadirkan {Prog}",
    "{Prog} Resmi Berlaku di {kota_s}",
    "Warga {kota_s} Kini Bisa Nikmati {Prog}",
    "Begini Cara Kerja {Prog} di {kota_s}",
    "{kota_s} Andalkan {Prog}",
]


@dataclass(frozen=True)
class Doc:
    """One article of the set: what the outlet published, and which story it truly belongs to."""

    id: int
    outlet: str
    title: str
    text: str
    published: datetime
    story: str  # ground truth: "event/reporter"
    event: int


def _facts(rng: random.Random, event: int, base: datetime) -> dict[str, str]:
    kota, kota_s = CITIES[event % len(CITIES)]
    prog, ukur, jab, pengguna = rng.choice(PROGRAMMES)
    nama = f"{FIRST[(event * 7) % len(FIRST)]} {LAST[(event * 5) % len(LAST)]}"  # one official per city-ish
    when = base + timedelta(days=rng.randint(0, 120), hours=rng.randint(7, 18), minutes=rng.choice([0, 15, 30, 45]))
    return {
        "kota": kota,
        "kota_s": kota_s,
        "KOTA": kota_s.upper(),
        "prog": prog,
        "Prog": prog.title(),
        "ukur": ukur,
        "jab": f"Kepala {jab}",
        "pengguna": pengguna,
        "nama": nama,
        "nama_s": nama.split()[0],
        "kec": rng.choice(DISTRICTS),
        "n": str(rng.randint(5, 60)),
        "rp": f"{rng.randint(1, 9)},{rng.randint(1, 9)}",
        "p": str(rng.randint(15, 60)),
        "m": str(rng.randint(3, 12)),
        "hari": DAYS[when.weekday()],
        "when": when.isoformat(),
    }


def _write(facts: dict[str, str], choice: list[int], quote: int) -> list[str]:
    """A piece in paragraphs of one or two sentences, templates chosen per role."""
    s = [ROLES[r][choice[r]].format(**facts) for r in range(len(ROLES)) if r != 4]
    q = QUOTE[quote].format(**facts)
    return [s[0], s[1] + " " + s[2], s[3], q, s[4], s[5]]


def _edit_copy(rng: random.Random, paras: list[str], facts: dict[str, str], outlet: tuple[str, str, list[str]]) -> list[str]:
    out = list(paras)
    if rng.random() < 0.25 and len(out) > 4:
        out.pop(len(out) - 1)  # the tail cut for space
    if rng.random() < 0.2 and len(out) > 4:
        out.pop(rng.randint(2, len(out) - 2))
    if rng.random() < 0.25:
        i = rng.randint(1, len(out) - 2)
        out[i], out[i + 1] = out[i + 1], out[i]
    for _ in range(rng.randint(0, 3)):  # word edits
        i = rng.randrange(len(out))
        words = out[i].split()
        spots = [k for k, w in enumerate(words) if w.lower() in SYNONYMS]
        if spots:
            k = rng.choice(spots)
            words[k] = SYNONYMS[words[k].lower()]
            out[i] = " ".join(words)
    if rng.random() < 0.3:  # a sentence of the outlet's own
        out.insert(
            rng.randint(1, len(out)),
            f"Hingga berita ini diturunkan, belum ada tanggapan dari pihak DPRD {facts['kota_s']}.",
        )
    prefix = outlet[1].format(**facts)
    if rng.random() < 0.7 and prefix:
        out[0] = prefix + out[0]
    if rng.random() < 0.7:
        out += [line.format(rep="Nur Aini", y=facts["when"][:4], **facts) for line in outlet[2]]
    return out


def generate(seed: int = 2022, events: int = 80) -> list[Doc]:
    """The syndication set: about seven documents per event, over 500 for the default 80 events."""
    rng = random.Random(seed)
    base = datetime(2025, 1, 6, tzinfo=WIB)
    docs: list[Doc] = []
    for event in range(events):
        facts = _facts(rng, event, base)
        when = datetime.fromisoformat(facts["when"])
        reporters = 1 + (rng.random() < 0.6) + (rng.random() < 0.25)
        # reporters of one event never share a template for a role (they write in their own words)
        per_role = [rng.sample(range(len(role)), reporters) for role in ROLES]
        shared_quote = rng.random() < 0.5  # a press conference line everyone quotes
        for r in range(reporters):
            choice = [per_role[k][r] for k in range(len(ROLES))]
            quote = per_role[4][0] if shared_quote else choice[4]
            paras = _write(facts, choice, quote)
            story = f"{event}/{r}"
            home = OUTLETS[0] if r == 0 else OUTLETS[rng.randint(1, len(OUTLETS) - 1)]
            copies = rng.randint(3, 6) if r == 0 else rng.randint(0, 3)
            outlets = [home] + rng.sample([o for o in OUTLETS if o is not home], copies)
            for k, outlet in enumerate(outlets):
                text = paras if k == 0 else _edit_copy(rng, paras, facts, outlet)
                if k == 0:
                    text = [outlet[1].format(**facts) + paras[0], *paras[1:]]
                title = rng.choice(HEADLINE_STYLES).format(**facts)
                docs.append(
                    Doc(
                        id=len(docs),
                        outlet=outlet[0],
                        title=title,
                        text="\n".join(text),
                        published=when + timedelta(hours=rng.randint(0, 72) if k else rng.randint(0, 5)),
                        story=story,
                        event=event,
                    )
                )
    order = list(range(len(docs)))
    rng.shuffle(order)  # arrival order is not publication order
    return [replace(docs[i], id=n) for n, i in enumerate(order)]


def pairwise(truth: list[str], predicted: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against the true story labels."""
    from collections import Counter

    def pairs(counter: Counter[object]) -> int:
        return sum(v * (v - 1) // 2 for v in counter.values())

    both = pairs(Counter(zip(truth, predicted, strict=True)))
    pred = pairs(Counter(predicted))
    true = pairs(Counter(truth))
    return (both / pred if pred else 1.0), (both / true if true else 1.0)
