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

const year = new Date().getFullYear();
const nextYear = `${year + 1}-06-30`;

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
    await expect(page.locator(".kotak-kini")).toContainText(`JP tahun ${year}`);
    await screenshot(page, testInfo, "saya-pelatihan-360");

    await open(page, "/saya/data");
    await expect(page.locator(".kelengkapan")).toContainText("Pendidikan");
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
    await page.getByLabel("Sasaran pengembangan").fill("Menguasai analisis data kepegawaian");
    await page.locator("#tambah-metode").selectOption("pelatihan");
    await page.locator("#tambah-jp").fill("24");
    await page.locator("#tambah-tanggal").fill(nextYear);
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
    await atasan.page.getByLabel("Komentar (opsional)").fill("Rencana baik, lanjutkan.");
    await atasan.page.getByRole("button", { name: "Setujui IDP" }).click();
    await expect(atasan.page.locator(".status-idp")).toContainText("Disetujui atasan");

    await open(page, "/saya/idp");
    await expect(page.locator(".status-idp")).toContainText("Disetujui atasan");
    await expect(page.locator(".pemberitahuan")).toContainText("Rencana baik, lanjutkan.");
    await screenshot(page, testInfo, "saya-idp-disetujui-360");
    expect(asn.errors).toEqual([]);
    expect(atasan.errors).toEqual([]);
  });

  test("a correction request is accepted by BKPSDM and updates the ASN's training", async ({ browser }, testInfo) => {
    const asn = await asPerson(browser, demo.asn);
    const page = asn.page;
    await open(page, "/saya/data");
    await page.getByLabel("Data yang salah atau belum ada").selectOption("pelatihan");
    await page.getByLabel("Nilai yang benar").fill("Pelatihan Manajemen Talenta ASN");
    await page.getByLabel("Tanggal (TMT atau tanggal mulai pelatihan)").fill(`${year}-01-15`);
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
