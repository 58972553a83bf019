# Pengiriman: pesan yang ditolak Telegram, atau orang yang memblokir bot. Tidak ada yang hilang
# diam-diam: yang menulis pesan selalu dikasih tahu kalau pesannya tidak sampai.

## Siswa: pesannya belum sampai
delivery-refused-student = Pesan terakhirmu belum sampai ke pendamping sebayamu, soalnya Telegram nggak mau ngirim pesan itu. Coba kirim lagi ya, mungkin pakai kata-kata lain. Kalau kamu butuh bantuan sekarang juga: { $resources }
delivery-blocked-student = Pesan terakhirmu belum sampai ke pendamping sebayamu, soalnya dia lagi nggak bisa dihubungi lewat Telegram. Kami lagi urus, nanti kamu dikabari di sini ya. Kalau kamu butuh bantuan sekarang juga: { $resources }

## Tim: pesan yang tidak sampai, atau siswa yang memblokir bot
delivery-refused-staff = Pesan terakhirmu ke { $pseudonym } nggak terkirim karena ditolak Telegram. Coba kirim lagi, mungkin pakai kata-kata lain.
delivery-blocked-staff = Pesan terakhirmu ke { $pseudonym } nggak terkirim: dia sudah memblokir bot, jadi dia nggak akan lihat apa pun sampai blokirnya dibuka. Kamu bisa tutup obrolan ini dengan /end.
delivery-student-blocked = { $pseudonym } sudah memblokir bot, jadi pesanmu nggak akan sampai ke dia sampai blokirnya dibuka. Kamu bisa tutup obrolan ini dengan /end.
