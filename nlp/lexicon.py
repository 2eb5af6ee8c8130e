"""The pillar element lexicon (Kominfo's Gerakan Menuju 100 Smart City) and the digital-innovation cues.

Data only: lower-case, unstemmed phrases matched on word boundaries. They make the plain keyword
baseline that ``smartcity evaluate`` scores the models against. (As extra model features beside
TF-IDF they lowered both cross-validated and dev-set scores, so the models do not use them.)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

PILLAR_TERMS: Mapping[str, tuple[str, ...]] = {
    # public services, bureaucracy management, policy
    "governance": (
        "layanan publik", "pelayanan publik", "perizinan", "izin online", "perizinan online", "oss",
        "mal pelayanan publik", "mpp", "pengaduan", "aduan", "lapor", "sp4n", "call center", "112",
        "e-government", "spbe", "e-budgeting", "e-planning", "e-kinerja", "e-office", "tanda tangan elektronik",
        "tte", "satu data", "data center", "pusat data", "kependudukan", "adminduk", "disdukcapil", "ktp digital",
        "identitas kependudukan digital", "regulasi", "peraturan wali kota", "peraturan bupati", "masterplan",
        "rencana induk", "evaluasi", "birokrasi", "reformasi birokrasi", "tata kelola", "transparansi",
        "keterbukaan informasi", "ppid", "sistem informasi", "dashboard", "dasbor", "interoperabilitas",
        "aparatur", "asn", "absensi online", "e-presensi", "kominfo", "diskominfo",
    ),
    # tourism, business ecosystem branding, city appearance
    "branding": (
        "pariwisata", "wisata", "wisatawan", "destinasi", "desa wisata", "festival", "promosi",
        "promosi wisata", "city branding", "branding", "citra kota", "ikon kota", "wajah kota", "taman kota",
        "penataan kawasan", "alun-alun", "pedestrian", "investasi", "promosi investasi", "produk unggulan",
        "tiket elektronik", "e-ticketing", "pusat informasi wisata", "kuliner", "heritage", "cagar budaya",
        "event", "kunjungan wisata", "tagline", "logo",
    ),
    # industry, welfare, financial transactions
    "economy": (
        "umkm", "ukm", "pelaku usaha", "ekonomi kreatif", "industri", "kawasan industri", "kesejahteraan",
        "kemiskinan", "lapangan kerja", "pengangguran", "job fair", "bursa kerja", "bansos", "bantuan sosial",
        "qris", "nontunai", "non tunai", "cashless", "e-commerce", "marketplace", "toko online", "pasar digital",
        "e-katalog", "pajak daerah", "pajak online", "retribusi", "e-retribusi", "pbb", "bapenda", "bumdes",
        "koperasi", "transaksi digital", "pembayaran digital", "dompet digital", "inflasi", "daya beli",
    ),
    # spatial harmony, health, mobility
    "living": (
        "tata ruang", "rtrw", "perumahan", "permukiman", "drainase", "kesehatan", "puskesmas", "rsud",
        "rumah sakit", "telemedicine", "telemedisin", "stunting", "posyandu", "antrean online", "bpjs",
        "transportasi", "angkutan umum", "bus", "brt", "trans", "atcs", "lampu lalu lintas", "traffic light",
        "parkir elektronik", "e-parking", "parkir", "kemacetan", "lalu lintas", "etle", "e-tilang", "dishub",
        "halte", "air bersih", "pdam", "sanitasi", "ambulans",
    ),
    # community, learning ecosystem, security
    "society": (
        "komunitas", "partisipasi warga", "partisipasi masyarakat", "literasi digital", "relawan tik",
        "pendidikan", "sekolah", "siswa", "guru", "perpustakaan", "perpustakaan digital", "beasiswa", "ppdb",
        "pelatihan", "digital talent", "keamanan", "cctv", "kamera pengawas", "command center",
        "command centre", "ruang kendali", "panic button", "tombol darurat", "peringatan dini", "early warning",
        "kriminalitas", "ketertiban", "satpol pp", "internet desa", "wifi gratis", "hoaks", "kamtibmas",
    ),
    # environmental protection, waste, energy
    "environment": (
        "lingkungan hidup", "lingkungan", "polusi", "pencemaran", "kualitas udara", "emisi", "banjir",
        "sensor banjir", "ruang terbuka hijau", "rth", "sampah", "bank sampah", "tpa", "tps", "pengolahan sampah",
        "daur ulang", "pilah sampah", "limbah", "energi", "energi terbarukan", "pju", "tenaga surya",
        "panel surya", "listrik", "efisiensi energi", "dlh", "penghijauan", "pohon", "iklim", "sungai",
    ),
}

# What makes a piece Smart City coverage rather than ordinary regional news: a digital or
# innovation angle on a public service.
DIGITAL_TERMS: tuple[str, ...] = (
    "smart city", "kota cerdas", "kabupaten cerdas", "smart", "digital", "digitalisasi", "aplikasi", "daring",
    "online", "elektronik", "berbasis teknologi", "teknologi informasi", "sistem informasi", "website", "laman",
    "portal", "platform", "dashboard", "dasbor", "big data", "data terpadu", "satu data", "command center",
    "command centre", "ruang kendali", "cctv", "sensor", "internet", "wifi", "qr", "qris", "barcode",
    "inovasi", "e-government", "spbe", "e-budgeting", "e-ticketing", "e-retribusi", "e-parking", "e-tilang",
    "nontunai", "non tunai", "cashless", "terintegrasi", "integrasi", "virtual", "android", "gawai",
    "telemedicine", "telemedisin", "kecerdasan buatan", "artificial intelligence", "iot", "internet of things",
    "masterplan smart city", "gerakan menuju 100 smart city", "kominfo", "diskominfo",
)


def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    if not terms:
        raise ValueError("a lexicon group needs at least one term")
    alts = sorted({re.escape(t) for t in terms}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    groups = [(p, _pattern(t)) for p, t in PILLAR_TERMS.items()]
    groups.append(("digital", _pattern(DIGITAL_TERMS)))
    return tuple(groups)


def lexicon_counts(text: str) -> dict[str, int]:
    """How many times each pillar's elements, and the digital cues, occur in ``text``."""
    return {name: len(pat.findall(text)) for name, pat in _patterns()}
