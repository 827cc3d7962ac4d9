//! Separation of duties (domain.md §13). Nobody decides a case about themselves: their own
//! correction request, their own box in a calibration, their own talent-pool step, their own
//! development plan (see `access::permits` for `DecideIdp`), their own roles. And the roles
//! that decide about others, BKPSDM, komite and admin, are given (and their accounts
//! managed) by an administrator only: otherwise BKPSDM could make itself the committee, take
//! over a committee member's or a colleague's account with a password reset, or create a
//! second staff account for itself (with no pegawai record, so never "about itself") and
//! decide its own correction from there. The public-data operator is an administrator's to
//! give too: it writes what every instansi's public page says about its merit index, so no
//! instansi's BKPSDM may make itself the one who records its own result.

use super::access::{Principal, Role};

/// A decision someone takes about a person or an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Accepting or rejecting a request to correct a person's data.
    Correction,
    /// Moving a person to another kotak in a calibration session.
    Calibration,
    /// Verifying, setting or refusing a person's talent-pool (KRS) proposal.
    TalentPoolStep,
    /// Giving roles to an account or resetting its password.
    AccountManagement,
}

/// Why a decision is refused to this decider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// The decision is about the decider themselves.
    OwnCase(Decision),
    /// BKPSDM, komite, public-data operator and admin accounts and roles are managed by an
    /// administrator only.
    AdministratorOnly(Role),
}

/// Whether the person `decider` (their pegawai id; staff accounts have none) may take
/// `decision` about the person `subject`.
pub fn decide_about(
    decision: Decision,
    decider: Option<i64>,
    subject: i64,
) -> Result<(), Conflict> {
    if decider == Some(subject) {
        Err(Conflict::OwnCase(decision))
    } else {
        Ok(())
    }
}

/// Whether `manager` may give the role `role` to an account, or manage an account that holds
/// it; `own` when the account is the manager's own.
pub fn manage_account(manager: &Principal, role: Role, own: bool) -> Result<(), Conflict> {
    if own {
        return Err(Conflict::OwnCase(Decision::AccountManagement));
    }
    let administrator = manager.grants.iter().any(|g| g.role == Role::Admin);
    match role {
        Role::Bkpsdm | Role::Komite | Role::DataPublik | Role::Admin if !administrator => {
            Err(Conflict::AdministratorOnly(role))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::access::Grant;

    fn principal(pegawai_id: Option<i64>, roles: &[Role]) -> Principal {
        Principal {
            pegawai_id,
            grants: roles
                .iter()
                .map(|&role| Grant {
                    role,
                    instansi_id: (!role.installation_wide()).then_some(1),
                    unit_kerja_id: None,
                })
                .collect(),
        }
    }

    #[test]
    fn nobody_decides_about_themselves() {
        for decision in [
            Decision::Correction,
            Decision::Calibration,
            Decision::TalentPoolStep,
        ] {
            assert_eq!(
                decide_about(decision, Some(7), 7),
                Err(Conflict::OwnCase(decision))
            );
            assert_eq!(decide_about(decision, Some(7), 8), Ok(()));
            // A staff account (no pegawai record) is never the subject.
            assert_eq!(decide_about(decision, None, 7), Ok(()));
        }
    }

    #[test]
    fn the_deciding_roles_are_an_administrators_to_give() {
        let bkpsdm = principal(Some(3), &[Role::Pegawai, Role::Bkpsdm]);
        let admin = principal(None, &[Role::Admin]);
        for role in [Role::Pegawai, Role::Atasan] {
            assert_eq!(manage_account(&bkpsdm, role, false), Ok(()));
        }
        for role in [Role::Bkpsdm, Role::Komite, Role::DataPublik, Role::Admin] {
            assert_eq!(
                manage_account(&bkpsdm, role, false),
                Err(Conflict::AdministratorOnly(role))
            );
            assert_eq!(manage_account(&admin, role, false), Ok(()));
        }
        // A public-data operator cannot hand its own role on, nor make anyone the committee.
        let operator = principal(None, &[Role::DataPublik]);
        for role in [Role::DataPublik, Role::Komite] {
            assert_eq!(
                manage_account(&operator, role, false),
                Err(Conflict::AdministratorOnly(role))
            );
        }
    }

    #[test]
    fn nobody_manages_their_own_account_here_not_even_an_administrator() {
        let admin = principal(None, &[Role::Admin]);
        assert_eq!(
            manage_account(&admin, Role::Pegawai, true),
            Err(Conflict::OwnCase(Decision::AccountManagement))
        );
    }
}
