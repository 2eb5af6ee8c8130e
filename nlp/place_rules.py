"""Cue words and page-layout patterns the city tagger reads, as named data apart from the logic.

``nlp.gazetteer`` reads the cues right next to a name (Wali Kota X, Pemkab X, Polresta X, Jalan X);
``nlp.place_evidence`` reads the page layout (datelines, "Baca juga" lines, captions) and the
government actors an article names without a place (Bupati, Pemkot, Gubernur).
"""

from __future__ import annotations

import re

# --- next to a name (nlp.gazetteer) ---------------------------------------------------------------

# Cues read from the text just left of a name; case-sensitive where the lower-case word means
# something else ("kota" = town).  Order matters: the first alternative that reaches the name wins.
LEFT_CUE = re.compile(
    r"(?:(?P<kotaactor>\b(?:Wali\s?[Kk]ota|WALI\s?KOTA|Walkot|Wawali|Pemkot|PEMKOT|Pemko|PEMKO"
    r"|Pemerintah\s+Kota|Sekda\s+Kota|DPRD\s+Kota|Polrestabes))"
    r"|(?P<kabactor>\b(?:Bupati|BUPATI|Wabup|Pemkab|PEMKAB|Pemerintah\s+Kabupaten"
    r"|Sekda\s+Kabupaten|DPRD\s+Kabupaten))"
    r"|(?P<kota>\b(?:Kota|KOTA)(?:\s+(?:Adm\.?|ADM\.?|Administrasi|Administratif))?)"
    r"|(?P<kab>\b(?:Kabupaten|KABUPATEN|Kab|KAB)\.?(?:\s*(?:Adm\.?|Administrasi|Administratif))?)"
    r"|(?P<provactor>\b(?:Gubernur|GUBERNUR|Wagub|Pemprov|PEMPROV|Pemerintah\s+Provinsi|Provinsi"
    r"|PROVINSI|Prov\.|Pemerintah|Sekdaprov))"
    r"|(?P<police>\b(?:Polres(?:ta)?(?:\s+Metro)?|Kapolres(?:ta)?(?:\s+Metro)?))"
    r"|(?P<sector>\b(?:Polsek|Kapolsek|Kepolisian\s+Sektor))"  # police of one kecamatan
    r"|(?P<kec>\b(?:Kecamatan|KECAMATAN|Kec\.|Camat|Distrik))"
    r"|(?P<title>\b(?:Pak|Bapak|Bu|Ibu|Sdr\.?|Saudara|Mas|Mbak|Kang|Bang|Cak|Sdri\.?))"
    r"|(?P<street>\b(?:Jalan|JALAN|Jl\.?|JL\.?|Jln\.?|Gang|Gg\.))"
    # a river, lake, strait, bay, mountain or island named after a place is not that place
    r"|(?P<feature>\b(?:Sungai|SUNGAI|Bengawan|Kali|Danau|DANAU|Selat|Teluk|Gunung|Pulau|PULAU))"
    # where people or goods travel to or from: the story is usually elsewhere
    r"|(?P<move>\b(?:ke|Ke|dari|Dari|menuju|asal|Asal|jalur|Jalur|ruas|rute|trayek|arah))"
    r"|(?P<loc>\b(?:di|Di|DI|wilayah|Wilayah|kawasan|Kawasan|daerah|warga|Warga"
    r"|kota|kabupaten|se|antara|dan|serta))"
    r")\s*$"
)
# Every word that can begin or end a cue.
CUE_WORDS = frozenset(
    "Wali Walikota WALI Walkot Wawali Pemkot PEMKOT Pemko PEMKO Pemerintah Sekda DPRD Polrestabes "
    "Kota KOTA kota Bupati BUPATI Wabup Pemkab PEMKAB Kabupaten KABUPATEN kabupaten Kab KAB "
    "Adm ADM Administrasi Administratif Gubernur GUBERNUR Wagub Pemprov PEMPROV Provinsi PROVINSI "
    "Prov Sekdaprov Polres Polresta Kapolres Kapolresta Metro Polsek Kapolsek Kepolisian Sektor "
    "Kecamatan KECAMATAN Kec Camat Distrik Pak Bapak Bu Ibu Sdr Saudara Mas Mbak Kang Bang Cak Sdri "
    "Jalan JALAN Jl JL Jln Gang Gg Sungai SUNGAI Bengawan Kali Danau DANAU Selat Teluk Gunung Pulau "
    "PULAU di ke dari Di Ke Dari DI asal Asal jalur Jalur ruas rute trayek arah wilayah Wilayah "
    "kawasan Kawasan daerah warga Warga se menuju antara dan serta".split()
)
# Words a cue can end with (a token, trailing dots removed); "Kab.Adm." is caught by its prefix.
CUE_END = CUE_WORDS | {"WaliKota", "WALIKOTA"}
RIGHT_KOTA = re.compile(r"[ \t]+(?:Kota|KOTA)\b")
NEXT_CAP = re.compile(r"[ \t]+(?!(?:Utara|Selatan|Barat|Timur|Tengah|Raya|Kota)\b)[A-Z][a-z]")
OPENERS = "\"'“‘«(["  # an opening quote or bracket glued to a cue word ("“Pemkot Bogor …")
# The kind each cue group asks for, and the groups that name an acting government.
WANT = {"kota": "kota", "kotaactor": "kota", "kab": "kabupaten", "kabactor": "kabupaten"}
ACTOR_GROUPS = frozenset(("kotaactor", "kabactor", "provactor"))
VETO_GROUPS = frozenset(("title", "street", "feature"))  # the name is a person, street or river
PLACE_GROUPS = frozenset(("loc", "move"))  # plain place words: a weak name may follow them
KECAMATAN_GROUPS = frozenset(("kec", "sector"))  # Kecamatan/Camat/Polsek X: X is a kecamatan
AGENCY_WORDS = frozenset(
    "Pemerintah Dinas Dinkes Dishub Disdukcapil Bappeda Bapenda Bappenda DPRD Sekda Kepala "
    "Kominfo BPBD Satpol Badan Bagian Wali Walikota Bupati Gubernur Pj Pemkot Pemkab Pemprov Pemko "
    "Kabag Camat RSUD Mal MPP Diskominfotik Diskominfo Kadis Kadiskominfo Pj.".split()
)  # as tokens: a dotted word can start a match only as "Pj."
AGENCY = re.compile(
    r"\b(?:Pemerintah|Dinas|Dinkes|Diskominfo\w*|Dishub|Disdukcapil|Bappeda|Bapenda|Bappenda|DPRD"
    r"|Sekda|Kadis\w*|Kepala|Kominfo|BPBD|Satpol|Badan|Bagian|Wali\s?[Kk]ota|Walikota|Bupati"
    r"|Gubernur|Pj\.?|Pemkot|Pemkab|Pemprov|Pemko|Kabag|Camat|RSUD|Mal Pelayanan Publik|MPP"
    r"|Diskominfotik)"
    # then only the rest of the body's proper name ("Dinas Komunikasi dan Informatika Kota"), not
    # a clause ("Bupati Ngawi mengatakan warga …")
    r"(?:[ \t]+(?:[A-Z][\w'&./-]*|dan|&)){0,6}?[ \t]+"
    r"(?:(?:Kota|Kabupaten|Kab\.|Provinsi|Prov\.)[ \t]+(?:Adm\.[ \t]+)?)?$"
)

