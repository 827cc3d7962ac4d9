//! Who may see and do what: roles, their scopes, and the decision for one subject.
//!
//! Deny by default. A grant is a role within a scope (an instansi, optionally narrowed to a
//! unit-kerja subtree; the whole installation for `admin` and `data_publik`). The server
//! resolves the subject (a person, an instansi, or the installation's published merit-index
//! results) from the database and asks [`permits`]; nothing else decides.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// An ASN: only their own records.
    Pegawai,
    /// A superior: their own records and those of the people who report to them.
    Atasan,
    /// The instansi's HR office (BKPSDM / BKD): reads and maintains the instansi's data.
    Bkpsdm,
    /// The Sekda and the komite talenta: read the instansi, calibrate, decide.
    Komite,
    /// The public-data operator: records the merit-index results KASN and BKN publish, for
    /// every instansi, and nothing about people.
    DataPublik,
    /// The installation's administrator.
    Admin,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Pegawai,
        Role::Atasan,
        Role::Bkpsdm,
        Role::Komite,
        Role::DataPublik,
        Role::Admin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Pegawai => "pegawai",
            Role::Atasan => "atasan",
            Role::Bkpsdm => "bkpsdm",
            Role::Komite => "komite",
            Role::DataPublik => "data_publik",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Pegawai => "Pegawai",
            Role::Atasan => "Atasan langsung",
            Role::Bkpsdm => "BKPSDM",
            Role::Komite => "Komite talenta",
            Role::DataPublik => "Operator data publik",
            Role::Admin => "Administrator",
        }
    }

    /// Where a person with this role lands after signing in.
    pub fn home(self) -> &'static str {
        match self {
            Role::Pegawai => "/saya",
            Role::Atasan => "/tim",
            Role::Bkpsdm | Role::Komite => "/talenta",
            Role::DataPublik => "/data/indeks-merit",
            Role::Admin => "/akun",
        }
    }

    /// Roles held for the whole installation, with no instansi.
    pub fn installation_wide(self) -> bool {
        matches!(self, Role::DataPublik | Role::Admin)
    }

    /// Roles that read a whole scope rather than a person and their team.
    fn reads_scope(self) -> bool {
        matches!(self, Role::Bkpsdm | Role::Komite | Role::Admin)
    }
}

/// One role an account holds, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    /// `None` only for the installation-wide roles (`admin`, `data_publik`).
    pub instansi_id: Option<i64>,
    /// Narrows the scope to this unit kerja and everything under it.
    pub unit_kerja_id: Option<i64>,
}

impl Grant {
    /// Whether a person of `instansi_id` in a unit with these ancestors (the unit itself
    /// first, then its parents) falls in this grant's scope.
    fn covers(&self, instansi_id: i64, units: &[i64]) -> bool {
        if self.role == Role::Admin {
            return true;
        }
        self.instansi_id == Some(instansi_id)
            && self.unit_kerja_id.is_none_or(|root| units.contains(&root))
    }

    /// Whether the grant reaches the instansi at all (a unit-narrowed grant reaches its part).
    fn touches(&self, instansi_id: i64) -> bool {
        self.role == Role::Admin || self.instansi_id == Some(instansi_id)
    }

    /// Whether the grant reaches the whole instansi (not only a unit of it).
    fn covers_instansi(&self, instansi_id: i64) -> bool {
        self.role == Role::Admin
            || (self.instansi_id == Some(instansi_id) && self.unit_kerja_id.is_none())
    }
}

/// Someone who asks: their account's pegawai (if any) and their grants.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Principal {
    pub pegawai_id: Option<i64>,
    pub grants: Vec<Grant>,
}

impl Principal {
    /// The instansi of the first grant that names one: where the audit log files what this
    /// principal does, and where an instansi page opens without a choice.
    pub fn instansi_id(&self) -> Option<i64> {
        self.grants.iter().find_map(|g| g.instansi_id)
    }

