//! The accounts page: the list, and the forms that change it.

use super::{
    list_accounts, AccountLine, AccountsData, CreateAccount, GrantRole, IssuedPassword,
    ResetPassword,
};
use crate::components::loaded::Loaded;
use crate::domain::access::Role;
use crate::pages::akses::ActionError;
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccountsPage() -> impl IntoView {
    let query = use_query_map();
    let instansi = Memo::new(move |_| query.with(|q| q.get("instansi")));
    let create = ServerAction::<CreateAccount>::new();
    let grant = ServerAction::<GrantRole>::new();
    let reset = ServerAction::<ResetPassword>::new();
    let data = Resource::new(
        move || {
            (
                instansi.get(),
                create.version().get(),
                grant.version().get(),
                reset.version().get(),
            )
        },
        |(instansi, ..)| list_accounts(instansi),
    );
    view! {
        <Title text="Akun dan peran | Jenjang"/>
        <h1>"Akun dan peran"</h1>
        <Loaded resource=data show=move |data| view! { <Accounts data create grant reset/> }/>
    }
}

#[component]
fn Accounts(
    data: AccountsData,
    create: ServerAction<CreateAccount>,
    grant: ServerAction<GrantRole>,
    reset: ServerAction<ResetPassword>,
) -> impl IntoView {
    let slug = data.slug.clone();
    view! {
        <p class="pengantar">{format!("{}: {} akun.", data.instansi, data.accounts.len())}</p>
        <Issued action=create/>
        <Issued action=reset/>
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{format!("Akun {}", data.instansi)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Nama"</th>
                        <th scope="col">"Nama pengguna / NIP"</th>
                        <th scope="col">"Peran"</th>
                        <th scope="col">"Kata sandi"</th>
                    </tr>
                </thead>
                <tbody>
                    {data.accounts.into_iter().map(|account| view! { <Line account reset/> }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="dua-kolom">
            <section class="kartu">
                <h2>"Buat akun"</h2>
                <p>"Untuk ASN isi NIP; untuk petugas tanpa NIP isi nama pengguna dan nama. Kata sandi sementara ditampilkan sekali."</p>
                <ActionForm action=create attr:class="formulir">
                    <input type="hidden" name="instansi" value=data.slug.clone()/>
                    <label for="buat-nip">"NIP"</label>
                    <input id="buat-nip" name="nip" inputmode="numeric"/>
                    <label for="buat-pengguna">"Nama pengguna (petugas)"</label>
                    <input id="buat-pengguna" name="nama_pengguna"/>
                    <label for="buat-nama">"Nama (petugas)"</label>
                    <input id="buat-nama" name="nama"/>
                    <RoleFields prefix="buat"/>
                    <button type="submit">"Buat akun"</button>
                </ActionForm>
            </section>
            <section class="kartu">
                <h2>"Tambah peran"</h2>
                <ActionForm action=grant attr:class="formulir">
                    <input type="hidden" name="instansi" value=slug/>
                    <label for="peran-pengguna">"Nama pengguna atau NIP"</label>
                    <input id="peran-pengguna" name="nama_pengguna" required/>
                    <RoleFields prefix="peran"/>
                    <button type="submit">"Tambah peran"</button>
                </ActionForm>
                <ActionError action=grant/>
                {move || grant.value().get().and_then(Result::ok).map(|()| view! { <p role="status">"Peran ditambahkan."</p> })}
            </section>
        </div>
    }
}

/// The role and optional unit of a grant.
#[component]
fn RoleFields(prefix: &'static str) -> impl IntoView {
    view! {
        <label for=format!("{prefix}-peran")>"Peran"</label>
        <select id=format!("{prefix}-peran") name="peran">
            {Role::ALL
                .into_iter()
                .filter(|r| *r != Role::Admin)
                .map(|r| view! { <option value=r.code()>{r.label()}</option> })
                .collect_view()}
        </select>
        <label for=format!("{prefix}-unit")>"Kode unit kerja (kosongkan untuk seluruh instansi)"</label>
        <input id=format!("{prefix}-unit") name="unit"/>
    }
}

#[component]
fn Line(account: AccountLine, reset: ServerAction<ResetPassword>) -> impl IntoView {
    let roles = account
        .roles
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <tr>
            <th scope="row">{account.name}</th>
            <td class="nip">{account.nip.unwrap_or_else(|| account.username.clone())}</td>
            <td>{roles}</td>
            <td>
                {account.must_change_password.then_some("Wajib diganti · ")}
                <ActionForm action=reset attr:class="sebaris">
                    <input type="hidden" name="nama_pengguna" value=account.username/>
                    <button type="submit">"Setel ulang"</button>
                </ActionForm>
            </td>
        </tr>
    }
}

/// The temporary password a create or reset gave out, or its error.
#[component]
fn Issued<S>(action: ServerAction<S>) -> impl IntoView
where
    S: leptos::server_fn::ServerFn<Output = IssuedPassword, Error = crate::error::AppError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    move || {
        action.value().get().map(|result| match result {
            Ok(issued) => Either::Left(view! {
                <p class="pemberitahuan" role="status">
                    {format!("Kata sandi sementara untuk {}: ", issued.username)}
                    <code class="sandi">{issued.password}</code>
                    " — sampaikan secara langsung; wajib diganti saat pertama masuk."
                </p>
            }),
            Err(error) => Either::Right(
                view! { <p class="pemberitahuan galat" role="alert">{error.to_string()}</p> },
            ),
        })
    }
}
