//! The words of the synthetic text, with their Azerbaijani, Turkish and Urdu equivalents, so
//! that translations have the byte and script profile of real ones (Urdu in Arabic script,
//! Turkic letters such as ə, ş, ğ, ı) without needing a translator.

/// The locales of every generated workspace, reference first.
pub const LOCALES: [&str; 4] = ["en", "az", "tr", "ur"];

/// Index into [`LOCALES`].
pub type Lang = usize;
pub const EN: Lang = 0;

/// `[en, az, tr, ur]`; the English word is ASCII lowercase, so it can also build ids.
pub const WORDS: &[[&str; 4]] = &[
    ["account", "hesab", "hesap", "اکاؤنٹ"],
    ["address", "ünvan", "adres", "پتہ"],
    ["archive", "arxiv", "arşiv", "محفوظات"],
    ["attachment", "qoşma", "ek", "منسلکہ"],
    ["backup", "ehtiyat", "yedek", "بیک اپ"],
    ["browser", "brauzer", "tarayıcı", "براؤزر"],
    ["button", "düymə", "düğme", "بٹن"],
    ["calendar", "təqvim", "takvim", "کیلنڈر"],
    ["change", "dəyişiklik", "değişiklik", "تبدیلی"],
    ["channel", "kanal", "kanal", "چینل"],
    ["city", "şəhər", "şehir", "شہر"],
    ["close", "bağla", "kapat", "بند"],
    ["connection", "bağlantı", "bağlantı", "کنکشن"],
    ["contact", "əlaqə", "iletişim", "رابطہ"],
    ["copy", "surət", "kopya", "نقل"],
    ["country", "ölkə", "ülke", "ملک"],
    ["data", "məlumat", "veri", "ڈیٹا"],
    ["date", "tarix", "tarih", "تاریخ"],
    ["default", "standart", "varsayılan", "طے شدہ"],
    ["delete", "sil", "sil", "حذف"],
    ["device", "cihaz", "cihaz", "آلہ"],
    ["document", "sənəd", "belge", "دستاویز"],
    ["download", "endir", "indir", "ڈاؤن لوڈ"],
    ["draft", "qaralama", "taslak", "مسودہ"],
    ["edit", "redaktə", "düzenle", "ترمیم"],
    ["email", "e-poçt", "e-posta", "ای میل"],
    ["embassy", "səfirlik", "büyükelçilik", "سفارت خانہ"],
    ["enable", "aktivləşdir", "etkinleştir", "فعال"],
    ["error", "xəta", "hata", "خرابی"],
    ["event", "tədbir", "etkinlik", "تقریب"],
    ["export", "ixrac", "dışa aktar", "برآمد"],
    ["file", "fayl", "dosya", "فائل"],
    ["filter", "filtr", "filtre", "فلٹر"],
    ["folder", "qovluq", "klasör", "فولڈر"],
    ["history", "tarixçə", "geçmiş", "تاریخچہ"],
    ["image", "şəkil", "görsel", "تصویر"],
    ["import", "idxal", "içe aktar", "درآمد"],
    ["language", "dil", "dil", "زبان"],
    ["library", "kitabxana", "kitaplık", "لائبریری"],
    ["link", "keçid", "bağlantı", "لنک"],
    ["list", "siyahı", "liste", "فہرست"],
    ["press", "mətbuat", "basın", "پریس"],
    ["message", "mesaj", "mesaj", "پیغام"],
    ["minister", "nazir", "bakan", "وزیر"],
    ["name", "ad", "ad", "نام"],
    ["network", "şəbəkə", "ağ", "نیٹ ورک"],
    ["new", "yeni", "yeni", "نیا"],
    ["news", "xəbər", "haber", "خبر"],
    ["notice", "bildiriş", "bildirim", "اطلاع"],
    ["number", "nömrə", "numara", "نمبر"],
    ["office", "ofis", "ofis", "دفتر"],
    ["open", "aç", "aç", "کھولیں"],
    ["page", "səhifə", "sayfa", "صفحہ"],
    ["password", "parol", "parola", "پاس ورڈ"],
    ["people", "xalq", "halk", "عوام"],
    ["photo", "foto", "fotoğraf", "تصویر"],
    ["preview", "önizləmə", "önizleme", "پیش نظارہ"],
    ["print", "çap", "yazdır", "پرنٹ"],
    ["privacy", "məxfilik", "gizlilik", "رازداری"],
    ["profile", "profil", "profil", "پروفائل"],
    ["public", "ictimai", "kamu", "عوامی"],
    ["publish", "dərc", "yayımla", "شائع"],
    ["recent", "son", "son", "حالیہ"],
    ["release", "bəyanat", "bildiri", "اعلامیہ"],
    ["report", "hesabat", "rapor", "رپورٹ"],
    ["request", "sorğu", "istek", "درخواست"],
    ["reset", "sıfırla", "sıfırla", "ری سیٹ"],
    ["restore", "bərpa", "geri yükle", "بحال"],
    ["save", "saxla", "kaydet", "محفوظ"],
    ["search", "axtarış", "arama", "تلاش"],
    ["security", "təhlükəsizlik", "güvenlik", "سیکیورٹی"],
    ["send", "göndər", "gönder", "بھیجیں"],
    ["server", "xidmətçi", "sunucu", "سرور"],
    ["settings", "parametrlər", "ayarlar", "ترتیبات"],
    ["share", "paylaş", "paylaş", "شیئر"],
    ["signature", "imza", "imza", "دستخط"],
    ["statement", "bəyan", "beyan", "بیان"],
    ["status", "vəziyyət", "durum", "حیثیت"],
    ["summary", "xülasə", "özet", "خلاصہ"],
    ["support", "dəstək", "destek", "معاونت"],
    ["sync", "sinxronlaşdır", "eşitle", "ہم آہنگ"],
    ["tab", "vərəq", "sekme", "ٹیب"],
    ["text", "mətn", "metin", "متن"],
    ["time", "vaxt", "zaman", "وقت"],
    ["title", "başlıq", "başlık", "عنوان"],
    ["today", "bu gün", "bugün", "آج"],
    ["translation", "tərcümə", "çeviri", "ترجمہ"],
    ["update", "yeniləmə", "güncelleme", "اپ ڈیٹ"],
    ["upload", "yüklə", "yükle", "اپ لوڈ"],
    ["user", "istifadəçi", "kullanıcı", "صارف"],
    ["version", "versiya", "sürüm", "ورژن"],
    ["view", "bax", "görüntüle", "دیکھیں"],
    ["visit", "səfər", "ziyaret", "دورہ"],
    ["warning", "xəbərdarlıq", "uyarı", "انتباہ"],
    ["week", "həftə", "hafta", "ہفتہ"],
    ["window", "pəncərə", "pencere", "ونڈو"],
    ["year", "il", "yıl", "سال"],
    ["and", "və", "ve", "اور"],
    ["with", "ilə", "ile", "کے ساتھ"],
    ["for", "üçün", "için", "کے لیے"],
    ["all", "bütün", "tüm", "تمام"],
    ["your", "sizin", "sizin", "آپ کا"],
    ["this", "bu", "bu", "یہ"],
    ["more", "daha", "daha", "مزید"],
    ["cooperation", "əməkdaşlıq", "işbirliği", "تعاون"],
    ["relations", "əlaqələr", "ilişkiler", "تعلقات"],
    ["meeting", "görüş", "görüşme", "ملاقات"],
    ["delegation", "nümayəndə heyəti", "heyet", "وفد"],
    ["agreement", "saziş", "anlaşma", "معاہدہ"],
    ["visa", "viza", "vize", "ویزا"],
    ["consular", "konsul", "konsolosluk", "قونصلر"],
    ["culture", "mədəniyyət", "kültür", "ثقافت"],
    ["trade", "ticarət", "ticaret", "تجارت"],
    ["economic", "iqtisadi", "ekonomik", "اقتصادی"],
    ["president", "prezident", "cumhurbaşkanı", "صدر"],
    ["foreign", "xarici", "dış", "خارجہ"],
    ["affairs", "işlər", "işler", "امور"],
    ["brotherly", "qardaş", "kardeş", "برادر"],
    ["friendship", "dostluq", "dostluk", "دوستی"],
    ["anniversary", "ildönümü", "yıldönümü", "سالگرہ"],
    ["celebration", "qeyd", "kutlama", "جشن"],
    ["conference", "konfrans", "konferans", "کانفرنس"],
    ["exhibition", "sərgi", "sergi", "نمائش"],
    ["students", "tələbələr", "öğrenciler", "طلباء"],
    ["investment", "investisiya", "yatırım", "سرمایہ کاری"],
    ["energy", "enerji", "enerji", "توانائی"],
    ["regional", "bölgə", "bölgesel", "علاقائی"],
    ["peace", "sülh", "barış", "امن"],
    ["development", "inkişaf", "kalkınma", "ترقی"],
    ["honor", "şərəf", "onur", "اعزاز"],
    ["ceremony", "mərasim", "tören", "تقریب"],
    ["capital", "paytaxt", "başkent", "دارالحکومت"],
    ["historic", "tarixi", "tarihi", "تاریخی"],
    ["partnership", "tərəfdaşlıq", "ortaklık", "شراکت"],
    ["joint", "birgə", "ortak", "مشترکہ"],
    ["official", "rəsmi", "resmi", "سرکاری"],
    ["welcome", "xoş gəlmisiniz", "hoş geldiniz", "خوش آمدید"],
];