# --- page layout and article-wide cues (nlp.place_evidence) ----------------------------------------

# Page clutter, matched at the start of a line (ANTARA, detik, Tribun, Kompas, Pemda portals).
CLUTTER_LINE = re.compile(
    r"^\s*(?:Baca\s+[Jj]uga|BACA\s+JUGA|Baca:|Lihat\s+[Jj]uga|Simak\s+[Jj]uga"
    r"|Berita\s+[Tt]erkait|BERITA\s+TERKAIT|Artikel\s+[Tt]erkait|Terkait:|ADVERTISEMENT"
    r"|Advertisement|SCROLL\s+TO|Iklan\b|Foto:|FOTO:|\(Foto|\[[Ff]oto|Keterangan\s+[Ff]oto|Caption"
    r"|Dok\.|Ilustrasi|Editor\s*:|Pewarta\s*:|Penulis\s*:|Reporter\s*:|Sumber\s*:|Copyright"
    r"|COPYRIGHT|©|Tags?\s*:|TAGS?\s*:|Topik|Halaman\b|Beranda|Home\b|•|Laporan\s+[Ww]artawan"
    r"|Font:|Bagikan|Share|Komentar|Ikuti|Follow|Download|Unduh|Klik|Berita\s+Lainnya|Terpopuler"
    r"|Populer|Rekomendasi"
    # bylines and credits: where the writer lives or the copy first ran, not what it is about
    r"|Oleh\s*:|OLEH\s*:|\*\)?\s*(?:Penulis|Isi\s+tulisan)|Artikel\s+ini\s+(?:telah\s+)?tayang)"
)
INLINE_CLUTTER = re.compile(r"(?:Baca\s+[Jj]uga|BACA\s+JUGA|ADVERTISEMENT|SCROLL TO CONTINUE)\s*:?")
SENTENCE_END = re.compile(r"[.!?\"”'’)]\s*$|[.!?]\s")
DATELINE = re.compile(
    r"^\s*(?:[A-Z0-9][\w\-]*\.(?:com|COM|co\.id|CO\.ID|id|ID|net|NET|Com)\s*[,|/]+\s*)?"
    r"(?P<place>[A-Z][A-Za-z'.]*(?:[ ][A-Za-z'.]+){0,3}?)"
    r"[ \t]*(?:,[^-–—\n]{0,40}?|\([^)\n]{0,30}\))?[ \t]*(?:--?|–|—)"
)
NATIONAL = re.compile(
    r"\b(?:Kementerian|Kemenkominfo|Kemendagri|KemenPAN|Kemenkes|Bappenas|Menteri|Mendagri"
    r"|Menkominfo|Dirjen|Ditjen|Presiden|pemerintah pusat|seluruh Indonesia|se-Indonesia"
    r"|kabupaten/kota|kota/kabupaten)\b"
)
KOTA_CUE = r"Wali\s?[Kk]ota|WALI\s?KOTA|Walkot|Pemkot|PEMKOT|Pemko|Pemerintah\s+Kota"
KAB_CUE = r"Bupati|BUPATI|Wakil\s+Bupati|Pemkab|PEMKAB|Pemerintah\s+Kabupaten"
PROV_CUE = r"Gubernur|GUBERNUR|Pemprov|PEMPROV|Pemerintah\s+Provinsi|Sekdaprov"
# All three in one scan. Every alternative starts with one of the capitals in the lookahead, which
# lets the regex engine pass over other positions quickly (8x faster than three plain scans).
CUES = re.compile(
    rf"(?=[WPBGS])\b(?:(?P<kota>{KOTA_CUE})|(?P<kab>{KAB_CUE})|(?P<prov>{PROV_CUE}))\b"
)
# The article speaking of its place as "this city" / "this regency", of "other cities" or "cities,
# including X", or of its government or head in lower case without a name: weak evidence for one
# side of a bare Kota/Kabupaten pair name. "kabupaten/kota lain" says nothing.
SELF_KIND = re.compile(
    r"(?=[KkPpwb])(?<![/\w])(?:(?P<kota>[Kk]ota[ \t]+(?:ini|itu|tersebut|kami|kita|lain)\b"
    r"|[Pp]emerintah[ \t]+kota\b|wali[ \t]?kota\b|pemkot\b|kota,?[ \t]+termasuk\b)"
    r"|(?P<kab>[Kk]abupaten[ \t]+(?:ini|itu|tersebut|kami|kita|lain)\b"
    r"|[Pp]emerintah[ \t]+kabupaten\b|bupati\b|pemkab\b|kabupaten,?[ \t]+termasuk\b))"
)
ATTACH = 14  # a cue followed by a name within this many characters belongs to that name

