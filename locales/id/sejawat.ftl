# Sejawat — katalog Bahasa Indonesia. Setiap kunci di sini juga harus ada di locales/en/sejawat.ftl.
# Teks polos saja (tanpa HTML/Markdown): kata-kata siswa disisipkan apa adanya.

## Siswa: menu perintah (daftar "/" di Telegram; singkat, satu baris)
cmd-start = Mulai atau lanjutin minta dukungan
cmd-help = Bot ini buat apa dan cara pakainya
cmd-cancel = Berhenti dari yang lagi kamu lakuin
cmd-back = Balik satu langkah
cmd-forgetme = Hapus yang pernah kamu ceritakan

## Semua: bahasa dan topik (tombol siswa, dan label di kartu tim)
btn-lang-id = Bahasa Indonesia
btn-lang-en = English
topic-academic = Tekanan sekolah (tugas, ujian, nilai)
topic-anxiety = Cemas atau overthinking
topic-low_mood = Lagi down
topic-family = Keluarga atau hubungan
topic-bullying = Di-bully
topic-loneliness = Kesepian
topic-other = Hal lain

## Semua: peran
role-supporter = pendamping sebaya
role-counselor = konselor
role-coordinator = koordinator

## Semua: kesalahan dan masukan yang tidak sesuai (siswa dan tim sama-sama membacanya)
intake-use-buttons = Pilih salah satu tombol di bawah ya.
error-media = Maaf, di sini aku cuma bisa baca pesan teks. Tulis aja yang mau kamu sampaikan ya.
error-unknown-command = Aku nggak kenal perintah itu. Kirim /help buat lihat yang bisa kamu lakuin.
error-stale-button = Tombol itu udah nggak berlaku (dari langkah sebelumnya). Nggak ada yang berubah.
error-does-not-fit = Itu belum pas buat langkah ini. Kita lanjut dari sini ya:
error-generic = Maaf, sistem kami lagi ada masalah waktu memproses pesan terakhirmu. Coba lagi sebentar ya. Kalau kamu butuh bantuan sekarang: { $resources }
error-too-long = Pesannya kepanjangan (lebih dari { $max } karakter). Kirim dalam beberapa bagian yang lebih pendek ya.
private-only = Aku cuma bisa dipakai di obrolan pribadi. Kirim pesan langsung ke aku ya buat minta dukungan.
relay-media-unsupported = Foto, pesan suara, stiker, dan file nggak diteruskan di sini, biar privasi semua orang tetap aman. Tulis pesanmu dalam bentuk teks ya.

## Semua: baris nomor darurat
resources-line = • { $name }: { $contact }
resources-line-note = • { $name }: { $contact } ({ $note })

## Siswa: tombol saat membuat permintaan
btn-back = ◀ Balik
btn-continue = Lanjutin yang tadi
btn-start-over = Mulai dari awal
btn-consent-yes = Aku ngerti, lanjut
btn-consent-no = Nggak dulu, makasih
btn-feeling-1 = 1 😣
btn-feeling-2 = 2 🙁
btn-feeling-3 = 3 😐
btn-feeling-4 = 4 🙂
btn-feeling-5 = 5 😊
btn-name-keep = Pakai nama ini
btn-name-another = Kasih nama lain
btn-confirm = ✅ Kirim permintaanku
btn-edit = ✏️ Ubah sesuatu
btn-edit-topic = Topik
btn-edit-description = Ceritaku
btn-edit-feeling = Perasaanku
btn-edit-name = Namaku di obrolan

## Siswa: membuat permintaan
intake-welcome =
    Hai, selamat datang di { $program } 👋

    Di sini kamu bisa ngobrol sama pendamping sebaya yang udah dilatih: sesama pelajar yang dengerin tanpa nge-judge. Pendampingmu nggak bakal lihat namamu atau akun Telegram-mu.

    Sebelum lanjut, ini yang perlu kamu tahu:
    • Ini dukungan dari teman sebaya, bukan terapi atau konseling.
    • Ini bukan layanan darurat. Kalau kamu dalam bahaya atau mungkin nyakitin diri sendiri, hubungi sekarang:
    { $resources }
intake-consent = Kamu paham dan mau lanjut?
intake-declined =
    Nggak apa-apa. Kamu bisa balik kapan aja dengan kirim /start.

    Kalau suatu saat kamu butuh bantuan segera:
    { $resources }
intake-language = Kamu mau pakai bahasa apa?
intake-topic = Kamu mau cerita soal apa?
intake-description =
    Ceritain dalam beberapa kalimat apa yang lagi terjadi. Yang baca pendampingmu (dan kalau obrolanmu dioper ke pendamping lain atau ada konselor yang ikut bantu, orang itu juga). Selain itu nggak ada.
    (Minimal { $min } dan maksimal { $max } karakter.)
intake-description-too-short = Kependekan nih. Tambahin dikit ya, minimal { $min } karakter, biar pendampingmu lebih ngerti.
intake-description-too-long = Itu lebih dari { $max } karakter. Coba dipersingkat dikit ya; nanti kamu bisa cerita lebih banyak waktu udah ngobrol sama pendampingmu.
intake-feeling = Gimana perasaanmu sekarang? 1 = parah banget, 5 = baik.
intake-anonymity =
    Pendampingmu cuma bakal lihat kamu sebagai “{ $pseudonym }”. Mereka nggak bakal lihat nama, username, atau akun Telegram-mu.
    Nama ini oke?
intake-summary =
    Ini permintaanmu:

    Topik: { $topic }
    Perasaanmu: { $feeling } dari 5
    Namamu di obrolan: { $pseudonym }
    Yang lagi terjadi:
    { $description }

    Kirim sekarang?