    /// The roles held, each once, narrowest first.
    pub fn roles(&self) -> Vec<Role> {
        let mut roles: Vec<Role> = self.grants.iter().map(|g| g.role).collect();
        roles.sort();
        roles.dedup();
        roles
    }
}

/// What is asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// One person's records.
    Person {
        pegawai_id: i64,
        instansi_id: i64,
        /// The person's unit and its ancestors, nearest first; empty when they have none.
        units: Vec<i64>,
        atasan_id: Option<i64>,
    },
    /// Figures, lists and logs of an instansi, or of the part of it a grant covers.
    Instansi { instansi_id: i64 },
    /// The merit-index results published for every instansi: no person's data.
    Installation,
}

/// Actions that need a permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read a person's talent record.
    ViewPerson,
    /// Read an instansi's lists and figures (only the part in scope is shown).
    ViewInstansi,
    /// Read the audit log.
    ReadAudit,
    /// Create accounts, give roles, reset passwords.
    ManageAccounts,
    /// Approve or return a person's development plan: their direct atasan only.
    DecideIdp,
    /// Correct a person's records (decide their correction requests): BKPSDM.
    MaintainRecords,
    /// Open and close calibration sessions and move people between kotak in them: the komite
    /// of the whole instansi (a calibration weighs people against each other across units).
    Calibrate,
    /// Decide a talent-pool (KRS) proposal, ditetapkan or ditolak: the komite of the whole
    /// instansi, like a calibration (the pool weighs people across units).
    DecideTalentPool,
    /// Import roster, assessment, SKP and training files: BKPSDM (or admin) of the whole
    /// instansi, since a file names people across its units.
    ImportRecords,
    /// Publish a period's public release: BKPSDM (or admin) of the whole instansi, whose
    /// figures it is.
    PublishRelease,
    /// Add, correct and import the merit-index results KASN and BKN publish: the public-data
    /// operator (or admin), for the installation.
    PublishMeritResults,
}

/// The decision: does any grant of `who` allow `action` on `subject`?
pub fn permits(who: &Principal, action: Action, subject: &Subject) -> bool {
    who.grants
        .iter()
        .any(|grant| grant_permits(who.pegawai_id, grant, action, subject))
}

