//! A small world for authorization tests: instansi A with a root unit and two units under it
//! instansi B, people in each, and one account per role.

use crate::support::TestApp;
use app::domain::access::{Grant, Role};
use app::services::accounts::{self, NewAccount};
use sqlx::AnyPool;

pub const PASSWORD: &str = "sandi-uji-coba-2025";

/// The people, by NIP.
pub const ASN: &str = "199001012015011001";
pub const BOSS: &str = "198001012005011002";
/// Reports to BOSS, like ASN; in unit A-1.
pub const MATE: &str = "199101012015012003";
pub const OTHER_UNIT: &str = "199201012016011004";
pub const OTHER_INSTANSI: &str = "199301012017012005";
/// People without an account, for account creation: one per place.
pub const NEW_MATE: &str = "199401012018011006";
pub const NEW_OTHER_UNIT: &str = "199501012019012007";
pub const NEW_OTHER_INSTANSI: &str = "199601012020011008";

/// Who asks: a role and the account that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    Anonymous,
    /// ASN, unit A-1.
    Pegawai,
    /// BOSS, atasan of ASN and MATE.
    Atasan,
    /// BKPSDM of the whole of instansi A.
    Bkpsdm,
    /// BKPSDM narrowed to unit A-1.
    BkpsdmUnit,
    /// Komite of instansi A.
    Komite,
    /// Komite of instansi B.
    KomiteB,
    /// The public-data operator: the installation's merit-index results, no person.
    DataPublik,
    Admin,
}

impl Actor {
    pub const ALL: [Actor; 9] = [
        Actor::Anonymous,
        Actor::Pegawai,
        Actor::Atasan,
        Actor::Bkpsdm,
        Actor::BkpsdmUnit,
        Actor::Komite,
        Actor::KomiteB,
        Actor::DataPublik,
        Actor::Admin,
    ];

    pub fn username(self) -> Option<&'static str> {
        match self {
            Actor::Anonymous => None,
            Actor::Pegawai => Some(ASN),
            Actor::Atasan => Some(BOSS),
            Actor::Bkpsdm => Some("bkpsdm.a"),
            Actor::BkpsdmUnit => Some("bkpsdm.a1"),
            Actor::Komite => Some("komite.a"),
            Actor::KomiteB => Some("komite.b"),
            Actor::DataPublik => Some("data.publik"),
            Actor::Admin => Some("admin"),
        }
    }
}

async fn insert_id(pool: &AnyPool, sql: &str, binds: &[&str]) -> i64 {
    let mut query = sqlx::query_scalar(sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    query.fetch_one(pool).await.expect(sql)
}

async fn unit(pool: &AnyPool, instansi: i64, code: &str, parent: Option<i64>) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO unit_kerja (instansi_id, parent_id, code, name) VALUES ($1, $2, $3, $3) RETURNING id",
    )
    .bind(instansi)
    .bind(parent)
    .bind(code)
    .fetch_one(pool)
    .await
    .expect("unit")
}

async fn person(
    pool: &AnyPool,
    instansi: i64,
    unit: i64,
    nip: &str,
    name: &str,
    atasan: Option<i64>,
) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO pegawai (instansi_id, nip, kind, name, gender, birth_date, tmt_asn, golongan, \
         unit_kerja_id, atasan_id) VALUES ($1, $2, 'pns', $3, 'L', '1990-01-01', '2015-01-01', 'III/a', $4, $5) \
         RETURNING id",
    )
    .bind(instansi)
    .bind(nip)
    .bind(name)
    .bind(unit)
    .bind(atasan)
    .fetch_one(pool)
    .await
    .expect("pegawai")
}

fn grant(role: Role, instansi: Option<i64>, unit: Option<i64>) -> Grant {
    Grant {
        role,
        instansi_id: instansi,
        unit_kerja_id: unit,
    }
}