intake-edit = Mau ubah yang mana?
intake-queued =
    Permintaanmu udah terkirim. 💛

    Nanti pendamping yang lagi kosong bakal nyapa kamu di sini, di obrolan ini. Kamu bakal dapat pesan waktu mereka gabung. Kirim /cancel kalau mau batalin permintaanmu.

    Kalau keadaan makin berat selagi nunggu, tekan “🆘 Aku butuh konselor sekarang” di bawah. Nomor darurat selalu ada di /help.
intake-already-queued = Permintaanmu udah nunggu pendamping. Kamu bakal dapat pesan di sini waktu ada yang gabung. Kirim /cancel kalau mau batalin.
intake-request-withdrawn = Permintaanmu udah dibatalin. Jaga diri ya, dan kirim /start kapan aja kamu mau cerita.
intake-queued-waiting =
    Permintaanmu masih nunggu pendamping; belum ada yang baca pesan di obrolan ini. Kamu bakal dapat pesan waktu ada yang gabung.

    Kalau kamu butuh bantuan sekarang:
    { $resources }
intake-cancelled = Oke, udah dihentikan. Nggak ada yang dikirim ke siapa pun. Kirim /start kapan aja kalau mau mulai lagi.
intake-cancelled-case-open = Oke, udah dihentikan: nggak ada permintaan yang dikirim ke pendamping sebaya. Tapi karena jawabanmu tadi, konselor udah diminta buat ngecek kabarmu, jadi mungkin mereka tetap nyapa kamu di sini. 💛
intake-restart-offer = Kamu udah mulai bikin permintaan. Mau lanjutin yang tadi, atau mulai dari awal?
intake-restart-offer-simple = Kamu masih punya obrolan yang jalan. Kirim /start buat lanjutin.

## Siswa: bantuan
help-intake =
    { $program } nyambungin kamu sama pendamping sebaya yang terlatih, tanpa nama asli.
    • /start — minta dukungan
    • /back — balik satu langkah
    • /cancel — berhenti tanpa ngirim apa pun
    Ini bukan layanan darurat. Kalau kamu dalam bahaya:
    { $resources }
help-general =
    { $program } nyambungin pelajar sama pendamping sebaya yang terlatih, tanpa nama asli. Kirim /start buat mulai.
    • /end — udahan ngobrol sama pendamping
    • /forgetme — hapus semua yang udah kamu ceritain
    Kalau kamu dalam bahaya:
    { $resources }
nothing-to-cancel = Lagi nggak ada yang perlu dibatalin. Kirim /start kapan aja kalau mau minta dukungan.

## Siswa: antrean dan menunggu
queue-position = { $asked ->
        [yes] Kamu di urutan ke-{ $position }, dan permintaanmu lagi kami tawarkan ke pendamping. Tunggu bentar ya, nanti ada pesan di sini begitu pendampingnya gabung.
       *[no] { $minutes ->
            [0] Kamu di urutan ke-{ $position }: begitu ada pendamping yang kosong, permintaanmu kami tawarkan ke dia. Nanti ada pesan di sini begitu ada yang gabung.
           *[other] Kamu di urutan ke-{ $position }. Kira-kira nunggu sekitar { $minutes } menit. Nanti ada pesan di sini begitu pendampingnya gabung.
        }
    }
queue-closed =
    Sekarang belum ada pendamping sebaya yang bisa. Permintaanmu udah tersimpan dan bakal diteruskan begitu program buka lagi ({ $opens }). Kamu nggak perlu ngapa-ngapain.

    Kalau kamu butuh bantuan sekarang, hubungi:
    { $resources }

## Siswa: obrolan dengan pendamping
btn-counselor-now = 🆘 Aku butuh konselor sekarang
btn-end-session-yes = Ya, udahan
btn-end-session-no = Nggak, lanjut ngobrol
session-started-student =
    Pendamping sebaya udah gabung. 💛 Semua yang kamu tulis di sini sekarang sampai ke mereka; mereka cuma lihat nama pilihanmu.

    Ingat ya: pendampingmu itu pelajar yang terlatih, bukan terapis. Kalau kamu butuh konselor, tekan 🆘 di bawah. Nomor darurat ada di /help.
session-already-active = Kamu lagi ngobrol sama pendamping sebaya. Tulis aja di sini; kirim /end kalau mau udahan.
session-use-end = Buat ngakhirin obrolan sama pendampingmu, kirim /end.
session-end-confirm = Mau udahan ngobrolnya? Pendampingmu bakal dikasih tahu, dan kamu bisa mulai lagi kapan aja dengan /start.
session-end-kept = Oke, obrolannya lanjut. Tulis aja di sini.
session-not-active = Obrolan itu udah selesai. Kirim /start kalau kamu mau cerita lagi.
session-ended-student =
    Obrolannya udah selesai. Makasih udah mau cerita; itu butuh keberanian. 💛 Kapan pun mau cerita lagi, kirim /start ya.
    Kalau suatu saat butuh bantuan segera:
    { $resources }
session-ended-after-crisis =
    Jaga dirimu baik-baik hari ini ya. 💛 Kalau rasanya berat lagi, kirim /start kapan aja.
    Kalau kamu lagi dalam bahaya sekarang, hubungi:
    { $resources }
session-ended-idle-student =
    Obrolannya ditutup karena udah lama sepi. Kamu bisa mulai lagi kapan aja dengan /start.
    Kalau suatu saat butuh bantuan segera:
    { $resources }