fn grant_permits(me: Option<i64>, grant: &Grant, action: Action, subject: &Subject) -> bool {
    match (action, subject) {
        (
            Action::ViewPerson,
            Subject::Person {
                pegawai_id,
                instansi_id,
                units,
                atasan_id,
            },
        ) => {
            let in_scope = grant.covers(*instansi_id, units);
            let own = me == Some(*pegawai_id);
            match grant.role {
                Role::Pegawai => in_scope && own,
                Role::Atasan => in_scope && (own || (me.is_some() && *atasan_id == me)),
                Role::Bkpsdm | Role::Komite | Role::Admin => in_scope,
                // Published figures only: never a person's record.
                Role::DataPublik => false,
            }
        }
        (
            Action::DecideIdp,
            Subject::Person {
                pegawai_id,
                instansi_id,
                units,
                atasan_id,
            },
        ) => {
            grant.role == Role::Atasan
                && grant.covers(*instansi_id, units)
                && me.is_some_and(|me| *atasan_id == Some(me) && me != *pegawai_id)
        }
        (
            Action::ManageAccounts | Action::MaintainRecords,
            Subject::Person {
                instansi_id, units, ..
            },
        ) => matches!(grant.role, Role::Bkpsdm | Role::Admin) && grant.covers(*instansi_id, units),
        (Action::ViewInstansi, Subject::Instansi { instansi_id }) => {
            grant.role.reads_scope() && grant.touches(*instansi_id)
        }
        // The log names people across the instansi: a unit-narrowed grant does not read it.
        (Action::ReadAudit, Subject::Instansi { instansi_id }) => {
            grant.role.reads_scope() && grant.covers_instansi(*instansi_id)
        }
        (Action::ManageAccounts | Action::MaintainRecords, Subject::Instansi { instansi_id }) => {
            matches!(grant.role, Role::Bkpsdm | Role::Admin) && grant.touches(*instansi_id)
        }
        (Action::Calibrate | Action::DecideTalentPool, Subject::Instansi { instansi_id }) => {
            matches!(grant.role, Role::Komite | Role::Admin) && grant.covers_instansi(*instansi_id)
        }
        (Action::ImportRecords | Action::PublishRelease, Subject::Instansi { instansi_id }) => {
            matches!(grant.role, Role::Bkpsdm | Role::Admin) && grant.covers_instansi(*instansi_id)
        }
        // A file is imported into an instansi, never onto one person.
        (Action::ImportRecords, Subject::Person { .. }) => false,
        // A release is of an instansi's period, never of one person.
        (Action::PublishRelease, Subject::Person { .. }) => false,
        // A plan is decided per person, never for an instansi at once.
        (Action::DecideIdp, Subject::Instansi { .. }) => false,
        // Calibration happens in a session of the instansi; the session names the people.
        (Action::Calibrate | Action::DecideTalentPool, Subject::Person { .. }) => false,
        // The audit log and account lists are per instansi; a person is not such a subject.
        (Action::ReadAudit | Action::ViewInstansi, Subject::Person { .. }) => false,
        (Action::ViewPerson, Subject::Instansi { .. }) => false,
        (Action::PublishMeritResults, Subject::Installation) => {
            matches!(grant.role, Role::DataPublik | Role::Admin)
        }
        // The published results belong to the installation, not to one instansi or person.
        (Action::PublishMeritResults, Subject::Person { .. } | Subject::Instansi { .. }) => false,
        // Nothing else is decided for the whole installation at once.
        (_, Subject::Installation) => false,
    }
}

/// The unit subtree a principal may list in an instansi: `None` for the whole instansi,
/// `Some(roots)` for the units their narrowed grants cover. Only meaningful when
/// [`permits`] allowed `action` on the instansi.
pub fn unit_roots_in(who: &Principal, action: Action, instansi_id: i64) -> Option<Vec<i64>> {
    let subject = Subject::Instansi { instansi_id };
    let grants: Vec<&Grant> = who
        .grants
        .iter()
        .filter(|g| grant_permits(who.pegawai_id, g, action, &subject))
        .collect();
    if grants.iter().any(|g| g.covers_instansi(instansi_id)) {
        return None;
    }
    Some(grants.iter().filter_map(|g| g.unit_kerja_id).collect())
}

/// Whether `who` may give `grant` to someone: admins give anything; BKPSDM gives roles other
/// than admin in its own instansi. The scope-reading roles (BKPSDM, komite) it gives only
/// within its own scope: a unit-narrowed BKPSDM only within its subtree, whose units the
/// caller resolves as `grant_units` (the granted unit and its ancestors). The pegawai and
/// atasan roles see only a person and their reports, so who may receive them is decided by
/// the person check (`Action::ManageAccounts` on that person), not by the grant's width.
pub fn may_assign(who: &Principal, grant: &Grant, grant_units: &[i64]) -> bool {
    who.grants.iter().any(|mine| match mine.role {
        Role::Admin => true,
        Role::Bkpsdm if matches!(grant.role, Role::Pegawai | Role::Atasan) => grant
            .instansi_id
            .is_some_and(|instansi| mine.touches(instansi)),
        Role::Bkpsdm => {
            grant.role != Role::Admin
                && grant.instansi_id.is_some_and(|instansi| {
                    let units: Vec<i64> = if grant.unit_kerja_id.is_some() {
                        grant_units.to_vec()
                    } else {
                        Vec::new()
                    };
                    mine.covers(instansi, &units)
                })
        }
        _ => false,
    })
}