pub async fn account(
    pool: &AnyPool,
    nip: Option<&str>,
    username: Option<&str>,
    grants: Vec<Grant>,
) {
    let mut tx = pool.begin().await.expect("tx");
    accounts::create(
        &mut tx,
        "uji",
        NewAccount {
            nip,
            username,
            name: username.map(|_| "Petugas uji"),
            password: PASSWORD,
            must_change_password: false,
            grants,
        },
    )
    .await
    .expect("account");
    tx.commit().await.expect("commit");
}

/// Builds the world in the app's database.
pub async fn build(app: &TestApp) {
    {
        let pool = &app.pool;
        let a = insert_id(
            pool,
            "INSERT INTO instansi (slug, name, kind, province) VALUES ($1, $2, 'kota', 'Uji') RETURNING id",
            &["uji-a", "Pemerintah Kota Uji A"],
        )
        .await;
        let b = insert_id(
            pool,
            "INSERT INTO instansi (slug, name, kind, province) VALUES ($1, $2, 'kota', 'Uji') RETURNING id",
            &["uji-b", "Pemerintah Kota Uji B"],
        )
        .await;
        let root = unit(pool, a, "A-0", None).await;
        let a1 = unit(pool, a, "A-1", Some(root)).await;
        let a2 = unit(pool, a, "A-2", Some(root)).await;
        let b0 = unit(pool, b, "B-0", None).await;
        let boss = person(pool, a, a1, BOSS, "Bapak Atasan", None).await;
        person(pool, a, a1, ASN, "Ani Pegawai", Some(boss)).await;
        person(pool, a, a1, MATE, "Rekan Satu Unit", Some(boss)).await;
        person(pool, a, a2, OTHER_UNIT, "Pegawai Unit Lain", None).await;
        person(pool, b, b0, OTHER_INSTANSI, "Pegawai Instansi Lain", None).await;
        person(pool, a, a1, NEW_MATE, "Calon Akun Satu Unit", None).await;
        person(pool, a, a2, NEW_OTHER_UNIT, "Calon Akun Unit Lain", None).await;
        person(
            pool,
            b,
            b0,
            NEW_OTHER_INSTANSI,
            "Calon Akun Instansi Lain",
            None,
        )
        .await;

        account(
            pool,
            Some(ASN),
            None,
            vec![grant(Role::Pegawai, Some(a), None)],
        )
        .await;
        account(
            pool,
            Some(BOSS),
            None,
            vec![
                grant(Role::Pegawai, Some(a), None),
                grant(Role::Atasan, Some(a), None),
            ],
        )
        .await;
        for (nip, instansi) in [(MATE, a), (OTHER_UNIT, a), (OTHER_INSTANSI, b)] {
            account(
                pool,
                Some(nip),
                None,
                vec![grant(Role::Pegawai, Some(instansi), None)],
            )
            .await;
        }
        account(
            pool,
            None,
            Some("bkpsdm.a"),
            vec![grant(Role::Bkpsdm, Some(a), None)],
        )
        .await;
        account(
            pool,
            None,
            Some("bkpsdm.a1"),
            vec![grant(Role::Bkpsdm, Some(a), Some(a1))],
        )
        .await;
        account(
            pool,
            None,
            Some("komite.a"),
            vec![grant(Role::Komite, Some(a), None)],
        )
        .await;
        account(
            pool,
            None,
            Some("komite.b"),
            vec![grant(Role::Komite, Some(b), None)],
        )
        .await;
        account(
            pool,
            None,
            Some("data.publik"),
            vec![grant(Role::DataPublik, None, None)],
        )
        .await;
        account(
            pool,
            None,
            Some("admin"),
            vec![grant(Role::Admin, None, None)],
        )
        .await;
        // Accounts that are only ever acted on, never act: staff of B, a second komite member
        // of A and a second admin.
        account(
            pool,
            None,
            Some("staf.b"),
            vec![grant(Role::Komite, Some(b), None)],
        )
        .await;
        account(
            pool,
            None,
            Some("komite.a2"),
            vec![grant(Role::Komite, Some(a), None)],
        )
        .await;
        account(
            pool,
            None,
            Some("admin2"),
            vec![grant(Role::Admin, None, None)],
        )
        .await;
    }
}
