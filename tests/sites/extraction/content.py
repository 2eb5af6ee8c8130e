# ruff: noqa: E501  (long data strings and HTML templates read better unbroken)
"""Our own Indonesian news texts for the extraction fixtures (invented people, real places).

Each entry is the ground truth of one page: ``render.py`` pours it into an outlet template with
that outlet's clutter, and writes the expected fields to ``expected.json``.
"""

from __future__ import annotations

ARTICLES: list[dict[str, object]] = [
    # ---------------------------------------------------------------- ANTARA national
    dict(
        id="antara-01", template="antara", host="www.antaranews.com", path="/berita/3160101/kominfo-minta-daerah-percepat-satu-data",
        title="Kominfo minta daerah percepat penerapan Satu Data", place="Jakarta", author="Rina Wulandari",
        date="2022-10-06T10:15", zone="WIB",
        paras=[
            "Kementerian Komunikasi dan Informatika meminta pemerintah daerah mempercepat penerapan Satu Data agar perencanaan pembangunan tidak lagi bergantung pada angka yang berbeda-beda antarinstansi.",
            "Direktur Layanan Aplikasi Informatika Pemerintahan, Hendra Saputra, mengatakan masih banyak kabupaten yang menyimpan data kependudukan, kesehatan dan bantuan sosial di lembar kerja terpisah.",
            "\"Kalau datanya tidak pernah bertemu, program bantuan akan terus salah sasaran dan masyarakat yang berhak justru terlewat,\" kata Hendra dalam rapat koordinasi di Jakarta, Kamis.",
            "Ia menyebut pemerintah pusat sudah menyiapkan pedoman interoperabilitas dan pendampingan teknis bagi daerah yang belum memiliki pusat data sendiri.",
            "Menurut catatan kementerian, baru sekitar sepertiga pemerintah daerah yang menetapkan walidata dan menerbitkan peraturan kepala daerah tentang Satu Data.",
        ],
    ),
    dict(
        id="antara-02", template="antara", host="www.antaranews.com", path="/berita/3172255/bmkg-pasang-sensor-kualitas-udara-di-20-kota",
        title="BMKG pasang sensor kualitas udara di 20 kota", place="Jakarta", author="Dimas Prakoso",
        date="2022-10-13T14:40", zone="WIB",
        paras=[
            "Badan Meteorologi, Klimatologi, dan Geofisika memasang sensor kualitas udara berbiaya rendah di 20 kota untuk melengkapi stasiun pemantau yang jumlahnya masih terbatas.",
            "Kepala Pusat Informasi Kualitas Udara BMKG, Sari Handayani, menjelaskan sensor itu mengirim angka partikel halus setiap sepuluh menit ke dasbor yang bisa dibuka masyarakat.",
            "Menurut dia, pemerintah kota dapat memakai data tersebut untuk mengatur jam operasional kendaraan berat dan menentukan lokasi penanaman pohon peneduh.",
            "\"Sensor murah tidak menggantikan stasiun rujukan, tetapi membuat peta polusi jauh lebih rapat,\" ujar Sari di Jakarta, Kamis.",
            "BMKG menargetkan jumlah sensor bertambah menjadi 100 unit pada akhir tahun depan dengan melibatkan perguruan tinggi setempat untuk perawatan.",
        ],
    ),
    dict(
        id="antara-03", template="antara", host="www.antaranews.com", path="/berita/3551020/polisi-amankan-pelaku-pencurian-kabel-lampu-jalan",
        title="Polisi amankan tiga pelaku pencurian kabel lampu jalan", place="Semarang", author="Wahyu Kurniawan",
        date="2023-05-22T19:05", zone="WIB",
        paras=[
            "Kepolisian Resor Kota Besar Semarang menangkap tiga orang yang diduga mencuri kabel lampu penerangan jalan di kawasan pelabuhan selama dua bulan terakhir.",
            "Kepala Satuan Reserse Kriminal, Ajun Komisaris Besar Polisi Teguh Santosa, mengatakan para pelaku beraksi pada dini hari dengan menyamar sebagai petugas perbaikan jaringan.",
            "Dari tangan tersangka, polisi menyita gulungan kabel tembaga sepanjang hampir 400 meter, sebuah mobil bak terbuka dan sejumlah alat pemotong.",
            "\"Kerugian pemerintah kota ditaksir lebih dari Rp200 juta karena sebagian ruas jalan gelap berminggu-minggu,\" kata Teguh di Semarang, Senin.",
            "Ketiga tersangka dijerat pasal pencurian dengan pemberatan dengan ancaman hukuman paling lama tujuh tahun penjara.",
        ],
    ),
    dict(
        id="antara-04", template="antara", host="www.antaranews.com", path="/berita/3960412/kemenpanrb-umumkan-hasil-evaluasi-spbe-2023",
        title="KemenPAN-RB umumkan hasil evaluasi SPBE 2023", place="Jakarta", author="Lestari Ayuningtyas",
        date="2024-01-18T16:30", zone="WIB",
        paras=[
            "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi mengumumkan hasil evaluasi Sistem Pemerintahan Berbasis Elektronik tahun 2023 dengan jumlah daerah berpredikat baik meningkat dibanding tahun sebelumnya.",
            "Asisten Deputi Transformasi Digital Pemerintahan, Yusuf Maulana, menyebut kenaikan itu terutama datang dari perbaikan tata kelola aplikasi dan keamanan informasi.",
            "Namun, kata dia, masih ada pemerintah daerah yang membangun aplikasi baru untuk setiap program sehingga jumlah aplikasi terus membengkak tanpa saling terhubung.",
            "\"Kami mendorong daerah berbagi pakai aplikasi umum, bukan membuat sendiri dari nol setiap ganti pejabat,\" ujar Yusuf di Jakarta, Kamis.",
            "Hasil evaluasi akan menjadi bahan penyusunan peta rencana transformasi digital nasional dan pertimbangan pemberian insentif bagi daerah.",
        ],
    ),
    dict(
        id="antara-05", template="antara", host="www.antaranews.com", path="/berita/4401877/bank-sampah-digital-diperluas-ke-50-kelurahan",
        title="Bank sampah digital diperluas ke 50 kelurahan di Surabaya", place="Surabaya", author="Fajar Nugroho",
        date="2024-09-03T08:50", zone="WIB",
        paras=[
            "Pemerintah Kota Surabaya memperluas layanan bank sampah digital ke 50 kelurahan setelah uji coba di sepuluh kelurahan berhasil mengurangi sampah plastik yang dibuang ke tempat pembuangan akhir.",
            "Kepala Dinas Lingkungan Hidup Surabaya, Ratna Permatasari, mengatakan warga mencatat setoran sampah melalui aplikasi dan saldo tabungan bisa dipakai membayar iuran air atau listrik.",
            "Selama uji coba, setoran plastik dan kertas meningkat hampir dua kali lipat, terutama dari rumah tangga yang sebelumnya enggan datang ke bank sampah manual.",
            "\"Pencatatan digital membuat warga percaya karena saldo terlihat saat itu juga,\" kata Ratna di Surabaya, Selasa.",
            "Pemkot juga menggandeng pengepul dan industri daur ulang agar harga beli sampah terpilah lebih stabil sepanjang tahun.",
        ],
    ),
    # ---------------------------------------------------------------- ANTARA regional
    dict(
        id="antara-banten-01", template="antara_regional", host="banten.antaranews.com", path="/berita/250812/pemkot-tangerang-luncurkan-antrean-daring-puskesmas",
        title="Pemkot Tangerang luncurkan antrean daring di seluruh puskesmas", place="Tangerang", author="Achmad Irfan",
        date="2022-11-03T09:20", zone="WIB", date_mode="meta_naive",
        paras=[
            "Pemerintah Kota Tangerang meluncurkan layanan antrean daring di seluruh puskesmas agar warga tidak perlu datang sejak subuh hanya untuk mengambil nomor.",
            "Kepala Dinas Kesehatan Kota Tangerang, Siti Mardiyah, mengatakan warga cukup memilih jadwal melalui aplikasi Tangerang LIVE lalu datang sesuai perkiraan waktu yang tertera.",
            "Uji coba di lima puskesmas sejak Agustus menunjukkan rata-rata waktu tunggu turun dari hampir dua jam menjadi sekitar empat puluh menit.",
            "\"Petugas di loket tetap melayani warga lanjut usia yang belum terbiasa memakai ponsel,\" ujar Siti di Tangerang, Kamis.",
        ],
    ),
    dict(
        id="antara-bali-01", template="antara_regional", host="bali.antaranews.com", path="/berita/301144/denpasar-uji-coba-parkir-nontunai-di-kawasan-gajah-mada",
        title="Denpasar uji coba parkir nontunai di kawasan Gajah Mada", place="Denpasar", author="Ni Luh Ayu Pradnyani",
        date="2023-02-14T11:45", zone="WITA", date_mode="jsonld",
        paras=[
            "Pemerintah Kota Denpasar menguji coba pembayaran parkir nontunai menggunakan kode QR di kawasan heritage Jalan Gajah Mada mulai pekan ini.",
            "Direktur Perusahaan Umum Daerah Parkir Denpasar, I Made Suarjana, menjelaskan juru parkir tetap bertugas, tetapi uang tidak lagi berpindah tangan sehingga setoran tercatat utuh.",
            "Menurut dia, kebocoran pendapatan parkir selama ini sulit diawasi karena seluruh transaksi dilakukan secara tunai dan tanpa karcis yang jelas.",
            "\"Kalau uji coba berjalan lancar, sistem yang sama kami pasang di Renon dan Sanur sebelum akhir tahun,\" ujar Suarjana di Denpasar, Selasa.",
        ],
    ),
    dict(
        id="antara-papua-01", template="antara_regional", host="papua.antaranews.com", path="/berita/702231/jayapura-pasang-cctv-di-24-titik-rawan-kecelakaan",
        title="Jayapura pasang CCTV di 24 titik rawan kecelakaan", place="Jayapura", author="Yohanes Kogoya",
        date="2023-06-08T15:10", zone="WIT", date_mode="visible",
        paras=[
            "Pemerintah Kota Jayapura memasang kamera pengawas di 24 titik rawan kecelakaan yang tersambung langsung ke ruang kendali dinas perhubungan.",
            "Kepala Dinas Perhubungan Kota Jayapura, Markus Wenda, mengatakan titik-titik itu dipilih berdasarkan data kecelakaan tiga tahun terakhir, terutama di jalur menurun Entrop dan Kotaraja.",
            "Rekaman kamera akan dipakai untuk mengatur ulang lampu lalu lintas dan menempatkan petugas pada jam-jam padat.",
            "\"Kami juga membuka akses tayangan kamera untuk kepolisian agar penanganan kecelakaan lebih cepat,\" kata Markus di Jayapura, Kamis.",
        ],
    ),
    dict(
        id="antara-kalsel-01", template="antara_regional", host="kalsel.antaranews.com", path="/berita/355019/banjarmasin-siapkan-sensor-tinggi-air-di-sungai-martapura",
        title="Banjarmasin siapkan sensor tinggi air di Sungai Martapura", place="Banjarmasin", author="Syahrial Noor",
        date="2023-11-21T13:25", zone="WITA", date_mode="jsonld",
        paras=[
            "Pemerintah Kota Banjarmasin menyiapkan sensor tinggi muka air di tujuh titik Sungai Martapura untuk memberi peringatan dini banjir rob kepada warga bantaran.",
            "Kepala Badan Penanggulangan Bencana Daerah Banjarmasin, Hairil Anwar, mengatakan data sensor akan tampil di aplikasi kebencanaan dan dikirim melalui pesan singkat ke ketua rukun tetangga.",
            "Selama ini, menurut dia, warga hanya mengandalkan pengumuman dari pengeras suara masjid ketika air sudah mulai masuk ke rumah.",
            "\"Dengan peringatan dua sampai tiga jam lebih awal, warga sempat mengangkat barang berharga dan mengungsikan lansia,\" ujar Hairil di Banjarmasin, Selasa.",
        ],
    ),
    dict(
        id="antara-jateng-01", template="antara_regional", host="jateng.antaranews.com", path="/berita/482215/festival-kuliner-pekalongan-dongkrak-umkm-batik",
        title="Festival kuliner Pekalongan dongkrak penjualan UMKM batik", place="Pekalongan", author="Kutnadi Harjono",
        date="2024-03-02T20:15", zone="WIB", date_mode="jsonld",
        paras=[
            "Festival kuliner yang digelar Pemerintah Kota Pekalongan selama tiga hari di alun-alun mendongkrak penjualan pelaku usaha mikro, kecil dan menengah batik yang ikut membuka lapak.",
            "Kepala Dinas Perdagangan, Koperasi dan UKM Kota Pekalongan, Endang Puspitasari, mengatakan transaksi selama festival mencapai lebih dari Rp1,2 miliar.",
            "Sebagian besar pembeli membayar dengan QRIS sehingga pedagang tidak perlu menyiapkan uang kembalian dalam jumlah besar.",
            "\"Kami akan menggelar festival serupa setiap triwulan dengan tema kampung batik yang berbeda,\" kata Endang di Pekalongan, Sabtu malam.",
        ],
    ),
    # ---------------------------------------------------------------- detik
    dict(
        id="detik-01", template="detik", host="news.detik.com", path="/berita/d-6332190/dki-perluas-ruang-terbuka-hijau-di-lahan-bekas-gudang",
        title="DKI Perluas Ruang Terbuka Hijau di Lahan Bekas Gudang", place="Jakarta", author="Anggi Ramadhani",
        date="2022-10-06T10:15", zone="WIB",
        paras=[
            "Pemerintah Provinsi DKI Jakarta mengubah lahan bekas gudang logistik di Jakarta Utara menjadi ruang terbuka hijau seluas dua hektare.",
            "Kepala Dinas Pertamanan dan Hutan Kota DKI, Bambang Wibisono, mengatakan taman itu akan dilengkapi kolam retensi untuk menampung limpasan air hujan dari permukiman sekitarnya.",
            "Warga sekitar selama ini hanya memiliki lapangan kecil yang sering tergenang setiap musim hujan.",
            "\"Kami menanam pohon yang tahan angin laut supaya taman tetap teduh walau dekat pesisir,\" kata Bambang kepada wartawan, Kamis.",
            "Pembangunan tahap pertama ditargetkan selesai pada awal tahun depan dengan anggaran dari kompensasi koefisien lantai bangunan.",
        ],
    ),
    dict(
        id="detik-jatim-01", template="detik", host="www.detik.com", path="/jatim/berita/d-6870214/kediri-gratiskan-wifi-di-balai-rw",
        title="Kediri Gratiskan Wifi di Seluruh Balai RW untuk Belajar Anak", place="Kediri", author="Andhika Dwi",
        date="2023-08-10T13:02", zone="WIB",
        paras=[
            "Pemerintah Kota Kediri memasang jaringan internet gratis di seluruh balai rukun warga agar pelajar dari keluarga kurang mampu bisa mengerjakan tugas sekolah.",
            "Kepala Dinas Komunikasi dan Informatika Kota Kediri, Yuliani Kartika, mengatakan setiap titik dibatasi kecepatannya dan situs judi serta konten dewasa diblokir.",
            "Pemkot juga melatih pengurus RW agar bisa melaporkan gangguan jaringan melalui kanal pengaduan resmi.",
            "\"Balai RW ramai lagi sore hari, anak-anak belajar kelompok di sana,\" ujar Yuliani saat ditemui di Balai Kota Kediri, Kamis.",
        ],
    ),
    dict(
        id="detik-sulsel-01", template="detik", host="www.detik.com", path="/sulsel/berita/d-7012456/makassar-tambah-armada-bus-kota-listrik",
        title="Makassar Tambah 15 Armada Bus Kota Listrik Tahun Ini", place="Makassar", author="Muh Ishak Agus",
        date="2023-11-02T09:40", zone="WITA",
        paras=[
            "Pemerintah Kota Makassar menambah 15 bus listrik untuk melayani koridor baru dari Terminal Daya menuju kawasan Pantai Losari.",
            "Kepala Dinas Perhubungan Makassar, Zulkifli Rahman, mengatakan penambahan armada diharapkan memangkas waktu tunggu penumpang yang saat ini bisa mencapai setengah jam.",
            "Penumpang membayar dengan kartu elektronik atau kode QR, sementara posisi bus dapat dipantau melalui aplikasi.",
            "\"Tarif tetap Rp4.600 sekali jalan, pelajar dan lansia mendapat potongan,\" kata Zulkifli di Makassar, Kamis.",
        ],
    ),
    dict(
        id="detik-bali-01", template="detik", host="www.detik.com", path="/bali/berita/d-7245633/badung-tertibkan-vila-ilegal-lewat-data-satelit",
        title="Badung Tertibkan Vila Ilegal Lewat Pencocokan Data Satelit", place="Badung", author="Ni Made Lastri",
        date="2024-03-19T17:20", zone="WITA",
        paras=[
            "Pemerintah Kabupaten Badung mencocokkan citra satelit dengan data perizinan untuk menemukan vila yang beroperasi tanpa izin dan tidak membayar pajak hotel.",
            "Kepala Badan Pendapatan Daerah Badung, I Ketut Arsana, mengatakan dari pencocokan awal ditemukan lebih dari 300 bangunan yang disewakan harian tetapi tidak terdaftar.",
            "Pemilik vila diberi waktu dua bulan untuk mengurus izin melalui layanan perizinan daring sebelum penertiban dilakukan.",
            "\"Kami tidak ingin mematikan usaha warga, hanya meminta semuanya tercatat dan berkontribusi,\" kata Arsana di Mangupura, Selasa.",
        ],
    ),
    dict(
        id="detik-jabar-01", template="detik", host="www.detik.com", path="/jabar/berita/d-7530981/banjir-rendam-ratusan-rumah-di-dayeuhkolot",
        title="Banjir Rendam Ratusan Rumah di Dayeuhkolot Bandung", place="Bandung", author="Wisma Putra",
        date="2024-12-11T06:45", zone="WIB",
        paras=[
            "Banjir kembali merendam ratusan rumah di Kecamatan Dayeuhkolot, Kabupaten Bandung, setelah hujan deras mengguyur kawasan Bandung selatan sejak Selasa sore.",
            "Ketinggian air di permukiman dekat aliran Sungai Citarum mencapai satu meter, memaksa sebagian warga mengungsi ke masjid dan gedung sekolah.",
            "Petugas gabungan mengerahkan perahu karet untuk mengevakuasi lansia dan anak-anak dari rumah yang terendam.",
            "\"Air mulai naik sekitar jam dua pagi, kami hanya sempat menyelamatkan surat-surat penting,\" kata Dedi, warga Dayeuhkolot, Rabu.",
        ],
    ),
    # ---------------------------------------------------------------- Kompas
    dict(
        id="kompas-01", template="kompas", host="regional.kompas.com", path="/read/2022/10/20/153000878/bogor-terapkan-tanda-tangan-elektronik-untuk-izin-usaha",
        title="Bogor Terapkan Tanda Tangan Elektronik untuk Izin Usaha", place="Bogor", author="Afdhalul Ikhsan",
        date="2022-10-20T15:30", zone="WIB",
        paras=[
            "Pemerintah Kota Bogor menerapkan tanda tangan elektronik untuk seluruh dokumen izin usaha sehingga pemohon tidak perlu lagi datang ke kantor hanya untuk mengambil berkas.",
            "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Bogor, Hana Rosalina, mengatakan dokumen yang sudah ditandatangani langsung dikirim ke surel pemohon.",
            "Menurut Hana, waktu penyelesaian izin rata-rata turun dari lima hari kerja menjadi dua hari sejak sistem itu dipakai.",
            "\"Keaslian dokumen bisa dicek siapa saja lewat kode QR yang tercetak di setiap halaman,\" ujar Hana saat dikonfirmasi, Kamis.",
        ],
    ),
    dict(
        id="kompas-02", template="kompas", host="megapolitan.kompas.com", path="/read/2023/04/05/091500127/bekasi-tambah-pos-pemantau-banjir-berbasis-sensor",
        title="Bekasi Tambah Pos Pemantau Banjir Berbasis Sensor", place="Bekasi", author="Joy Andre",
        date="2023-04-05T09:15", zone="WIB",
        paras=[
            "Pemerintah Kota Bekasi menambah delapan pos pemantau banjir berbasis sensor di sepanjang Kali Bekasi menjelang puncak musim hujan.",
            "Kepala Dinas Sumber Daya Air Kota Bekasi, Arief Maulana, mengatakan setiap pos mengirim data ketinggian air ke ruang kendali dan ditampilkan di laman publik.",
            "Warga bisa memantau status siaga sebelum memutuskan memindahkan kendaraan atau barang ke tempat yang lebih tinggi.",
            "\"Tahun lalu peringatan sering terlambat karena petugas harus membaca papan ukur secara manual,\" kata Arief, Rabu.",
        ],
    ),
    dict(
        id="kompas-03", template="kompas", host="regional.kompas.com", path="/read/2023/09/14/201500478/pedagang-pasar-terapung-lok-baintan-mulai-terima-qris",
        title="Pedagang Pasar Terapung Lok Baintan Mulai Terima QRIS", place="Banjar", author="Andi Muttya Keteng",
        date="2023-09-14T20:15", zone="WITA",
        paras=[
            "Sebagian pedagang di Pasar Terapung Lok Baintan, Kabupaten Banjar, mulai menerima pembayaran dengan QRIS untuk melayani wisatawan yang jarang membawa uang tunai.",
            "Kode QR ditempel di sisi jukung dan dibungkus plastik agar tidak rusak terkena air sungai.",
            "Seorang pedagang buah, Hajjah Masitah, mengaku penjualannya kepada rombongan wisatawan naik sejak bisa menerima pembayaran digital.",
            "\"Dulu banyak yang batal beli karena uangnya habis, sekarang tinggal pindai,\" kata Masitah sambil mendayung jukungnya, Kamis pagi.",
        ],
    ),
    dict(
        id="kompas-04", template="kompas", host="tekno.kompas.com", path="/read/2024/05/27/110500735/pusat-data-nasional-dipindah-ke-cikarang",
        title="Pusat Data Nasional Tahap Pertama Beroperasi di Cikarang", place="Jakarta", author="Galuh Putri Riyanto",
        date="2024-05-27T11:05", zone="WIB",
        paras=[
            "Pusat Data Nasional tahap pertama di kawasan industri Cikarang mulai beroperasi dan akan menampung layanan digital kementerian serta pemerintah daerah secara bertahap.",
            "Pejabat kementerian yang menangani proyek itu, Tommy Hasibuan, mengatakan migrasi dilakukan per layanan agar tidak ada gangguan bagi pengguna.",
            "Pemerintah daerah yang selama ini menyewa server sendiri diminta menyusun daftar aplikasi dan data yang akan dipindahkan.",
            "\"Cadangan data disimpan di lokasi berbeda sehingga satu gangguan tidak melumpuhkan semua layanan,\" ujar Tommy di Jakarta, Senin.",
        ],
    ),
    dict(
        id="kompas-05", template="kompas", host="regional.kompas.com", path="/read/2025/02/03/183000211/kecelakaan-beruntun-di-tol-semarang-solo",
        title="Kecelakaan Beruntun di Tol Semarang-Solo, Lima Orang Luka", place="Semarang", author="Titis Anis Fauziyah",
        date="2025-02-03T18:30", zone="WIB",
        paras=[
            "Kecelakaan beruntun melibatkan empat kendaraan terjadi di ruas Tol Semarang-Solo kilometer 452 arah Solo, Senin siang.",
            "Kepala Satuan Lalu Lintas setempat, Ajun Komisaris Polisi Rudi Hartono, mengatakan kecelakaan bermula ketika sebuah truk bermuatan semen gagal mengerem di jalan menurun.",
            "Lima orang mengalami luka ringan dan dibawa ke rumah sakit terdekat, sementara arus lalu lintas sempat tersendat hampir dua jam.",
            "\"Kami mengimbau pengemudi kendaraan berat memeriksa rem sebelum memasuki ruas menurun,\" kata Rudi saat dihubungi, Senin.",
        ],
    ),
    # ---------------------------------------------------------------- Tribun
    dict(
        id="tribun-jateng-01", template="tribun", host="jateng.tribunnews.com", path="/2022/12/01/semarang-hadirkan-lampu-lalu-lintas-pintar",
        title="Semarang Hadirkan Lampu Lalu Lintas Pintar di 12 Simpang", place="Semarang", author="Rahdyan Trijoko Pamungkas",
        date="2022-12-01T14:05", zone="WIB", brand="TRIBUNJATENG.COM",
        paras=[
            "Pemerintah Kota Semarang memasang lampu lalu lintas pintar yang durasinya menyesuaikan panjang antrean kendaraan di 12 simpang padat.",
            "Kepala Dinas Perhubungan Kota Semarang, Eko Prasetyo, mengatakan kamera di setiap simpang menghitung kendaraan lalu mengirimkan datanya ke pusat kendali.",
            "Menurut Eko, uji coba di simpang Kalibanteng memangkas panjang antrean pada jam sibuk pagi hingga sepertiga.",
            "\"Pengendara tidak perlu lagi menunggu lampu merah lama saat arah lain kosong,\" kata Eko, Kamis.",
        ],
    ),
    dict(
        id="tribun-timur-01", template="tribun", host="makassar.tribunnews.com", path="/2023/07/19/pemkot-makassar-luncurkan-aplikasi-lapor-sampah",
        title="Pemkot Makassar Luncurkan Aplikasi Lapor Sampah Liar", place="Makassar", author="Siti Aminah",
        date="2023-07-19T10:30", zone="WITA", brand="TRIBUN-TIMUR.COM",
        paras=[
            "Pemerintah Kota Makassar meluncurkan aplikasi untuk melaporkan tumpukan sampah liar lengkap dengan foto dan titik lokasi.",
            "Kepala Dinas Lingkungan Hidup Makassar, Ferdy Mochtar, mengatakan setiap laporan diteruskan ke petugas kecamatan dan harus ditangani paling lambat dua hari.",
            "Warga dapat memantau status laporannya, mulai dari diterima, dikerjakan, hingga selesai dengan foto bukti.",
            "\"Laporan yang masuk juga membantu kami memetakan titik yang perlu dipasangi kamera pengawas,\" ujar Ferdy, Rabu.",
        ],
    ),
    dict(
        id="tribun-banten-01", template="tribun", host="banten.tribunnews.com", path="/2024/02/08/serang-gelar-pasar-murah-jelang-ramadan",
        title="Serang Gelar Pasar Murah Jelang Ramadan di Enam Kecamatan", place="Serang", author="Ahmad Tajudin",
        date="2024-02-08T16:45", zone="WIB", brand="TRIBUNBANTEN.COM",
        paras=[
            "Pemerintah Kota Serang menggelar pasar murah di enam kecamatan menjelang Ramadan untuk menahan kenaikan harga beras dan minyak goreng.",
            "Kepala Dinas Perindustrian dan Perdagangan Kota Serang, Wahyu Hidayat, mengatakan setiap warga dapat membeli paling banyak lima kilogram beras dengan harga di bawah pasar.",
            "Antrean mengular sejak pagi di halaman kantor Kecamatan Walantaka, tempat pasar murah pertama digelar.",
            "\"Stok kami siapkan cukup, warga tidak perlu berebut,\" kata Wahyu di Serang, Kamis.",
        ],
    ),
    dict(
        id="tribun-jabar-01", template="tribun", host="jabar.tribunnews.com", path="/2024/10/22/sumedang-digitalisasi-data-stunting-hingga-posyandu",
        title="Sumedang Digitalisasi Data Stunting hingga ke Posyandu", place="Sumedang", author="Kiki Andriana",
        date="2024-10-22T12:10", zone="WIB", brand="TRIBUNJABAR.ID",
        paras=[
            "Pemerintah Kabupaten Sumedang mencatat hasil penimbangan balita di seluruh posyandu langsung ke aplikasi sehingga data stunting bisa dipantau setiap bulan.",
            "Kepala Dinas Kesehatan Sumedang, Uu Sunarya, mengatakan kader posyandu dilatih memakai tablet dan mendapat pulsa data dari anggaran desa.",
            "Data itu dipakai untuk menentukan keluarga mana yang lebih dulu menerima bantuan makanan tambahan dan kunjungan bidan.",
            "\"Dulu rekap manual baru sampai ke kabupaten tiga bulan kemudian, sekarang hitungan hari,\" kata Uu, Selasa.",
        ],
    ),
    dict(
        id="tribun-jatim-multi", template="tribun", host="jatim.tribunnews.com", path="/2025/06/16/malang-uji-coba-sekolah-digital-di-30-sd",
        title="Malang Uji Coba Sekolah Digital di 30 SD Negeri", place="Malang", author="Purwanto",
        date="2025-06-16T09:00", zone="WIB", brand="TRIBUNJATIM.COM", pages=3,
        paras=[
            "Pemerintah Kota Malang menguji coba program sekolah digital di 30 sekolah dasar negeri mulai tahun ajaran baru.",
            "Kepala Dinas Pendidikan dan Kebudayaan Kota Malang, Suwarjana Widodo, mengatakan setiap sekolah mendapat perangkat proyektor, jaringan internet dan akun platform belajar.",
            "Guru juga mengikuti pelatihan selama dua pekan agar tidak sekadar memindahkan buku ke layar.",
            "Menurut Suwarjana, pemilihan sekolah mempertimbangkan kesiapan listrik, jumlah murid dan kemauan kepala sekolah untuk mencoba cara baru.",
            "Orang tua murid menyambut baik program itu, meski sebagian khawatir anak terlalu lama menatap layar.",
            "\"Kami atur agar pemakaian layar tidak lebih dari sepertiga jam pelajaran,\" kata Suwarjana, Senin.",
            "Hasil uji coba akan dievaluasi pada akhir semester sebelum diperluas ke sekolah lain.",
            "Pemkot menyiapkan anggaran tambahan untuk perawatan perangkat agar tidak cepat rusak seperti program serupa sebelumnya.",
            "Dinas juga membuka kanal pengaduan bagi orang tua yang menemukan kendala selama uji coba berlangsung.",
        ],
    ),
    # ---------------------------------------------------------------- Liputan6
    dict(
        id="liputan6-01", template="liputan6", host="www.liputan6.com", path="/regional/read/5112345/bekasi-buka-mal-pelayanan-publik-kedua",
        title="Bekasi Buka Mal Pelayanan Publik Kedua di Bantargebang", place="Bekasi", author="Bam Sinulingga",
        date="2022-11-24T19:35", zone="WIB",
        paras=[
            "Pemerintah Kota Bekasi membuka mal pelayanan publik kedua di Bantargebang agar warga di wilayah timur tidak perlu menempuh perjalanan jauh ke pusat kota.",
            "Di gedung itu warga bisa mengurus kartu identitas, perizinan usaha, pajak kendaraan hingga layanan BPJS dalam satu atap.",
            "Kepala Dinas Penanaman Modal dan PTSP Kota Bekasi, Lina Marlina, mengatakan sebagian layanan juga bisa dipesan jadwalnya lewat aplikasi.",
            "\"Mal pertama di pusat kota sudah terlalu padat, rata-rata dua ribu pengunjung per hari,\" kata Lina, Kamis.",
        ],
    ),
    dict(
        id="liputan6-02", template="liputan6", host="www.liputan6.com", path="/regional/read/5398710/kupang-bangun-instalasi-air-bersih-tenaga-surya",
        title="Kupang Bangun Instalasi Air Bersih Bertenaga Surya", place="Kupang", author="Ola Keda",
        date="2023-09-05T14:20", zone="WITA",
        paras=[
            "Pemerintah Kota Kupang membangun instalasi pengolahan air bersih bertenaga surya di dua kelurahan yang selama ini mengandalkan air tangki.",
            "Kepala Dinas Pekerjaan Umum Kota Kupang, Yanto Lay, mengatakan panel surya menggerakkan pompa sumur bor pada siang hari dan airnya ditampung di menara.",
            "Warga membayar iuran bulanan yang jauh lebih murah dibanding membeli air tangki setiap pekan.",
            "\"Musim kemarau panjang membuat biaya air menghabiskan sebagian besar penghasilan keluarga,\" ujar Yanto, Selasa.",
        ],
    ),
    dict(
        id="liputan6-03", template="liputan6", host="www.liputan6.com", path="/news/read/5760022/ratusan-warga-ikut-lomba-lari-di-monas",
        title="Ribuan Pelari Ramaikan Lomba Lari Amal di Kawasan Monas", place="Jakarta", author="Ika Defianti",
        date="2024-06-30T08:10", zone="WIB",
        paras=[
            "Ribuan pelari mengikuti lomba lari amal sejauh sepuluh kilometer yang mengambil rute di sekitar kawasan Monumen Nasional, Minggu pagi.",
            "Panitia mencatat lebih dari empat ribu peserta dari berbagai komunitas lari dan hasil pendaftaran akan disumbangkan untuk pengobatan anak penderita kanker.",
            "Sejumlah ruas jalan ditutup sementara sejak pukul lima pagi dan kembali dibuka menjelang pukul sembilan.",
            "\"Ini pertama kali saya ikut lari sepuluh kilometer, capek tapi senang bisa ikut menyumbang,\" kata Rara, salah satu peserta.",
        ],
    ),
    # ---------------------------------------------------------------- CNN Indonesia
    dict(
        id="cnn-01", template="cnn", host="www.cnnindonesia.com", path="/nasional/20221110143022-20-872211/pemerintah-siapkan-aturan-pusat-data-daerah",
        title="Pemerintah Siapkan Aturan Penggabungan Pusat Data Daerah", place="Jakarta", author=None,
        date="2022-11-10T14:30", zone="WIB",
        paras=[
            "Pemerintah tengah menyiapkan aturan yang mewajibkan pemerintah daerah memindahkan pusat data mandiri ke fasilitas bersama milik negara secara bertahap.",
            "Kepala Biro Hukum kementerian terkait, Andreas Simanjuntak, mengatakan rancangan aturan itu sudah dibahas dengan perwakilan asosiasi pemerintah provinsi dan kabupaten.",
            "Menurut dia, banyak daerah mengeluarkan biaya besar untuk pendingin ruangan dan listrik server yang sebenarnya jarang terpakai penuh.",
            "\"Daerah tetap memiliki datanya, hanya tempat penyimpanannya yang dipindah,\" ujar Andreas di Jakarta, Kamis.",
        ],
    ),
    dict(
        id="cnn-02", template="cnn", host="www.cnnindonesia.com", path="/ekonomi/20230822101512-92-989123/transaksi-qris-di-daerah-naik-dua-kali-lipat",
        title="Transaksi QRIS di Daerah Naik Dua Kali Lipat dalam Setahun", place="Jakarta", author=None,
        date="2023-08-22T10:15", zone="WIB",
        paras=[
            "Nilai transaksi pembayaran dengan QRIS di luar Jawa naik lebih dari dua kali lipat dalam setahun terakhir seiring bertambahnya pedagang kecil yang terdaftar.",
            "Deputi Gubernur bank sentral, Wulan Sasmita, mengatakan kenaikan terbesar datang dari pasar tradisional dan tempat wisata di Sulawesi dan Nusa Tenggara.",
            "Pemerintah daerah juga mulai menerima pembayaran retribusi pasar dan parkir melalui kode QR sehingga setoran lebih mudah diawasi.",
            "\"Tantangannya tinggal jaringan seluler di daerah terpencil yang belum stabil,\" kata Wulan di Jakarta, Selasa.",
        ],
    ),
    dict(
        id="cnn-03", template="cnn", host="www.cnnindonesia.com", path="/nasional/20250415093011-20-1218800/gempa-magnitudo-5-guncang-maluku-tengah",
        title="Gempa Magnitudo 5,1 Guncang Maluku Tengah, Warga Berhamburan", place="Ambon", author=None,
        date="2025-04-15T09:30", zone="WIT",
        paras=[
            "Gempa berkekuatan magnitudo 5,1 mengguncang wilayah Maluku Tengah pada Selasa pagi dan membuat warga di sejumlah desa berhamburan keluar rumah.",
            "Badan Meteorologi, Klimatologi, dan Geofisika mencatat pusat gempa berada di laut pada kedalaman sepuluh kilometer dan tidak berpotensi tsunami.",
            "Petugas badan penanggulangan bencana setempat masih mendata kemungkinan kerusakan bangunan di desa-desa pesisir.",
            "\"Guncangannya cukup keras sampai lemari bergeser, kami langsung lari ke lapangan,\" kata Yance, warga Masohi.",
        ],
    ),
    # ---------------------------------------------------------------- Republika
    dict(
        id="republika-01", template="republika", host="www.republika.co.id", path="/berita/rkd3a1330/depok-integrasikan-layanan-pengaduan-warga",
        title="Depok Integrasikan Kanal Pengaduan Warga dalam Satu Aplikasi", place="Depok", author="Rusdy Nurdiansyah",
        date="2022-12-15T12:40", zone="WIB",
        paras=[
            "Pemerintah Kota Depok menggabungkan seluruh kanal pengaduan warga, mulai dari pesan singkat hingga media sosial, ke dalam satu aplikasi.",
            "Kepala Dinas Komunikasi dan Informatika Depok, Manto Jorghi, mengatakan selama ini aduan yang sama sering masuk ke beberapa dinas sekaligus tanpa ada yang menindaklanjuti.",
            "Setiap aduan kini mendapat nomor tiket dan batas waktu penyelesaian yang bisa dipantau pelapor.",
            "\"Kinerja perangkat daerah akan dinilai dari kecepatan menuntaskan aduan,\" kata Manto, Kamis.",
        ],
    ),
    dict(
        id="republika-02", template="republika", host="www.republika.co.id", path="/berita/s2k9d8451/padang-pasang-sirene-peringatan-tsunami-baru",
        title="Padang Pasang Lima Sirene Peringatan Tsunami Baru", place="Padang", author="Febrian Fachri",
        date="2023-10-26T15:55", zone="WIB",
        paras=[
            "Pemerintah Kota Padang memasang lima sirene peringatan dini tsunami baru di kawasan pantai yang padat penduduk.",
            "Kepala Pelaksana Badan Penanggulangan Bencana Daerah Kota Padang, Endre Putra, mengatakan sirene tersambung ke pusat pengendalian operasi dan diuji setiap tanggal 26.",
            "Pemasangan sirene disertai pembaruan rambu jalur evakuasi dan titik kumpul di gedung-gedung tinggi.",
            "\"Warga kami minta tidak panik saat uji bunyi bulanan, tetapi menghafal jalur evakuasi terdekat,\" kata Endre, Kamis.",
        ],
    ),
    dict(
        id="republika-03", template="republika", host="www.republika.co.id", path="/berita/t1a7b2290/harga-cabai-rawit-naik-di-pasar-yogyakarta",
        title="Harga Cabai Rawit Naik Tajam di Pasar Yogyakarta", place="Yogyakarta", author="Wahyu Suryana",
        date="2025-01-09T11:10", zone="WIB",
        paras=[
            "Harga cabai rawit merah di sejumlah pasar tradisional Yogyakarta naik hingga Rp90 ribu per kilogram akibat pasokan dari petani berkurang karena hujan.",
            "Pedagang di Pasar Beringharjo, Suminah, mengatakan pembeli kini hanya membeli seperempat kilogram, jauh lebih sedikit dari biasanya.",
            "Dinas perdagangan setempat memantau harga setiap hari dan berencana menggelar operasi pasar jika kenaikan berlanjut.",
            "\"Hujan terus, banyak cabai busuk di pohon sebelum dipetik,\" kata Suminah, Kamis.",
        ],
    ),
    # ---------------------------------------------------------------- Tempo
    dict(
        id="tempo-01", template="tempo", host="www.tempo.co", path="/arsip/balikpapan-terapkan-e-retribusi-pasar-1001234",
        title="Balikpapan Terapkan E-Retribusi di Seluruh Pasar Tradisional", place="Balikpapan", author="Sapri Maulana",
        date="2023-03-09T13:35", zone="WITA",
        paras=[
            "Pemerintah Kota Balikpapan menerapkan retribusi elektronik di seluruh pasar tradisional sehingga pedagang membayar sewa los melalui kode QR atau transfer bank.",
            "Kepala Dinas Koperasi, Usaha Mikro dan Perindustrian Balikpapan, Heruny Nuriana, mengatakan penerimaan retribusi naik karena tidak ada lagi setoran yang tercecer.",
            "Pedagang mendapat bukti pembayaran digital yang bisa ditunjukkan saat pemeriksaan.",
            "\"Petugas pungut tetap ada, tetapi tugasnya sekarang membantu pedagang yang belum punya rekening,\" ujar Heruny, Kamis.",
        ],
    ),
    dict(
        id="tempo-02", template="tempo", host="www.tempo.co", path="/politik/rapat-anggaran-dprd-molor-hingga-dini-hari-1109876",
        title="Rapat Anggaran DPRD Molor hingga Dini Hari", place="Jakarta", author="Hendrik Yaputra",
        date="2024-11-28T23:40", zone="WIB",
        paras=[
            "Rapat paripurna pengesahan rancangan anggaran daerah di sebuah DPRD provinsi molor hingga dini hari karena fraksi-fraksi belum sepakat soal alokasi dana hibah.",
            "Beberapa anggota dewan sempat meninggalkan ruang sidang dan rapat diskors dua kali sebelum akhirnya kuorum terpenuhi.",
            "Pengamat kebijakan publik menilai pembahasan anggaran yang selalu mepet tenggat membuat pengawasan terhadap belanja daerah menjadi lemah.",
            "\"Publik hampir tidak punya waktu membaca dokumen anggaran sebelum disahkan,\" kata pengamat itu, Kamis malam.",
        ],
    ),
    # ---------------------------------------------------------------- regional WordPress portals
    dict(
        id="tangerangnews-01", template="wordpress", host="www.tangerangnews.com", path="/kota-tangerang/read/41230/Pemkot-Tangerang-Pasang-Sensor-Banjir-di-Cisadane",
        title="Pemkot Tangerang Pasang Sensor Banjir di Bantaran Cisadane", place="Tangerang", author="Mohamad Romli",
        date="2023-01-12T16:25", zone="WIB", brand="TangerangNews", date_mode="meta_utc",
        paras=[
            "Pemerintah Kota Tangerang memasang sensor ketinggian air di empat titik bantaran Sungai Cisadane untuk mempercepat peringatan banjir kepada warga.",
            "Kepala Bidang Kedaruratan BPBD Kota Tangerang, Ghufron Falfeli, mengatakan data sensor terhubung ke Tangerang Command Center yang memantau kondisi kota selama 24 jam.",
            "Jika air melewati batas siaga, petugas langsung mengirim pesan ke grup warga di kelurahan terdampak.",
            "\"Warga di Kampung Sewan dan Neglasari paling sering terdampak luapan Cisadane,\" kata Ghufron, Kamis.",
        ],
    ),
    dict(
        id="bantennews-01", template="wordpress", host="www.bantennews.co.id", path="/cilegon-siapkan-ruang-kendali-kota-pintar/",
        title="Cilegon Siapkan Ruang Kendali Kota Pintar di Gedung Setda", place="Cilegon", author="Iyus Lesmana",
        date="2023-05-30T10:05", zone="WIB", brand="BantenNews.co.id", date_mode="jsonld",
        paras=[
            "Pemerintah Kota Cilegon menyiapkan ruang kendali kota pintar di lantai tiga Gedung Sekretariat Daerah yang akan memantau lalu lintas, keamanan dan aduan warga.",
            "Kepala Dinas Komunikasi, Informatika, Sandi dan Statistik Cilegon, Hendri Gunawan, mengatakan ruang itu menampilkan tayangan 60 kamera pengawas dan data layanan publik.",
            "Pembangunan ruang kendali masuk dalam rencana induk kota pintar yang disusun bersama pendamping dari pemerintah pusat.",
            "\"Targetnya beroperasi penuh sebelum akhir tahun dan dijaga petugas bergiliran,\" ujar Hendri, Selasa.",
        ],
    ),
    dict(
        id="jubi-01", template="wordpress", host="jubi.id", path="/tanah-papua/merauke-bagikan-benih-padi-kepada-petani-lokal/",
        title="Merauke Bagikan Benih Padi Unggul kepada Petani Lokal", place="Merauke", author="Frans Kobogau",
        date="2024-04-17T14:00", zone="WIT", brand="Jubi", date_mode="visible",
        paras=[
            "Pemerintah Kabupaten Merauke membagikan benih padi unggul kepada kelompok tani lokal di tiga distrik menjelang musim tanam.",
            "Kepala Dinas Tanaman Pangan Merauke, Yosep Gebze, mengatakan setiap kelompok juga mendapat pendampingan penyuluh selama satu musim.",
            "Menurut dia, produktivitas sawah petani lokal masih tertinggal karena benih yang dipakai sudah turun-temurun.",
            "\"Kami ingin anak-anak petani asli Merauke melihat bertani itu menguntungkan,\" kata Yosep di Merauke, Rabu.",
        ],
    ),
    dict(
        id="beritajatim-01", template="wordpress", host="beritajatim.com", path="/pemerintahan/banyuwangi-perluas-layanan-smart-kampung-ke-desa-terpencil/",
        title="Banyuwangi Perluas Layanan Smart Kampung ke Desa Terpencil", place="Banyuwangi", author="Rindi Suwito",
        date="2025-08-05T11:50", zone="WIB", brand="beritajatim.com", date_mode="meta_utc",
        paras=[
            "Pemerintah Kabupaten Banyuwangi memperluas program Smart Kampung ke desa-desa terpencil di kawasan selatan yang sebelumnya belum terjangkau internet.",
            "Kepala Dinas Komunikasi, Informatika dan Persandian Banyuwangi, Budi Santoso, mengatakan kantor desa kini bisa menerbitkan surat keterangan secara daring.",
            "Warga tidak lagi harus menempuh perjalanan dua jam ke kantor kecamatan hanya untuk mengurus surat pengantar.",
            "\"Jaringan kami pasang bersama operator seluler dengan skema berbagi menara,\" kata Budi, Selasa.",
        ],
    ),
    # ---------------------------------------------------------------- government portals (.go.id)
    dict(
        id="bekasikota-01", template="gov", host="www.bekasikota.go.id", path="/detail/wali-kota-bekasi-resmikan-command-center-baru",
        title="Wali Kota Bekasi Resmikan Command Center Baru", place="Kota Bekasi", author=None,
        date="2022-10-10T09:30", zone="WIB", brand="Pemerintah Kota Bekasi",
        paras=[
            "Wali Kota Bekasi meresmikan gedung command center baru yang memantau tayangan ratusan kamera pengawas, aduan warga dan kondisi lalu lintas di seluruh kecamatan.",
            "Dalam sambutannya, wali kota meminta seluruh perangkat daerah memanfaatkan data dari command center untuk mengambil keputusan lebih cepat.",
            "Kepala Dinas Komunikasi dan Informatika Kota Bekasi menjelaskan ruang kendali itu dijaga petugas secara bergiliran selama 24 jam.",
            "Pemerintah Kota Bekasi juga menyiapkan layanan darurat terpadu melalui nomor 112 yang terhubung langsung ke ruang tersebut.",
        ],
    ),
    dict(
        id="makassarkota-01", template="gov", host="makassarkota.go.id", path="/berita/2023/08/14/pemkot-makassar-gelar-pelatihan-literasi-digital",
        title="Pemkot Makassar Gelar Pelatihan Literasi Digital bagi Pelaku UMKM", place="Makassar", author=None,
        date="2023-08-14T10:00", zone="WITA", brand="Pemerintah Kota Makassar",
        paras=[
            "Pemerintah Kota Makassar melalui Dinas Komunikasi dan Informatika menggelar pelatihan literasi digital bagi ratusan pelaku usaha mikro di Gedung Balai Kota.",
            "Peserta diajari membuat katalog produk daring, memotret barang dagangan dengan ponsel dan mengenali modus penipuan transaksi.",
            "Kepala Bidang Aplikasi Informatika menyampaikan pelatihan serupa akan digelar di setiap kecamatan secara bergiliran.",
            "Peserta yang lulus mendapat pendampingan untuk mendaftar di katalog elektronik pengadaan pemerintah daerah.",
        ],
    ),
    dict(
        id="jayapurakota-01", template="gov", host="jayapurakota.go.id", path="/berita/2024/01/25/pemkot-jayapura-luncurkan-layanan-kependudukan-keliling",
        title="Pemkot Jayapura Luncurkan Layanan Kependudukan Keliling", place="Jayapura", author=None,
        date="2024-01-25T00:00", zone="WIT", brand="Pemerintah Kota Jayapura", date_mode="url_only",
        paras=[
            "Pemerintah Kota Jayapura meluncurkan layanan kependudukan keliling menggunakan mobil yang dilengkapi perangkat perekaman data dan cetak dokumen.",
            "Mobil layanan akan berkeliling ke kampung-kampung di Distrik Muara Tami dan Heram yang jauh dari kantor dinas.",
            "Warga dapat merekam data kartu tanda penduduk elektronik, mengurus akta kelahiran dan memperbarui kartu keluarga di tempat.",
            "Dinas Kependudukan dan Pencatatan Sipil menjadwalkan kunjungan ke setiap kampung paling sedikit dua kali dalam sebulan.",
        ],
    ),
    dict(
        id="tangerangkota-01", template="gov", host="tangerangkota.go.id", path="/berita/detail/38812/pemkot-tangerang-raih-penghargaan-smart-city",
        title="Pemkot Tangerang Raih Penghargaan Kota Cerdas Kategori Tata Kelola", place="Tangerang", author=None,
        date="2025-11-20T15:00", zone="WIB", brand="Pemerintah Kota Tangerang", date_mode="visible_numeric",
        paras=[
            "Pemerintah Kota Tangerang meraih penghargaan kota cerdas untuk kategori tata kelola pemerintahan dalam ajang penilaian tingkat nasional.",
            "Penghargaan diterima Sekretaris Daerah Kota Tangerang mewakili wali kota dalam acara yang digelar di Jakarta.",
            "Penilaian mencakup keterpaduan aplikasi layanan publik, pemanfaatan data dalam perencanaan dan partisipasi warga melalui kanal aduan.",
            "Sekretaris daerah menyampaikan penghargaan itu menjadi pemacu untuk memperbaiki layanan yang masih dikeluhkan warga.",
        ],
    ),
]