/// The landing page of a principal: the broadest role they hold.
pub fn home(who: &Principal) -> &'static str {
    who.grants
        .iter()
        .map(|g| g.role)
        .max()
        .map_or("/saya", Role::home)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: i64 = 1;
    const B: i64 = 2;
    // Units of instansi A: 10 is the root, 11 and 12 under it, 13 under 11.
    const ROOT: i64 = 10;
    const U1: i64 = 11;
    const U2: i64 = 12;
    const U1_SUB: i64 = 13;

    fn grant(role: Role, instansi: Option<i64>, unit: Option<i64>) -> Grant {
        Grant {
            role,
            instansi_id: instansi,
            unit_kerja_id: unit,
        }
    }

    fn principal(pegawai: Option<i64>, grants: Vec<Grant>) -> Principal {
        Principal {
            pegawai_id: pegawai,
            grants,
        }
    }

    fn person(id: i64, instansi: i64, units: &[i64], atasan: Option<i64>) -> Subject {
        Subject::Person {
            pegawai_id: id,
            instansi_id: instansi,
            units: units.to_vec(),
            atasan_id: atasan,
        }
    }

    fn asn() -> Principal {
        principal(Some(100), vec![grant(Role::Pegawai, Some(A), None)])
    }

    #[test]
    fn nobody_without_a_grant_sees_anything() {
        let nobody = Principal::default();
        let me = person(100, A, &[U1, ROOT], None);
        for action in [
            Action::ViewPerson,
            Action::ViewInstansi,
            Action::ReadAudit,
            Action::ManageAccounts,
            Action::DecideIdp,
            Action::MaintainRecords,
        ] {
            assert!(!permits(&nobody, action, &me));
            assert!(!permits(
                &nobody,
                action,
                &Subject::Instansi { instansi_id: A }
            ));
        }
        // A pegawai id alone is not a grant.
        let unlinked = principal(Some(100), Vec::new());
        assert!(!permits(&unlinked, Action::ViewPerson, &me));
    }

    #[test]
    fn an_asn_sees_only_themselves() {
        let me = asn();
        assert!(permits(
            &me,
            Action::ViewPerson,
            &person(100, A, &[U1, ROOT], None)
        ));
        assert!(!permits(
            &me,
            Action::ViewPerson,
            &person(101, A, &[U1, ROOT], None)
        ));
        // Their own superior's record, or a subordinate's, is not theirs.
        assert!(!permits(
            &me,
            Action::ViewPerson,
            &person(102, A, &[U1, ROOT], Some(100))
        ));
        assert!(!permits(
            &me,
            Action::ViewInstansi,
            &Subject::Instansi { instansi_id: A }
        ));
        assert!(!permits(
            &me,
            Action::ReadAudit,
            &Subject::Instansi { instansi_id: A }
        ));
        // Their own id in another instansi (data moved or forged) is out of scope.
        assert!(!permits(
            &me,
            Action::ViewPerson,
            &person(100, B, &[], None)
        ));
    }

    #[test]
    fn an_atasan_sees_their_direct_reports_only() {
        let boss = principal(Some(200), vec![grant(Role::Atasan, Some(A), None)]);
        assert!(permits(
            &boss,
            Action::ViewPerson,
            &person(200, A, &[U1], None)
        ));
        assert!(permits(
            &boss,
            Action::ViewPerson,
            &person(100, A, &[U1], Some(200))
        ));
        assert!(!permits(
            &boss,
            Action::ViewPerson,
            &person(101, A, &[U1], Some(201))
        ));
        assert!(!permits(
            &boss,
            Action::ViewPerson,
            &person(102, A, &[U2], None)
        ));
        // Someone of another instansi who names them as atasan is still out of scope.
        assert!(!permits(
            &boss,
            Action::ViewPerson,
            &person(300, B, &[], Some(200))
        ));
        assert!(!permits(
            &boss,
            Action::ViewInstansi,
            &Subject::Instansi { instansi_id: A }
        ));
        // Without a pegawai of their own, nobody's atasan matches.
        let unlinked = principal(None, vec![grant(Role::Atasan, Some(A), None)]);
        assert!(!permits(
            &unlinked,
            Action::ViewPerson,
            &person(100, A, &[U1], None)
        ));
    }

    #[test]
    fn hr_and_komite_see_their_instansi_and_no_other() {
        for role in [Role::Bkpsdm, Role::Komite] {
            let office = principal(None, vec![grant(role, Some(A), None)]);
            assert!(permits(
                &office,
                Action::ViewPerson,
                &person(1, A, &[U1_SUB, U1, ROOT], None)
            ));
            assert!(permits(
                &office,
                Action::ViewPerson,
                &person(2, A, &[], None)
            ));
            assert!(!permits(
                &office,
                Action::ViewPerson,
                &person(3, B, &[], None)
            ));
            assert!(permits(
                &office,
                Action::ViewInstansi,
                &Subject::Instansi { instansi_id: A }
            ));
            assert!(permits(
                &office,
                Action::ReadAudit,
                &Subject::Instansi { instansi_id: A }
            ));
            assert!(!permits(
                &office,
                Action::ViewInstansi,
                &Subject::Instansi { instansi_id: B }
            ));
            assert!(!permits(
                &office,
                Action::ReadAudit,
                &Subject::Instansi { instansi_id: B }
            ));
            assert_eq!(unit_roots_in(&office, Action::ViewInstansi, A), None);
        }
        let komite = principal(None, vec![grant(Role::Komite, Some(A), None)]);
        assert!(!permits(
            &komite,
            Action::ManageAccounts,
            &Subject::Instansi { instansi_id: A }
        ));
        let bkpsdm = principal(None, vec![grant(Role::Bkpsdm, Some(A), None)]);
        assert!(permits(
            &bkpsdm,
            Action::ManageAccounts,
            &Subject::Instansi { instansi_id: A }
        ));
        assert!(!permits(
            &bkpsdm,
            Action::ManageAccounts,
            &Subject::Instansi { instansi_id: B }
        ));
    }

    #[test]
    fn a_unit_narrowed_scope_covers_its_subtree_only() {
        let unit_hr = principal(None, vec![grant(Role::Bkpsdm, Some(A), Some(U1))]);
        assert!(permits(
            &unit_hr,
            Action::ViewPerson,
            &person(1, A, &[U1], None)
        ));
        assert!(permits(
            &unit_hr,
            Action::ViewPerson,
            &person(2, A, &[U1_SUB, U1, ROOT], None)
        ));
        assert!(!permits(
            &unit_hr,
            Action::ViewPerson,
            &person(3, A, &[U2, ROOT], None)
        ));
        assert!(!permits(
            &unit_hr,
            Action::ViewPerson,
            &person(4, A, &[ROOT], None)
        ));
        assert!(!permits(
            &unit_hr,
            Action::ViewPerson,
            &person(5, A, &[], None)
        ));
        // It still reads its part of the instansi's lists, and only that part.
        assert!(permits(
            &unit_hr,
            Action::ViewInstansi,
            &Subject::Instansi { instansi_id: A }
        ));
        assert_eq!(
            unit_roots_in(&unit_hr, Action::ViewInstansi, A),
            Some(vec![U1])
        );
        assert!(!permits(
            &unit_hr,
            Action::ReadAudit,
            &Subject::Instansi { instansi_id: A }
        ));
        assert!(permits(
            &unit_hr,
            Action::ManageAccounts,
            &person(2, A, &[U1_SUB, U1], None)
        ));
        assert!(!permits(
            &unit_hr,
            Action::ManageAccounts,
            &person(3, A, &[U2, ROOT], None)
        ));
    }

    #[test]
    fn an_admin_sees_everything() {
        let admin = principal(None, vec![grant(Role::Admin, None, None)]);
        for subject in [
            person(1, A, &[U1], None),
            person(2, B, &[], None),
            Subject::Instansi { instansi_id: B },
            Subject::Installation,
        ] {
            let actions: &[Action] = match subject {
                Subject::Person { .. } => &[Action::ViewPerson, Action::ManageAccounts],
                Subject::Instansi { .. } => &[
                    Action::ViewInstansi,
                    Action::ReadAudit,
                    Action::ManageAccounts,
                    Action::PublishRelease,
                ],
                Subject::Installation => &[Action::PublishMeritResults],
            };
            for action in actions {
                assert!(permits(&admin, *action, &subject), "{action:?}");
            }
        }
        assert_eq!(unit_roots_in(&admin, Action::ViewInstansi, B), None);
    }

    #[test]
    fn grants_add_up_but_never_leak_between_instansi() {
        // A BKPSDM officer is also an ASN of instansi A; a komite seat in B adds B's lists
        // but not A's privileges in B.
        let both = principal(
            Some(100),
            vec![
                grant(Role::Pegawai, Some(A), None),
                grant(Role::Bkpsdm, Some(A), Some(U2)),
                grant(Role::Komite, Some(B), None),
            ],
        );
        assert!(permits(
            &both,
            Action::ViewPerson,
            &person(100, A, &[U1], None)
        ));
        assert!(permits(
            &both,
            Action::ViewPerson,
            &person(7, A, &[U2], None)
        ));
        assert!(!permits(
            &both,
            Action::ViewPerson,
            &person(8, A, &[U1], None)
        ));
        assert!(permits(&both, Action::ViewPerson, &person(9, B, &[], None)));
        assert!(!permits(
            &both,
            Action::ManageAccounts,
            &person(9, B, &[], None)
        ));
    }

    #[test]
    fn assigning_roles_stays_inside_the_assigners_scope() {
        let hr = principal(None, vec![grant(Role::Bkpsdm, Some(A), None)]);
        assert!(may_assign(&hr, &grant(Role::Komite, Some(A), None), &[]));
        assert!(may_assign(
            &hr,
            &grant(Role::Pegawai, Some(A), Some(U1)),
            &[U1, ROOT]
        ));
        assert!(!may_assign(&hr, &grant(Role::Admin, None, None), &[]));
        assert!(!may_assign(&hr, &grant(Role::Bkpsdm, Some(B), None), &[]));
        let unit_hr = principal(None, vec![grant(Role::Bkpsdm, Some(A), Some(U1))]);
        assert!(may_assign(
            &unit_hr,
            &grant(Role::Atasan, Some(A), Some(U1_SUB)),
            &[U1_SUB, U1, ROOT]
        ));
        assert!(!may_assign(
            &unit_hr,
            &grant(Role::Komite, Some(A), Some(U2)),
            &[U2, ROOT]
        ));
        // The whole instansi is wider than its unit.
        assert!(!may_assign(
            &unit_hr,
            &grant(Role::Komite, Some(A), None),
            &[]
        ));
        assert!(!may_assign(
            &unit_hr,
            &grant(Role::Bkpsdm, Some(A), Some(U2)),
            &[U2, ROOT]
        ));
        // Self-only roles are checked against the person, not the grant's width.
        assert!(may_assign(
            &unit_hr,
            &grant(Role::Pegawai, Some(A), None),
            &[]
        ));
        assert!(may_assign(
            &unit_hr,
            &grant(Role::Atasan, Some(A), None),
            &[]
        ));
        assert!(!may_assign(
            &unit_hr,
            &grant(Role::Pegawai, Some(B), None),
            &[]
        ));
        let komite = principal(None, vec![grant(Role::Komite, Some(A), None)]);
        assert!(!may_assign(
            &komite,
            &grant(Role::Pegawai, Some(A), None),
            &[]
        ));
        let admin = principal(None, vec![grant(Role::Admin, None, None)]);
        assert!(may_assign(&admin, &grant(Role::Admin, None, None), &[]));
    }

    #[test]
    fn the_home_page_follows_the_broadest_role() {
        assert_eq!(home(&asn()), "/saya");
        let boss = principal(
            Some(1),
            vec![
                grant(Role::Pegawai, Some(A), None),
                grant(Role::Atasan, Some(A), None),
            ],
        );
        assert_eq!(home(&boss), "/tim");
        assert_eq!(
            home(&principal(None, vec![grant(Role::Komite, Some(A), None)])),
            "/talenta"
        );
        assert_eq!(
            home(&principal(None, vec![grant(Role::Admin, None, None)])),
            "/akun"
        );
    }

    #[test]
    fn only_the_direct_atasan_decides_a_plan() {
        let boss = principal(
            Some(200),
            vec![
                grant(Role::Pegawai, Some(A), None),
                grant(Role::Atasan, Some(A), None),
            ],
        );
        let report = person(100, A, &[U1, ROOT], Some(200));
        assert!(permits(&boss, Action::DecideIdp, &report));
        // Not someone else's report, not their own plan, not across instansi.
        assert!(!permits(
            &boss,
            Action::DecideIdp,
            &person(101, A, &[U1, ROOT], Some(201))
        ));
        assert!(!permits(
            &boss,
            Action::DecideIdp,
            &person(200, A, &[U1, ROOT], Some(200))
        ));
        assert!(!permits(
            &boss,
            Action::DecideIdp,
            &person(102, B, &[], Some(200))
        ));
        // Reading the instansi, managing accounts or records is not deciding plans.
        for role in [Role::Pegawai, Role::Bkpsdm, Role::Komite, Role::Admin] {
            let other = principal(Some(200), vec![grant(role, Some(A), None)]);
            assert!(!permits(&other, Action::DecideIdp, &report), "{role:?}");
        }
        assert!(!permits(
            &boss,
            Action::DecideIdp,
            &Subject::Instansi { instansi_id: A }
        ));
    }

    #[test]
    fn records_are_maintained_by_bkpsdm_within_its_scope() {
        let hr = principal(None, vec![grant(Role::Bkpsdm, Some(A), Some(U1))]);
        assert!(permits(
            &hr,
            Action::MaintainRecords,
            &person(100, A, &[U1_SUB, U1, ROOT], None)
        ));
        assert!(!permits(
            &hr,
            Action::MaintainRecords,
            &person(101, A, &[U2, ROOT], None)
        ));
        assert!(permits(
            &hr,
            Action::MaintainRecords,
            &Subject::Instansi { instansi_id: A }
        ));
        assert!(!permits(
            &hr,
            Action::MaintainRecords,
            &Subject::Instansi { instansi_id: B }
        ));
        for role in [Role::Pegawai, Role::Atasan, Role::Komite] {
            let other = principal(Some(100), vec![grant(role, Some(A), None)]);
            assert!(
                !permits(
                    &other,
                    Action::MaintainRecords,
                    &person(100, A, &[U1, ROOT], Some(100))
                ),
                "{role:?}"
            );
        }
    }

    #[test]
    fn only_the_komite_of_the_whole_instansi_calibrates() {
        let a = Subject::Instansi { instansi_id: A };
        let komite = principal(None, vec![grant(Role::Komite, Some(A), None)]);
        assert!(permits(&komite, Action::Calibrate, &a));
        assert!(permits(&komite, Action::DecideTalentPool, &a));
        assert!(!permits(
            &komite,
            Action::Calibrate,
            &Subject::Instansi { instansi_id: B }
        ));
        // A komite narrowed to a unit weighs no one against the rest of the instansi.
        let narrowed = principal(None, vec![grant(Role::Komite, Some(A), Some(U1))]);
        assert!(!permits(&narrowed, Action::Calibrate, &a));
        assert!(!permits(&narrowed, Action::DecideTalentPool, &a));
        for role in [Role::Pegawai, Role::Atasan, Role::Bkpsdm] {
            let other = principal(Some(100), vec![grant(role, Some(A), None)]);
            assert!(!permits(&other, Action::Calibrate, &a), "{role:?}");
            assert!(!permits(&other, Action::DecideTalentPool, &a), "{role:?}");
        }
        // Never on a person directly, not even one in the komite's instansi.
        assert!(!permits(
            &komite,
            Action::Calibrate,
            &person(100, A, &[U1, ROOT], None)
        ));
        assert_eq!(unit_roots_in(&komite, Action::Calibrate, A), None);
    }

    #[test]
    fn only_bkpsdm_of_the_whole_instansi_imports() {
        let a = Subject::Instansi { instansi_id: A };
        let bkpsdm = principal(None, vec![grant(Role::Bkpsdm, Some(A), None)]);
        assert!(permits(&bkpsdm, Action::ImportRecords, &a));
        assert!(!permits(
            &bkpsdm,
            Action::ImportRecords,
            &Subject::Instansi { instansi_id: B }
        ));
        let narrowed = principal(None, vec![grant(Role::Bkpsdm, Some(A), Some(U1))]);
        assert!(!permits(&narrowed, Action::ImportRecords, &a));
        for role in [Role::Pegawai, Role::Atasan, Role::Komite] {
            let other = principal(Some(100), vec![grant(role, Some(A), None)]);
            assert!(!permits(&other, Action::ImportRecords, &a), "{role:?}");
        }
        assert!(!permits(
            &bkpsdm,
            Action::ImportRecords,
            &person(100, A, &[U1, ROOT], None)
        ));
    }

    #[test]
    fn the_public_data_operator_publishes_results_and_sees_no_one() {
        let operator = principal(None, vec![grant(Role::DataPublik, None, None)]);
        let admin = principal(None, vec![grant(Role::Admin, None, None)]);
        for who in [&operator, &admin] {
            assert!(permits(
                who,
                Action::PublishMeritResults,
                &Subject::Installation
            ));
        }
        for role in [Role::Pegawai, Role::Atasan, Role::Bkpsdm, Role::Komite] {
            let other = principal(Some(100), vec![grant(role, Some(A), None)]);
            assert!(
                !permits(&other, Action::PublishMeritResults, &Subject::Installation),
                "{role:?}"
            );
        }
        // Results are the installation's, never one instansi's or a person's.
        assert!(!permits(
            &operator,
            Action::PublishMeritResults,
            &Subject::Instansi { instansi_id: A }
        ));
        assert!(!permits(
            &admin,
            Action::PublishMeritResults,
            &person(100, A, &[U1, ROOT], None)
        ));
        // The operator reads no person, no instansi's lists, no log, and manages no account.
        for action in [
            Action::ViewPerson,
            Action::ManageAccounts,
            Action::MaintainRecords,
        ] {
            assert!(!permits(&operator, action, &person(1, A, &[U1], None)));
        }
        for action in [
            Action::ViewInstansi,
            Action::ReadAudit,
            Action::ManageAccounts,
            Action::ImportRecords,
            Action::Calibrate,
        ] {
            assert!(!permits(
                &operator,
                action,
                &Subject::Instansi { instansi_id: A }
            ));
            assert!(
                !permits(&admin, action, &Subject::Installation),
                "{action:?}"
            );
        }
        assert!(!may_assign(
            &operator,
            &grant(Role::Pegawai, Some(A), None),
            &[]
        ));
        assert_eq!(home(&operator), "/data/indeks-merit");
        assert!(Role::DataPublik.installation_wide() && Role::Admin.installation_wide());
        assert!(!Role::Bkpsdm.installation_wide());
    }

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("superuser"), None);
    }
}
