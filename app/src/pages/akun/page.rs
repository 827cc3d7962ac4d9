//! The accounts page: the list, and the forms that change it.

use super::{list_accounts, CreateAccount, GrantRole, ResetPassword};
use crate::api::accounts::{AccountLine, AccountsData, IssuedPassword};
use crate::api::talent_map::UnitOption;
use crate::components::loaded::Loaded;
use crate::components::outcome::{form_outcome, was_refused, PostForm};
use crate::components::page_title::PageTitle;
use crate::domain::access::Role;
use crate::i18n::count::AKUN;
use crate::i18n::{terms, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccountsPage() -> impl IntoView {
    let query = use_query_map();
    let instansi = Memo::new(move |_| query.with(|q| q.get("instansi")));
    let data = Resource::new(move || instansi.get(), list_accounts);
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Akun dan peran | Jenjang", "Accounts and roles | Jenjang")/>
        <h1>{lang.pick("Akun dan peran", "Accounts and roles")}</h1>
        <Loaded resource=data show=move |data| view! { <Accounts data/> }/>
    }
}

#[component]
fn Accounts(data: AccountsData) -> impl IntoView {
    let lang = use_lang();
    let slug = data.slug.clone();
    let (create_roles, grant_roles) = (data.roles_to_give.clone(), data.roles_to_give.clone());
    let (create_units, grant_units) = (data.units.clone(), data.units);
    let whole = data.whole_instansi;
    let count = lang.count(data.accounts.len(), AKUN);
    view! {
        <p class="pengantar">{format!("{}: {count}.", data.instansi)}</p>
        <Issued<CreateAccount>/>
        <Issued<ResetPassword>/>
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{format!("{} {}", lang.pick("Akun", "Accounts of"), data.instansi)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Nama", "Name")}</th>
                        <th scope="col">{lang.pick("Nama pengguna / NIP", "User name / NIP")}</th>
                        <th scope="col">{lang.pick("Peran", "Roles")}</th>
                        <th scope="col">{lang.pick("Kata sandi", "Password")}</th>
                    </tr>
                </thead>
                <tbody>
                    {data.accounts.into_iter().map(|account| view! { <Line account/> }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="dua-kolom">
            <section class="kartu">
                <h2>{lang.pick("Buat akun", "Create an account")}</h2>
                <p>{lang.pick(
                    "Untuk ASN isi NIP; untuk petugas tanpa NIP isi nama pengguna dan nama. Kata sandi sementara ditampilkan sekali.",
                    "For an ASN fill in the NIP; for staff without a NIP, a user name and a name. The temporary password is shown once.",
                )}</p>
                <PostForm<CreateAccount> id="buat-akun" class="formulir">
                    <input type="hidden" name="instansi" value=data.slug.clone()/>
                    <label for="buat-nip">"NIP"</label>
                    <input id="buat-nip" name="nip" inputmode="numeric"/>
                    <label for="buat-pengguna">{lang.pick("Nama pengguna (petugas)", "User name (staff)")}</label>
                    <input id="buat-pengguna" name="nama_pengguna"/>
                    <label for="buat-nama">{lang.pick("Nama (petugas)", "Name (staff)")}</label>
                    <input id="buat-nama" name="nama"/>
                    <RoleFields prefix="buat" roles=create_roles units=create_units whole/>
                    <button type="submit">{lang.pick("Buat akun", "Create the account")}</button>
                </PostForm<CreateAccount>>
            </section>
            <section class="kartu">
                <h2>{lang.pick("Tambah peran", "Give a role")}</h2>
                <PostForm<GrantRole> id="tambah-peran" class="formulir"
                    confirmation=lang.pick("Peran ditambahkan.", "Role given.")>
                    <input type="hidden" name="instansi" value=slug/>
                    <label for="peran-pengguna">{lang.pick("Nama pengguna atau NIP", "User name or NIP")}</label>
                    <input id="peran-pengguna" name="nama_pengguna" required/>
                    <RoleFields prefix="peran" roles=grant_roles units=grant_units whole/>
                    <button type="submit">{lang.pick("Tambah peran", "Give the role")}</button>
                </PostForm<GrantRole>>
            </section>
        </div>
    }
}

/// The role of a grant and the unit it is limited to, chosen from the instansi's tree.
#[component]
fn RoleFields(
    prefix: &'static str,
    roles: Vec<Role>,
    units: Vec<UnitOption>,
    /// Whether "the whole instansi" may be chosen (not by a viewer limited to units).
    whole: bool,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label for=format!("{prefix}-peran")>{lang.pick("Peran", "Role")}</label>
        <select id=format!("{prefix}-peran") name="peran">
            {roles
                .into_iter()
                .map(|r| view! { <option value=r.code()>{terms::role(r, lang)}</option> })
                .collect_view()}
        </select>
        <label for=format!("{prefix}-unit")>{lang.pick(
            "Unit kerja (peran berlaku untuk unit ini dan unit di bawahnya)",
            "Work unit (the role covers this unit and the units under it)",
        )}</label>
        <select id=format!("{prefix}-unit") name="unit">
            {whole.then(|| view! { <option value="">{lang.pick("Seluruh instansi", "The whole instansi")}</option> })}
            {units
                .into_iter()
                .map(|u| {
                    // Indented by depth, so the tree reads in the list.
                    let indent = "\u{a0}\u{a0}".repeat(usize::from(u.depth));
                    view! { <option value=u.code.clone()>{format!("{indent}{}", u.name)}</option> }
                })
                .collect_view()}
        </select>
    }
}

#[component]
fn Line(account: AccountLine) -> impl IntoView {
    let lang = use_lang();
    let roles = account
        .grants
        .iter()
        .map(|g| match &g.unit {
            Some(unit) => format!("{} ({unit})", terms::role(g.role, lang)),
            None => terms::role(g.role, lang).to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <tr>
            <th scope="row">{account.name.clone()}</th>
            <td class="nip">{account.nip.unwrap_or_else(|| account.username.clone())}</td>
            <td>{roles}</td>
            <td>
                {account.must_change_password.then_some(lang.pick("Wajib diganti · ", "Must be changed · "))}
                {account.manageable.then(|| {
                    let warning = lang.pick(
                        format!("Kata sandi {} tidak berlaku lagi; Anda akan menerima kata sandi sementara untuk diserahkan kepadanya.", account.name),
                        format!("{}'s password stops working; you will receive a temporary password to hand over.", account.name),
                    );
                    // A reset locks the person out until they get the new password: it
                    // takes a second, deliberate click (no JavaScript needed).
                    let form = format!("setel-ulang-{}", account.username);
                    // Open again when its form comes back refused, so the message is seen.
                    let open = was_refused::<ResetPassword>(&form);
                    view! {
                        <details class="konfirmasi" open=open>
                            <summary>{lang.pick("Setel ulang kata sandi…", "Reset the password…")}</summary>
                            <PostForm<ResetPassword> id=form class="sebaris">
                                <p>{warning}</p>
                                <input type="hidden" name="nama_pengguna" value=account.username.clone()/>
                                <button type="submit">{lang.pick("Ya, setel ulang", "Yes, reset it")}</button>
                            </PostForm<ResetPassword>>
                        </details>
                    }
                })}
            </td>
        </tr>
    }
}

/// The temporary password a create or reset just gave out (its refusal shows in its form).
#[component]
fn Issued<S>(#[prop(optional)] _function: std::marker::PhantomData<S>) -> impl IntoView
where
    S: leptos::server_fn::ServerFn<Output = IssuedPassword, Error = crate::error::AppError>
        + 'static,
{
    let lang = use_lang();
    form_outcome::<S>(None).and_then(Result::ok).map(|issued| {
        view! {
                    <p class="pemberitahuan" role="status">
                        {lang.pick(
                            format!("Kata sandi sementara untuk {}: ", issued.username),
                            format!("Temporary password for {}: ", issued.username),
                        )}
                        <code class="sandi">{issued.password}</code>
                        {lang.pick(
                            " — sampaikan secara langsung; wajib diganti saat pertama masuk.",
                            " — hand it over in person; it must be changed at the first sign-in.",
                        )}
                    </p>
        }
    })
}
