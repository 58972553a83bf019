# Sejawat — katalog Bahasa Indonesia. Setiap kunci di sini juga harus ada di locales/en/sejawat.ftl.
# Teks polos saja (tanpa HTML/Markdown): kata-kata siswa disisipkan apa adanya.
# Pesan untuk tim (## Tim): siapa penerimanya menentukan sapaan. Hanya konselor dan/atau koordinator
# (orang dewasa, sering guru BK): "Anda" (kasus Anda, giliran Anda), bahasa baku (tidak, sudah,
# belum, silakan), tanpa slang. Hanya pendamping sebaya: "kamu", ramah tapi baku. Dibaca beberapa
# peran sekaligus: tanpa kata ganti (kalimat perintah atau impersonal); kalau terpaksa, "Anda".

## Siswa: menu perintah (daftar "/" di Telegram; singkat, satu baris)
cmd-start = Minta dukungan, atau lanjutin yang tadi
cmd-help = Bot ini buat apa dan cara pakainya
cmd-cancel = Batalin yang lagi kamu lakuin
cmd-back = Balik satu langkah
cmd-forgetme = Hapus yang pernah kamu ceritain
cmd-friend = Khawatir sama teman? Apa yang bisa kamu lakuin, dan siapa yang bisa bantu
cmd-selfhelp = Latihan napas, grounding, dan tips buat kamu sendiri

## Semua: bahasa dan topik (tombol siswa, dan label di kartu tim)
btn-lang-id = Bahasa Indonesia
btn-lang-en = English
topic-academic = Tekanan sekolah (tugas, ujian, nilai)
topic-anxiety = Cemas atau overthinking
topic-low_mood = Lagi down
topic-family = Keluarga atau hubungan
topic-bullying = Di-bully
topic-loneliness = Kesepian
topic-friend = Khawatir sama teman
topic-other = Hal lain
topic-crisis = Krisis (belum mengajukan permintaan)

## Semua: peran
role-supporter = pendamping sebaya
role-counselor = konselor
role-coordinator = koordinator

## Semua: kesalahan dan masukan yang tidak sesuai (siswa dan tim sama-sama membacanya)
intake-use-buttons = Pilih salah satu tombol di bawah ya.
error-media = Maaf, kami cuma bisa baca pesan teks. Coba tulis pesanmu ya.
error-unknown-command = Hmm, perintah itu nggak ada. Kirim /help buat lihat daftar perintahnya.
error-stale-button = Tombol itu udah nggak berlaku, jadi nggak ada yang berubah. Lanjut dari pesan terakhir aja ya.
error-does-not-fit = Itu belum pas buat langkah ini. Kita lanjut dari sini ya:
error-generic =
    Maaf, sistem kami lagi bermasalah waktu baca pesan terakhirmu. Tunggu bentar, terus coba kirim lagi ya. Kalau kamu butuh bantuan sekarang:
    { $resources }
error-too-long = Pesannya kepanjangan (lebih dari { $max } karakter). Coba pecah jadi beberapa pesan yang lebih pendek ya.
private-only = Bot ini cuma bisa dipakai di obrolan pribadi. Kirim pesan langsung ke bot ini ya buat minta dukungan.
relay-media-unsupported = Di sini cuma teks yang diteruskan, bukan foto, pesan suara, stiker, atau file, biar privasi semua orang tetap aman. Tulis aja pesanmu dalam bentuk teks ya.
relay-media-caption-passed = Tulisanmu udah diteruskan. 💬 Foto, pesan suara, atau file-nya sendiri nggak diteruskan, biar privasi semua orang tetap aman.
relay-media-caption-passed-team = Teksnya sudah diteruskan ke siswa; foto, pesan suara, atau file-nya sendiri tidak diteruskan demi privasi.

## Semua: baris nomor darurat
resources-line = • { $name }: { $contact }
resources-line-note = • { $name }: { $contact } ({ $note })

## Siswa: tombol saat membuat permintaan
btn-back = ◀ Balik
btn-continue = Lanjutin yang tadi
btn-start-over = Mulai dari awal
btn-consent-yes = Aku ngerti, lanjut
btn-consent-friend = Aku khawatir sama temanku
btn-consent-no = Nggak dulu, makasih
btn-feeling-1 = 1 😣
btn-feeling-2 = 2 🙁
btn-feeling-3 = 3 😐
btn-feeling-4 = 4 🙂
btn-feeling-5 = 5 😊
btn-name-keep = Pakai nama ini
btn-name-another = Minta nama lain
btn-confirm = ✅ Kirim permintaanku
btn-edit = ✏️ Ubah dulu
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
    • Ini bukan layanan darurat.

    Kalau kamu dalam bahaya, ada yang nyakitin kamu, atau kamu takut nyakitin diri sendiri, langsung hubungi:
    { $resources }
intake-consent = Kamu paham dan mau lanjut?
intake-declined =
    Nggak apa-apa kok. Kapan aja mau balik, kirim /start.

    Kalau suatu saat kamu butuh bantuan segera:
    { $resources }
intake-language = Kamu mau pakai bahasa apa?
intake-topic = Kamu mau cerita soal apa?
intake-description =
    Apa yang lagi terjadi? Ceritain dalam beberapa kalimat aja. Ceritamu cuma dibaca sama pendampingmu. Kalau obrolanmu dioper ke pendamping lain, atau ada konselor yang ikut bantu, mereka juga baca. Orang lain nggak bisa lihat.
    (Paling nggak { $min } karakter, paling banyak { $max }.)
intake-description-again =
    Ceritamu yang tadi:
    “{ $description }”
    Mau diganti? Tulis aja yang baru. Kalau udah pas, tekan “Pakai yang ini”.
btn-description-keep = Pakai yang ini
intake-description-no-words = Ceritain pakai kata-kata juga ya, apa yang lagi terjadi? 💛 Beberapa kata aja cukup (minimal { $min } karakter), biar pendampingmu ngerti.
intake-description-too-short = Kependekan nih. Tambahin dikit ya, minimal { $min } karakter, biar pendampingmu lebih ngerti.
intake-description-kept-part = Makasih udah cerita sebanyak ini. 💛 Ceritamu panjang, jadi yang kekirim { $max } karakter pertama dulu. Sisanya ceritain aja ke pendampingmu nanti pas ngobrol, dia punya waktu buat baca kok.
intake-feeling = Gimana perasaanmu sekarang? 1 = berat banget, 5 = baik.
intake-anonymity =
    Di obrolan, namamu “{ $pseudonym }”. Pendampingmu nggak bakal lihat nama asli, username, atau akun Telegram-mu.
    Nama ini oke?
intake-anonymity-kept =
    Di obrolan, namamu tetap “{ $pseudonym }”: konselor udah kenal kamu dengan nama ini dari yang kamu ceritain sebelumnya, jadi sekarang nggak bisa ganti nama dulu (satu nama aja, biar nggak ketuker). Pendampingmu nggak bakal lihat nama asli, username, atau akun Telegram-mu.
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

    Begitu ada pendamping yang kosong, dia bakal nyapa kamu di obrolan ini. Mau batalin? Kirim /cancel.

    Kalau rasanya makin berat selagi nunggu, tekan “🆘 Aku butuh konselor sekarang” di bawah. Nomor darurat selalu ada di /help.
intake-already-queued = Permintaanmu udah terkirim dan lagi nunggu pendamping. Nanti ada pesan di sini waktu ada yang gabung. Mau batalin? Kirim /cancel.
intake-asq-early = Pertanyaan berikutnya baru aja nyampe di bawah 👇 Jawab yang itu ya, biar jawabanmu nggak ketuker sama pertanyaan sebelumnya.
intake-asq-early-yes = Makasih udah jujur. 💛 "Iya"-mu kami catat buat pertanyaan yang tadi. Pertanyaan berikutnya ada di bawah 👇
intake-withdraw-confirm = Yakin mau batalin permintaanmu? Kamu bakal keluar dari antrean, dan kalau nanti mau cerita lagi, mulainya dari awal.
btn-withdraw-yes = Ya, batalin
btn-withdraw-no = Nggak, tetap nunggu
intake-withdraw-kept = Oke, permintaanmu tetap di antrean. Nanti ada pesan di sini begitu pendamping gabung.
intake-request-withdrawn = Permintaanmu udah dibatalin. Jaga diri ya, dan kirim /start kapan aja kamu mau cerita.
withdrawn-at-risk =
    Satu lagi: kalau rasanya berat, kamu nggak harus nunggu. Tekan 🆘 kapan aja buat ngobrol sama konselor, atau hubungi:
    { $resources }
intake-name-kept-case = Satu hal: konselor udah kenal kamu sebagai { $pseudonym } dari yang kamu ceritain tadi, jadi namamu di obrolan ini tetap itu ya (satu nama aja, biar nggak ketuker).
intake-queued-waiting =
    Permintaanmu masih nunggu pendamping, jadi pesanmu di sini belum ada yang baca. Nanti ada pesan waktu ada yang gabung.

    Kalau kamu butuh bantuan sekarang:
    { $resources }
intake-cancelled = Oke, nggak jadi. Nggak ada yang dikirim ke siapa pun. Kirim /start kapan aja kalau mau mulai lagi.
intake-cancelled-case-open = Oke, nggak jadi. Permintaanmu nggak dikirim ke pendamping sebaya. Tapi dari jawabanmu tadi, konselor udah diminta ngecek kabarmu, jadi mungkin dia tetap nyapa kamu di sini. 💛
intake-restart-offer = Kamu udah mulai bikin permintaan. Mau lanjutin yang tadi, atau mulai dari awal?
intake-restart-offer-simple = Permintaan atau obrolanmu yang tadi masih jalan. Kirim /start buat lanjutin.

## Siswa: bantuan
help-intake =
    { $program } nyambungin kamu sama pendamping sebaya yang terlatih, tanpa nama asli.
    • /start — minta dukungan
    • /back — balik satu langkah
    • /cancel — berhenti tanpa ngirim apa pun
    Ini bukan layanan darurat. Kalau kamu dalam bahaya:
    { $resources }
help-queued =
    Permintaanmu lagi nunggu pendamping. Begitu ada yang bisa, dia bakal nyapa kamu di sini.
    • /cancel — batalin permintaanmu
    • /selfhelp — latihan napas, grounding, dan tips sambil nunggu
    • “🆘 Aku butuh konselor sekarang” — tombol di bawah, kapan aja
    Kalau kamu dalam bahaya:
    { $resources }
help-general =
    { $program } nyambungin kamu sama pendamping sebaya yang terlatih, tanpa nama asli. Kirim /start buat mulai.
    • /friend — khawatir sama teman? Apa yang bisa kamu lakuin, dan siapa yang bisa bantu
    • /selfhelp — latihan napas, grounding, dan tips buat kamu sendiri
    • /myplan — rencana keselamatanmu: lihat atau ubah
    • /end — udahan ngobrol sama pendamping
    • /forgetme — hapus semua yang udah kamu ceritain
    Kalau kamu dalam bahaya:
    { $resources }
nothing-to-cancel = Lagi nggak ada yang perlu dibatalin. Kirim /start kapan aja kalau mau minta dukungan.

## Siswa: antrean dan menunggu
queue-place = { $position ->
        [1] urutan pertama
       *[other] urutan ke-{ $position }
    }