session-handed-over-student = Pendampingmu nyerahin obrolan ke temannya, yang udah baca permintaan dan catatanmu dan bakal lanjut nemenin kamu di sini.
session-supporter-unavailable = Pendamping sebayamu sudah tidak tersedia. Kamu tetap di urutan depan; pendamping lain akan bergabung di sini secepatnya. Kalau kamu butuh bantuan sekarang: { $resources }
session-idle-check = Kamu masih di sana? 🙂 Kalau nggak ada kabar dalam { $minutes } menit, obrolan ini bakal ditutup. Kamu selalu bisa balik lagi dengan /start.
help-session =
    Kamu lagi ngobrol sama pendamping sebaya. Tulis aja di sini.
    • /end — akhiri obrolan
    Kalau kamu butuh konselor sekarang, tekan tombol di bawah. Kalau darurat:
    { $resources }
relay-from-supporter = 💬 Pendamping sebaya: { $text }
relay-from-counselor = 💬 Konselor: { $text }
relay-media-from-supporter = Pendamping sebayamu mengirim ini:
relay-media-from-counselor = Konselor mengirim ini:

## Siswa: umpan balik dan kabar setelah obrolan
btn-skip = Lewati
feedback-rating = Seberapa membantu obrolan tadi buat kamu? 1 = nggak sama sekali, 5 = banget.
feedback-comment = Ada yang mau kamu sampaikan? Tulis komentar singkat, atau tekan Lewati.
feedback-thanks = Makasih! Masukanmu bantu kami nemenin pelajar dengan lebih baik.
btn-followup-ok = Aku baik-baik saja, terima kasih
btn-followup-again = Aku ingin ngobrol lagi
followup-check = Hai, ini { $program }. 💛 Gimana kabarmu sejak ngobrol kemarin?
followup-glad = Senang dengarnya. Kami ada kapan pun kamu butuh: kirim aja /start.

## Siswa: krisis
crisis-resources =
    Makasih udah mau cerita. Yang kamu rasain itu penting, dan kamu nggak harus ngadepin ini sendirian. 💛
    Kami lagi menghubungi konselor sekarang.

    Kalau kamu dalam bahaya atau mungkin nyakitin diri sendiri, hubungi sekarang:
    { $resources }
case-open-waiting =
    Pesanmu udah kami terima dan konselor lagi menuju ke sini: nanti mereka nyapa kamu di obrolan ini. Kamu nggak perlu ngapa-ngapain lagi. 💛

    Kalau kamu dalam bahaya atau mungkin menyakiti diri sendiri, hubungi sekarang:
    { $resources }

    (Kirim /start kalau kamu juga mau ngobrol sama pendamping sebaya sambil nunggu.)
crisis-resources-counselor-here =
    Makasih udah mau cerita. Yang kamu rasain itu penting, dan kamu nggak harus ngadepin ini sendirian. 💛
    Konselor di obrolan ini lagi bareng kamu: terus aja tulis di sini.

    Kalau kamu dalam bahaya atau mungkin nyakitin diri sendiri, hubungi sekarang:
    { $resources }
crisis-resources-asked =
    Konselor bakal nyapa kamu secepatnya. Kamu nggak sendirian. 💛

    Kalau kamu dalam bahaya atau takut nyakitin diri sendiri, langsung hubungi:
    { $resources }
crisis-resources-referred =
    Pendampingmu minta konselor ikut gabung, biar kamu dapat dukungan yang kamu butuhin. 💛

    Kalau kamu dalam bahaya atau takut nyakitin diri sendiri, langsung hubungi:
    { $resources }
crisis-still-here =
    Kami masih di sini sama kamu, dan kami pastiin konselor segera nyapa kamu.
    Kalau kamu dalam bahaya, hubungi sekarang:
    { $resources }
crisis-counselor-aware = Konselor udah baca pesanmu dan bakal segera menghubungimu. 💛
crisis-team-aware = Tim pendamping sekolah udah baca pesanmu dan lagi carikan konselor buat kamu. 💛
counselor-joined-student = Konselor udah gabung di obrolan. 💛 Kamu bisa langsung nulis ke mereka di sini.
screening-question = Makasih udah cerita. Boleh aku tanya langsung: beberapa minggu terakhir ini, kamu pernah kepikiran buat bunuh diri?
btn-screen-yes = Iya
btn-screen-now = Iya, sekarang juga
btn-screen-no = Nggak
btn-screen-unsure = Aku nggak yakin
screening-thanks = Makasih udah jawab. Pendampingmu bakal ingat ini.
asq-intro =
    Makasih udah jujur soal perasaanmu. Kami mau tanya beberapa pertanyaan singkat, satu per satu. Ini kami tanyakan ke semua orang yang lagi ngerasa berat, biar bisa bantu dengan tepat.
    Kalau ada yang nggak mau kamu jawab, pilih "Aku nggak mau jawab", nggak apa-apa kok.
asq-intro-chat = Pendampingmu mau nanya beberapa pertanyaan singkat, satu per satu. Ini kami tanyakan ke semua orang yang lagi ngerasa berat, biar bisa bantu dengan tepat. Kalau ada yang nggak mau kamu jawab, pilih "Aku nggak mau jawab", nggak apa-apa kok.
asq-wish-dead = Beberapa minggu terakhir ini, apa kamu pernah berharap kamu mati aja?
asq-better-off-dead = Beberapa minggu terakhir ini, apa kamu pernah ngerasa kamu atau keluargamu bakal lebih baik kalau kamu mati?
asq-thoughts = Seminggu terakhir ini, apa kamu kepikiran untuk bunuh diri?
asq-tried = Apa kamu pernah mencoba bunuh diri?
asq-now = Satu lagi, dan ini penting: apa sekarang ini kamu lagi kepikiran untuk bunuh diri?
btn-asq-yes = Iya
btn-asq-no = Nggak
btn-asq-skip = Aku nggak mau jawab

