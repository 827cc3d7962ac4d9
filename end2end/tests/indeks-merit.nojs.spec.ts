import { expect, test } from "@playwright/test";
import { openSelector, desktop, phone, screenshot, tableRows } from "./support";

test.describe("Indeks Sistem Merit tanpa JavaScript", () => {
  test("the server HTML carries the chart and the table of Kalimantan Timur", async ({ page }, testInfo) => {
    await page.setViewportSize(desktop);
    const response = await page.goto("/indeks-merit");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indeks Sistem Merit ASN per instansi");

    const chart = page.locator(".grafik-kanvas:visible .grafik-svg svg");
    await expect(chart).toHaveCount(1);
    await expect(chart).toContainText("III (Baik)");
    await expect(chart).toContainText("Kota Balikpapan");

    const rows = await tableRows(page);
    expect(rows).toContain("Pemerintah Kota Balikpapan Kalimantan Timur 2022 KASN 266 III (Baik) kaltim.antaranews.com/berita/192789 266 (3 instansi)");
    expect(rows.some((r) => r.startsWith("Pemerintah Provinsi Kalimantan Timur Kalimantan Timur 2022 KASN 263,5 III (Baik)"))).toBe(true);
    expect(rows.some((r) => r.startsWith("Pemerintah Provinsi Kalimantan Timur Kalimantan Timur 2023 KASN 271 III (Baik)"))).toBe(true);
    // A category published without a score is in the table as its category, in no median.
    expect(rows.some((r) => r.startsWith("Pemerintah Kabupaten Kutai Timur Kalimantan Timur 2022 KASN hanya kategori II (Kurang)") && r.endsWith("—"))).toBe(true);
    expect(rows.every((r) => r.includes("Kalimantan Timur"))).toBe(true);

    // Every point has a marker that tells its details to assistive technology.
    await expect(page.locator("a.titik").first()).toHaveAttribute("aria-label", /skor .* kategori .* Sumber: /);
    await screenshot(page, testInfo, "indeks-merit-desktop");
    await page.setViewportSize(phone);
    await screenshot(page, testInfo, "indeks-merit-phone");
  });

  test("the selection form works as a plain GET form", async ({ page }) => {
    await page.goto("/indeks-merit");
    await openSelector(page);
    await page.locator("#pilih-instansi").selectOption(["provinsi-jawa-barat"]);
    await page.getByRole("button", { name: "Terapkan pilihan" }).click();
    await expect(page).toHaveURL(/instansi=provinsi-jawa-barat/);
    expect(page.url()).not.toContain("kota-balikpapan");
    const rows = await tableRows(page);
    expect(rows.some((r) => r.includes("Pemerintah Provinsi Jawa Barat") && r.includes("392"))).toBe(true);
    expect(rows.some((r) => r.includes("Kota Balikpapan"))).toBe(false);
    await expect(page.locator("#pilih-instansi option[value=provinsi-jawa-barat]")).toHaveJSProperty("selected", true);
  });

  test("the selector's list narrows to what is typed and keeps the chosen ones", async ({ page }) => {
    await page.goto("/indeks-merit?instansi=kota-bontang");
    await openSelector(page);
    await page.getByLabel("Saring daftar menurut nama atau provinsi").fill("kutai");
    await page.getByRole("button", { name: "Saring", exact: true }).click();
    await expect(page).toHaveURL(/cari=kutai/);
    await expect(page.locator("details.pemilih")).toHaveAttribute("open", "");
    const options = page.locator("#pilih-instansi option");
    await expect(options).toHaveText(["Kabupaten Kutai Timur", "Kota Bontang"]);
    await page.locator("#pilih-instansi").selectOption(["kabupaten-kutai-timur", "kota-bontang"]);
    await page.getByRole("button", { name: "Terapkan pilihan" }).click();
    await expect(page).toHaveURL(/kabupaten-kutai-timur/);
    await expect(page).toHaveURL(/kota-bontang/);
  });

  test("an empty selection stays empty and says so", async ({ page }) => {
    await page.goto("/indeks-merit?instansi=");
    await expect(page.getByText("Belum ada instansi yang dipilih.")).toBeVisible();
    await expect(page.locator(".grafik")).toHaveCount(0);
  });

  test("a chosen year ranks every instansi, with the provincial median, and keeps the chart", async ({ page }, testInfo) => {
    await page.setViewportSize(desktop);
    await page.goto("/indeks-merit");
    await page.getByLabel("Tahun", { exact: true }).selectOption("2022");
    await page.getByRole("button", { name: "Tampilkan peringkat" }).click();
    await expect(page).toHaveURL(/tahun=2022/);
    await expect(page.locator("caption", { hasText: "Peringkat Indeks Sistem Merit KASN/BKN (skala 100-400) tahun 2022" })).toBeVisible();
    const rows = await tableRows(page);
    expect(rows.some((r) => r.startsWith("1 Pemerintah Provinsi Jawa Barat Jawa Barat 392 IV (Sangat Baik) 375,75 (2 instansi)"))).toBe(true);
    expect(rows.some((r) => r.startsWith("10 Pemerintah Kota Bontang Kalimantan Timur 273 III (Baik) 266 (3 instansi)"))).toBe(true);
    // The chart of the selection is still there, with the median line of its province.
    await expect(page.locator(".grafik-kanvas:visible .grafik-svg svg")).toContainText("Median Prov. Kalimantan Timur");
    await page.locator("#peringkat").scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, "indeks-merit-peringkat-desktop");
    await page.setViewportSize(phone);
    await screenshot(page, testInfo, "indeks-merit-peringkat-phone");
  });

  test("one instansi's history lists every score with its source", async ({ page }, testInfo) => {
    await page.setViewportSize(desktop);
    const response = await page.goto("/indeks-merit/provinsi-kalimantan-timur");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pemerintah Provinsi Kalimantan Timur");
    const rows = await tableRows(page);
    expect(rows).toEqual([
      "2018 KASN 232 II (Kurang) metrokaltara.com (Dec 2018); kliksamarinda.com (first KASN mapping 2018/19)",
      "2020 KASN 240 II (Kurang) kliksamarinda.com (BKD Kaltim; Aug 2021)",
      "2022 KASN 263,5 III (Baik) kaltim.antaranews.com/berita/192789 (statement of Kepala BKD Kaltim)",
      "2023 KASN 271 III (Baik) news report of Rakor Kepegawaian se-Kalimantan Timur (Balikpapan; 30 Apr 2024) (reported in Apr 2024 as up from 263.5; assessment year assumed 2023) · terbit 2024-04-30",
    ]);
    await expect(page.locator(".grafik-kanvas:visible .grafik-svg svg")).toHaveCount(1);
    await screenshot(page, testInfo, "instansi-desktop");
    await page.setViewportSize(phone);
    await screenshot(page, testInfo, "instansi-phone");
  });

  test("unknown addresses answer 404 with a page in Bahasa Indonesia", async ({ page }) => {
    for (const url of ["/indeks-merit/tidak-ada", "/tidak-ada"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
    }
  });
});
