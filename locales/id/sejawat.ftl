# Sejawat — katalog Bahasa Indonesia. Setiap kunci di sini juga harus ada di locales/en/sejawat.ftl.
# Teks polos saja (tanpa HTML/Markdown): kata-kata siswa disisipkan apa adanya.

## Menu perintah
cmd-start = Mulai atau lanjutkan meminta dukungan
cmd-help = Apa yang dilakukan bot ini dan cara memakainya
cmd-cancel = Hentikan yang sedang kamu lakukan
cmd-back = Kembali satu langkah

## Tombol
btn-back = ◀ Kembali
btn-continue = Lanjutkan yang tadi
btn-start-over = Mulai dari awal
btn-consent-yes = Aku mengerti, lanjut
btn-consent-no = Tidak, terima kasih
btn-lang-id = Bahasa Indonesia
btn-lang-en = English
btn-feeling-1 = 1 😣
btn-feeling-2 = 2 🙁
btn-feeling-3 = 3 😐
btn-feeling-4 = 4 🙂
btn-feeling-5 = 5 😊
btn-name-keep = Pakai nama ini
btn-name-another = Beri nama lain
btn-confirm = ✅ Kirim permintaanku
btn-edit = ✏️ Ubah sesuatu
btn-edit-topic = Topik
btn-edit-description = Apa yang terjadi
btn-edit-feeling = Perasaanku
btn-edit-name = Namaku di obrolan

## Topik
topic-academic = Tekanan akademik
topic-anxiety = Cemas dan khawatir
topic-low_mood = Suasana hati sedang turun
topic-family = Keluarga atau hubungan
topic-bullying = Perundungan (bullying)
topic-loneliness = Kesepian
topic-other = Hal lain

## Intake
intake-welcome =
    Hai, selamat datang di { $program } 👋

    Di sini kamu bisa ngobrol dengan pendamping sebaya yang sudah dilatih: sesama pelajar yang mendengarkan tanpa menghakimi. Pendampingmu tidak akan melihat namamu atau akun Telegram-mu.

    Mohon pahami apa layanan ini dan apa yang bukan:
    • Ini dukungan sebaya, bukan terapi atau konseling.
    • Ini bukan layanan darurat. Kalau kamu dalam bahaya atau mungkin menyakiti diri sendiri, hubungi sekarang:
    { $resources }
intake-consent = Apakah kamu mengerti dan mau lanjut?
intake-declined =
    Tidak apa-apa. Kamu bisa kembali kapan saja dengan mengirim /start.

    Kalau suatu saat kamu butuh bantuan segera:
    { $resources }
intake-language = Kamu mau pakai bahasa apa?
intake-topic = Kamu ingin membicarakan tentang apa?
intake-description =
    Ceritakan dalam beberapa kalimat apa yang sedang terjadi. Hanya pendampingmu yang akan membacanya.
    (Minimal { $min } dan maksimal { $max } karakter.)
intake-description-too-short = Itu agak singkat. Bisa tulis sedikit lebih banyak, minimal { $min } karakter? Itu membantu pendampingmu memahami.
intake-description-too-long = Itu lebih dari { $max } karakter. Tolong persingkat sedikit; kamu bisa cerita lebih banyak saat sudah mengobrol dengan pendampingmu.
intake-feeling = Bagaimana perasaanmu sekarang, dari 1 (sangat buruk) sampai 5 (baik)?
intake-anonymity =
    Pendampingmu hanya akan melihatmu sebagai “{ $pseudonym }”. Mereka tidak akan melihat nama, username, atau akun Telegram-mu.
    Nama ini oke?
intake-summary =
    Ini permintaanmu:

    Topik: { $topic }
    Perasaanmu: { $feeling } dari 5
    Namamu di obrolan: { $pseudonym }
    Yang sedang terjadi:
    { $description }

    Kirim sekarang?
intake-edit = Apa yang ingin kamu ubah?
intake-queued =
    Permintaanmu sudah terkirim. 💛

    Selanjutnya: pendamping sebaya berikutnya yang tersedia akan menerimanya dan mulai mengobrol denganmu di sini, di obrolan ini. Kamu akan dapat pesan saat mereka bergabung. Kirim /cancel kalau ingin membatalkan permintaanmu.

    Kalau keadaan memburuk selagi menunggu, hubungi:
    { $resources }
intake-already-queued = Permintaanmu sudah menunggu pendamping. Kamu akan dapat pesan di sini saat seseorang bergabung. Kirim /cancel kalau ingin membatalkannya.
intake-request-withdrawn = Permintaanmu sudah dibatalkan. Jaga dirimu, dan kirim /start kapan pun kamu ingin bercerita.
intake-queued-waiting =
    Permintaanmu masih menunggu pendamping; belum ada yang membaca pesan di obrolan ini. Kamu akan dapat pesan saat seseorang bergabung.

    Kalau kamu butuh bantuan sekarang:
    { $resources }
intake-cancelled = Oke, dihentikan. Tidak ada yang dikirim ke siapa pun. Kirim /start kapan saja kalau ingin mulai lagi.
intake-restart-offer = Kamu sudah mulai membuat permintaan. Mau lanjutkan yang tadi, atau mulai dari awal?
intake-use-buttons = Silakan pilih salah satu tombol di bawah.

## Bantuan
help-intake =
    { $program } menghubungkanmu dengan pendamping sebaya yang terlatih, secara anonim.
    • /start — minta dukungan
    • /back — kembali satu langkah
    • /cancel — berhenti tanpa mengirim apa pun
    Ini bukan layanan darurat. Kalau kamu dalam bahaya:
    { $resources }
help-general =
    { $program } menghubungkan pelajar dengan pendamping sebaya yang terlatih, secara anonim. Kirim /start untuk mulai.
    Kalau kamu dalam bahaya:
    { $resources }

## Kesalahan dan masukan yang tidak sesuai
error-media = Maaf, aku hanya bisa membaca pesan teks di sini. Tolong tuliskan yang ingin kamu sampaikan.
error-unknown-command = Aku tidak kenal perintah itu. Kirim /help untuk melihat yang bisa kamu lakukan.
error-stale-button = Tombol itu sudah tidak aktif. Ini posisi kita sekarang:
error-does-not-fit = Itu tidak cocok di langkah ini. Ini posisi kita sekarang:
error-generic = Maaf, ada masalah di sistem kami saat memproses pesan terakhirmu. Coba lagi sebentar lagi. Kalau kamu butuh bantuan sekarang: { $resources }
error-too-long = Pesan itu terlalu panjang untukku (lebih dari { $max } karakter). Tolong kirim dalam beberapa bagian yang lebih pendek.
private-only = Aku hanya bekerja di obrolan pribadi. Silakan kirim pesan langsung kepadaku untuk meminta dukungan.

## Sumber bantuan
resources-line = • { $name }: { $contact }
resources-line-note = • { $name }: { $contact } ({ $note })
nothing-to-cancel = Tidak ada yang perlu dibatalkan sekarang. Kirim /start kapan pun kamu ingin meminta dukungan.