## Siswa: menghapus data
btn-forget-yes = Ya, hapus semuanya
btn-forget-no = Nggak, simpan aja
forget-confirm = Ini akan menghapus permintaanmu, obrolanmu, dan semua yang kamu tulis di sini. Pesan yang udah sampai di Telegram pendamping atau konselor nggak bisa kami tarik, tapi di sistem kami semuanya dihapus. Ini nggak bisa dibatalin. Yakin mau hapus semua?
forget-kept = Oke, nggak ada yang dihapus.
forget-not-now = Kami belum bisa menghapus datamu selagi seseorang sedang mendampingimu atau konselor sedang menindaklanjuti keselamatanmu. Coba lagi setelah itu selesai.
forget-done = Selesai: yang pernah kamu ceritakan sudah dihapus. Kamu selalu bisa mulai lagi dengan /start. 💛

## Tim: umum
staff-welcome = Selamat datang, { $name }. Kamu terdaftar sebagai { $role }.
not-allowed = Maaf, itu tidak tersedia untuk peranmu.
member-inactive = Keanggotaanmu sedang dinonaktifkan. Silakan hubungi koordinatormu.
member-trained = Koordinatormu sudah menandai pelatihanmu selesai. Sekarang kamu bisa mulai bertugas dengan /duty.
staff-no-chat = Kamu tidak punya obrolan yang terbuka saat ini.
staff-choose-chat = Kamu punya beberapa obrolan terbuka. Kirim /chats lalu pilih kepada siapa kamu menulis.
staff-chats = Obrolan terbukamu ({ $count }). Pilih ke mana pesanmu dikirim:
staff-focused = Oke, pesanmu sekarang masuk ke { $pseudonym }.
staff-reply-chat-ended = Obrolanmu dengan { $pseudonym } sudah selesai, jadi pesanmu tidak dikirim.
help-supporter =
    Perintah pendamping sebaya:
    • /duty — mulai atau selesai bertugas
    • /chats — obrolan terbukamu, pilih kepada siapa kamu menulis
    • /note teks — catatan pribadi (hanya staf yang bisa melihat)
    • /handoff — serahkan obrolan ke pendamping lain
    • /refer alasan — minta konselor turun tangan
    • /screen — ajukan pertanyaan skrining ke siswa (satu per satu; jawaban "ya" langsung memanggil konselor)
    • /end — akhiri obrolan saat ini
    • /missed, /falsealarm — sebagai balasan (reply) ke pesan siswa: bot melewatkan tanda risiko di situ, atau salah menandainya (untuk peninjauan detektor)
    Hal lain yang kamu tulis dikirim ke siswa yang sedang kamu dampingi; balasan (reply) ke pesan seorang siswa dikirim ke siswa itu.
help-counselor =
    Perintah konselor:
    • /duty — mulai atau selesai tugas eskalasi
    • /cases — eskalasi terbuka (konfirmasi, ambil alih, selesaikan)
    • /casenote NOMOR catatan — catatan untuk kasus yang kamu tutup saat masih mengobrol
    • /chats, /end — obrolan yang kamu ambil alih
    • /missed, /falsealarm — sebagai balasan (reply) ke pesan siswa: bot melewatkan tanda risiko di situ, atau salah menandainya (untuk peninjauan detektor)
help-coordinator =
    Perintah koordinator:
    • /invite supporter atau /invite counselor — tautan undangan sekali pakai
    • /roster — anggota: tandai terlatih, kapasitas, nonaktifkan
    • /shifts — daftar jadwal; /shifts add TELEGRAM_ID mon,tue 08:00-12:00; /shifts remove ID
    • /stats — perkembangan program
    • /cases — eskalasi terbuka
    • /casenote NOMOR catatan — catatan untuk kasus yang sudah ditutup

## Tim: bertugas
btn-duty-on = Mulai bertugas
btn-duty-off = Selesai bertugas
duty-status-on = { $chats ->
        [0] Kamu lagi piket (bertugas), belum ada obrolan yang terbuka.
       *[other] Kamu lagi piket (bertugas), ada { $chats } obrolan terbuka.
    }
duty-status-off = { $chats ->
        [0] Kamu lagi nggak bertugas. Mau mulai bertugas?
       *[other] Kamu lagi nggak bertugas (masih ada { $chats } obrolan terbuka). Mau mulai bertugas?
    }
duty-needs-training = Kamu bisa mulai bertugas setelah koordinator menandai pelatihanmu selesai.
duty-already = Tidak ada yang berubah: kamu sudah dalam status itu.
duty-required = Kamu harus sedang bertugas (dan sudah terlatih) untuk menerima permintaan. Kirim /duty.
duty-on-supporter =
    Kamu sekarang bertugas. Terima kasih! 💛
    Pengingat peranmu: dengarkan, jangan menghakimi, jangan mendiagnosis, jangan menjanjikan rahasia tentang bahaya. Kamu teman sebaya, bukan terapis. Kalau seorang siswa mungkin berisiko, pakai /refer — konselor akan turun tangan. Jaga dirimu juga.
duty-on-counselor = Kamu sekarang bertugas untuk eskalasi. Panggilan krisis akan masuk ke sini dengan tombol Konfirmasi dan Ambil alih. /cases menampilkan eskalasi terbuka.
duty-off = { $chats ->
        [0] Kamu udah selesai tugas. Makasih buat hari ini. 💛
       *[other] Kamu udah selesai tugas. Masih ada { $chats } obrolan terbuka, serahkan atau akhiri dulu ya.
    }
