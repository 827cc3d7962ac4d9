import { expect, test } from "@playwright/test";
import { desktop, noOverflow, phone, screenshot, tableRows } from "./support";

test.describe("Beranda tanpa JavaScript", () => {
  test("the landing page explains, lists each instansi's newest score and leads on", async ({ page }, testInfo) => {
    await page.setViewportSize(desktop);
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Karier ASN yang mengikuti merit, terbuka untuk diperiksa");
    await expect(page.getByRole("heading", { name: "Manajemen talenta 9 kotak" })).toBeVisible();

    // Newest year first; in a year, the higher score first; one row per instansi; a
    // category published alone says so, after the scores of its year.
    const rows = await tableRows(page);
    expect(rows[0].startsWith("Pemerintah Provinsi Kepulauan Bangka Belitung 2025 BKN 301 KASN/BKN 100-400 III (Baik)")).toBe(true);
    expect(rows[1].startsWith("Badan Pengawas Obat dan Makanan 2024 BKN 400")).toBe(true);
    expect(rows.filter((r) => r.startsWith("Pemerintah Provinsi Kalimantan Timur "))).toHaveLength(1);
    expect(rows.some((r) => r.startsWith("Pemerintah Provinsi Kalimantan Timur 2023 KASN 271 "))).toBe(true);
    expect(rows.some((r) => r.startsWith("Kementerian Agama 2022 KASN hanya kategori KASN/BKN 100-400 III (Baik)"))).toBe(true);
    await screenshot(page, testInfo, "beranda-1366");

    await page.setViewportSize(phone);
    await noOverflow(page);
    await screenshot(page, testInfo, "beranda-360");

    await page.getByRole("link", { name: "Tren Indeks Sistem Merit" }).click();
    await expect(page).toHaveURL(/\/indeks-merit$/);
  });

  test("an instansi that maps its ASN shows its talent picture, small counts as <5", async ({ page }, testInfo) => {
    await page.setViewportSize(desktop);
    const response = await page.goto("/indeks-merit/kota-balikpapan-demo");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Gambaran manajemen talenta" })).toBeVisible();
    await expect(page.locator("main")).toContainText("Belum ada skor Indeks Sistem Merit");
    const rows = await tableRows(page);
    // Every OPD of the demo is a row; the whole instansi per period too.
    expect(rows.some((r) => r.startsWith("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia "))).toBe(true);
    expect(rows.some((r) => r.startsWith("2025 "))).toBe(true);
    // Small cells are shown as <5, and no count of 1 to 4 appears anywhere.
    expect(rows.some((r) => r.includes("<5"))).toBe(true);
    const numbers = rows.flatMap((r) => r.split(" ")).filter((t) => /^\d+$/.test(t)).map(Number);
    expect(numbers.filter((n) => n >= 1 && n <= 4)).toEqual([]);
    // The headline counts what is safe to count: hundreds mapped is not a small number.
    await expect(page.locator(".gambaran-talenta")).toContainText(/Periode 2025: 6\.000 pegawai; \d{3} dipetakan ke 9 kotak \(\d+,\d %\)/);
    // The demo's past is published too: 2024, with its own picture.
    await expect(page.getByLabel("Periode").locator("option")).toContainText(["2025", "2024"]);
    await screenshot(page, testInfo, "indeks-merit-talenta-1366");

    await page.getByLabel("Periode").selectOption("2025");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(page).toHaveURL(/periode=2025/);
    await page.setViewportSize(phone);
    await noOverflow(page);
    await screenshot(page, testInfo, "indeks-merit-talenta-360");
  });
});
