//! The audit log as people read it: each action code as a phrase, each actor by name.

use super::{terms, Lang};
use crate::api::intake::ImportKind;

/// What an action code did, as a phrase in `lang`; a code this version does not know is shown
/// as it is (an older or newer entry stays readable).
pub fn action(code: &str, lang: Lang) -> String {
    if let Some(kind) = code.strip_prefix("impor.").and_then(ImportKind::from_code) {
        let kind = terms::import_kind(kind, lang);
        return lang.pick(format!("Impor: {kind}"), format!("Import: {kind}"));
    }
    let (id, en) = match code {
        "sesi.masuk" => ("Masuk ke Jenjang", "Signed in"),
        "akun.buat" => ("Membuat akun", "Created an account"),
        "akun.peran" => ("Memberi peran", "Granted a role"),
        "akun.ganti_sandi" => ("Mengganti kata sandi", "Changed the password"),
        "akun.setel_ulang_sandi" => ("Menyetel ulang kata sandi", "Reset a password"),
        "idp.mulai" => ("Menyusun IDP", "Drew up an IDP"),
        "idp.sasaran.tambah" => ("Menambah sasaran IDP", "Added an IDP goal"),
        "idp.sasaran.ubah" => ("Mengubah kegiatan IDP", "Changed an IDP activity"),
        "idp.sasaran.hapus" => ("Menghapus sasaran IDP", "Removed an IDP goal"),
        "idp.sasaran.kesenjangan" => (
            "Menambah kesenjangan jabatan target ke IDP",
            "Added a target post's gaps to an IDP",
        ),
        "idp.ajukan" => ("Mengajukan IDP kepada atasan", "Submitted an IDP"),
        "idp.setujui" => ("Menyetujui IDP", "Approved an IDP"),
        "idp.kembalikan" => ("Mengembalikan IDP untuk diperbaiki", "Returned an IDP"),
        "idp.revisi" => ("Membuka revisi IDP", "Opened a revision of an IDP"),
        "koreksi.ajukan" => ("Mengajukan koreksi data", "Asked for a data correction"),
        "koreksi.terima" => ("Menerima koreksi data", "Accepted a data correction"),
        "koreksi.tolak" => ("Menolak koreksi data", "Rejected a data correction"),
        "kalibrasi.sesi.buka" => ("Membuka sesi kalibrasi", "Opened a calibration session"),
        "kalibrasi.sesi.tutup" => ("Menutup sesi kalibrasi", "Closed a calibration session"),
        "kalibrasi.pindah" => ("Mengkalibrasi kotak pegawai", "Calibrated a person's box"),
        "krs.verifikasi" => ("Memverifikasi usulan KRS", "Verified a KRS proposal"),
        "krs.tetapkan" => ("Menetapkan anggota KRS", "Confirmed a KRS member"),
        "krs.tolak" => ("Menolak usulan KRS", "Rejected a KRS proposal"),
        "impor.nip_di_luar_instansi" => (
            "Menolak baris impor dengan NIP instansi lain",
            "Refused import rows with another instansi's NIP",
        ),
        "skoring" => ("Menghitung kotak (skoring)", "Scored the boxes"),
        "parameter.adopsi" => ("Menetapkan versi parameter", "Adopted a parameter version"),
        "rilis.terbit" => ("Menerbitkan rilis publik", "Published a public release"),
        "indeks_merit.tambah" => (
            "Mencatat hasil indeks merit",
            "Recorded a merit-index result",
        ),
        "indeks_merit.koreksi" => (
            "Mengoreksi hasil indeks merit",
            "Corrected a merit-index result",
        ),
        "indeks_merit.impor" => (
            "Mengimpor hasil indeks merit",
            "Imported merit-index results",
        ),
        "indeks_merit.impor_uji" => (
            "Menguji impor hasil indeks merit",
            "Tried an import of merit-index results",
        ),
        "demo.buat" => ("Membuat data demo", "Created the demo data"),
        other => return other.to_owned(),
    };
    lang.pick(id, en).to_owned()
}

/// Who acted, as the log names them (`akun:{user name}`, `cli:{login}`), by name where the
/// account is known: "Sekretaris Daerah (demo) (komite.demo)", "Konsol server (root)".
pub fn actor(actor: &str, names: &[(String, String)], lang: Lang) -> String {
    if let Some(username) = actor.strip_prefix("akun:") {
        return match names.iter().find(|(known, _)| known == username) {
            Some((_, name)) => format!("{name} ({username})"),
            None => username.to_owned(),
        };
    }
    if let Some(login) = actor.strip_prefix("cli:") {
        return lang.pick(
            format!("Konsol server ({login})"),
            format!("Server console ({login})"),
        );
    }
    actor.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_read_as_phrases_and_unknown_codes_stay_readable() {
        assert_eq!(
            action("kalibrasi.pindah", Lang::Id),
            "Mengkalibrasi kotak pegawai"
        );
        assert_eq!(action("idp.setujui", Lang::En), "Approved an IDP");
        assert_eq!(action("impor.skp", Lang::Id), "Impor: SKP");
        assert_eq!(action("impor.roster", Lang::En), "Import: Employee roster");
        assert_eq!(action("sesuatu.baru", Lang::En), "sesuatu.baru");
    }

    #[test]
    fn actors_are_named_where_their_account_is_known() {
        let names = vec![("komite.demo".to_owned(), "Sekretaris Daerah".to_owned())];
        assert_eq!(
            actor("akun:komite.demo", &names, Lang::Id),
            "Sekretaris Daerah (komite.demo)"
        );
        assert_eq!(actor("akun:hilang", &names, Lang::Id), "hilang");
        assert_eq!(actor("cli:root", &names, Lang::En), "Server console (root)");
        assert_eq!(actor("sistem", &names, Lang::En), "sistem");
    }
}