queue-position = { $asked ->
        [yes] Kamu di { queue-place } antrean. Permintaanmu lagi kami kasih ke pendamping, tunggu bentar ya. Nanti ada pesan di sini begitu dia gabung.
       *[no] { $minutes ->
            [0] Kamu di { queue-place } antrean. Begitu ada pendamping yang kosong, permintaanmu langsung kami tawarin ke dia. Nanti ada pesan di sini waktu dia gabung.
           *[other] Kamu di { queue-place } antrean. Kira-kira nunggu { $minutes } menit. Nanti ada pesan di sini begitu pendampingnya gabung.
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
    Pendamping sebaya udah gabung. 💛 Mulai sekarang, semua yang kamu tulis di sini sampai ke dia. Dia cuma kenal kamu sebagai { $pseudonym }, bukan nama asli atau akun Telegram-mu.

    Ingat ya: pendampingmu itu sesama pelajar yang udah dilatih, bukan terapis. Kalau kamu butuh konselor, tekan 🆘 di bawah. Nomor darurat ada di /help.
session-already-active = Kamu lagi ada di obrolan. Tulis aja di sini; kirim /end kalau mau udahan.
session-use-end = Buat ngakhirin obrolan ini, kirim /end.
session-end-confirm = Mau udahan ngobrolnya? Pendampingmu bakal dikabarin, dan kamu bisa mulai lagi kapan aja dengan /start.
session-end-kept = Oke, obrolannya lanjut. Tulis aja di sini.
session-not-active = Obrolan itu udah selesai. Kirim /start kalau kamu mau cerita lagi.
session-ended-student =
    Obrolannya udah selesai. Makasih udah berani cerita. 💛 Kapan pun mau cerita lagi, kirim /start ya.
    Kalau suatu saat butuh bantuan segera:
    { $resources }
session-ended-after-crisis =
    { $by ->
        [idle] Obrolannya ditutup karena udah lama sepi.
       *[ended] Obrolannya udah selesai.
    } Jaga dirimu baik-baik hari ini ya. 💛 Kalau rasanya berat lagi, kirim /start kapan aja.
    Kalau sekarang kamu dalam bahaya, hubungi:
    { $resources }{ $open ->
        [yes] {""}

        Konselor mungkin masih bakal nulis ke kamu di sini. Kalau kamu butuh konselor sekarang, tekan 🆘 di bawah.
       *[no] {""}
    }{ $peer ->
        [yes] {""}

        Tadi kamu juga minta ngobrol sama pendamping sebaya. Masih mau?
       *[no] {""}
    }
btn-peer-yes = Iya, sambungin ke pendamping sebaya
btn-peer-no = Nggak, udah cukup dulu
peer-not-wanted = Oke. 💛 Kalau nanti mau ngobrol, kirim /start kapan aja ya.
peer-not-now = Kamu lagi ngisi permintaan baru, jadi tombol ini udah nggak perlu. Lanjutin aja di situ ya.
session-ended-idle-student =
    Obrolannya ditutup karena udah lama sepi. Kamu bisa mulai lagi kapan aja dengan /start.
    Kalau suatu saat butuh bantuan segera:
    { $resources }
session-handed-over-student = Pendampingmu nyerahin obrolan ini ke pendamping lain. Dia bisa baca permintaanmu dan catatan dari obrolan tadi, dan bakal lanjut nemenin kamu di sini.
session-supporter-unavailable = Pendampingmu udah nggak bisa lanjut. Kamu tetap di urutan paling depan, dan { $wait ->
        [nobody] pendamping pertama yang mulai bertugas bakal gabung di sini (sekarang lagi nggak ada yang bertugas dan bisa nerima permintaanmu).
        [closed] pendamping bakal gabung di sini begitu program buka lagi ({ $opens }).
       *[open] pendamping lain bakal gabung di sini secepatnya.
    } Kalau kamu butuh bantuan sekarang:
    { $resources }
session-idle-check = Kamu masih di situ? 🙂 Kalau nggak ada kabar dalam { $minutes } menit, obrolan ini bakal ditutup. Kamu selalu bisa balik lagi dengan /start.
help-session =
    Kamu lagi ada di obrolan. Tulis aja di sini.
    • /end — udahan ngobrol
    Kalau kamu butuh konselor sekarang, tekan 🆘 di bawah. Kalau darurat:
    { $resources }
help-session-counselor =
    Kamu lagi ada di obrolan, dan konselor udah ada di sini nemenin kamu. Tulis aja di sini, konselornya baca pesanmu kok.
    • /end — udahan ngobrol
    Kalau darurat:
    { $resources }
relay-from-supporter = 💬 Pendamping sebaya: { $text }
relay-from-counselor = 💬 Konselor: { $text }
relay-media-from-supporter = Pendampingmu ngirim ini:
relay-media-from-counselor = Konselor ngirim ini:

## Siswa: umpan balik dan kabar setelah obrolan
btn-skip = Lewati
feedback-rating = Obrolan tadi ngebantu nggak? 1 = nggak sama sekali, 5 = ngebantu banget.
feedback-comment = Ada yang mau kamu sampaikan ke kami? Tulis aja singkat, atau tekan Lewati.
feedback-thanks = Makasih! Masukanmu bantu kami nemenin temen-temen lain dengan lebih baik.
btn-followup-ok = Aku baik-baik aja, makasih
btn-followup-again = Aku mau ngobrol lagi
followup-check = Hai, ini { $program }. 💛 Gimana kabarmu sejak ngobrol waktu itu?
followup-glad = Syukurlah, seneng dengernya. Kalau mau ngobrol lagi, kirim /start kapan aja.
intake-welcome-back = Oke, kita mulai lagi ya. 💛 Pendampingmu nanti sesama pelajar yang udah dilatih, dan dia nggak bakal tahu siapa kamu.
talk-again-in-chat = Kamu masih di obrolan yang tadi kok. Tulis aja di sini, pesanmu bakal dibaca.
talk-again-in-intake = Kamu lagi di tengah-tengah bikin permintaan. Jawab pertanyaan terakhir di atas ya, atau kirim /start kalau mau mulai dari awal.
talk-again-in-plan = Kamu lagi ngisi rencana keselamatanmu. Kirim /start buat nyimpen yang udah kamu tulis, terus kita mulai ngobrol.

## Siswa: krisis
escalation-closed-student = { $outcome ->
        [referred] { $asked ->
            [yes] Konselor udah tahu kamu pengen ngobrol sama konselor, dan bakal ngehubungin kamu lagi buat tindak lanjut.
           *[no] Konselor udah baca pesanmu dan bakal ngehubungin kamu lagi buat tindak lanjut.
        } Kalau kamu butuh konselor lebih cepat, tekan 🆘 di bawah kapan aja, atau hubungi:
       *[other] { $asked ->
            [yes] Konselor udah tahu kamu pengen ngobrol sama konselor. Untuk sekarang dia belum ngajak ngobrol di sini. Kalau kamu masih pengen ngobrol sama konselor, tekan 🆘 di bawah sekali lagi ya, atau hubungi:
           *[no] Konselor udah baca pesanmu. Untuk sekarang dia belum ngajak ngobrol di sini, tapi kamu tetap bisa kapan aja: tekan 🆘 di bawah kalau pengen ngobrol sama konselor, atau hubungi:
        }
    }
    { $resources }
case-open-waiting-short = Konselor lagi dihubungi buat ngecek kamu dan bakal nyapa kamu di sini. Sampai dia gabung, belum ada yang baca pesan di sini, jadi kalau kamu dalam bahaya sekarang, hubungi nomor di /help ya. 💛
crisis-resources =
    Makasih udah mau cerita. Yang kamu rasain itu penting, dan kamu nggak harus ngadepin ini sendirian. 💛
    Sekarang kami lagi ngehubungin konselor buat kamu.

    Kalau kamu dalam bahaya, ada yang nyakitin kamu, atau kamu takut nyakitin diri sendiri, langsung hubungi:
    { $resources }
case-open-waiting =
    Pesanmu udah kami terima, dan kami lagi manggil konselor. Nanti dia nyapa kamu di obrolan ini. Kamu nggak perlu ngapa-ngapain lagi. 💛

    Kalau kamu dalam bahaya, ada yang nyakitin kamu, atau kamu takut nyakitin diri sendiri, langsung hubungi:
    { $resources }

    (Kirim /start kalau kamu juga mau ngobrol sama pendamping sebaya sambil nunggu.)
crisis-resources-again = Makasih udah cerita. 💛 Konselor udah kami hubungi buat kamu dan nanti nyapa kamu di sini. Kalau kamu dalam bahaya sekarang, nomor darurat di atas itu jalan paling cepat: langsung telepon ya.
crisis-resources-counselor-here =
    Makasih udah mau cerita. Yang kamu rasain itu penting, dan kamu nggak harus ngadepin ini sendirian. 💛
    Konselor ada di obrolan ini bareng kamu, jadi tulis aja terus di sini.

    Kalau kamu dalam bahaya, ada yang nyakitin kamu, atau kamu takut nyakitin diri sendiri, langsung hubungi:
    { $resources }
crisis-resources-asked =
    Konselor bakal nyapa kamu secepatnya. Kamu nggak sendirian. 💛

    Kalau kamu dalam bahaya, ada yang nyakitin kamu, atau kamu takut nyakitin diri sendiri, langsung hubungi:
    { $resources }
crisis-resources-referred =
    Pendampingmu minta konselor ikut gabung buat bantu kamu. 💛

    Kalau kamu dalam bahaya, ada yang nyakitin kamu, atau kamu takut nyakitin diri sendiri, langsung hubungi:
    { $resources }
crisis-still-here-friend =
    Kami masih ngusahain biar konselor cepet nanganin soal temanmu. Ini bukan tugasmu buat nyelesaiin ya.
    Kalau temanmu dalam bahaya sekarang juga, langsung hubungi:
    { $resources }
crisis-still-here =
    Kami masih di sini sama kamu, dan kami lagi ngusahain biar konselor cepet nyapa kamu.
    Kalau kamu dalam bahaya, langsung hubungi:
    { $resources }
crisis-counselor-aware = { $asked ->
        [yes] Konselor udah tahu kamu pengen ngobrol sama konselor. 💛 Nanti kamu dikabarin di sini soal langkah selanjutnya.
       *[no] Konselor udah baca pesanmu. 💛 Nanti kamu dikabarin di sini soal langkah selanjutnya.
    }
crisis-team-aware = { $asked ->
        [yes] Ada orang dari tim sekolah yang udah tahu kamu pengen ngobrol sama konselor, dan dia lagi nyariin konselor buat kamu. 💛
       *[no] Ada orang dari tim sekolah yang udah baca pesanmu, dan dia lagi nyariin konselor buat kamu. 💛
    }
counselor-joined-student = Konselor udah gabung di obrolan. 💛 Kamu bisa langsung nulis ke dia di sini.
counselor-changed-student = Sekarang kamu ditemani konselor lain, gantiin konselor yang tadi. 💛 Kamu bisa lanjut nulis di sini ya.
screening-question = Makasih udah cerita. Boleh kami tanya langsung? Beberapa minggu terakhir ini, kamu pernah nggak kepikiran buat bunuh diri?
waiting-concern-heard =
    Makasih udah cerita. 💛 Pesan di sini belum ada yang baca, jadi kalau rasanya berat banget sekarang, kamu nggak harus nunggu: tekan 🆘 buat ngobrol sama konselor, atau hubungi:
    { $resources }
btn-screen-yes = Iya
btn-screen-now = Iya, sekarang juga
btn-screen-no = Nggak
btn-screen-unsure = Aku nggak yakin
screening-thanks-alone = Makasih udah jawab. 💛 Kalau rasanya berat, kirim /start buat ngobrol sama pendamping sebaya, atau tekan 🆘 buat konselor, kapan aja.
screening-thanks = Makasih udah jawab. 💛 Ini bantu kami buat dukung kamu dengan cara yang pas.
asq-intro =
    Makasih udah jujur soal perasaanmu. Kami mau nanya beberapa pertanyaan singkat, satu-satu. Ini kami tanyain ke semua yang lagi ngerasa berat, biar kami tahu bantuan apa yang paling pas buat kamu.
    Kalau ada yang nggak mau kamu jawab, pilih "Aku nggak mau jawab". Nggak apa-apa kok.
asq-intro-chat = Pendampingmu mau nanya beberapa pertanyaan singkat, satu-satu. Ini kami tanyain ke semua yang lagi ngerasa berat, biar kami tahu bantuan apa yang paling pas buat kamu. Kalau ada yang nggak mau kamu jawab, pilih "Aku nggak mau jawab". Nggak apa-apa kok.
asq-wish-dead = Beberapa minggu terakhir ini, kamu pernah nggak berharap kamu mati aja?
asq-better-off-dead = Beberapa minggu terakhir ini, kamu pernah nggak ngerasa kamu atau keluargamu bakal lebih baik kalau kamu mati?
asq-thoughts = Seminggu terakhir ini, kamu ada kepikiran buat bunuh diri nggak?
asq-tried = Kamu pernah nggak nyoba bunuh diri?
asq-now = Satu lagi, dan ini penting: sekarang ini, kamu lagi kepikiran buat bunuh diri nggak?
btn-asq-yes = Iya
btn-asq-no = Nggak
btn-asq-skip = Aku nggak mau jawab

## Siswa: menghapus data
btn-forget-yes = Ya, hapus semuanya
btn-forget-no = Nggak, simpan aja
forget-confirm = Ini bakal ngehapus permintaanmu, obrolanmu, dan semua yang kamu tulis di sini dari sistem kami. Pesan yang udah sampai di Telegram pendamping atau konselor nggak bisa kami tarik. Ini nggak bisa dibatalin. Yakin mau hapus semua?
forget-kept = Oke, nggak ada yang dihapus.
forget-not-now = Datamu belum bisa kami hapus selama masih ada yang nemenin kamu di obrolan, atau konselor masih ngecek keadaanmu. Coba lagi kalau itu udah selesai ya.
forget-done = Beres, semua yang pernah kamu ceritain udah dihapus. Kamu selalu bisa mulai lagi dengan /start. 💛

## Tim: umum
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

error-unknown-command-team = Perintah itu tidak dikenal. Kirim /help untuk melihat daftar perintah.
error-stale-button-team = Tombol itu sudah tidak berlaku; tidak ada yang berubah. Pesan terbaru menunjukkan keadaannya sekarang.
staff-welcome = Selamat datang, { $name }. Peran di tim: { $role }.
not-allowed = Maaf, itu tidak tersedia untuk peran ini.
member-inactive = Keanggotaan ini sedang nonaktif. Silakan hubungi koordinator.
member-trained = Koordinator sudah menandai pelatihan selesai. Sekarang tugas jaga bisa dimulai dengan /duty.
staff-no-chat = Saat ini tidak ada obrolan terbuka.
staff-choose-chat = Ada beberapa obrolan terbuka. Kirim /chats, lalu pilih ke siapa pesan dikirim.
staff-chats = Obrolan terbuka ({ $count }). Pilih ke siapa pesan dikirim:
staff-focused = Baik, pesan berikutnya masuk ke { $pseudonym }.
staff-reply-chat-ended = Obrolan dengan { $pseudonym } sudah selesai, jadi pesan ini tidak dikirim.
help-supporter =
    Perintah pendamping sebaya:
    • /duty — mulai atau selesai bertugas
    • /chats — obrolan terbukamu: pilih ke siapa pesanmu dikirim
    • /note teks — catatan pribadi (hanya staf yang bisa melihat)
    • /handoff — serahkan obrolan ke pendamping lain
    • /refer alasan — minta konselor turun tangan
    • /screen — ajukan pertanyaan skrining ke siswa (satu per satu; jawaban "ya" langsung memanggil konselor)
    • /end — akhiri obrolan saat ini
    • /report — siswa kasar atau mengirim pesan seksual: koordinator meninjaunya (dan bisa memblokirnya dari obrolan dengan pendamping)
    • /missed, /falsealarm — sebagai balasan (reply) ke pesan siswa: bot melewatkan tanda risiko di situ, atau salah menandainya (untuk peninjauan detektor)
    Hal lain yang kamu tulis dikirim ke siswa yang sedang kamu dampingi; balasan (reply) ke pesan seorang siswa dikirim ke siswa itu.
help-counselor =
    Perintah konselor:
    • /duty — mulai atau selesai bertugas (menerima panggilan kasus krisis)
    • /cases — kasus yang masih terbuka (tangani, ambil alih, tutup)
    • /casenote NOMOR catatan — catatan untuk kasus yang Anda tutup saat masih mengobrol
    • /chats, /end — obrolan yang Anda ambil alih
    • /report — siswa kasar atau mengirim pesan seksual: koordinator meninjaunya
    • /missed, /falsealarm — sebagai balasan (reply) ke pesan siswa: bot melewatkan tanda risiko di situ, atau salah menandainya (untuk peninjauan detektor)
help-coordinator =
    Perintah koordinator:
    • /invite supporter atau /invite counselor — tautan undangan sekali pakai
    • /roster — anggota: tandai terlatih, kapasitas, nonaktifkan
    • /shifts — daftar jadwal; /shifts tambah TELEGRAM_ID sen,sel 08:00-12:00; /shifts hapus NOMOR
    • /stats — perkembangan program
    • /reports — laporan soal siswa yang menunggu ditinjau (blokir, tutup, cabut blokir)
    • /cases — kasus yang masih terbuka
    • /casenote NOMOR catatan — catatan untuk kasus yang sudah ditutup

## Tim: bertugas
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

btn-duty-on = Mulai bertugas
btn-duty-off = Selesai bertugas
duty-status-on = { $chats ->
        [0] Status: sedang bertugas. Belum ada obrolan terbuka.
       *[other] Status: sedang bertugas, dengan { $chats } obrolan terbuka.
    }
duty-status-off = { $chats ->
        [0] Status: tidak bertugas. Mulai bertugas?
       *[other] Status: tidak bertugas (masih ada { $chats } obrolan terbuka). Mulai bertugas?
    }
duty-needs-training = Tugas jaga bisa dimulai setelah koordinator menandai pelatihan selesai.
duty-already = Tidak ada yang berubah: statusnya memang sudah begitu.
duty-required = Kamu harus sedang bertugas (dan sudah terlatih) untuk menerima permintaan. Kirim /duty.
duty-on-supporter =
    Kamu sekarang bertugas. Terima kasih! 💛
    Pengingat peranmu: dengarkan, jangan menghakimi, jangan mendiagnosis, jangan menjanjikan rahasia tentang bahaya. Kamu teman sebaya, bukan terapis. Kalau ada siswa yang mungkin berisiko, pakai /refer — konselor akan turun tangan. Jaga dirimu juga.
duty-on-counselor = Anda sekarang bertugas untuk kasus krisis. Panggilannya masuk ke sini dengan tombol “Sudah saya lihat” dan “Ambil alih”. /cases menampilkan kasus yang masih terbuka.
duty-on-open-cases = Ada { $count } kasus krisis yang masih butuh konselor: /cases menampilkannya, lengkap dengan tombol Ambil alih.
duty-off = { $chats ->
        [0] { $cases ->
            [0] Tugas jaga sudah selesai. Terima kasih untuk hari ini. 💛
           *[other] Tugas jaga sudah selesai, kecuali obrolan di atas: obrolan itu tetap dipegang sampai ada rekan yang mengambil alih.
        }
       *[other] Tugas jaga sudah selesai. Masih ada { $chats } obrolan terbuka: serahkan atau akhiri dulu.
    }
duty-off-open-chat = Obrolan terbuka dengan { $pseudonym }: serahkan atau akhiri? Kalau dalam { $minutes } menit kamu belum memilih, obrolannya otomatis dikembalikan ke tim. Kalau mau tetap lanjut, mulai bertugas lagi dengan /duty.
duty-off-open-chat-counselor = Obrolan terbuka dengan { $pseudonym }: akhiri kalau sudah selesai. Kalau dalam { $minutes } menit belum Anda akhiri, Anda otomatis keluar dari obrolan dan obrolannya tetap dipegang tim. Kalau ingin tetap melanjutkan, silakan mulai bertugas lagi dengan /duty.
duty-off-counselor-case = Obrolan krisis Anda dengan { $pseudonym } (kasus #{ $id }) masih terbuka. { $asked ->
        [0] { $others ->
            [0] Saat ini tidak ada anggota tim lain yang bisa dihubungi: tolong tetap temani siswa, atau mulai bertugas lagi.
           *[other] Tidak ada konselor lain yang sedang bertugas: semua konselor dan koordinator sudah diminta mencarikan yang bisa mengambil alih.
        }
       *[other] Kami sudah meminta { $asked } konselor yang sedang bertugas untuk mengambil alih.
    } Sampai ada yang mengambil alih, kasus ini masih Anda pegang: temani siswa kalau bisa. Kalau dalam { $minutes } menit belum ada yang mengambil alih, Anda keluar dari obrolan dan kasus ini dikabarkan lagi ke tim sebagai kasus terbuka. Ingin tetap memegangnya? Silakan mulai bertugas lagi.
duty-off-missed-offers = Kamu tidak menjawab { $count } tawaran obrolan berturut-turut, jadi untuk sementara statusmu kami ubah ke tidak bertugas, supaya tidak ada siswa yang menunggumu. Sudah siap lagi? Tekan tombol di bawah atau kirim /duty.
duty-off-missed-coordinator = ⚠️ { $name } otomatis tidak bertugas lagi: { $count } tawaran obrolan berturut-turut tidak dijawab. { $waiting ->
        [0] Saat ini tidak ada yang menunggu.
       *[other] { $waiting } siswa sedang menunggu
    }{ $waiting ->
        [0] {""}
       *[other] { $others ->
            [0] , dan tidak ada pendamping lain yang bertugas.
           *[other] ; { $others } pendamping lain sedang bertugas.
        }
    }
shift-reminder = Pengingat: jadwal jaga segera dimulai ({ $start }–{ $end }).

## Tim: tawaran dan obrolan
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

btn-accept = ✅ Terima
btn-decline = Tolak
offer =
    { $kind ->
        [handover] Rekanmu minta kamu melanjutkan obrolannya dengan { $pseudonym }
        [returned] Kembali ke antrean karena pendampingnya harus pergi: { $pseudonym }
        [returned-you] Kembali ke antrean karena tadi kamu harus meninggalkan obrolannya: { $pseudonym }
        [practice] 🎓 Permintaan latihan (siswa skenario, hanya untukmu): { $pseudonym }
       *[new] Permintaan baru: { $pseudonym }
    }
    Topik: { $topic }
    Perasaan saat ini: { $feeling } dari 5
    Bahasa: { $language }
    Tingkat: { $risk }{ $why ->
        [case] {" "}(ada kasus #{ $case } dalam 7 hari terakhir)
        [case-open] {" "}(kasus #{ $case } masih terbuka)
        [screening] {" "}(dari jawaban skriningnya)
        [words] {" "}(dari yang dia tulis)
       *[none] {""}
    }
    Menunggu: { $waited } menit
    Terima dalam { $timeout } menit?
offer-declined = Oke. { $pseudonym } sudah ditawarkan ke pendamping lain.
offer-expired = ⏰ Kamu belum menjawab tawaran untuk { $pseudonym } tepat waktu, jadi tawarannya diteruskan ke pendamping lain.
offer-offered-again = Tawaran itu sudah lewat waktunya, tapi permintaan yang sama ditawarkan lagi ke kamu: pakai pesan yang paling baru ya.
offer-already-yours = Permintaan ini sudah kamu terima: obrolanmu dengan { $pseudonym } sudah terbuka. Tulis saja di sini.
offer-gone = Permintaan ini sudah tidak tersedia (sudah diambil orang lain, atau tawarannya kedaluwarsa).
offer-not-yours = Tawaran ini bukan untukmu.
offer-withdrawn = Permintaan { $pseudonym } sudah tidak menunggu lagi (dibatalkan, atau sudah ditangani konselor), jadi tawarannya ditutup. Kamu tidak perlu melakukan apa-apa.
session-started-supporter =
    { $practice ->
        [yes] 🎓 Latihan: kamu sekarang mengobrol dengan { $pseudonym }, siswa skenario dari pelatihan (bukan siswa sungguhan).
       *[no] Kamu sekarang mengobrol dengan { $pseudonym }.
    }
    Topik: { $topic } · Perasaan saat ini: { $feeling } dari 5
    Yang sedang terjadi:
    { $description }
    { $noted ->
        [yes] Catatan sejauh ini:
            { $notes }
       *[no] Belum ada catatan.
    }
    Semua yang kamu tulis di sini sampai ke siswa. /note untuk catatan pribadi, /refer kalau kamu khawatir, /end untuk mengakhiri.
handoff-history =
    Obrolan sejauh ini:
    { $recent }
handoff-history-counselor =
    ⚠️ { $name }, konselor, juga ada di obrolan ini dan kasus #{ $id } masih terbuka ({ $level }): ikuti arahannya, dan serahkan langkah krisisnya ke konselor.
    Obrolan sejauh ini:
    { $recent }
handback-history =
    { $who ->
        [you] Tadi kamu sudah mengobrol dengan siswa ini lalu harus pergi. Dia sudah diberi tahu dan sedang menunggumu.
       *[other] Siswa ini tadinya mengobrol dengan pendamping lain yang harus pergi. Dia sudah diberi tahu dan sedang menunggumu.
    }
    Obrolan sejauh ini:
    { $recent }
relay-from-student = { $practice ->
        [yes] 🎓 { $pseudonym } (latihan)
       *[no] 💬 { $pseudonym }
    }: { $text }
relay-from-student-other =
    { $practice ->
        [yes] 🎓 { $pseudonym } (latihan)
       *[no] 💬 { $pseudonym }
    }: { $text }
    (Pesan yang ditulis di sini sekarang masuk ke siswa lain: ketuk tombol di bawah untuk membalas { $pseudonym }.)
relay-media-withheld = { $pseudonym } mengirim { $kind ->
        [photo] foto
        [voice] pesan suara
        [video] video
        [video_note] video singkat
        [sticker] stiker
        [document] file
       *[other] sesuatu yang bukan teks
    }. Itu tidak diteruskan: hanya teks yang diteruskan, demi privasi semua orang. Dia sudah diminta menulis pesannya dalam bentuk teks; tanyakan saja apa isinya.
relay-media-withheld-caption = { $pseudonym } mengirim { $kind ->
        [photo] foto
        [voice] pesan suara
        [video] video
        [video_note] video singkat
        [sticker] stiker
        [document] file
       *[other] sesuatu yang bukan teks
    }. Itu tidak diteruskan: hanya teks yang diteruskan, demi privasi semua orang. Tulisan yang dikirim bersamanya ada di bawah ini.
relay-media-from-student = { $pseudonym } mengirim ini:
relay-colleague = ({ $role }) { $text }
btn-focus = Ngobrol dengan { $pseudonym }
btn-reply-to = ↩️ Balas { $pseudonym }
btn-focus-current = ▶ { $pseudonym } (sekarang)
session-ended-staff = { $by ->
        [colleague] { $name } ({ $role }) mengakhiri obrolan dengan { $pseudonym }.
        [student] { $pseudonym } mengakhiri obrolannya.
        [idle] Obrolan dengan { $pseudonym } ditutup karena lama tidak ada pesan.
       *[member] Obrolan dengan { $pseudonym } sudah berakhir.
    }
session-ended-case-open = { $by ->
        [idle] Obrolan dengan { $pseudonym } ditutup karena lama tidak ada pesan
       *[student] { $pseudonym } mengakhiri obrolan
    }, tapi kasus #{ $id } masih Anda pegang. Kalau Anda khawatir, buka lagi obrolannya (dia akan tahu Anda kembali). Kalau tidak, catat hasil akhirnya:
btn-rejoin = ↩️ Buka lagi obrolannya
case-chat-ended = diambil alih { $holder }, obrolan sudah selesai
btn-end-chat = Akhiri obrolan ini
btn-end-yes = Ya, akhiri obrolan
btn-end-keep = Tidak, lanjutkan obrolan
staff-end-confirm = Akhiri obrolan dengan { $pseudonym }? Dia akan menerima pesan penutup dan bisa meminta dukungan lagi kapan saja.
staff-leave-confirm-counselor = Keluar dari obrolan dengan { $pseudonym }? { $name } (konselor) tetap menemaninya dan nanti mengakhiri obrolannya.
staff-leave-confirm-case = Kasus #{ $id } masih terbuka, jadi obrolannya tidak akan diakhiri: kamu akan keluar, dan { $pseudonym } tetap ditangani tim sementara konselor dihubungi. Kalau bisa, temani dia sampai konselor bergabung. Tetap mau keluar?
btn-leave-yes = Ya, keluar dari obrolan
staff-end-kept = Baik, obrolan dengan { $pseudonym } berlanjut.
end-case-first = Kasus #{ $id } masih terbuka. Catat dulu hasilnya (tombol di bawah), baru akhiri obrolannya dengan /end.
end-left-counselor-stays = Kamu keluar dari obrolan dengan { $pseudonym }. { $name } (konselor) tetap menemaninya dan nanti mengakhiri obrolannya.
end-case-open-left = Kasus #{ $id } masih terbuka, jadi obrolannya tidak diakhiri: kamu keluar dari obrolan, dan { $pseudonym } tetap ditangani tim (konselor sedang dihubungi). Terima kasih. 💛
session-idle-check-staff = Obrolan dengan { $pseudonym } sedang sepi; akan ditutup dalam { $minutes } menit kalau tidak ada pesan.
note-saved = Catatan tersimpan. Hanya staf yang bisa melihatnya.
note-saved-ended = Catatan disimpan di obrolan dengan { $pseudonym } yang sudah selesai. Hanya tim yang bisa melihatnya. Catatan yang menyebut risiko (pikiran bunuh diri, ada yang menyakitinya) juga sampai ke konselor.
note-usage = Tulis catatan setelah perintah, misalnya /note siswa cemas soal ujian
btn-handoff-any = Serahkan ke siapa saja yang tersedia
btn-handoff-to = Serahkan ke { $name }
handoff-choose = Serahkan obrolan ke siapa? ({ $count } pendamping tersedia)
handoff-offered = { $name } sudah diminta mengambil alih. Obrolan tetap bersamamu sampai dia menerima.
handoff-nobody = Saat ini tidak ada pendamping lain yang bertugas dengan kapasitas kosong.
handoff-pending = Sudah ada penyerahan yang menunggu jawaban.
handoff-done = { $pseudonym } sekarang bersama pendamping lain. Terima kasih!
handoff-failed = { $name } tidak bisa mengambil alih obrolan dengan { $pseudonym }; obrolan tetap bersamamu. Coba /handoff lagi, atau lanjutkan obrolannya.

## Tim: skrining dan tanda risiko
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

briefing-case-earlier = 🛟 Dalam 7 hari terakhir konselor sudah mendampingi { $pseudonym } (kasus #{ $id }: { $outcome }). Pelan-pelan saja, dan kalau ada yang terdengar berisiko lagi, langsung /refer.
briefing-case-open =
    ⚠️ { $pseudonym } punya kasus krisis #{ $id } yang masih terbuka ({ $level }): { $state ->
        [acked] { $acked } sudah melihatnya dan mungkin bergabung di obrolan ini; belum ada yang bergabung.
        [reopened] { $acked } sudah melihatnya, tapi belum ada yang bergabung di obrolan ini, jadi para konselor sedang dihubungi lagi.
        [seen] { $acked } sudah melihatnya, dan konselor sedang dicari untuk bergabung di obrolan ini.
        [held] { $acked } sudah mengambil alih kasus ini dan masih memegangnya (obrolannya dengan siswa ini sudah berakhir); konselor itu sedang diberi tahu bahwa siswa ini ada di obrolan ini, dan bisa bergabung.
       *[paging] konselor sedang dihubungi dan nanti bergabung di obrolan ini.
    }
    Alasan: { $reason }{ $raised ->
        [yes] {"; lalu menulis: "}{ $raised_reason }
       *[no] {""}
    }
    Kata-katanya: { $excerpt }
    Temani dia dengan hangat, jangan akhiri obrolannya, dan pakai /note untuk hal yang perlu diketahui konselor.
briefing-asq = 📋 { $where ->
        [chat] Skrining di obrolan (/screen)
       *[intake] Skrining saat mengisi permintaan
    } — { $answers }
screen-started = Pertanyaan skrining sedang dikirim ke siswa, satu per satu. Semua jawabannya muncul di sini setelah selesai; jawaban "ya" langsung memanggil konselor.
screen-already = Siswa ini sedang menjawab pertanyaan skrining.
screen-started-other = { $name } mulai memberikan pertanyaan skrining ke { $pseudonym }. Semua jawabannya juga muncul di sini setelah selesai; jawaban "ya" langsung memanggil konselor.
screen-result = 📋 { $pseudonym } sudah menjawab pertanyaan skrining — { $answers }
briefing-asq-gently = Siswa ini tidak yakin atau memilih tidak menjawab beberapa pertanyaan skrining. Tanyakan dengan lembut bagaimana keadaannya, dan pakai /refer kalau ada kekhawatiran.
risk-report-how = Balas (reply) pesan siswanya dengan /{ $command } (geser pesannya, atau tekan lama lalu pilih Balas), supaya bot tahu pesan mana yang dimaksud.
risk-report-not-student = Itu bukan pesan siswa dari obrolan. Balas langsung pesan siswanya dengan /{ $command }.
risk-report-not-flagged = Pesan itu tidak ditandai berisiko oleh bot, jadi tidak ada alarm palsu yang perlu dicatat.
risk-report-already = Pesan itu sudah ditandai sebelumnya. Terima kasih!
risk-report-missed = Terima kasih, sudah dicatat untuk peninjauan detektor (bot membacanya sebagai: { $level }). Ini tidak memanggil siapa pun; kalau ada kekhawatiran tentang siswa itu sekarang, pakai /refer.
risk-report-wrong = Terima kasih, sudah dicatat sebagai alarm palsu untuk peninjauan detektor (bot membacanya sebagai: { $level }).

## Tim: kasus krisis
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

risk-0 = tidak ada tanda risiko
risk-1 = ada kekhawatiran
risk-2 = risiko TINGGI
risk-3 = risiko SEGERA
btn-refer = 🆘 Rujuk ke konselor
btn-ack = ✋ Sudah saya lihat
btn-take-over = 💬 Ambil alih
btn-outcome-case = #{ $id }: { $outcome }
btn-outcome-safe = Siswa aman
btn-outcome-referred = Dirujuk untuk tindak lanjut
btn-outcome-emergency = Layanan darurat sudah dihubungi
btn-outcome-false_alarm = Alarm palsu
concern-nudge =
    { $pseudonym } menulis sesuatu yang mungkin tanda risiko: “{ $words }”
    Tanyakan dengan lembut bagaimana keadaannya, dengan kata-katamu sendiri, atau kirim /screen: siswa akan menerima pertanyaan skrining dalam bahasanya, satu per satu. Kalau jawabannya membuatmu khawatir, rujuk ke konselor.
crisis-acked-supporter = 🛟 { $name } sudah melihat kasus krisis { $pseudonym } (#{ $id }), { $counselor ->
        [yes] tapi belum bergabung di obrolan ini.
       *[no] tapi belum ada konselor yang bergabung di obrolan ini.
    } Tetap temani dia. Kalau dalam { $minutes } menit belum ada yang bergabung, para konselor dihubungi lagi, dan kamu akan dikabari.
crisis-remind-supporter = ⏰ { $counselor ->
        [yes] { $name } belum bergabung di obrolan dengan { $pseudonym },
       *[no] { $name } sudah melihat kasusnya, tapi belum ada konselor yang bergabung di obrolan dengan { $pseudonym },
    } jadi para konselor sedang dihubungi lagi (kasus #{ $id }). Tetap temani dia; dia sudah punya nomor darurat.
crisis-tell-supporter =
    ⚠️ { $how ->
        [unsure] { $pseudonym } menjawab “tidak yakin” pada pertanyaan skrining, yang dihitung sebagai { $level } (kata-kata terakhirnya: “{ $words }”)
        [answer] { $pseudonym } menjawab ya pada pertanyaan skrining, yang menunjukkan { $level } (kata-kata terakhirnya: “{ $words }”)
       *[words] { $pseudonym } menulis sesuatu yang menunjukkan { $level }: “{ $words }”
    }
    Konselor sedang dihubungi dan siswa sudah menerima nomor darurat.
    Tetap temani dia: dengarkan, tanggapi dengan serius, tanyakan apakah dia aman sekarang. Jangan menjanjikan rahasia, jangan tinggalkan obrolan. Konselor mungkin akan bergabung.
crisis-tell-supporter-counselor-here =
    ⚠️ { $how ->
        [unsure] { $pseudonym } menjawab “tidak yakin” pada pertanyaan skrining, yang dihitung sebagai { $level } (kata-kata terakhirnya: “{ $words }”)
        [answer] { $pseudonym } menjawab ya pada pertanyaan skrining, yang menunjukkan { $level } (kata-kata terakhirnya: “{ $words }”)
       *[words] { $pseudonym } menulis sesuatu yang menunjukkan { $level }: “{ $words }”
    }
    { $name }, konselor di obrolan ini, memegang kasusnya, dan siswa sudah menerima nomor darurat. Tetap temani dia bersama konselor.
escalation-in-your-chat =
    🆘 Kasus #{ $id } — { $level }, di obrolan Anda
    Siswa: { $pseudonym } · Topik: { $topic } · { $language }
    Alasan: { $reason }{ $raised ->
        [yes] {"; lalu menulis: "}{ $raised_reason }
       *[no] {""}
    }
    Kata-katanya: { $excerpt }
    Kasus ini Anda yang pegang, karena Anda sedang bersamanya. Tetap temani dia; kalau sudah yakin dia aman atau sudah dirujuk, catat hasilnya:
escalation-ping =
    🆘 Kasus #{ $id } — { $level }
    { $who ->
        [invitee] Calon anggota tim (diundang sebagai { $role })
        [member] Anggota tim ({ $role })
       *[student] Siswa: { $pseudonym } · Topik: { $topic } · { $language }
    }
    Alasan: { $reason }{ $more ->
        [yes] {", "}{ $also }
       *[no] {""}
    }{ $raised ->
        [yes] {"; lalu menulis: "}{ $raised_reason }
       *[no] {""}
    }{ $sos ->
        [yes] {" · "}🆘 siswa juga menekan "Aku butuh konselor sekarang"
       *[no] {""}
    }
    Kata-katanya: { $excerpt }
    Menunggu: { $waited } menit{ $seen ->
        [yes] {" · "}{ $seen_by } sudah menekan “Sudah saya lihat” { $seen_ago } menit lalu, tapi belum ada yang bergabung dengan siswa
       *[no] {""}
    }
    { $reader ->
        [coordinator] Tekan “Sudah saya lihat”; obrolan dengan siswa nanti diambil alih konselor. (Tombolnya hilang setelah ada yang menekan.)
       *[counselor] Tekan “Sudah saya lihat” atau “Ambil alih”. (Tombolnya hilang setelah ada yang menekan.)
    }
escalation-broadcast =
    🆘🆘 Kasus #{ $id } BELUM ada yang menangani — { $level }
    { $who ->
        [invitee] Calon anggota tim (diundang sebagai { $role })
        [member] Anggota tim ({ $role })
       *[student] Siswa: { $pseudonym } · Topik: { $topic } · { $language }
    }
    Alasan: { $reason }{ $more ->
        [yes] {", "}{ $also }
       *[no] {""}
    }{ $raised ->
        [yes] {"; lalu menulis: "}{ $raised_reason }
       *[no] {""}
    }{ $sos ->
        [yes] {" · "}🆘 siswa juga menekan "Aku butuh konselor sekarang"
       *[no] {""}
    }
    Kata-katanya: { $excerpt }
    Menunggu: { $waited } menit{ $seen ->
        [yes] {" · "}{ $seen_by } sudah menekan “Sudah saya lihat” { $seen_ago } menit lalu, tapi belum ada yang bergabung dengan siswa
       *[no] {""}
    }
    { $reader ->
        [coordinator] Siapa pun yang bisa, tekan “Sudah saya lihat” sekarang. Obrolan dengan siswa nanti tetap diambil alih konselor.
       *[counselor] Siapa pun yang bisa, tekan “Sudah saya lihat” atau “Ambil alih” sekarang.
    }
escalation-update =
    Kabar terbaru kasus #{ $id } — { $level }
    Alasan: { $reason }{ $more ->
        [yes] {", "}{ $also }
       *[no] {""}
    }{ $raised ->
        [yes] {"; lalu menulis: "}{ $raised_reason }
       *[no] {""}
    }{ $sos ->
        [yes] {" · "}🆘 siswa juga menekan "Aku butuh konselor sekarang"
       *[no] {""}
    }
    Kata-katanya: { $excerpt }
escalation-acked = Kasus #{ $id } sudah Anda tandai sebagai dilihat. Ambil alih untuk mengobrol dengan siswa, atau tutup dengan hasil akhir. Kalau dalam { $minutes } menit belum ada yang mengambil alih atau menutupnya, tim akan dihubungi lagi.
escalation-acked-others-coordinator = { $name } (koordinator) sudah melihat kasus #{ $id }. Masih perlu konselor yang mengambil alih obrolan dengan siswa.
escalation-acked-others = { $name } sudah melihat kasus #{ $id } (belum mengambil alih obrolan dengan siswa).
escalation-taken-others = { $name } sudah mengambil alih kasus #{ $id } dan sekarang mengobrol dengan siswa.
escalation-handed-over = { $name } sudah mengambil alih kasus #{ $id }: obrolan dengan { $pseudonym } sekarang dia yang pegang, dan Anda sudah keluar dari obrolan itu. Terima kasih. 💛
escalation-handover-off = { $name } sudah bertugas lagi dan tetap memegang kasus #{ $id }: tidak perlu diambil alih.
escalation-handover =
    🆘 Kasus #{ $id } — { $level }: { $name } selesai bertugas dan meminta konselor lain mengambil alih
    { $who ->
        [invitee] Calon anggota tim (diundang sebagai { $role })
        [member] Anggota tim ({ $role })
       *[student] Siswa: { $pseudonym } · Topik: { $topic } · { $language }
    }
    Alasan: { $reason }{ $more ->
        [yes] {", "}{ $also }
       *[no] {""}
    }{ $raised ->
        [yes] {"; lalu menulis: "}{ $raised_reason }
       *[no] {""}
    }
    Kata-katanya: { $excerpt }
    { $name } masih di obrolan paling lama { $minutes } menit lagi; kalau sampai saat itu belum ada yang mengambil alih, kasus ini dikabarkan lagi ke tim sebagai kasus terbuka.
    { $reader ->
        [coordinator] Tidak ada konselor lain yang sedang bertugas: kalau bisa, hubungi salah satu konselor untuk mengambil alih.
       *[counselor] Tekan “Ambil alih” untuk bergabung dengan siswa; obrolan sejauh ini ikut terlihat.
    }
escalation-acked-coordinator = Kasus #{ $id } sudah Anda tandai sebagai dilihat. Yang mengambil alih obrolan nanti konselor; Anda bisa mencatat hasil akhirnya di bawah. Kalau dalam { $minutes } menit belum ada yang mengambil alih atau menutupnya, tim akan dihubungi lagi.
escalation-you-acked = { $state ->
        [taken] Kasus #{ $id } sudah Anda ambil alih: catat hasil akhirnya di bawah.
        [coordinator] Kasus #{ $id } sudah Anda tandai sebagai dilihat. Yang mengambil alih obrolan nanti konselor; Anda bisa mencatat hasil akhirnya di bawah.
       *[counselor] Kasus #{ $id } sudah Anda tandai sebagai dilihat: ambil alih atau catat hasil akhirnya di bawah.
    }
escalation-already-acked = { $name } sudah menangani kasus ini.
escalation-already-seen = { $name } sudah lebih dulu melihat kasus ini (belum ada yang mengambil alih).
escalation-closed = Kasus ini sudah selesai.
escalation-taken =
    Anda sekarang ada di obrolan dengan { $pseudonym }. Semua yang Anda tulis sampai ke siswa.
    { $asked ->
        [yes] Saat meminta bantuan, dia menulis: “{ $description }”
       *[no] Dia belum sempat menceritakan alasannya meminta bantuan.
    }
    { $screened ->
        [chat] 📋 Skrining di obrolan (/screen) — { $answers }
            Obrolan sejauh ini:
        [intake] 📋 Skrining saat mengisi permintaan — { $answers }
            Obrolan sejauh ini:
       *[no] Obrolan sejauh ini:
    }
    { $recent }
    Setelah selesai, tutup dengan hasil akhir:
escalation-note-ask = Kasus #{ $id } ditutup dengan hasil "{ $outcome }". Kirim catatan kasus singkat sekarang, atau /skip.
escalation-note-ask-command = Kasus #{ $id } ditutup dengan hasil "{ $outcome }". Anda masih dalam obrolan, jadi pesan Anda berikutnya tetap terkirim ke siswa. Untuk menambah catatan kasus: /casenote { $id } isi catatan
escalation-resolved-no-note = Terima kasih. Kasusnya sudah ditutup (tanpa catatan).
escalation-note-saved = Catatan untuk kasus #{ $id } tersimpan (terenkripsi).
casenote-usage = Untuk menambah catatan ke kasus yang sudah ditutup: /casenote NOMOR-KASUS isi catatan (contoh: /casenote 12 sudah telepon orang tua). Hanya yang menangani kasusnya, atau koordinator, yang bisa menambah.
casenote-no-case = Tidak ada kasus #{ $id }. Lihat yang masih terbuka dengan /cases.
casenote-still-open = Kasus #{ $id } masih terbuka: catat dulu hasilnya lewat tombolnya (/cases), nanti catatannya ikut tersimpan.
escalation-student-left = Kasus #{ $id } masih terbuka, tapi { $pseudonym } sudah keluar dari obrolan. Anda tetap bisa mengambil alih: dia akan melihat konselor bergabung.
escalation-student-withdrew = Kasus #{ $id }: { $pseudonym } membatalkan permintaannya ke pendamping sebaya. Kasusnya masih terbuka: tolong tindak lanjuti.
escalation-student-with-supporter = Kasus #{ $id }: { $pseudonym } sekarang mengobrol dengan pendamping sebaya ({ $name }), yang sudah diberi tahu tentang kasus ini. Kasusnya masih terbuka: Anda bisa bergabung di obrolannya, atau mencatat hasilnya kalau sudah yakin dia aman atau sudah dirujuk.
escalation-student-waiting-again = Kasus #{ $id }: pendamping sebaya yang mengobrol dengan { $pseudonym } harus pergi, dan dia kembali menunggu di antrean. Dia sudah diberi tahu bahwa Anda tahu. { $reader ->
        [counselor] Kasusnya masih terbuka: Anda bisa bergabung dengannya sekarang, atau mencatat hasilnya kalau sudah yakin dia aman atau sudah dirujuk.
       *[other] Kasusnya masih terbuka dan belum ada konselor yang bersamanya: pastikan ada konselor yang menindaklanjutinya.
    }
escalation-resolved = Terima kasih. Kasus ditutup dan catatan tersimpan (terenkripsi).
escalation-resolve-held = { $name } (konselor) sedang bersama siswa di kasus #{ $id }: hasil akhirnya dia yang mencatat.
escalation-resolved-by = { $name } menutup kasus #{ $id } dengan hasil "{ $outcome }".
escalation-resolve-open = Kasus #{ $id } terbuka lagi dan tim sedang dihubungi lagi, jadi belum bisa ditutup. Tekan “Sudah saya lihat” di pesan terbarunya dulu; setelah itu hasil akhirnya bisa dicatat.
escalation-resolve-not-yours = Hanya konselor yang menangani atau mengambil alih kasus ini (atau koordinator, setelah ada yang menangani) yang bisa menutupnya.
counselor-joined-supporter = Konselor { $name } sudah bergabung di obrolanmu. Tetap bersama siswa; ikuti arahan konselor.
crisis-handover-off-supporter = { $name } (konselor) bertugas lagi dan tetap menemani { $pseudonym } (#{ $id }): tidak perlu ada yang mengambil alih.
crisis-handover-supporter = { $name } (konselor) selesai bertugas; konselor lain sedang diminta mengambil alih kasus { $pseudonym } (#{ $id }). Tetap temani siswa ya; kamu akan dikabari siapa yang bergabung.
refer-usage = Tulis alasannya setelah perintah, misalnya /refer bicara soal tidak ingin hidup
refer-already = Konselor sudah dipanggil untuk siswa ini (kasus #{ $id }): tidak perlu apa-apa lagi. Temani dia ya.
refer-done = Terima kasih. Konselor sedang dihubungi.
cases-none = Saat ini tidak ada kasus yang terbuka.
cases-title = Kasus terbuka: { $count }
cases-line =
    #{ $id } · { $state } · { $level } · { $age } { $age_unit ->
        [day] hari
        [hour] jam
       *[min] menit
    }
    { $pseudonym } · { $topic } · { $reason }{ $raised ->
        [yes] {"; lalu menulis: "}{ $raised_reason }
       *[no] {""}
    }{ $sos ->
        [yes] {" · "}🆘 siswa juga menekan "Aku butuh konselor sekarang"
       *[no] {""}
    }
    { $excerpt }
case-open = menunggu ada yang menangani
case-acknowledged = sudah dilihat { $holder }, belum diambil alih
case-taken_over = diambil alih { $holder }

## Tim: koordinator
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

invite-usage = Pakai /invite pendamping atau /invite konselor (supporter / counselor juga bisa).
invite-link = Tautan undangan untuk { $role } (berlaku { $hours } jam, hanya bisa dipakai sekali):
    { $link }
member-joined = { $name } bergabung sebagai { $role }. Tandai pelatihannya selesai di /roster kalau sudah siap.
roster-last-coordinator = { $name } satu-satunya koordinator yang aktif, jadi tetap aktif: tanpa koordinator tidak ada yang bisa menjalankan program atau mengaktifkan anggota lagi. Tambahkan koordinator lain dulu (sejawat members add --role coordinator), baru nonaktifkan.
roster-title = Anggota: { $count }
roster-line =
    { $name } — { $role } (id { $telegram_id })
    terlatih: { $trained } · bertugas: { $duty }{ $off_why ->
        [missed] {" "}(otomatis: beberapa tawaran berturut-turut tidak dijawab)
        [shift] {" "}(shift-nya sudah selesai)
        [blocked] {" "}(dia memblokir bot)
        [self] {" "}(berhenti bertugas sendiri)
       *[none] {""}
    } · aktif: { $active }
    bahasa: { $languages }{ $seat ->
        [supporter] {" · "}obrolan: { $load }/{ $capacity }
        [counselor] {" · "}obrolan: { $load }
       *[other] {""}
    }{ $seat ->
        [supporter] {""}
            minggu ini: { $week_chats } obrolan, { $week_hours } jam · check-in terakhir: { $checkin ->
                [none] belum ada
                [talk] minta ngobrol sama konselor ({ $ago })
               *[other] { $checkin }/5 ({ $ago })
            }{ $resting ->
                [crisis] {" · "}sedang mendampingi siswa yang krisis
                [cooldown] {" · "}sedang istirahat setelah obrolan berat
                [day] {" · "}sudah mencapai batas obrolan hari ini
                [week] {" · "}sudah mencapai batas jam minggu ini
               *[no] {""}
            }
       *[other] {""}
    }
checkin-ago = { $checkin_unit ->
        [day] { $checkin_age } hari lalu
        [hour] { $checkin_age } jam lalu
       *[min] { $checkin_age } menit lalu
    }
yes = ya
no = tidak
btn-mark-trained = ✔ Tandai pelatihan selesai
btn-capacity-down = Kapasitas −1
btn-capacity-up = Kapasitas +1
btn-deactivate = Nonaktifkan
btn-activate = Aktifkan
btn-confirm-deactivate = Ya, nonaktifkan
btn-keep-active = Tidak, tetap aktif
roster-unchanged = Tidak ada yang berubah: status { $name } memang sudah seperti itu.
roster-updated = { $name } dinonaktifkan dan sudah diberi tahu. { $load ->
        [0] Dia tidak punya obrolan terbuka.
       *[other] { $seat ->
            [counselor] { $load } obrolannya yang masih terbuka tetap bersama pendamping sebaya di dalamnya (siswa yang hanya bersamanya kembali ke antrean untuk pendamping), kasus krisis yang dia ambil alih sedang dikirim ulang sebagai peringatan, dan setiap siswa sudah diberi tahu.
           *[other] { $load } obrolannya yang masih terbuka kembali ke antrean (atau tetap bersama konselor di dalamnya) dan setiap siswa sudah diberi tahu.
        }
    }
member-deactivated = Koordinator menonaktifkan keanggotaan ini untuk sementara: permintaan dan peringatan krisis tidak akan dikirim dulu{ $load ->
        [0] .
       *[other] { $went ->
            [colleague] , dan obrolan yang masih terbuka tetap berjalan bersama rekan tim yang ada di dalamnya (setiap siswa sudah diberi tahu).
            [both] , dan obrolan yang masih terbuka tetap bersama rekan tim yang ada di dalamnya, atau, kalau tidak ada, kembali ke urutan paling depan antrean untuk pendamping berikutnya (setiap siswa sudah diberi tahu).
           *[queue] , dan obrolan yang masih terbuka kembali ke urutan paling depan antrean untuk pendamping berikutnya (setiap siswa sudah diberi tahu).
        }
    } Terima kasih atas semua bantuannya. Kalau ada pertanyaan, silakan hubungi koordinator.
member-reactivated = Koordinator mengaktifkan lagi keanggotaan ini. Selamat datang kembali! Kirim /duty kalau sudah siap bertugas.
roster-confirm-deactivate =
    Nonaktifkan { $name }? { $seat ->
        [counselor] Dia tidak akan menerima peringatan krisis atau obrolan lagi{ $load ->
            [0] .
           *[other] . { $load } obrolannya yang masih terbuka tetap bersama pendamping sebaya di dalamnya (siswa yang hanya bersamanya kembali ke antrean untuk pendamping), dan kasus krisis yang dia ambil alih langsung dikirim ulang sebagai peringatan; setiap siswa diberi tahu.
        }
       *[other] Dia tidak akan dapat permintaan baru lagi{ $load ->
            [0] .
           *[other] , dan { $load } obrolannya yang masih terbuka kembali ke antrean (atau tetap bersama konselor di dalamnya); setiap siswa diberi tahu.
        }
    }
    { $last ->
        [counselor] ⚠️ { $name } satu-satunya konselor yang aktif. Tanpa konselor, peringatan krisis hanya sampai ke koordinator sampai Anda menambah atau mengaktifkan konselor lagi.
        [supporter] ⚠️ { $name } satu-satunya pendamping yang sedang bertugas. Tanpa dia, siswa yang minta ngobrol menunggu di antrean sampai ada pendamping lain yang mulai bertugas.
       *[no] {""}
    }
    Anda bisa mengaktifkannya lagi kapan saja.
shifts-title = Jadwal jaga mingguan:
shifts-line = #{ $id } { $name }: { $days } { $start }–{ $end }
shifts-usage = Tambah: /shifts tambah TELEGRAM_ID sen,sel,rab 08:00-12:00 · Hapus: /shifts hapus NOMOR (add / remove juga bisa)
shifts-bad-days = Nama hari tidak dikenal: { $days }. Pakai sen, sel, rab, kam, jum, sab, min (atau mon..sun), dipisah koma.
shifts-add-parts = Menambah jadwal butuh tiga hal setelah "tambah": siapa (id dari /roster), harinya, dan jamnya. Anda menulis { $count }.
shifts-bad-hours = "{ $hours }" bukan rentang jam: tulis seperti 08:00-12:00 (jam 00 sampai 23, atau 24:00 untuk tengah malam di akhir; menit 00 sampai 59).
day-mon = Sen
day-tue = Sel
day-wed = Rab
day-thu = Kam
day-fri = Jum
day-sat = Sab
day-sun = Min
shifts-added = Jadwal #{ $id } ditambahkan untuk { $name }: { $days } { $start }–{ $end }.
shifts-added-overnight = Jadwal #{ $id } ditambahkan untuk { $name }: jadwal ini lewat tengah malam, dari { $start } sampai { $end } keesokan harinya. Kalau bukan itu maksud Anda: /shifts hapus { $id }
shifts-removed = Jadwal #{ $id } dihapus.
shifts-confirm-remove = Hapus jadwal #{ $id }: { $name }, { $days } { $start }–{ $end }? Pengingat untuk jadwal ini juga tidak dikirim lagi.
shifts-already-removed = Jadwal #{ $id } sudah dihapus sebelumnya. Tidak ada yang berubah.
btn-shift-remove = 🗑 Hapus
btn-shift-remove-yes = Ya, hapus
btn-shift-keep = Tidak, simpan
shifts-unknown = Tidak ada jadwal dengan nomor itu.
shifts-unknown-member = Telegram id itu bukan pendamping atau konselor. Undang dia dulu dengan /invite.
shifts-not-an-id = "{ $who }" bukan Telegram id: pakai angka yang tertulis setelah "id" di /roster.
shifts-overlap = { $name } sudah punya jadwal #{ $id } ({ $days } { $start }–{ $end }), dan jadwal ini bertabrakan dengannya. Pilih jam lain, atau hapus dulu jadwal itu: /shifts hapus { $id }
stats =
    Ringkasan program
    Permintaan: { $requests } (menunggu: { $queued })
    Obrolan dengan pendamping: { $active } terbuka, { $closed } selesai
    Obrolan dengan konselor saja: { $counselor_active } terbuka, { $counselor_closed } selesai
    Kasus krisis: { $escalations } (terbuka: { $open_escalations })
    Pendamping bertugas: { $on_duty }
    Rata-rata umpan balik: { $ratings ->
        [0] belum ada penilaian
       *[other] { $rating } dari 5 ({ $ratings } penilaian)
    }

## Tim: bergabung (orang yang membuka tautan undangan)
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

invite-invalid = Tautan undangan ini tidak berlaku: mungkin sudah dipakai atau kedaluwarsa. Silakan minta yang baru ke koordinator.
invite-finish-chat-first = Masih ada obrolan yang berjalan. Selesaikan dulu obrolannya (/end), lalu buka lagi tautan undangannya: masih bisa dipakai.
invite-rate-limited = Terlalu banyak percobaan. Tunggu satu jam lalu coba lagi, atau hubungi koordinator.
onboarding-confirm = Ini undangan untuk bergabung dengan { $program } sebagai { $role }. Bersedia bergabung?
btn-join-yes = Ya, bergabung
btn-join-no = Tidak, terima kasih
onboarding-declined = Baik, tidak ada yang disimpan. Tautan undangannya masih bisa dipakai lagi selama berlaku.
onboarding-name = Nama apa yang akan dilihat koordinator dan konselor? Cukup nama saja, misalnya Bu Sari atau Dimas: perannya sudah tercatat. (Siswa tidak pernah melihatnya.)
onboarding-name-invalid = Tolong kirim nama sepanjang 2 sampai 64 karakter.
onboarding-use-buttons = Silakan pilih lewat tombol di pertanyaan terakhir di atas.
onboarding-media = Di langkah ini hanya teks yang bisa dibaca. Silakan tulis jawabannya.
onboarding-later = Perintah itu bisa dipakai setelah pendaftaran selesai. Jawab dulu pertanyaan terakhir di atas.
onboarding-does-not-fit = Itu tidak cocok untuk langkah ini. Kita lanjut dari sini:
onboarding-languages = Bahasa apa saja yang bisa dipakai untuk mendampingi siswa? Ketuk untuk memilih (✓), lalu Selesai. Terpilih: { $count }
onboarding-pick-language = Pilih setidaknya satu bahasa.
onboarding-topics = Topik apa saja yang nyaman untuk dibahas? Ketuk untuk memilih (✓), lalu Selesai. Terpilih: { $count }
btn-done = Selesai ✔
onboarding-done-supporter = Selamat bergabung! 💛 Koordinatormu akan menandai pelatihanmu selesai; setelah itu kamu bisa bertugas dengan /duty. Kirim /help untuk daftar perintahmu.
onboarding-done-counselor = Selamat bergabung! 💛 Koordinator akan mengonfirmasi; setelah itu Anda bisa mulai bertugas dengan /duty untuk menerima panggilan kasus krisis. Kirim /help untuk daftar perintah Anda.
help-onboarding = Pendaftaran ke program sedang berjalan. Jawab pertanyaan di atas, atau /cancel untuk berhenti.

## Tim: menu perintah (daftar "/" di Telegram; singkat, satu baris)
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

cmd-team-duty = Mulai atau selesai bertugas
cmd-team-chats = Obrolan terbuka: pilih ke siapa pesan dikirim
cmd-team-end = Akhiri obrolan ini
cmd-team-note = Catatan pribadi untuk obrolan ini (hanya staf yang bisa melihat)
cmd-team-handoff = Serahkan obrolan ke pendamping lain
cmd-team-screen = Ajukan pertanyaan skrining ke siswa
cmd-team-refer = Minta konselor turun tangan (tulis alasannya)
cmd-team-help = Perintah yang bisa dipakai di sini
cmd-team-cases = Kasus krisis yang masih terbuka
cmd-team-casenote = Catatan untuk kasus yang Anda tutup (nomor, lalu catatannya)
cmd-team-roster = Anggota tim: pelatihan, kapasitas, nonaktifkan
cmd-team-invite = Tautan undangan sekali pakai (pendamping atau konselor)
cmd-team-shifts = Jadwal jaga
cmd-team-stats = Perkembangan program

## Tim: latihan (siswa skenario dari pelatihan di sandbox; tidak memanggil siapa pun)
practice-would-page =
    🎓 Latihan: { $why ->
        [answered] jawaban { $pseudonym } atas pertanyaan skrining menunjukkan { $level }.
        [note] catatanmu tentang { $pseudonym } mencatat { $level }.
       *[wrote] { $pseudonym } menulis sesuatu yang menunjukkan { $level }.
    } Di obrolan sungguhan, konselor akan dipanggil sekarang dan siswa mendapat nomor darurat. Dalam latihan tidak ada yang dipanggil.
    { $chat ->
        [no] Dia belum ada di obrolan denganmu. Kalau sudah: tetap temani dia, tanyakan langsung apakah dia aman, lalu pakai /refer.
       *[yes] Yang perlu kamu lakukan: tetap temani dia, tanyakan langsung apakah dia aman, lalu pakai /refer.
    }
practice-student-unnamed = siswa latihanmu
practice-would-page-asked = 🎓 Latihan: di obrolan sungguhan, konselor akan dipanggil sekarang untuk menemani { $pseudonym }. Dalam latihan tidak ada yang dipanggil. Tetap temani dia seperti biasa sampai konselor datang.
practice-would-page-refer = 🎓 Latihan: di obrolan sungguhan, rujukanmu memanggil konselor sekarang untuk menemani { $pseudonym }, dan kamu diberi tahu saat konselor bergabung. Dalam latihan tidak ada yang dipanggil dan tidak ada konselor yang datang. Lanjutkan obrolan seperti biasa.
practice-finished = 🎓 Latihan selesai: { $state ->
        [offer] permintaan latihan dari { $pseudonym } ditutup, tawarannya tidak berlaku lagi.
       *[chat] obrolan latihan dengan { $pseudonym } sudah ditutup.
    } Latihan tidak dihitung sebagai obrolan sungguhan. Umpan balikmu ada di halaman pelatihan; di sini tidak ada yang perlu kamu lakukan.

## Tim: kata-kata sendiri (tulisan anggota tim yang terbaca tentang dirinya sendiri)
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

member-own-risk = { $peer ->
        [yes] { $practice ->
            [yes] 🎓 Yang ini bukan latihan: yang barusan kamu tulis terbaca tentang dirimu sendiri, bukan tentang siswa latihan.
           *[no] Yang barusan kamu tulis terbaca tentang dirimu sendiri.
        } Kamu lebih penting dari obrolan mana pun, jadi konselor sedang dihubungi untukmu sekarang, dan nomor darurat ada di pesan sebelum ini. Kalau ternyata bukan tentang dirimu, tidak apa-apa: sampaikan saja ke konselor saat dia menghubungimu.
       *[no] { $practice ->
            [yes] 🎓 Yang ini bukan latihan: tulisan barusan terbaca sebagai cerita tentang diri Anda sendiri, bukan tentang siswa latihan.
           *[no] Tulisan barusan terbaca sebagai cerita tentang diri Anda sendiri.
        } Anda lebih penting dari obrolan mana pun, jadi konselor sedang dihubungi untuk Anda sekarang, dan nomor darurat ada di pesan sebelum ini. Kalau ternyata bukan tentang diri Anda, tidak apa-apa: sampaikan saja ke konselor saat dia menghubungi Anda.
    }


## Tim: lapor dan blokir (siswa yang kasar atau mengirim pesan seksual di obrolan)
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

cmd-team-report = Laporkan siswa yang kasar atau mengirim pesan seksual di obrolan ini
cmd-team-reports = Laporan soal siswa yang menunggu ditinjau
report-why = Kenapa { $pseudonym } dilaporkan? Koordinator akan membaca pesan-pesannya di obrolan ini. (Bisa juga tulis /report lalu ceritakan apa yang terjadi.)
btn-report-abusive = Kasar atau mengancam
btn-report-sexual = Pesan seksual
btn-report-other = Hal lain
report-reason-abusive = kasar atau mengancam
report-reason-sexual = pesan seksual
report-reason-other = hal lain
report-filed = Terima kasih. Laporan soal { $pseudonym } sudah dikirim ke koordinator; mereka akan membaca pesan siswa di obrolan ini lalu memutuskan. Tidak perlu bertahan di obrolan yang menyakitkan: /end untuk mengakhirinya. Kalau kejadian ini masih terasa berat, ceritakan ke konselor.
report-words-added = Tambahan ini sudah masuk ke laporan soal { $pseudonym }; koordinator membacanya bersama laporan itu.
report-already = { $pseudonym } sudah dilaporkan untuk obrolan ini. Koordinator akan meninjaunya.
report-no-chat = Tidak ada obrolan yang bisa dilaporkan: kirim /report di obrolannya (atau paling lambat sehari setelah obrolan selesai).
report-for-review = 🚩 Laporan #{ $id }: { $name } melaporkan { $pseudonym } ({ $reason }). Tolong ditinjau.
btn-report-review = Tinjau
reports-none = Tidak ada laporan yang menunggu ditinjau.
reports-title = Laporan yang menunggu ditinjau: { $count }
report-card =
    🚩 Laporan #{ $id } · { $pseudonym } · { $reason } · dari { $name } · { $age_unit ->
        [day] { $age } hari lalu
        [hour] { $age } jam lalu
       *[min] { $age } menit lalu
    }
    Kata pelapor: { $note }
    Pesan siswa di obrolan itu:
    { $said }
    { $status ->
        [blocked] { $for_good ->
            [yes] ⛔ Diblokir dari obrolan dengan pendamping untuk seterusnya.
           *[no] ⛔ Diblokir dari obrolan dengan pendamping sampai { $until }.
        }
        [dismissed] Ditutup: tidak diblokir.
        [lifted] Blokirnya sudah dicabut.
       *[open] Blokir mengakhiri obrolannya dengan pendamping sekarang dan mencegah obrolan baru; konselor di obrolan itu tetap bersamanya. Pesannya tetap dicek, dan konselor tetap dipanggil kalau dia dalam bahaya.
    }
btn-block-week = ⛔ Blokir 7 hari
btn-block-forever = ⛔ Blokir seterusnya
btn-report-dismiss = Tutup tanpa blokir
btn-block-lift = Cabut blokir
report-unchanged = Laporan #{ $id } sudah diputuskan; kartunya menunjukkan keadaannya sekarang.
report-decided = { $decision ->
        [block] Laporan #{ $id } sudah ditinjau: siswanya diblokir dari obrolan dengan pendamping { $for_good ->
            [yes] untuk seterusnya.
           *[no] sampai { $until }.
        } Terima kasih sudah memberi tahu.
       *[dismiss] Laporan #{ $id } sudah ditinjau: kali ini tidak diblokir. Terima kasih sudah memberi tahu; kalau terjadi lagi, silakan laporkan lagi.
    }

## Siswa: belum bisa ngobrol dengan pendamping (koordinator memblokir setelah laporan)
blocked-student =
    { $for_good ->
        [yes] Kamu udah nggak bisa ngobrol sama pendamping sebaya lagi karena obrolanmu sebelumnya.
       *[no] Untuk sementara kamu belum bisa ngobrol sama pendamping sebaya (sampai { $until }) karena obrolanmu sebelumnya.
    }
    Kalau kamu dalam bahaya atau kepikiran nyakitin diri sendiri, kamu tetap bisa ngobrol sama konselor di sini kapan aja: tekan 🆘. Atau hubungi:
    { $resources }
blocked-student-short = Untuk sekarang kamu belum bisa dihubungkan dengan pendamping sebaya lain. Kalau butuh konselor, tekan 🆘 kapan aja.
unblocked-student = Kamu udah bisa minta pendamping sebaya lagi: kirim /start kapan aja kamu mau ngobrol.

## Siswa: rencana keselamatan (flows.safety_plan)
cmd-myplan = Rencana keselamatanku: lihat atau ubah
btn-plan-make = 📝 Bikin rencana keselamatanku
btn-plan-change = ✏️ Ubah rencanaku
btn-plan-skip = Lewati
btn-plan-keep = Biarin kayak gini
btn-plan-stop = Udahan dulu
btn-plan-share-yes = Iya, konselor boleh lihat
btn-plan-share-no = Nggak, buat aku aja
plan-intro = Isinya 7 bagian singkat. Tulis sebanyak atau sesedikit yang kamu mau; bagian mana aja boleh dilewati, dan bisa kamu ubah nanti lewat /myplan.
plan-ask-warning = 1/7 · Apa tanda-tanda kalau kamu mulai ngerasa berat banget? Pikiran, perasaan, atau situasi yang biasanya jadi tandanya.{ $has ->
        [yes] {""}
            Sekarang: { $now }
       *[no] {""}
    }
plan-ask-alone = 2/7 · Apa yang bisa kamu lakuin sendiri biar sedikit lebih tenang? (Dengerin musik, jalan-jalan, mandi, atur napas, gambar…){ $has ->
        [yes] {""}
            Sekarang: { $now }
       *[no] {""}
    }
plan-ask-distract = 3/7 · Siapa atau ke mana kamu bisa pergi biar pikiranmu nggak ke situ terus?{ $has ->
        [yes] {""}
            Sekarang: { $now }
       *[no] {""}
    }
plan-ask-people = 4/7 · Siapa yang bisa kamu mintain tolong waktu rasanya berat? (Nama, dan cara ngehubunginnya){ $has ->
        [yes] {""}
            Sekarang: { $now }
       *[no] {""}
    }
plan-ask-pros =
    5/7 · Orang profesional dan layanan yang bisa kamu hubungi. Ini udah masuk ke rencanamu:
    { $resources }
    Ada lagi? Misalnya guru BK atau dokter.{ $has ->
        [yes] {""}
            Sekarang: { $now }
       *[no] {""}
    }
plan-ask-safer = 6/7 · Gimana caranya bikin sekitarmu lebih aman waktu lagi berat? (Misalnya minta seseorang nyimpenin barang yang bisa kamu pakai buat nyakitin diri){ $has ->
        [yes] {""}
            Sekarang: { $now }
       *[no] {""}
    }
plan-ask-reasons = 7/7 · Apa alasan-alasanmu buat tetap hidup? Orang, harapan, atau hal yang berarti buat kamu.{ $has ->
        [yes] {""}
            Sekarang: { $now }
       *[no] {""}
    }
plan-ask-share = Pertanyaan terakhir: kalau ada konselor yang lagi ngobrol sama kamu, boleh nggak dia lihat rencanamu? Biar dia bisa bantu kamu lebih pas. Nanti bisa kamu ubah.
plan-saved =
    📝 Rencana keselamatanmu udah disimpan. Ini isinya:
    1. Tanda-tanda: { $warning }
    2. Yang bisa aku lakuin sendiri: { $alone }
    3. Orang dan tempat yang bikin pikiranku teralih: { $distract }
    4. Orang yang bisa aku mintain tolong: { $people }
    5. Orang profesional dan layanan:{ $has_pros ->
        [yes] {" "}{ $pros }
       *[no] {""}
    }
    { $resources }
    6. Bikin sekitarku lebih aman: { $safer }
    7. Alasanku buat tetap hidup: { $reasons }
    { $share ->
        [yes] Konselor yang lagi ngobrol sama kamu boleh lihat.
       *[no] Cuma kamu yang bisa lihat.
    } Kirim /myplan kapan aja buat lihat atau ngubahnya. 💛
plan-show =
    📝 Rencana keselamatanmu
    1. Tanda-tanda: { $warning }
    2. Yang bisa aku lakuin sendiri: { $alone }
    3. Orang dan tempat yang bikin pikiranku teralih: { $distract }
    4. Orang yang bisa aku mintain tolong: { $people }
    5. Orang profesional dan layanan:{ $has_pros ->
        [yes] {" "}{ $pros }
       *[no] {""}
    }
    { $resources }
    6. Bikin sekitarku lebih aman: { $safer }
    7. Alasanku buat tetap hidup: { $reasons }
    { $share ->
        [yes] Konselor yang lagi ngobrol sama kamu boleh lihat.
       *[no] Cuma kamu yang bisa lihat.
    }
plan-change = Mau ngubah sesuatu? Kita bahas lagi satu per satu; tekan "Biarin kayak gini" buat bagian yang udah pas.
plan-none = Kamu belum punya rencana keselamatan. Itu daftar pendek, pakai kata-katamu sendiri, soal apa yang bantu waktu lagi berat banget. Mau bikin sekarang? Kira-kira lima menit aja.
plan-none-not-now = Kamu belum punya rencana keselamatan. Rencananya bisa kamu bikin setelah permintaan atau obrolanmu selesai ya (belum bisa sambil ngisi, nunggu pendamping, atau ngobrol). Kirim /myplan aja nanti.
plan-not-now = Rencanamu bisa kamu bikin atau ubah setelah permintaan atau obrolanmu selesai ya (belum bisa sambil ngisi, nunggu pendamping, atau ngobrol). Kirim /myplan aja nanti; tombolnya juga masih bisa dipakai.
plan-already = Kamu lagi ngisi rencanamu: jawab aja pertanyaan di atas.
plan-stopped = Oke, udahan dulu. Apa pun yang udah kamu tulis tetap tersimpan: /myplan buat lihat, dan bisa kamu ubah di sana kapan aja.
plan-stopped-start = Rencanamu sejauh ini tersimpan (/myplan buat lihat). Kirim /start lagi buat minta dukungan.
plan-help = Kamu lagi bikin rencana keselamatan: tulis jawabanmu buat pertanyaan di atas, atau tekan Lewati atau Udahan dulu. Kalau butuh konselor sekarang, tekan 🆘.
plan-text-only = Tulis pakai teks ya, biar bisa masuk ke rencanamu.
plan-offered = 💛 { $who ->
        [counselor] Konselormu
       *[supporter] Pendampingmu
    } nyaranin kamu { $has ->
        [yes] lihat lagi rencana keselamatanmu, masih pas atau nggak.
       *[no] bikin rencana keselamatan: daftar pendek, pakai kata-katamu sendiri, soal apa yang bantu waktu lagi berat banget.
    } Tekan tombolnya setelah obrolan ini selesai (atau kirim /myplan nanti).

## Tim: rencana keselamatan siswa
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

cmd-team-checkin = Catatan untuk check-in setelah obrolan berat
cmd-team-offerplan = Tawarkan rencana keselamatan ke siswa (tombol untuknya)
cmd-team-theirplan = Rencana keselamatan siswa, kalau dia mengizinkan konselor melihatnya
plan-offer-sent = Siswa sudah menerima tombol untuk membuat rencana keselamatan. Itu dimulai setelah obrolan kalian selesai; kalau dia mengizinkan, konselor yang bersamanya bisa membacanya dengan /theirplan.
plan-staff-none = { $pseudonym } belum punya rencana keselamatan. Anda bisa menawarkannya dengan /offerplan.
plan-staff-not-shared = { $pseudonym } punya rencana keselamatan tetapi belum mengizinkan konselor melihatnya. Tolong hargai itu; Anda bisa menanyakannya di obrolan.
plan-staff-show =
    📝 Rencana keselamatan { $pseudonym } (dia mengizinkan Anda melihatnya):
    1. Tanda-tanda: { $warning }
    2. Yang bisa dia lakukan sendiri: { $alone }
    3. Orang dan tempat yang membuat pikirannya teralih: { $distract }
    4. Orang yang bisa dia mintai tolong: { $people }
    5. Tenaga profesional dan layanan: { $pros }
    6. Membuat sekitarnya lebih aman: { $safer }
    7. Alasannya untuk tetap hidup: { $reasons }

## Siswa: bantu teman (rute teman di intake, /friend)
friend-guidance =
    💛 Keren banget kamu peduli sama temanmu. Beberapa hal yang bisa bantu:
    • Tanda yang perlu diperhatiin: dia ngomong soal jadi beban atau pengen ngilang, ngasih-ngasihin barangnya, menjauh dari semua orang, atau tiba-tiba kelihatan tenang banget setelah masa yang berat.
    • Cara mulai ngobrol: cari waktu yang tenang, bilang apa yang kamu perhatiin ("Aku lihat kamu akhir-akhir ini…, kamu sebenernya gimana?"), lebih banyak dengerin, dan jangan nge-judge.
    • Jangan janji nyimpen rahasia soal bahaya. Kalau dia mungkin nyakitin diri sendiri atau ada yang nyakitin dia, ngasih tahu orang dewasa yang kamu percaya itu justru tanda kamu teman yang baik.
    • Jaga dirimu juga: kamu nggak harus nanggung ini sendirian, dan bukan tugasmu buat nyelesaiin semuanya.
    Kalau temanmu dalam bahaya sekarang, hubungi:
    { $resources }
friend-choose = Terus kamu mau gimana?
btn-friend-talk = 💬 Ngobrol sama pendamping soal temanku
btn-friend-alert = 🆘 Kasih tahu konselor soal temanku
btn-friend-done = Udah, makasih
friend-take-care = Makasih udah peduli sama temanmu. 💛 Kirim /friend atau /start kapan aja kalau mau ngobrolin ini.
friend-what = Apa yang kamu tahu? Ceritain pakai kata-katamu sendiri apa yang bikin kamu khawatir soal temanmu (nggak perlu sebut namanya).
friend-class = Kelas atau angkatannya, kalau kamu tahu dan nggak keberatan (atau tekan Lewati).
friend-urgency = Seberapa mendesak rasanya?
btn-urgency-now = Lagi kejadian sekarang / hari ini
btn-urgency-soon = Bikin khawatir, tapi bukan sekarang
btn-urgency-unsure = Aku nggak yakin
friend-alert-sent =
    Makasih udah ngasih tahu kami. 💛 Konselor udah dikabarin dan bakal nanganin dari sini; mungkin dia nanya ke kamu di sini soal yang kamu tahu. Kamu nggak perlu ngapa-ngapain lagi, dan bukan tugasmu buat nyelesaiin ini.{ $now ->
        [yes] {" "}Kalau temanmu dalam bahaya sekarang, hubungi nomor darurat:
            { $resources }
       *[no] {""}
    }
friend-words-heard =
    Makasih udah cerita soal temanmu. 💛 Yang kamu tulis kedengarannya serius, jadi konselor udah langsung dikabarin. Dua pertanyaan singkat lagi ya, biar mereka bisa cepat nemuin temanmu. Kalau temanmu dalam bahaya sekarang, hubungi nomor darurat:
    { $resources }
friend-in-chat = Kalau kamu mau, konselor bisa ngecek soal temanmu: tekan tombolnya, terus ceritain ke pendampingmu di sini apa yang kamu tahu.

## Tim: bantu teman
friend-alert-staff = Siswa meminta konselor mengecek seorang teman yang dia khawatirkan (bukan dirinya sendiri). Konselor sedang dihubungi; tetap dengarkan, dan biarkan dia menceritakan apa yang dia tahu.

## Siswa: bantu diri sendiri sambil nunggu dan di luar jam (flows.selfhelp, /selfhelp)
selfhelp-offer = { $when ->
        [closed] Selama program lagi tutup, ada beberapa hal yang bisa kamu coba sendiri, kalau mau: latihan napas, grounding, sama tips singkat. Permintaanmu tetap tersimpan.
       *[other] Sambil nunggu, ada beberapa hal yang bisa kamu coba, kalau mau: latihan napas, grounding, sama tips singkat. Tempatmu di antrean nggak berubah kok. 🌿
    }
btn-selfhelp-open = 🌿 Lihat yang bisa kucoba
selfhelp-menu =
    🌿 Beberapa hal yang bisa kamu coba sendiri. Masing-masing cuma semenit dua menit.

    • Napas kotak dan napas 4-7-8: napas pelan-pelan biar badan lebih tenang
    • Grounding 5-4-3-2-1: biar pikiranmu balik ke saat ini, lewat apa yang kamu lihat, dengar, dan rasain
    • Tips: kartu singkat soal stres ujian, cemas, kesepian, masalah di rumah, bullying, lagi down

    Kalau rasanya makin berat, nggak usah nunggu: nomor darurat ada di /help.
btn-selfhelp-box = 🌬️ Napas kotak
btn-selfhelp-478 = 🌬️ Napas 4-7-8
btn-selfhelp-ground = 🖐️ Grounding 5-4-3-2-1
btn-selfhelp-cards = 📇 Tips per topik
btn-selfhelp-menu = 🌿 Yang lain
btn-selfhelp-rounds = { $rounds } putaran
selfhelp-rounds = { $kind ->
        [box] 🌬️ Napas kotak: tarik napas 4 detik, tahan 4, buang 4, tahan 4. Mau berapa putaran? (Satu putaran 16 detik.)
       *[other] 🌬️ Napas 4-7-8: tarik napas 4 detik, tahan 7, buang 8. Mau berapa putaran? (Satu putaran 19 detik.) Kalau pusing, berhenti aja dan napas biasa.
    }
selfhelp-breath =
    { $kind ->
        [box] 🌬️ Napas kotak
       *[other] 🌬️ Napas 4-7-8
    } · putaran { $round } dari { $rounds }

    { $paused ->
        [yes] ⏸ Dijeda. Santai aja, tap Lanjut kalau udah siap.
       *[no] { $phase ->
            [in] Tarik napas pelan-pelan lewat hidung… ({ $seconds } detik)
            [hold] Tahan napasnya, santai aja… ({ $seconds } detik)
            [out] Buang napas pelan-pelan lewat mulut… ({ $seconds } detik)
           *[rest] Diam sebentar sebelum tarik napas lagi… ({ $seconds } detik)
        }
    }

    { $bar }
btn-selfhelp-pause = ⏸ Jeda
btn-selfhelp-resume = ▶️ Lanjut
btn-selfhelp-stop = ⏹ Berhenti
selfhelp-ground =
    🖐️ Grounding 5-4-3-2-1 · { $step }/{ $steps }

    { $sense ->
        [see] Lihat sekelilingmu. Cari 5 benda yang bisa kamu lihat. Perhatiin satu-satu: warnanya, bentuknya.
        [touch] Rasain 4 hal yang bisa kamu sentuh: kaki di lantai, kursi yang kamu dudukin, bajumu, udara di kulitmu.
        [hear] Dengerin baik-baik. Cari 3 suara yang bisa kamu dengar, yang dekat atau yang jauh.
        [smell] Cari 2 bau yang bisa kamu cium. Kalau nggak ada, bayangin 2 bau yang kamu suka.
       *[taste] Rasain 1 rasa di mulutmu sekarang, atau bayangin rasa yang kamu suka.
    }

    Kamu bisa ketik apa yang kamu perhatiin, atau langsung tap Lanjut. Yang kamu ketik nggak disimpan dan nggak dilihat pendampingmu. Tapi kalau isinya bikin kami khawatir soal keselamatanmu, kalimat itu kami simpan dan kirim ke konselor biar dia bisa bantu.
btn-selfhelp-next = Lanjut ▶️
selfhelp-done =
    🌿 Selesai: { $kind ->
        [box] { $rounds } putaran napas kotak.
        [four] { $rounds } putaran napas 4-7-8.
       *[ground] grounding 5-4-3-2-1.
    }
    Coba rasain badanmu sekarang. Sedikit lebih tenang aja udah bagus kok. Kamu bisa ulangi kapan aja lewat /selfhelp.
btn-selfhelp-again = 🔁 Ulangi
selfhelp-stopped = { $kind ->
        [ground] ⏹ Udah berhenti. Nggak apa-apa, { $steps ->
            [0] nyoba sebentar aja udah bagus.
            [1] satu langkah aja udah membantu.
           *[other] beberapa langkah aja udah membantu.
        } Balik lagi kapan aja lewat /selfhelp.
       *[other] ⏹ Udah berhenti. Nggak apa-apa, beberapa tarikan napas pelan aja udah membantu. Balik lagi kapan aja lewat /selfhelp.
    }
selfhelp-interrupted = { $place ->
        [session] ⏹ Latihannya berhenti di sini karena obrolanmu udah mulai. 💛
        [case] ⏹ Latihannya berhenti di sini: konselor lagi dihubungi buat ngecek kamu. 💛
        [intake] ⏹ Latihannya berhenti di sini karena kamu lagi mulai permintaan baru. Nanti bisa diulang lewat /selfhelp.
        [plan] ⏹ Latihannya berhenti di sini karena kamu lagi ngisi rencana keselamatanmu. Nanti bisa diulang lewat /selfhelp.
       *[other] ⏹ Latihannya berhenti di sini. Kamu bisa mulai lagi kapan aja lewat /selfhelp.
    }
selfhelp-step-done = Langkah itu udah lewat, kamu udah di langkah berikutnya. 👍
selfhelp-already-over = Latihan itu udah selesai. Mulai lagi lewat /selfhelp ya.
selfhelp-not-now = { $place ->
        [session] Kamu lagi ngobrol di sini, jadi latihannya nanti aja setelah obrolannya selesai. Mau latihan napas bareng? Bilang aja ke pendamping atau konselor yang lagi ngobrol sama kamu. 💛
        [plan] Selesaiin atau jeda dulu rencana keselamatanmu (“Udahan dulu” nyimpen yang udah kamu tulis), abis itu kirim /selfhelp.
       *[other] Kita beresin dulu pertanyaan-pertanyaannya ya (atau kirim /cancel kalau nggak jadi). Latihan di /selfhelp bisa kamu pakai sambil nunggu pendamping.
    }
selfhelp-share-ask = Satu pertanyaan, cuma sekali ini: boleh nggak pendamping yang nanti nerima permintaanmu tahu latihan apa aja yang kamu lakuin sambil nunggu? Yang dia lihat cuma namanya (misalnya “napas kotak”), bukan apa yang kamu ketik.
btn-selfhelp-share-yes = Boleh
btn-selfhelp-share-no = Nggak usah
selfhelp-share-thanks = { $share ->
        [yes] Oke. Pendampingmu bakal tahu latihan apa aja yang kamu lakuin sambil nunggu. 💛
       *[no] Oke, itu buat kamu aja.
    }
selfhelp-cards = 📇 Pilih topiknya:
btn-card-exams = Stres ujian
btn-card-worry = Cemas dan overthinking
btn-card-lonely = Ngerasa kesepian
btn-card-home = Masalah di rumah
btn-card-bullying = Bullying
btn-card-low = Lagi down
btn-selfhelp-more-cards = 📇 Topik lain
card-exams =
    📇 Stres ujian
    • Pecah jadi kecil-kecil: pilih satu tugas kecil buat 25 menit ke depan, terus istirahat 5 menit.
    • Tidur itu bagian dari belajar: yang kamu pelajari nempel waktu kamu tidur.
    • “Aku pasti gagal semua” itu pikiran, bukan fakta. Kamu bakal bilang apa ke teman yang mikir gitu?
    • Sebelum ujian: tarik napas pelan beberapa kali, telapak kaki nempel di lantai.
    • Satu nilai nggak nentuin siapa kamu.
card-worry =
    📇 Cemas dan overthinking
    • Sadari pikirannya: bilang ke diri sendiri “Aku lagi mikir kalau…”. Pikiran itu bukan fakta.
    • Tulis yang bikin kamu cemas, terus tanya: ada yang bisa aku lakuin hari ini? Kalau ada, pilih satu langkah kecil. Kalau nggak ada, simpan dulu kertasnya.
    • Kasih jatah waktu buat cemas: 15 menit di jam tertentu. Kalau datang lebih cepat, bilang ke dirimu “nanti aja”.
    • Badanmu juga bisa bantu: napas pelan (coba napas 4-7-8) atau grounding 5-4-3-2-1.
    • Kurangin kafein dan scrolling malam-malam, biar cemasnya lebih tenang.
card-lonely =
    📇 Ngerasa kesepian
    • Banyak yang ngerasain ini, bahkan yang kelihatannya punya banyak teman.
    • Mulai dari yang kecil: chat satu orang, nyapa teman sekelas, ikut satu ekskul atau kegiatan.
    • Ngelakuin hal yang kamu suka (musik, gambar, jalan-jalan) juga bisa jadi teman.
    • Kebanyakan scrolling bisa bikin makin kesepian: coba perhatiin rasanya abis itu.
    • Kamu udah mau cerita di sini, dan itu berarti.
card-home =
    📇 Masalah di rumah
    • Kalau orang tua atau orang di rumah bertengkar, itu bukan salahmu.
    • Cari tempat yang lebih tenang kalau lagi butuh: kamarmu, rumah teman, perpustakaan sekolah.
    • Nulis apa yang kamu rasain bisa bikin kepala sedikit lebih lega.
    • Cerita ke orang dewasa yang kamu percaya: saudara, guru, konselor.
    • Kalau ada orang di rumah yang nyakitin kamu atau kamu nggak ngerasa aman, itu nggak oke: tekan 🆘 di bawah buat ngobrol sama konselor (nomor darurat ada di /help).
card-bullying =
    📇 Bullying
    • Itu bukan salahmu, dan kamu nggak harus ngadepin sendirian.
    • Simpan buktinya: screenshot, tanggal, siapa aja yang ada di situ.
    • Usahain dekat sama orang yang kamu percaya, dan jangan sendirian di tempat kejadiannya kalau bisa.
    • Kalau di online, kamu bisa blokir, mute, dan laporin.
    • Cerita ke orang dewasa yang kamu percaya, atau tekan 🆘 di bawah buat ngobrol sama konselor. Cerita itu bukan ngadu, tapi jaga dirimu biar aman.
card-low =
    📇 Lagi down
    • Lakuin satu hal kecil aja: mandi, minum segelas air, jalan sebentar, buka jendela.
    • Kena sinar matahari dan gerak sedikit, lima menit juga udah cukup.
    • Jaga rutinitas sederhana: makan dan tidur di jam yang kurang lebih sama.
    • Perlakuin dirimu sendiri sebaik kamu ke temanmu.
    • Kalau udah berat selama dua minggu lebih, atau kamu kepikiran nggak pengen hidup, tekan 🆘 di bawah buat ngobrol sama konselor ya (nomor darurat ada di /help).

## Tim: latihan mandiri yang dilakukan siswa sambil menunggu (hanya kalau dia setuju)
briefing-selfhelp = 🌿 Sebelum obrolan ini, { $pseudonym } mencoba: { $did }. Dia setuju kamu tahu ini; yang dia ketik tidak pernah ditampilkan.
selfhelp-did = { $kind ->
        [box] napas kotak ({ $rounds } putaran, { $how ->
            [done] selesai
           *[part] berhenti di tengah
        })
        [four] napas 4-7-8 ({ $rounds } putaran, { $how ->
            [done] selesai
           *[part] berhenti di tengah
        })
       *[ground] grounding 5-4-3-2-1 ({ $how ->
            [done] selesai
           *[part] berhenti di tengah
        })
    }
