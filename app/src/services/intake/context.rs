//! What a row is checked against: the instansi, its posts, units and people, and which NIPs in
//! the file are already on record outside it.

use super::IntakeError;
use crate::api::intake::Refusal;
use crate::domain::kompetensi::name_key;
use crate::domain::nip::Nip;
use crate::domain::scoring::ParameterSet;
use crate::services::parameters;
use crate::store::intake::context::{self as stored, JabatanRef, PegawaiRef, UnitRef};
use crate::store::Conn;
use std::collections::{HashMap, HashSet};

pub struct Context {
    pub instansi_id: i64,
    pub params: ParameterSet,
    pub pegawai: HashMap<String, PegawaiRef>,
    foreign_nips: HashSet<String>,
    /// Every NIP in the file, as digits.
    pub file_nips: HashSet<String>,
    pub jabatan: Vec<JabatanRef>,
    pub units: Vec<UnitRef>,
}

/// The 18 digits of a NIP as typed with spaces or dots between groups.
pub fn nip_digits(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect()
}

impl Context {
    /// `elsewhere`: the file's NIPs on record outside the instansi
    /// ([`super::elsewhere::recorded_elsewhere`]).
    pub async fn load(
        conn: &mut Conn,
        instansi_id: i64,
        file_nips: &[String],
        elsewhere: HashSet<String>,
    ) -> Result<Context, IntakeError> {
        let params = parameters::current(&mut *conn, instansi_id)
            .await?
            .map_or_else(ParameterSet::bkn_2025, |p| p.rules);

        let pegawai = stored::pegawai(&mut *conn, instansi_id).await?;
        let jabatan = stored::posts(&mut *conn, instansi_id).await?;
        let units = stored::units(&mut *conn, instansi_id).await?;
        Ok(Context {
            instansi_id,
            params,
            pegawai,
            foreign_nips: elsewhere,
            file_nips: file_nips.iter().map(|n| nip_digits(n)).collect(),
            jabatan,
            units,
        })
    }

    /// Refuses a NIP on record outside the instansi, without saying where (a transfer between
    /// instansi is an administrator's, not an import).
    pub fn check_not_foreign(&self, digits: &str) -> Result<(), Refusal> {
        if self.foreign_nips.contains(digits) {
            Err(Refusal::new(
                format!("NIP {digits} sudah tercatat sebagai pegawai dan tidak dapat ditambahkan lewat impor; perpindahan instansi diurus administrator"),
                format!("NIP {digits} is already on record as a pegawai and cannot be added by an import; a transfer between instansi is done by an administrator"),
            ))
        } else {
            Ok(())
        }
    }

    /// The person a record row is about: a NIP of this instansi.
    pub fn person(&self, nip_text: &str) -> Result<(&str, &PegawaiRef), Refusal> {
        let digits = nip_digits(nip_text);
        if let Some((nip, person)) = self.pegawai.get_key_value(&digits) {
            return Ok((nip.as_str(), person));
        }
        if digits.len() != 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Nip::parse(nip_text).err().map_or_else(
                || Refusal::new("NIP tidak sah", "the NIP is not valid"),
                Refusal::from,
            ));
        }
        self.check_not_foreign(&digits)?;
        Err(Refusal::new(
            format!("NIP {digits} tidak terdaftar di instansi ini; impor daftar pegawai lebih dulu"),
            format!("NIP {digits} is not registered in this instansi; import the list of employees first"),
        ))
    }

    /// A post of this instansi by its code or its name.
    pub fn jabatan(&self, text: &str) -> Result<&JabatanRef, Refusal> {
        let key = name_key(text);
        self.jabatan
            .iter()
            .find(|j| j.code == text.trim())
            .or_else(|| self.jabatan.iter().find(|j| name_key(&j.name) == key))
            .ok_or_else(|| not_here("jabatan", "post", text))
    }

    pub fn jabatan_by_id(&self, id: i64) -> Option<&JabatanRef> {
        self.jabatan.iter().find(|j| j.id == id)
    }

    /// A unit of this instansi by its code or its name.
    pub fn unit(&self, text: &str) -> Result<&UnitRef, Refusal> {
        let key = name_key(text);
        self.units
            .iter()
            .find(|u| u.code == text.trim())
            .or_else(|| self.units.iter().find(|u| name_key(&u.name) == key))
            .ok_or_else(|| not_here("unit kerja", "unit", text))
    }
}

/// A post or unit the instansi does not have.
fn not_here(what_id: &str, what_en: &str, text: &str) -> Refusal {
    let text = text.trim();
    Refusal::new(
        format!("{what_id} \"{text}\" tidak ada di instansi ini"),
        format!("no {what_en} \"{text}\" in this instansi"),
    )
}
