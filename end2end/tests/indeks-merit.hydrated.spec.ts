import { expect, test } from "@playwright/test";
import * as fs from "node:fs";
import { openSelector, desktop, failOnConsoleErrors, phone, screenshot, scriptsLoaded, tableRows, waitForHydration } from "./support";

test.describe("Indeks Sistem Merit with JavaScript on", () => {
  let consoleErrors: string[] = [];

  test.beforeEach(async ({ page }) => {
    consoleErrors = failOnConsoleErrors(page);
  });

  test.afterEach(() => {
    expect(consoleErrors, "browser console errors").toEqual([]);
  });

  test("the page ships no script; the selection applies through its form and lands in the URL", async ({ page }, testInfo) => {
    const scripts = scriptsLoaded(page);
    await page.setViewportSize(desktop);
    await page.goto("/indeks-merit");
    await expect(page.locator("leptos-island")).toHaveCount(0);
    // Only Leptos' few bytes of inline set-up: no script or WASM to fetch.
    await expect(page.locator("script[src], script[type=module], link[rel=modulepreload], link[as=fetch]")).toHaveCount(0);
    await openSelector(page);

    await page.locator("#pilih-instansi").selectOption(["provinsi-jawa-barat"]);
    await page.getByRole("button", { name: "Terapkan pilihan" }).click();
    await expect(page).toHaveURL(/instansi=provinsi-jawa-barat/);
    await expect(page).not.toHaveURL(/kota-balikpapan/);
    const chart = page.locator(".grafik-kanvas:visible .grafik-svg svg");
    await expect(chart).toContainText("Provinsi Jawa Barat");
    await expect(chart).not.toContainText("Kota Balikpapan");
    await expect(page.locator("table.data")).toContainText("392");
    const rows = await tableRows(page);
    expect(rows.some((r) => r.includes("Kota Balikpapan"))).toBe(false);
    expect(scripts, "JS or WASM loaded by a public page").toEqual([]);

    // The shared link reproduces the view.
    const shared = page.url();
    const other = await page.context().newPage();
    await other.goto(shared);
    await expect(other.locator(".grafik-kanvas:visible .grafik-svg svg")).toContainText("Provinsi Jawa Barat");
    await expect(other.locator(".grafik-kanvas:visible .grafik-svg svg")).not.toContainText("Kota Balikpapan");
    await other.close();

    await screenshot(page, testInfo, "indeks-merit-selection-desktop");
  });

  test("hover and keyboard focus on a point show its details", async ({ page }, testInfo) => {
    await page.setViewportSize(desktop);
    await page.goto("/indeks-merit?instansi=kota-balikpapan");
    await waitForHydration(page);
    const point = page.locator("a.titik").first();
    const tip = point.locator(".tip");
    await expect(tip).toBeHidden();
    await point.hover();
    await expect(tip).toBeVisible();
    await expect(tip).toContainText("Kota Balikpapan");
    await expect(tip).toContainText("Tahun 2022");
    await expect(tip).toContainText("Skor 266");
    await expect(tip).toContainText("Kategori III (Baik)");
    await expect(tip).toContainText("Sumber: kaltim.antaranews.com/berita/192789");
    await screenshot(page, testInfo, "indeks-merit-hover");

    await page.mouse.move(0, 0);
    await expect(tip).toBeHidden();
    // Tab from the (folded) selector reaches the point.
    await page.locator("details.pemilih > summary").focus();
    await page.keyboard.press("Tab");
    await expect(point).toBeFocused();
    await expect(tip).toBeVisible();
  });

  test("the CSV download honours the selection and keeps machine numbers", async ({ page }) => {
    await page.goto("/indeks-merit");
    await openSelector(page);
    await page.locator("#pilih-instansi").selectOption([
      "kabupaten-berau",
      "kabupaten-kutai-timur",
      "kota-balikpapan",
      "kota-bontang",
      "provinsi-kalimantan-timur",
      "provinsi-jawa-barat",
    ]);
    await page.getByRole("button", { name: "Terapkan pilihan" }).click();
    await expect(page).toHaveURL(/provinsi-jawa-barat/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(".unduh").getByRole("link", { name: "CSV", exact: true }).click(),
    ]);
    const text = fs.readFileSync(await download.path(), "utf8");
    const lines = text.trim().split(/\r?\n/);
    // Title, source, years and generation time come first, then the table.
    expect(text).toContain("Dibuat,");
    const header = lines.indexOf("instansi,slug,kind,province,year,framework,body,score,category,source,note,source_url,published_on,correction_reason");
    expect(header).toBeGreaterThan(0);
    const records = lines.slice(header + 1).map((line) => line.split(","));
    const slugs = new Set(records.map((r) => r[1]));
    // The default (Kalimantan Timur) plus Jawa Barat; slugs contain no commas, names neither.
    expect([...slugs].sort()).toEqual([
      "kabupaten-berau",
      "kabupaten-kutai-timur",
      "kota-balikpapan",
      "kota-bontang",
      "provinsi-jawa-barat",
      "provinsi-kalimantan-timur",
    ]);
    expect(text).toContain("Pemerintah Provinsi Kalimantan Timur,provinsi-kalimantan-timur,provinsi,Kalimantan Timur,2022,KASN_100_400,KASN,263.5,III,");
    expect(text).toContain("Pemerintah Provinsi Jawa Barat,provinsi-jawa-barat,provinsi,Jawa Barat,2022,KASN_100_400,KASN,392,IV,");
  });

  test("the page reads on a 360 px phone", async ({ page }, testInfo) => {
    await page.setViewportSize(phone);
    await page.goto("/indeks-merit");
    await waitForHydration(page);
    await expect(page.locator(".grafik-kanvas:visible .grafik-svg svg")).toBeVisible();
    // Nothing but the chart's own scroller may be wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, testInfo, "indeks-merit-phone-hydrated");
  });
});