/// Dateline cities, spelt differently in every locale (so a dateline is never "same as source").
pub const CITIES: &[[&str; 4]] = &[
    ["Islamabad", "İslamabad", "İslâmabad", "اسلام آباد"],
    ["Lahore", "Lahor", "Lahor", "لاہور"],
    ["Karachi", "Karaçi", "Karaçi", "کراچی"],
    ["Baku", "Bakı", "Bakü", "باکو"],
    ["Peshawar", "Peşəvər", "Peşaver", "پشاور"],
    ["Quetta", "Kvetta", "Ketta", "کوئٹہ"],
    ["Ganja", "Gəncə", "Gence", "گنجہ"],
    ["Shusha", "Şuşa", "Şuşa", "شوشا"],
    ["Rawalpindi", "Ravalpindi", "Ravalpindi", "راولپنڈی"],
    ["Faisalabad", "Faysalabad", "Faysalabad", "فیصل آباد"],
];

/// The word's first letter in capitals, with the dotted capital İ of Azerbaijani and Turkish.
pub fn capitalize(word: &str, lang: Lang) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some('i') if matches!(LOCALES[lang], "az" | "tr") => format!("İ{}", chars.as_str()),
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_can_build_ids_and_differ_from_translations() {
        for word in WORDS {
            assert!(
                word[0].bytes().all(|b| b.is_ascii_lowercase()),
                "{}",
                word[0]
            );
            assert!(word[1..].iter().all(|t| *t != word[0]), "{}", word[0]);
        }
        assert_eq!(capitalize("ildönümü", 2), "İldönümü");
        assert_eq!(capitalize("ildönümü", 0), "Ildönümü");
    }
}