# --- what a mention is doing in its sentence (nlp.place_evidence) ----------------------------------

# A place that ends an institution's or venue's proper name ("BMKG Palangka Raya", "Sahid Hotel
# Ternate"): it says where the building is, not what the story is about. Local government bodies
# (Dinas, RSUD, Pemkot …) are actors instead (AGENCY above); a court is where a trial happens.
INSTITUTION = re.compile(
    r"\b(?:Hotel|Bandara|Bandar\s+Udara|Stadion|Universitas|Institut|Politeknik|UIN|IAIN|Stasiun"
    r"|Terminal|Pelabuhan|BMKG|BPS|Lanud|Lapas|Rutan|Kanwil|KPP|Balai|Kodim|Korem|Kodam"
    r"|Keuskupan|Imigrasi)"
    r"(?:[ \t]+(?:[A-Z][\w'.-]*|\([A-Z]+\)|dan|Negeri)){0,5}[ \t]+$"
)
INSTITUTION_WORDS = frozenset(
    "Hotel Bandara Bandar Stadion Universitas Institut Politeknik UIN IAIN Stasiun Terminal "
    "Pelabuhan BMKG BPS Lanud Lapas Rutan Kanwil KPP Balai Kodim Korem Kodam Keuskupan "
    "Imigrasi".split()
)  # the words INSTITUTION starts with, as tokens: most mentions skip the regex
# Where a statement was made, in the ANTARA formula: "kata Kepala BPBD … di Kota Palu, Selasa." or
# "… di Banda Aceh, Rabu (24/1/2024), mengatakan …". It often repeats a dateline far from the
# story. An event's place and day ("di Kota Malang, Sabtu (14/12) malam") is not this.
STATEMENT_DAY = re.compile(
    r",?[ \t]+(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)(?:[ \t]*\([^()\n]{0,24}\))?"
    r"(?P<said>,[ \t]*(?:mengatakan|menyampaikan|menjelaskan|menyebutkan|mengungkapkan|menuturkan"
    r"|menegaskan|menyatakan|berkata)\b)?(?(said)|[ \t]*(?:[.\n]|$))"
)
SAID_BEFORE = re.compile(
    r"\b(?:kata|ujar|ucap|tutur|ungkap|jelas|tegas|sebut)(?:nya)?\b|\b(?:mengatakan|menyampaikan"
    r"|menjelaskan|disampaikan|dikatakan|diungkapkan|dijelaskan|menurut)\b"
    r"|\bkepada[ \t]+(?:wartawan|reporter|media|ANTARA|awak media)\b"
)
# Between the members of a list of places ("di Jakarta, Batam, Pekanbaru, atau luar negeri").
LIST_SEP = re.compile(r"(?:[ \t]*,[ \t]*(?:(?:dan|atau|serta)[ \t]+)?|[ \t]+(?:dan|atau|serta)[ \t]+)")
WEB_NAME = re.compile(r"[\w-]*\.(?:com|co\.id|id|net)\b", re.I)  # Tribun-Medan.com: an outlet
