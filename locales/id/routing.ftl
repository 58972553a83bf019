# Routing: ke mana permintaan pergi kalau belum ada yang mengambil, peringatan untuk koordinator,
# dan obrolan yang dikembalikan ke tim. Kunci dan placeable sama dengan locales/en/routing.ftl.

## Siswa: menunggu saat belum ada yang bertugas
queue-nobody-on-duty =
    Sekarang belum ada pendamping sebaya yang bertugas dan bisa nerima permintaanmu. Permintaanmu udah tersimpan, dan bakal diteruskan ke pendamping pertama yang mulai bertugas. Nanti ada pesan di sini. Kamu nggak perlu ngapa-ngapain.

    Kalau kamu butuh bantuan sekarang, hubungi:
    { $resources }
queue-taking-long =
    Maaf ya, nyari pendampingnya lagi lebih lama dari biasanya. 🙏 Kamu masih di { queue-place } antrean{ $told ->
        [yes] , dan koordinator program udah dikabarin
       *[no] {""}
    }. Nanti ada pesan di sini begitu ada yang gabung. Kamu nggak perlu ngapa-ngapain.

    Kalau kamu butuh bantuan sekarang, hubungi:
    { $resources }

## Tim: tawaran yang tidak kamu ambil (ke mana perginya, apa adanya)
offer-expired-again = ⏰ Kamu belum menjawab tawaran untuk { $pseudonym } tepat waktu. Saat ini tidak ada pendamping lain yang bisa, jadi tawarannya dikirim lagi ke kamu (di bawah).
offer-expired-waiting = ⏰ Kamu belum menjawab tawaran untuk { $pseudonym } tepat waktu. Saat ini tidak ada pendamping lain yang bisa, jadi permintaannya kembali ke antrean dan akan ditawarkan lagi begitu ada yang bisa.
offer-declined-waiting = Oke. Saat ini tidak ada pendamping lain yang bisa menerima { $pseudonym }, jadi permintaannya menunggu di antrean dan akan diteruskan ke pendamping pertama yang bisa (mungkin kamu lagi, nanti).
offer-handoff-ended = Penyerahan obrolan { $pseudonym } tidak jadi; obrolannya tetap bersama pendamping yang sekarang.

## Tim: permintaan yang belum diambil siapa pun (untuk koordinator)
unattended-alert =
    ⚠️ { $pseudonym } sudah menunggu { $waited } menit dan permintaannya belum diambil siapa pun.
    Topik: { $topic } · Bahasa: { $language }
    Sebabnya: { $why }{ $case ->
        [0] {""}
       *[other] {""}
            🆘 Siswa ini juga punya kasus krisis #{ $case } yang masih terbuka: lihat /cases.
    }
    Ini satu-satunya peringatan untuk permintaan ini.
unattended-why-nobody-on-duty = tidak ada pendamping bertugas yang bisa bahasa ini.
unattended-why-all-busy = semua pendamping yang bertugas sedang penuh.
unattended-why-not-accepted = sudah ditawarkan, tapi ditolak atau belum dijawab.
unattended-why-offered-late = sampai { $offered_ago ->
        [0] barusan
       *[other] { $offered_ago } menit lalu
    } tidak ada pendamping bertugas yang bisa menerimanya (sedang istirahat, penuh, atau tidak bertugas); sejak itu sudah ditawarkan, tapi belum dijawab.

## Siswa: pendampingnya harus pergi
handback-student =
    Maaf ya, { $who ->
        [counselor] konselor yang nemenin kamu
       *[supporter] pendampingmu
    } harus pergi dulu. 🙏 { $wait ->
        [nobody] Sekarang lagi nggak ada pendamping lain yang bertugas dan bisa nerima permintaanmu. Permintaanmu udah tersimpan dan kamu di urutan paling depan: pendamping pertama yang mulai bertugas bakal baca permintaanmu dan catatan obrolan tadi, jadi kamu nggak perlu mulai dari nol. Nanti ada pesan di sini begitu dia gabung.
        [closed] Program lagi tutup, jadi belum ada pendamping lain yang bisa gabung sampai buka lagi ({ $opens }). Permintaanmu udah tersimpan dan kamu di urutan paling depan: pendamping berikutnya bakal baca permintaanmu dan catatan obrolan tadi, jadi kamu nggak perlu mulai dari nol. Nanti ada pesan di sini begitu dia gabung.
       *[open] Sekarang kamu di urutan paling depan. Pendamping berikutnya bakal baca permintaanmu dan catatan obrolan tadi, jadi kamu nggak perlu mulai dari nol. Nanti ada pesan di sini begitu dia gabung.
    }

    Kalau kamu butuh bantuan sekarang, hubungi:
    { $resources }
handback-student-case =
    Maaf ya, { $who ->
        [counselor] konselor yang nemenin kamu
       *[supporter] pendampingmu
    } harus pergi dulu. 🙏 { $case ->
        [held] Konselor yang udah tahu soal keadaanmu udah dikabarin kalau kamu nunggu lagi, dan dia bisa nyapa kamu di sini.
        [seen] Orang dari tim sekolah yang udah baca pesanmu udah dikabarin kalau kamu nunggu lagi.
       *[paging] { $who ->
            [counselor] Sekarang kami langsung hubungin konselor lagi buat kamu, dan dia bakal nyapa kamu di sini.
           *[supporter] Konselor tetap lagi dihubungi buat kamu dan bakal nyapa kamu di sini.
        }
    } { $wait ->
        [nobody] Sekarang lagi nggak ada pendamping lain yang bertugas dan bisa nerima permintaanmu; kamu di urutan paling depan buat pendamping pertama yang mulai bertugas, yang bakal baca permintaanmu dan catatan obrolan tadi.
        [closed] Program lagi tutup, jadi belum ada pendamping lain yang bisa gabung sampai buka lagi ({ $opens }); kamu di urutan paling depan buat pendamping berikutnya, yang bakal baca permintaanmu dan catatan obrolan tadi.
       *[open] Kamu juga di urutan paling depan buat pendamping berikutnya, yang bakal baca permintaanmu dan catatan obrolan tadi.
    }

    Kalau kamu dalam bahaya sekarang, hubungi:
    { $resources }
