# Routing: ke mana permintaan pergi kalau belum ada yang mengambil, peringatan untuk koordinator,
# dan obrolan yang dikembalikan ke tim. Kunci dan placeable sama dengan locales/en/routing.ftl.

## Siswa: menunggu saat belum ada yang bertugas
queue-nobody-on-duty =
    Saat ini belum ada pendamping sebaya yang bertugas dan bisa menerima permintaanmu. Permintaanmu sudah tersimpan dan akan diteruskan ke pendamping pertama yang mulai bertugas; nanti kamu dapat pesan di sini. Kamu nggak perlu melakukan apa-apa.

    Kalau kamu butuh bantuan sekarang, hubungi:
    { $resources }

## Tim: tawaran yang tidak kamu ambil (ke mana perginya, apa adanya)
offer-expired-again = ⏰ Kamu belum menjawab tawaran untuk { $pseudonym } tepat waktu. Lagi nggak ada pendamping lain yang bisa, jadi tawarannya dikirim lagi ke kamu (di bawah).
offer-expired-waiting = ⏰ Kamu belum menjawab tawaran untuk { $pseudonym } tepat waktu. Lagi nggak ada pendamping lain yang bisa, jadi permintaannya kembali ke antrean dan akan ditawarkan lagi begitu ada yang bisa.
offer-declined-waiting = Oke. Lagi nggak ada pendamping lain yang bisa menerima { $pseudonym }, jadi permintaannya menunggu di antrean dan akan diteruskan ke pendamping pertama yang bisa (mungkin kamu lagi, nanti).
offer-handoff-ended = Penyerahan obrolan { $pseudonym } tidak jadi; obrolannya tetap bersama pendamping yang sekarang.

## Tim: permintaan yang belum diambil siapa pun (untuk koordinator)
unattended-alert =
    ⚠️ { $pseudonym } sudah menunggu { $waited } menit dan permintaannya belum diambil siapa pun.
    Topik: { $topic } · Bahasa: { $language }
    Sebabnya: { $why }
    Ini satu-satunya peringatan untuk permintaan ini.
unattended-why-nobody-on-duty = tidak ada pendamping bertugas yang bisa bahasa ini.
unattended-why-all-busy = semua pendamping yang bertugas sedang penuh.
unattended-why-not-accepted = sudah ditawarkan, tapi ditolak atau tidak dijawab.

## Siswa: pendampingnya harus pergi
handback-student =
    Maaf ya, pendampingmu harus pergi dulu. 🙏 Sekarang kamu ada di urutan paling depan, dan pendamping berikutnya akan membaca permintaan dan catatanmu, jadi kamu nggak mulai dari nol. Kamu akan dapat pesan di sini begitu mereka bergabung.

    Kalau kamu butuh bantuan sekarang, hubungi:
    { $resources }
handback-student-stays = Maaf ya, { $role } yang menemanimu harus keluar dari obrolan, tapi { $stays } masih di sini bersamamu. Lanjut aja tulis di sini ya.

## Tim: obrolan yang dikembalikan ke tim
handback-done = Obrolan dengan { $pseudonym } sudah dikembalikan ke tim karena kamu sudah tidak bertugas. Makasih ya sudah menemani. 💛
handback-kept = Kamu bertugas lagi: { $chats } obrolan terbukamu tetap bersamamu.
handback-colleague = Info: { $role } sudah keluar dari obrolan dengan { $pseudonym }. Obrolannya tetap bersamamu.