duty-off-open-chat = Obrolan terbuka dengan { $pseudonym }: serahkan atau akhiri? Kalau dalam { $minutes } menit kamu belum memilih, obrolannya otomatis dikembalikan ke tim. Kalau mau tetap lanjut, mulai bertugas lagi dengan /duty.
duty-off-missed-offers = Kamu udah { $count } kali berturut-turut nggak jawab tawaran obrolan, jadi untuk sementara kamu kami set selesai bertugas, biar nggak ada siswa yang nungguin kamu. Udah siap lagi? Tekan tombol di bawah atau kirim /duty.
shift-reminder = Pengingat: jadwal tugasmu segera dimulai ({ $start }–{ $end }).

## Tim: tawaran dan obrolan
btn-accept = ✅ Terima
btn-decline = Tolak
offer =
    { $kind ->
        [handover] Rekanmu minta kamu melanjutkan obrolannya dengan { $pseudonym }
        [returned] Kembali mengantre, pendampingnya harus pergi: { $pseudonym }
       *[new] Permintaan baru: { $pseudonym }
    }
    Topik: { $topic }
    Perasaan saat ini: { $feeling } dari 5
    Bahasa: { $language }
    Risiko: { $risk }{ $why ->
        [case] {" "}(ada kasus #{ $case } dalam 7 hari terakhir)
        [screening] {" "}(dari jawaban skriningnya)
        [words] {" "}(dari yang dia tulis)
       *[none] {""}
    }
    Menunggu: { $waited } menit
    Terima dalam { $timeout } menit?
offer-declined = Oke. { $pseudonym } sudah ditawarkan ke pendamping lain.
offer-expired = ⏰ Kamu belum menjawab tawaran untuk { $pseudonym } tepat waktu, jadi tawarannya diteruskan ke pendamping lain.
offer-offered-again = Tawaran itu sudah lewat waktunya, tapi permintaan yang sama ditawarkan lagi ke kamu: pakai pesan yang paling baru ya.
offer-gone = Permintaan ini sudah tidak tersedia (sudah diambil orang lain, atau tawarannya kedaluwarsa).
offer-not-yours = Tawaran ini bukan untukmu.
offer-withdrawn = Permintaan { $pseudonym } sudah tidak menunggu lagi (dibatalkan, atau sudah ditangani konselor), jadi tawarannya ditutup. Kamu tidak perlu melakukan apa-apa.
session-started-supporter =
    Kamu sekarang mengobrol dengan { $pseudonym }.
    Topik: { $topic } · Perasaan saat ini: { $feeling } dari 5
    Yang sedang terjadi:
    { $description }
    Catatan sejauh ini:
    { $notes }
    Semua yang kamu tulis di sini sampai ke siswa. /note untuk catatan pribadi, /refer kalau kamu khawatir, /end untuk mengakhiri.
handoff-history =
    Obrolan sejauh ini:
    { $recent }
handoff-history-counselor =
    ⚠️ { $name }, konselor, juga ada di obrolan ini dan kasus #{ $id } masih terbuka ({ $level }): ikuti arahannya, dan serahkan langkah krisisnya ke konselor.
    Obrolan sejauh ini:
    { $recent }
handback-history =
    Siswa ini tadinya ngobrol dengan pendamping lain yang harus pergi. Dia sudah diberi tahu dan sedang menunggumu.
    Obrolan sejauh ini:
    { $recent }
relay-from-student = 💬 { $pseudonym }: { $text }
relay-from-student-other =
    💬 { $pseudonym }: { $text }
    (Pesanmu sekarang masuk ke siswa lain: ketuk tombol di bawah untuk membalas { $pseudonym }.)
relay-media-from-student = { $pseudonym } mengirim ini:
relay-colleague = ({ $role }) { $text }
btn-focus = Ngobrol dengan { $pseudonym }
btn-reply-to = ↩️ Balas { $pseudonym }
btn-focus-current = ▶ { $pseudonym } (sekarang)
session-ended-staff = { $by ->
        [student] { $pseudonym } mengakhiri obrolannya.
        [idle] Obrolan dengan { $pseudonym } ditutup karena lama tidak ada pesan.
       *[member] Obrolan dengan { $pseudonym } sudah berakhir.
    }
btn-end-chat = Akhiri obrolan ini
btn-end-yes = Ya, akhiri obrolan
btn-end-keep = Nggak, lanjut ngobrol
staff-end-confirm = Akhiri obrolan dengan { $pseudonym }? Dia akan dapat pesan penutup dan bisa minta dukungan lagi kapan saja.
staff-end-kept = Oke, obrolan dengan { $pseudonym } lanjut.
end-case-first = Kasus #{ $id } masih terbuka. Catat dulu hasilnya (tombol di bawah), baru akhiri obrolannya dengan /end.
end-left-counselor-stays = Kamu keluar dari obrolan dengan { $pseudonym }. { $name } (konselor) tetap menemani dan nanti yang mengakhiri obrolannya.
end-case-open-left = Kasus #{ $id } masih terbuka, jadi obrolannya nggak diakhiri: kamu keluar dari obrolan, dan { $pseudonym } tetap ditangani tim (konselor sedang dihubungi). Makasih ya. 💛
session-idle-check-staff = Obrolan dengan { $pseudonym } sedang sepi; akan ditutup dalam { $minutes } menit kalau tidak ada pesan.
note-saved = Catatan tersimpan. Hanya staf yang bisa melihatnya.
note-usage = Tulis catatan setelah perintah, misalnya /note siswa cemas soal ujian
btn-handoff-any = Serahkan ke siapa saja yang tersedia
btn-handoff-to = Serahkan ke { $name }
handoff-choose = Serahkan obrolan ke siapa? ({ $count } pendamping tersedia)
handoff-offered = { $name } sudah diminta mengambil alih. Obrolan tetap bersamamu sampai mereka menerima.
handoff-nobody = Saat ini tidak ada pendamping lain yang bertugas dengan kapasitas kosong.
handoff-pending = Sudah ada penyerahan yang menunggu jawaban.
handoff-done = { $pseudonym } sekarang bersama pendamping lain. Terima kasih!
handoff-failed = { $name } tidak bisa mengambil alih obrolan dengan { $pseudonym }; obrolan tetap bersamamu. Coba /handoff lagi atau lanjutkan.

## Tim: skrining dan tanda risiko
briefing-case-open =
    ⚠️ { $pseudonym } punya kasus krisis #{ $id } yang masih terbuka ({ $level }): konselor sedang dihubungi dan nanti ikut bergabung di obrolan ini.
    Alasan: { $reason }
    Kata-katanya: { $excerpt }
    Temani dia dengan hangat, jangan akhiri obrolannya, dan pakai /note untuk hal yang perlu diketahui konselor.
briefing-asq = 📋 Skrining saat mengisi permintaan — { $answers }
screen-started = Pertanyaan skrining sedang dikirim ke siswa, satu per satu. Semua jawabannya muncul di sini setelah selesai; jawaban "ya" langsung memanggil konselor.
screen-already = Siswa ini sedang menjawab pertanyaan skrining.
screen-result = 📋 { $pseudonym } sudah menjawab pertanyaan skrining — { $answers }
briefing-asq-gently = Siswa ini memilih tidak menjawab beberapa pertanyaan skrining. Tanyakan dengan lembut gimana keadaannya, dan pakai /refer kalau kamu khawatir.
risk-report-how = Balas (reply) pesan siswanya dengan /{ $command } (geser pesannya, atau tekan lama lalu pilih Balas), biar bot tahu pesan mana yang kamu maksud.
risk-report-not-student = Itu bukan pesan siswa dari obrolan. Balas langsung pesan siswanya dengan /{ $command }.
risk-report-not-flagged = Pesan itu tidak ditandai berisiko oleh bot, jadi tidak ada alarm palsu yang perlu dicatat.
risk-report-already = Pesan itu sudah ditandai sebelumnya. Makasih!
risk-report-missed = Makasih, sudah dicatat untuk peninjauan detektor (bot membacanya sebagai: { $level }). Ini tidak memanggil siapa pun; kalau kamu khawatir sama siswanya sekarang, pakai /refer.
risk-report-wrong = Makasih, sudah dicatat sebagai alarm palsu untuk peninjauan detektor (bot membacanya sebagai: { $level }).

## Tim: eskalasi
risk-0 = tidak ada tanda
risk-1 = ada kekhawatiran
risk-2 = risiko TINGGI
risk-3 = risiko SEGERA
btn-refer = 🆘 Rujuk ke konselor
btn-ack = ✋ Aku tangani
btn-take-over = 💬 Ambil alih
btn-outcome-case = #{ $id }: { $outcome }
btn-outcome-safe = Siswa aman
btn-outcome-referred = Dirujuk untuk tindak lanjut
btn-outcome-emergency = Layanan darurat sudah dihubungi
btn-outcome-false_alarm = Alarm palsu
concern-nudge =
    { $pseudonym } menulis sesuatu yang mungkin tanda risiko: “{ $words }”
    Tanyakan dengan lembut gimana keadaannya, dengan kata-katamu sendiri, atau kirim /screen: siswa akan menerima pertanyaan skrining dalam bahasanya, satu per satu. Kalau jawabannya bikin kamu khawatir, rujuk ke konselor.
crisis-tell-supporter =
    ⚠️ { $pseudonym } menulis sesuatu yang menunjukkan { $level }: “{ $words }”
    Konselor sedang dihubungi dan siswa sudah menerima nomor darurat.
    Tetap bersamanya: dengarkan, tanggapi dengan serius, tanyakan apakah dia aman sekarang. Jangan menjanjikan rahasia, jangan tinggalkan obrolan. Konselor mungkin akan bergabung.
crisis-tell-supporter-counselor-here =
    ⚠️ { $pseudonym } menulis sesuatu yang menunjukkan { $level }: “{ $words }”
    { $name }, konselor di obrolan ini, yang pegang kasusnya, dan siswa sudah menerima nomor darurat. Tetap temani dia bareng konselor.
escalation-in-your-chat =
    🆘 Eskalasi #{ $id } — { $level }, di obrolanmu
    Siswa: { $pseudonym } · Topik: { $topic }
    Alasan: { $reason }
    Kata-katanya: { $excerpt }
    Kasus ini kamu yang pegang, karena kamu sedang bersamanya. Tetap temani dia; kalau sudah yakin dia aman atau sudah dirujuk, catat hasilnya:
escalation-ping =
    🆘 Eskalasi #{ $id } — { $level }
    { $who ->
        [invitee] Calon anggota tim (diundang sebagai { $role })
        [member] Anggota tim ({ $role })
       *[student] Siswa: { $pseudonym } · Topik: { $topic }
    }
    Alasan: { $reason }{ $more ->
        [yes] {", "}{ $also }
       *[no] {""}
    }
    Kata-katanya: { $excerpt }
    Menunggu: { $waited } menit
    Tolong konfirmasi atau ambil alih.
escalation-broadcast =
    🆘🆘 Eskalasi #{ $id } BELUM ada yang pegang — { $level }
    { $who ->
        [invitee] Calon anggota tim (diundang sebagai { $role })
        [member] Anggota tim ({ $role })
       *[student] Siswa: { $pseudonym } · Topik: { $topic }
    }
    Alasan: { $reason }{ $more ->
        [yes] {", "}{ $also }
       *[no] {""}
    }
    Kata-katanya: { $excerpt }
    Menunggu: { $waited } menit
    Siapa pun yang bisa: konfirmasi atau ambil alih sekarang.
escalation-update =
    Kabar terbaru eskalasi #{ $id } — { $level }
    Alasan: { $reason }{ $more ->
        [yes] {", "}{ $also }
       *[no] {""}
    }
    Kata-katanya: { $excerpt }
escalation-acked = Kamu sudah konfirmasi eskalasi #{ $id }. Ambil alih untuk ngobrol dengan siswa, atau tutup dengan hasil akhir. Kalau dalam { $minutes } menit belum ada yang ambil alih atau menutupnya, tim akan dihubungi lagi.
escalation-acked-others = { $name } sudah mengonfirmasi eskalasi #{ $id }.
escalation-acked-coordinator = Kamu sudah konfirmasi eskalasi #{ $id }. Yang ambil alih obrolan nanti konselor; kamu bisa mencatat hasil akhirnya di bawah. Kalau dalam { $minutes } menit belum ada yang ambil alih atau menutupnya, tim akan dihubungi lagi.
escalation-you-acked = Kamu sudah konfirmasi eskalasi #{ $id } sebelumnya: ambil alih atau catat hasil akhirnya di bawah.
escalation-already-acked = { $name } sudah menangani eskalasi ini.
escalation-closed = Eskalasi ini sudah selesai.
escalation-taken =
    Kamu sekarang ada di obrolan dengan { $pseudonym }. Semua yang kamu tulis sampai ke siswa.
    Obrolan sejauh ini:
    { $recent }
    Setelah selesai, tutup dengan hasil akhir:
escalation-note-ask = Eskalasi #{ $id } ditutup sebagai "{ $outcome }". Kirim catatan kasus singkat sekarang, atau /skip.
escalation-note-ask-command = Eskalasi #{ $id } ditutup sebagai "{ $outcome }". Kamu masih dalam obrolan, jadi pesanmu berikutnya tetap terkirim ke siswa. Untuk menambah catatan kasus: /casenote { $id } catatanmu
escalation-resolved-no-note = Makasih. Kasusnya sudah ditutup (tanpa catatan).
escalation-note-saved = Catatan untuk eskalasi #{ $id } tersimpan (terenkripsi).
casenote-usage = Untuk menambah catatan ke kasus yang sudah ditutup: /casenote NOMOR-KASUS catatanmu (contoh: /casenote 12 sudah telepon orang tua). Hanya yang menangani kasusnya, atau koordinator, yang bisa menambah.
casenote-no-case = Nggak ada kasus #{ $id }. Lihat yang masih terbuka dengan /cases.
casenote-still-open = Kasus #{ $id } masih terbuka: catat dulu hasilnya lewat tombolnya (/cases), nanti catatannya ikut tersimpan.
escalation-student-withdrew = Eskalasi #{ $id }: { $pseudonym } membatalkan permintaannya ke pendamping sebaya. Kasusnya masih terbuka: tolong tindak lanjuti.
escalation-resolved = Terima kasih. Kasus ditutup dan catatan tersimpan (terenkripsi).
escalation-resolve-not-yours = Hanya konselor yang mengonfirmasi atau mengambil alih eskalasi ini (atau koordinator, setelah dikonfirmasi) yang bisa menutupnya.
counselor-joined-supporter = Konselor { $name } sudah bergabung di obrolanmu. Tetap bersama siswa; ikuti arahan konselor.
refer-usage = Tulis alasannya setelah perintah, misalnya /refer bicara soal tidak ingin hidup
refer-already = Konselor sudah dipanggil untuk siswa ini (kasus #{ $id }): tidak perlu apa-apa lagi. Temani dia ya.
refer-done = Terima kasih. Konselor sedang dihubungi.
cases-none = Saat ini tidak ada eskalasi yang terbuka.
cases-title = Eskalasi terbuka: { $count }
cases-line =
    #{ $id } · { $state } · { $level } · { $age } menit
    { $pseudonym } · { $topic } · { $reason }
    { $excerpt }
case-open = menunggu konfirmasi
case-acknowledged = sedang ditangani
case-taken_over = sudah diambil alih

## Tim: koordinator
invite-usage = Gunakan /invite pendamping atau /invite konselor (supporter / counselor juga bisa).
invite-link = Tautan undangan sekali pakai untuk { $role } (berlaku { $hours } jam, hanya sekali):
    { $link }
member-joined = { $name } bergabung sebagai { $role }. Tandai pelatihannya selesai di /roster kalau sudah siap.
roster-title = Anggota: { $count }
roster-line =
    { $name } — { $role } (id { $telegram_id })
    terlatih: { $trained } · bertugas: { $duty } · aktif: { $active }
    bahasa: { $languages } · obrolan: { $load }/{ $capacity }
yes = ya
no = tidak
btn-mark-trained = ✔ Tandai pelatihan selesai
btn-capacity-down = Kapasitas −1
btn-capacity-up = Kapasitas +1
btn-deactivate = Nonaktifkan
btn-activate = Aktifkan
btn-confirm-deactivate = Ya, nonaktifkan
btn-keep-active = Nggak jadi, tetap aktif
roster-unchanged = Tidak ada yang diubah: { $name } sudah begitu.
roster-updated = { $name } dinonaktifkan. Obrolan terbukanya kembali ke antrean (atau tetap bersama konselor di dalamnya) dan setiap siswa sudah diberi tahu.
roster-confirm-deactivate =
    Nonaktifkan { $name }? Dia tidak akan dapat permintaan baru lagi{ $load ->
        [0] .
       *[other] , dan { $load } obrolannya yang masih terbuka kembali ke antrean (atau tetap bersama konselor di dalamnya); setiap siswa diberi tahu.
    }
    Kamu bisa mengaktifkannya lagi kapan saja.
shifts-title = Jadwal tugas mingguan:
shifts-line = #{ $id } { $name }: { $days } { $start }–{ $end }
shifts-usage = Tambah: /shifts tambah TELEGRAM_ID sen,sel,rab 08:00-12:00 · Hapus: /shifts hapus NOMOR (add / remove juga bisa)
shifts-bad-days = Nama hari tidak dikenal: { $days }. Pakai sen, sel, rab, kam, jum, sab, min (atau mon..sun), dipisah koma.
shifts-bad-hours = "{ $hours }" bukan rentang jam: tulis seperti 08:00-12:00.
day-mon = Sen
day-tue = Sel
day-wed = Rab
day-thu = Kam
day-fri = Jum
day-sat = Sab
day-sun = Min
shifts-added = Jadwal #{ $id } ditambahkan untuk { $name }.
shifts-added-overnight = Jadwal #{ $id } ditambahkan untuk { $name }: jadwal ini lewat tengah malam, dari { $start } sampai { $end } keesokan harinya. Kalau bukan itu maksudmu: /shifts remove { $id }
shifts-removed = Jadwal #{ $id } dihapus.
shifts-unknown = Tidak ada jadwal dengan nomor itu.
shifts-unknown-member = Telegram id itu bukan pendamping atau konselor. Tambahkan dulu (undang).
shifts-not-an-id = "{ $who }" bukan Telegram id: pakai angka yang tertulis setelah "id" di /roster.
shifts-overlap = { $name } sudah punya jadwal #{ $id } ({ $days } { $start }–{ $end }), dan jadwal ini bertabrakan dengannya. Pilih jam lain, atau hapus dulu jadwal itu: /shifts remove { $id }
stats =
    Ringkasan program
    Permintaan: { $requests } (menunggu: { $queued })
    Obrolan: { $active } terbuka, { $closed } selesai
    Eskalasi: { $escalations } (terbuka: { $open_escalations })
    Pendamping bertugas: { $on_duty }
    Rata-rata umpan balik: { $rating } ({ $ratings } penilaian)

## Tim: bergabung (orang yang membuka tautan undangan)
invite-invalid = Tautan undangan ini tidak berlaku: mungkin sudah dipakai atau kedaluwarsa. Silakan minta yang baru ke koordinatormu.
invite-finish-chat-first = Kamu lagi ngobrol sekarang. Selesaikan dulu obrolannya (/end), lalu buka lagi tautan undangannya: masih bisa dipakai.
invite-rate-limited = Terlalu banyak percobaan. Tunggu satu jam lalu coba lagi, atau hubungi koordinatormu.
onboarding-confirm = Kamu diundang bergabung dengan { $program } sebagai { $role }. Mau bergabung?
btn-join-yes = Ya, aku bergabung
btn-join-no = Tidak, terima kasih
onboarding-declined = Oke, tidak ada yang disimpan. Kamu bisa memakai tautan undangan lagi selama masih berlaku.
onboarding-name = Nama apa yang akan dilihat koordinator dan konselor? (Siswa tidak pernah melihatnya.)
onboarding-name-invalid = Tolong kirim nama sepanjang 2 sampai 64 karakter.
onboarding-languages = Kamu bisa mendampingi siswa pakai bahasa apa? Ketuk untuk memilih (✓), lalu Selesai. Terpilih: { $count }
onboarding-pick-language = Pilih setidaknya satu bahasa.
onboarding-topics = Kamu nyaman bahas topik apa aja? Ketuk untuk memilih (✓), lalu Selesai. Terpilih: { $count }
btn-done = Selesai ✔
onboarding-done-supporter = Selamat bergabung! 💛 Koordinatormu akan menandai pelatihanmu selesai; setelah itu kamu bisa bertugas dengan /duty. Kirim /help untuk daftar perintahmu.
onboarding-done-counselor = Selamat bergabung! 💛 Koordinatormu akan mengonfirmasi; setelah itu mulai tugas eskalasi dengan /duty. Kirim /help untuk daftar perintahmu.
help-onboarding = Kamu sedang bergabung dengan program. Jawab pertanyaan di atas, atau /cancel untuk berhenti.

## Tim: menu perintah (daftar "/" di Telegram; singkat, satu baris)
cmd-team-duty = Mulai atau selesai bertugas
cmd-team-chats = Obrolan terbukamu: pilih kamu nulis ke siapa
cmd-team-end = Akhiri obrolan ini
cmd-team-note = Catatan pribadi untuk obrolan ini (cuma staf yang lihat)
cmd-team-handoff = Serahkan obrolan ke pendamping lain
cmd-team-screen = Ajukan pertanyaan skrining ke siswa
cmd-team-refer = Minta konselor turun tangan (tulis alasannya)
cmd-team-help = Apa aja yang bisa kamu lakukan di sini
cmd-team-cases = Kasus krisis yang masih terbuka
cmd-team-casenote = Catatan untuk kasus yang kamu tutup (nomor, lalu catatannya)
cmd-team-roster = Anggota tim: terlatih, kapasitas, jeda
cmd-team-invite = Tautan undangan sekali pakai (pendamping atau konselor)
cmd-team-shifts = Jadwal tugas
cmd-team-stats = Perkembangan program
