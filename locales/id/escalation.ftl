# Kasus krisis: siapa, kenapa, dan kata-katanya sendiri, dalam bahasa konselor

## Siswa: konselor sedang dipanggil, atau sudah di sini
counselor-already-coming = Kami lagi ngehubungin konselor buat kamu. Tetap di sini ya, konselor bakal nyapa kamu secepatnya. 💛
counselor-already-here = Konselor udah ada di obrolan ini bareng kamu. Tulis aja di sini ya. 💛

## Tim: kartu kasus (siapa, kenapa, dan kata-katanya sendiri)
topic-unknown = belum dipilih
ping-no-words = (belum menulis apa-apa)
ping-no-words-earlier = (belum menulis apa-apa) · kasus sebelumnya, #{ $earlier_id }, { $earlier_ago } { $earlier_unit ->
        [day] hari
        [hour] jam
       *[min] menit
    } lalu ({ $earlier_state ->
        [safe] saat itu ditutup: siswa aman
        [referred] saat itu ditutup: dirujuk untuk tindak lanjut
        [emergency] saat itu ditutup: layanan darurat sudah dihubungi
        [false_alarm] saat itu ditutup sebagai alarm palsu
       *[open] saat itu dibuka, masih terbuka
    }): “{ $earlier_words }”
reason-suicide = kata-kata soal bunuh diri
reason-self_harm = kata-kata soal menyakiti diri sendiri
reason-abuse = kata-kata soal disakiti atau dianiaya orang lain
reason-violence = kata-kata soal menyakiti orang lain
reason-hopeless = kata-kata putus asa
reason-second_opinion = tidak ada aturan yang cocok, tapi pendapat kedua (model statistik) menilai kata-kata ini mengkhawatirkan (tingkat perhatian, untuk dilihat konselor)
reason-words = kata-kata berisiko
reason-student = siswa menekan "Aku butuh konselor sekarang"
reason-refer = dirujuk oleh pendamping sebayanya
reason-screening-unsure = menjawab tidak yakin saat ditanya langsung soal pikiran bunuh diri, dan tidak ada pendamping yang sedang bersamanya
reason-screening = menjawab ya: ada pikiran bunuh diri dalam beberapa minggu terakhir
reason-asq = menjawab ya pada pertanyaan skrining (ASQ)
reason-asq-now = menjawab ya: sedang kepikiran bunuh diri sekarang (ASQ)
asq-answers = berharap mati: { $asq_1 ->
        [yes] YA
        [no] tidak
        [skip] tidak mau menjawab
        [unsure] tidak yakin
        [wait] belum dijawab
       *[other] tidak ditanyakan
    } · merasa dia/keluarganya lebih baik kalau dia mati: { $asq_2 ->
        [yes] YA
        [no] tidak
        [skip] tidak mau menjawab
        [unsure] tidak yakin
        [wait] belum dijawab
       *[other] tidak ditanyakan
    } · pikiran bunuh diri seminggu terakhir: { $asq_3 ->
        [yes] YA
        [no] tidak
        [skip] tidak mau menjawab
        [unsure] tidak yakin
        [wait] belum dijawab
       *[other] tidak ditanyakan
    } · pernah mencoba: { $asq_4 ->
        [yes] YA
        [no] tidak
        [skip] tidak mau menjawab
        [unsure] tidak yakin
        [wait] belum dijawab
       *[other] tidak ditanyakan
    } · sekarang: { $asq_5 ->
        [yes] YA
        [no] tidak
        [skip] tidak mau menjawab
        [unsure] tidak yakin
        [wait] belum dijawab
       *[other] tidak ditanyakan
    }
reason-screening-now = menjawab ya: sedang berpikir untuk bunuh diri sekarang
reason-note = pendamping sebayanya menulis catatan soal risiko
reason-friend = seorang siswa khawatir tentang temannya (yang dia tahu ada di bawah; mengambil alih berarti mengobrol dengan siswa yang melapor)
history-student = Siswa
history-supporter = Pendamping
history-counselor = Konselor
history-waiting = Siswa (saat belum ada yang menemani di obrolan)
history-empty = (siswa belum menulis apa-apa)
history-opened = Pesan siswa yang memicu kasus ini
history-cut = …
history-asq = 📋 Pertanyaan skrining: { $question ->
        [wish-dead] pernah berharap dirinya mati, beberapa minggu terakhir?
        [better-off-dead] merasa dia atau keluarganya akan lebih baik kalau dia mati, beberapa minggu terakhir?
        [thoughts] terpikir untuk bunuh diri, seminggu terakhir?
        [tried] pernah mencoba bunuh diri?
       *[now] sedang terpikir untuk bunuh diri sekarang?
    } Jawaban: { $answer ->
        [yes] YA
        [no] tidak
        [skip] tidak mau menjawab
       *[unsure] tidak yakin
    }

## Tim: pengingat, dan kabar ke yang ada di obrolan
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

escalation-reminder =
    ⏰ Kasus #{ $id } — { $level } masih terbuka: sudah ada yang menangani, tapi belum ada yang mengambil alih atau menutupnya.{ $sos ->
        [yes] {" "}🆘 Siswa sudah menekan "Aku butuh konselor sekarang".
       *[no] {""}
    }
    Siswa: { $pseudonym } · Topik: { $topic } · { $language }
    Kata-katanya: { $excerpt }
    Tolong ambil alih atau tutup kasusnya; tim sedang dihubungi lagi.
escalation-outcome-reminder = Kasus #{ $id } ({ $pseudonym }) belum punya hasil akhir. Kalau Anda khawatir, buka lagi obrolannya; kalau sudah yakin siswa aman atau sudah dirujuk, tutup kasusnya:
escalation-outcome-coordinator = Kasus #{ $id } ({ $pseudonym }): { $name } sudah mengambil alih dan obrolannya sudah selesai, tapi hasil akhirnya belum dicatat. Tolong tanyakan ke { $name }; Anda juga bisa mencatat hasilnya di sini:
escalation-already-yours = Anda sudah ada di obrolan untuk kasus #{ $id }.
escalation-asq-complete =
    Kasus #{ $id }: { $pseudonym } sudah menjawab semua pertanyaan skrining.
    { $answers }
sos-pressed-counselor = 🆘 { $pseudonym } barusan menekan "Aku butuh konselor sekarang". Anda ada di obrolannya; dia sudah diberi tahu bahwa Anda ada di sini.
crisis-tell-supporter-asked =
    ⚠️ { $pseudonym } minta dihubungkan ke konselor. Konselor sedang dihubungi dan siswa sudah dapat nomor darurat.
    Tetap temani dia: dengarkan, tanggapi dengan serius, tanya apakah dia aman sekarang. Jangan janji menyimpan rahasia dan jangan tinggalkan obrolan. Konselor mungkin akan bergabung.

## Tim: pilihan yang sudah dicentang saat bergabung
btn-chosen = ✓ { $name }
