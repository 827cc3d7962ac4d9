//! The document title of every page. `leptos_meta::Title` (0.8) writes its text into
//! `<title>` as it is: an imported name `Fajar</title><meta http-equiv="refresh" …>` became
//! markup in the head of `/pegawai/{nip}` and redirected whoever opened it. So no page uses
//! `Title` directly; this component escapes the text first. `<title>` holds RCDATA, so the
//! browser turns the character references back into the characters and the reader sees the
//! name as stored.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    view! { <Title text=escape_title(&text)/> }
}

/// `&`, `<` and `>` as character references: enough for RCDATA, where nothing but `</title`
/// ends the element and `&` starts a reference.
fn escape_title(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::escape_title;

    #[test]
    fn markup_in_a_title_stays_text() {
        assert_eq!(
            escape_title("Fajar</title><meta http-equiv=\"refresh\"> & co"),
            "Fajar&lt;/title&gt;&lt;meta http-equiv=\"refresh\"&gt; &amp; co"
        );
        assert_eq!(escape_title("Kotak saya | Jenjang"), "Kotak saya | Jenjang");
    }
}