handback-student-stays = Maaf ya, { $role } yang nemenin kamu harus keluar dari obrolan, tapi { $stays } masih di sini. Tulis aja terus di sini ya.

## Tim: obrolan yang dikembalikan ke tim
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

handback-done = Obrolan dengan { $pseudonym } sudah dikembalikan ke tim karena tugas jaga sudah selesai. Terima kasih sudah menemaninya. 💛
handback-kept = Sudah bertugas lagi: { $chats } obrolan terbuka tidak jadi dikembalikan ke tim.
handback-colleague = Info: { $role } sudah keluar dari obrolan dengan { $pseudonym }. Obrolannya tetap berlanjut di sini.

## Tim: menjaga dirimu (batas dan jeda setelah obrolan krisis)
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

wellbeing-cooldown =
    Obrolan tadi berat. 💛 Istirahat dulu ya: selama { $minutes } menit ke depan kamu tidak akan dapat permintaan baru (obrolanmu yang lain tetap jalan). Nanti ada pesan saat permintaan bisa masuk lagi.

    Bagaimana perasaanmu setelah obrolan tadi? 1 (berat) sampai 5 (baik). Kalau masih membebanimu, tekan “Bicara dengan konselor”. Setelah menjawab, kamu bisa menambahkan catatan dengan /checkin.
wellbeing-cooldown-over = Mulai sekarang kamu bisa dapat permintaan baru lagi. Jaga dirimu ya. 💛
wellbeing-limit-day = Hari ini kamu sudah menemani { $limit } obrolan, batas program untuk satu hari. Sampai besok kamu tidak akan dapat permintaan baru. Terima kasih untuk hari ini. 💛
wellbeing-limit-week = Minggu ini kamu sudah { $limit } jam di obrolan, batas program untuk satu minggu. Sampai Senin kamu tidak akan dapat permintaan baru. Terima kasih untuk minggu ini. 💛
wellbeing-on-duty-resting = Kamu belum akan dapat permintaan baru: { $why ->
        [crisis] kamu lagi mendampingi siswa yang sedang krisis. Tetap temani dia ya; permintaan baru datang lagi setelah kasusnya ditutup.
        [cooldown] kamu sedang istirahat setelah obrolan yang berat. Nanti ada pesan saat jedanya selesai.
        [week] jam jagamu minggu ini sudah mencapai batas. Mulai lagi hari Senin.
       *[day] jumlah obrolanmu hari ini sudah mencapai batas. Mulai lagi besok.
    }
unattended-why-resting = pendamping yang bertugas sedang istirahat (batas harian atau mingguan, atau jeda setelah obrolan krisis) atau sedang mendampingi siswa yang krisis.
wellbeing-checkin-thanks = Terima kasih sudah cerita. Nikmati istirahatmu; nanti ada pesan saat permintaan bisa masuk lagi. 💛
wellbeing-checkin-low = Terima kasih sudah bilang. 💛 { $talk ->
        [yes] Konselor sudah diberi tahu bahwa kamu ingin membicarakannya
       *[no] Konselor sudah diberi tahu bahwa check-in-mu rendah, supaya dia bisa menanyakan kabarmu
    } (hanya itu, bukan isi obrolannya); dia akan menghubungimu. Istirahat dulu ya.
wellbeing-checkin-nobody = Terima kasih sudah bilang. 💛 Saat ini tidak ada konselor atau koordinator yang bisa diberi tahu; hubungi konselormu langsung saat kamu bisa. Istirahat dulu ya.
wellbeing-checkin-already = Kamu sudah menjawab pertanyaan ini. Terima kasih. 💛
wellbeing-checkin-old = Pertanyaan itu dari obrolan sebelumnya; tidak ada yang diubah.
wellbeing-debrief-wanted = 💛 { $name } (pendamping sebaya) baru saja menemani obrolan yang berat dan { $talk ->
        [yes] ingin membicarakannya.
       *[no] menjawab { $score } dari 5 pada check-in setelahnya.
    } Tolong hubungi dia saat Anda sempat. Dia hanya menyampaikan itu, bukan isi obrolannya.
wellbeing-note-none = Saat ini tidak ada check-in yang terbuka. Kalau kamu ingin membicarakan sebuah obrolan, hubungi konselor. 💛
wellbeing-note-first = Pilih dulu keadaanmu, 1 sampai 5, di pesan check-in; setelah itu kamu bisa menambahkan catatan dengan /checkin.
wellbeing-note-usage = Tulis catatanmu setelah perintahnya, misalnya: /checkin aku masih kepikiran obrolan tadi
wellbeing-note-thanks = Terima kasih sudah berbagi. 💛 Catatan ini tetap untukmu; kalau ternyata kamu ingin membicarakannya, tekan "Bicara dengan konselor".
wellbeing-note-passed = Terima kasih. 💛 Catatanmu sudah diteruskan ke konselor yang diberi tahu bahwa kamu ingin bicara.
wellbeing-debrief-note = 💛 { $name } (pendamping sebaya) menambahkan catatan pada check-in-nya: “{ $words }”
btn-wellbeing-talk = 💬 Bicara dengan konselor
