import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, desktop, failOnConsoleErrors, phone, screenshot, signIn, waitForHydration } from "./support";

/** A signed-in page of its own browser context, so two people can work side by side. */
async function asPerson(browser: Browser, who: { username: string; home: string }, viewport = phone) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = failOnConsoleErrors(page);
  await signIn(page, who.username, demo.password, who.home);
  return { page, errors };
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
}

/** The demo's period in force: the newest scored, whatever the clock says (domain.md §10). */
const period = 2025;
const nextYear = `${new Date().getFullYear() + 1}-06-30`;

test.describe("Halaman saya (ASN, layar ponsel)", () => {
  test("the demo ASN sees their kotak explained, and the pages of /saya at 360 px", async ({ browser }, testInfo) => {
    const { page, errors } = await asPerson(browser, demo.asn);
    await waitForHydration(page);
    await expect(page.locator(".kotak-kini")).toContainText("Periode 2025: kotak 8");
    await expect(page.locator(".sembilan-kotak .sel.saya")).toContainText("8");
    await expect(page.getByRole("heading", { name: "Apa yang menaikkan kotak saya" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Kinerja (sumbu Y)" })).toBeVisible();
    await expect(page.locator("table.komponen").first()).toContainText("Kinerja utama (predikat SKP)");
    await expect(page.locator("table.komponen").first()).toContainText("SKP");
    await expect(page.locator(".pengantar")).toContainText("versi");
    await expect(page.locator(".grafik-svg svg")).toBeVisible();
    await screenshot(page, testInfo, "saya-kotak-360");

    await open(page, "/saya/karier");
    const firstSuggestion = page.locator("#jabatan-target option", { hasText: "★" }).first();
    await page.locator("#jabatan-target").selectOption(await firstSuggestion.getAttribute("value") ?? "");
    await page.getByRole("button", { name: "Lihat kesiapan" }).click();
    await expect(page).toHaveURL(/\/saya\/karier\?jabatan=/);
    await expect(page.locator(".kartu .kotak-kini")).toContainText("Perkiraan kesiapan");
    await expect(page.locator("table.data").first()).toContainText("Kotak manajemen talenta");
    await screenshot(page, testInfo, "saya-karier-360");

    await open(page, "/saya/pelatihan");
    await expect(page.locator(".kotak-kini")).toContainText(`JP tahun ${period}`);
    await screenshot(page, testInfo, "saya-pelatihan-360");

    await open(page, "/saya/data");
    await expect(page.locator(".kelengkapan")).toContainText("Pendidikan");
    // Completeness judges the period in force, as the box shown does, not the clock's year.
    await expect(page.locator(".kelengkapan")).not.toContainText(`pada ${new Date().getFullYear()}`);
    await expect(page.locator(".kelengkapan")).not.toContainText(`SKP ${new Date().getFullYear()}`);
    await screenshot(page, testInfo, "saya-data-360");
    // Nothing in /saya overflows a 360 px screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    expect(errors).toEqual([]);
  });

  test("an IDP goes from the ASN to the atasan and back approved", async ({ browser }, testInfo) => {
    const asn = await asPerson(browser, demo.asn);
    const page = asn.page;
    await open(page, "/saya/idp");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Rencana pengembangan individu ${period}`);
    await page.getByRole("button", { name: "Susun IDP saya" }).click();
    await expect(page.locator(".status-idp")).toContainText("Draf");
    // Every proposed goal gets an activity.
    const unplanned = page.locator("ol.sasaran > li", { hasText: "Kegiatan belum direncanakan" });
    for (let left = await unplanned.count(); left > 0; left = await unplanned.count()) {
      const goal = unplanned.first();
      await goal.locator("select[name=metode]").selectOption("coaching");
      await goal.locator("input[name=tanggal_target]").fill(nextYear);
      await goal.getByRole("button", { name: "Simpan kegiatan" }).click();
      await expect(unplanned).toHaveCount(left - 1);
    }
    // A training without its JP is refused beside the form, in a sentence of its own, and
    // the form keeps what was typed.
    await page.getByLabel("Sasaran pengembangan").fill("Menguasai analisis data kepegawaian");
    await page.locator("#tambah-metode").selectOption("pelatihan");
    await page.locator("#tambah-tanggal").fill(nextYear);
    await page.getByRole("button", { name: "Tambah sasaran" }).click();
    const refusal = page.locator("#tambah-sasaran-baru [role=alert]");
    await expect(refusal).toHaveText(/^Isi JP \(jam pelajaran\) untuk pelatihan/);
    await expect(refusal).toBeInViewport();
    // The message has the focus: a phone lands on what went wrong.
    await expect(refusal).toBeFocused();
    await expect(page.getByLabel("Sasaran pengembangan")).toHaveValue("Menguasai analisis data kepegawaian");
    await expect(page.locator("#tambah-metode")).toHaveValue("pelatihan");
    await expect(page.locator("#tambah-tanggal")).toHaveValue(nextYear);
    await screenshot(page, testInfo, "saya-idp-ditolak-360");
    // The refused page answers with its refusal's status (400), which the browser logs.
    expect(asn.errors.splice(0)).toEqual([expect.stringContaining("status of 400")]);
    await page.locator("#tambah-jp").fill("24");
    await page.getByRole("button", { name: "Tambah sasaran" }).click();
    await expect(page.locator("ol.sasaran")).toContainText("Menguasai analisis data kepegawaian");
    await page.getByRole("button", { name: "Ajukan IDP" }).click();
    await expect(page.locator(".status-idp")).toContainText("Menunggu persetujuan atasan");
    await screenshot(page, testInfo, "saya-idp-diajukan-360");

    const atasan = await asPerson(browser, demo.atasan, desktop);
    await expect(atasan.page.locator(".kartu", { hasText: "IDP menunggu persetujuan" })).toContainText(demo.asn.name);
    await atasan.page.getByRole("link", { name: demo.asn.name }).first().click();
    await expect(atasan.page).toHaveURL(new RegExp(`/tim/idp/${demo.asn.username}$`));
    await waitForHydration(atasan.page);
    await expect(atasan.page.locator("ol.sasaran")).toContainText("Menguasai analisis data kepegawaian");
    await screenshot(atasan.page, testInfo, "tim-idp-1366");
    // Returned with a reason; the ASN reads who wrote it and when, answers and submits again.
    const why = "Tambahkan target JP yang terukur untuk coaching";
    await expect(atasan.page.getByLabel(/Alasan pengembalian/)).toHaveAttribute("minlength", "20");
    await atasan.page.getByLabel(/Alasan pengembalian/).fill(why);
    await atasan.page.getByRole("button", { name: "Kembalikan untuk diperbaiki" }).click();
    await expect(atasan.page.locator(".status-idp")).toContainText("Dikembalikan untuk diperbaiki");
    await open(page, "/saya/idp");
    const thread = page.locator("ol.percakapan-idp > li");
    await expect(thread.last()).toContainText(`${demo.atasan.name} ·`);
    await expect(thread.last()).toContainText(/WITA · mengembalikan untuk diperbaiki/);
    await expect(thread.last()).toContainText(why);
    await page.getByLabel("Catatan untuk atasan (opsional)").fill("Target JP sudah saya lengkapi");
    await page.getByRole("button", { name: "Ajukan IDP" }).click();
    await expect(page.locator(".status-idp")).toContainText("Menunggu persetujuan atasan");

    await atasan.page.reload();
    await waitForHydration(atasan.page);
    await expect(atasan.page.locator("ol.percakapan-idp")).toContainText("Target JP sudah saya lengkapi");
    await atasan.page.getByLabel("Komentar (opsional)").fill("Rencana baik, lanjutkan.");
    await atasan.page.getByRole("button", { name: "Setujui IDP" }).click();
    await expect(atasan.page.locator(".status-idp")).toContainText("Disetujui atasan");

    await open(page, "/saya/idp");
    await expect(page.locator(".status-idp")).toContainText("Disetujui atasan");
    await expect(thread).toHaveCount(4);
    await expect(thread.last()).toContainText("menyetujui");
    await expect(thread.last()).toContainText("Rencana baik, lanjutkan.");
    await screenshot(page, testInfo, "saya-idp-disetujui-360");
    // An approved plan gains an activity through a revision, which goes back to the atasan.
    await page.getByLabel(/Alasan revisi/).fill("Menambah pelatihan SPBE yang baru dibuka");
    await page.getByRole("button", { name: "Buka revisi" }).click();
    await expect(page.locator(".status-idp")).toContainText("Draf");
    await expect(thread.last()).toContainText("membuka revisi");
    await expect(page.getByRole("button", { name: "Tambah sasaran" })).toBeVisible();

    // The career path's gaps join the plan as goals, the same gap never twice.
    await open(page, "/saya/karier");
    const target = page.locator("#jabatan-target option", { hasText: "★" }).first();
    await page.locator("#jabatan-target").selectOption(await target.getAttribute("value") ?? "");
    await page.getByRole("button", { name: "Lihat kesiapan" }).click();
    await page.getByRole("button", { name: "Tambahkan kesenjangan ini ke IDP" }).click();
    await expect(page.getByRole("status")).toContainText(/^\d+ sasaran ditambahkan ke IDP Anda/);
    await page.getByRole("button", { name: "Tambahkan kesenjangan ini ke IDP" }).click();
    await expect(page.getByRole("status")).toContainText("0 sasaran ditambahkan ke IDP Anda");
    await screenshot(page, testInfo, "saya-karier-ke-idp-360");
    await open(page, "/saya/idp");
    await expect(page.locator("ol.sasaran")).toContainText("Meningkatkan kompetensi");
    expect(asn.errors).toEqual([]);
    expect(atasan.errors).toEqual([]);
  });

  test("a correction request is accepted by BKPSDM and updates the ASN's training", async ({ browser }, testInfo) => {
    const asn = await asPerson(browser, demo.asn);
    const page = asn.page;
    await open(page, "/saya/data");
    await page.getByLabel("Data yang salah atau belum ada").selectOption("pelatihan");
    await page.getByLabel("Nilai yang benar").fill("Pelatihan Manajemen Talenta ASN");
    await page.getByLabel("Tanggal (TMT atau tanggal mulai pelatihan)").fill(`${period}-01-15`);
    await page.getByLabel("JP (untuk pelatihan)").fill("16");
    await page.getByLabel("Apa yang salah").fill("Sertifikat pelatihan ini belum tercatat");
    await page.getByLabel("Tautan bukti (SK, ijazah, sertifikat)").fill("https://contoh.go.id/sertifikat.pdf");
    await page.getByRole("button", { name: "Kirim permohonan" }).click();
    await expect(page.getByText("Permohonan terkirim")).toBeVisible();
    await expect(page.locator(".permohonan")).toContainText("Menunggu keputusan BKPSDM");

    const hr = await asPerson(browser, demo.bkpsdm, desktop);
    await open(hr.page, "/talenta/koreksi");
    const request = hr.page.locator(".permohonan > li", { hasText: demo.asn.name }).first();
    await expect(request).toContainText("Pelatihan Manajemen Talenta ASN");
    await screenshot(hr.page, testInfo, "talenta-koreksi-1366");
    await request.getByRole("button", { name: "Terima dan perbarui data" }).click();
    await expect(hr.page.locator(".permohonan > li", { hasText: demo.asn.name }).first()).toContainText("Diterima");

    await open(page, "/saya/data");
    await expect(page.locator(".permohonan")).toContainText("Diterima, data sudah diperbarui");
    await open(page, "/saya/pelatihan");
    await expect(page.locator("table.data").first()).toContainText("Pelatihan Manajemen Talenta ASN");
    await screenshot(page, testInfo, "saya-pelatihan-koreksi-360");
    expect(asn.errors).toEqual([]);
    expect(hr.errors).toEqual([]);
  });
});
