# Pengiriman: pesan yang ditolak Telegram, atau orang yang memblokir bot. Tidak ada yang hilang
# diam-diam: yang menulis pesan selalu dikasih tahu kalau pesannya tidak sampai.

## Siswa: pesannya belum sampai
delivery-refused-student =
    Pesan terakhirmu belum sampai ke pendampingmu, soalnya Telegram nolak ngirimnya. Coba kirim lagi ya, mungkin pakai kata-kata lain. Kalau kamu butuh bantuan sekarang juga:
    { $resources }
delivery-blocked-student =
    Pesan terakhirmu belum sampai ke pendampingmu, soalnya dia lagi nggak bisa dihubungi lewat Telegram. Kami lagi urus, nanti kamu dikabari di sini ya. Kalau kamu butuh bantuan sekarang juga:
    { $resources }

## Tim: pesan yang tidak sampai, atau siswa yang memblokir bot
# Sapaan: hanya dibaca konselor/koordinator → Anda; hanya pendamping → kamu;
# dibaca keduanya → tanpa kata ganti (kalau terpaksa: Anda). Lihat locales/VOICE.md.

delivery-refused-staff = Pesan terakhir ke { $pseudonym } tidak terkirim karena ditolak Telegram. Coba kirim lagi, mungkin dengan kata-kata lain.
delivery-blocked-staff = Pesan terakhir ke { $pseudonym } tidak terkirim: dia sudah memblokir bot, jadi dia tidak akan melihat apa pun sampai blokirnya dibuka. Obrolan ini bisa ditutup dengan /end.
delivery-student-blocked = { $pseudonym } sudah memblokir bot, jadi pesan untuknya tidak akan terkirim sampai blokirnya dibuka. Obrolan ini bisa ditutup dengan /end.