# One page whose whole body appears twice, with a COPYRIGHT footer after each copy (issue #4).
DOUBLE = dict(
    id="antara-double", template="antara_double", host="kaltim.antaranews.com", path="/berita/199870/samarinda-perbaiki-drainase-di-kawasan-langganan-banjir",
    title="Samarinda perbaiki drainase di kawasan langganan banjir", place="Samarinda", author="Arumanto Wibisono",
    date="2023-12-05T17:05", zone="WITA", date_mode="jsonld",
    paras=[
        "Pemerintah Kota Samarinda memperbaiki saluran drainase di kawasan Simpang Sempaja yang hampir selalu tergenang setiap hujan deras.",
        "Kepala Dinas Pekerjaan Umum dan Penataan Ruang Samarinda, Desy Damayanti, mengatakan saluran lama terlalu sempit dan banyak tertutup bangunan liar.",
        "Perbaikan meliputi pelebaran saluran, pembangunan kolam retensi kecil dan pemasangan pompa di titik terendah.",
        "\"Setelah selesai, genangan diharapkan surut dalam hitungan jam, bukan lagi berhari-hari,\" kata Desy di Samarinda, Selasa.",
    ],
)

# An English page of an Indonesian outlet: stored and marked, not tagged.
ENGLISH = dict(
    id="antara-en-01", template="antara_en", host="en.antaranews.com", path="/news/280011/bandung-expands-free-public-wifi-to-city-parks",
    title="Bandung expands free public Wi-Fi to city parks", place="Bandung", author="Nabil Ihsan",
    date="2023-04-12T18:20", zone="WIB",
    paras=[
        "The Bandung city government has extended its free public Wi-Fi network to 40 city parks as part of a plan to make public spaces more useful for students and small traders.",
        "Head of the city's communication and informatics office, Yudhi Permana, said each access point is limited in speed and filters gambling and adult websites.",
        "He said visitors to the parks had long asked for internet access, especially in the evenings when the parks are busiest.",
        "\"We want parks to be places where young people can study and sell their products online,\" Permana said on Wednesday.",
    ],
)
