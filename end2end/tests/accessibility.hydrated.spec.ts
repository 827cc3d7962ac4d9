import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { desktop, phone, waitForHydration } from "./support";

// WCAG 2.1 A and AA on every public page, on a laptop and on a phone, in both languages.
const pages = ["/", "/metodologi", "/indeks-merit", "/indeks-merit?instansi=provinsi-jawa-barat&instansi=kota-balikpapan", "/indeks-merit/provinsi-kalimantan-timur", "/indeks-merit/kota-balikpapan-demo"];

for (const lang of ["id", "en"]) {
  for (const viewport of [desktop, phone]) {
    for (const url of pages) {
      test(`axe finds no WCAG 2.1 AA violation on ${url} at ${viewport.width} px in ${lang}`, async ({ page, baseURL }) => {
        await page.context().addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
        await page.setViewportSize(viewport);
        await page.goto(url);
        await waitForHydration(page);
        // Unfold the selector where there is one, so its controls are checked too.
        const selector = page.locator("details.pemilih > summary");
        if (await selector.count()) await selector.click();
        const results = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
          .analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
        expect(summary).toEqual([]);
      });
    }
  }
}

test.describe("Keyboard", () => {
  test("the selector, the year and every chart point are reached and used by keyboard", async ({ page }) => {
    await page.setViewportSize(desktop);
    await page.goto("/indeks-merit?instansi=kota-balikpapan");
    await waitForHydration(page);

    // The selector opens with Enter; in the list, Shift+Down adds the next instansi (Kota
    // Bontang follows Kota Balikpapan); the choice applies with Enter.
    await page.locator("details.pemilih > summary").focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("details.pemilih")).toHaveAttribute("open", "");
    await page.locator("#pilih-instansi").focus();
    await page.keyboard.press("Shift+ArrowDown");
    await expect(page.locator("#pilih-instansi option[value=kota-bontang]")).toHaveJSProperty("selected", true);
    await page.getByRole("button", { name: "Terapkan pilihan" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/instansi=kota-bontang/);

    // Tab reaches a chart point, which shows its details and opens its instansi with Enter.
    const point = page.locator(".grafik-kanvas:visible a.titik").first();
    let reached = false;
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await point.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await expect(point.locator(".tip")).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/indeks-merit\/kota-/);

    // The ranking's year is a native select: chosen and shown by keyboard.
    await page.goto("/indeks-merit");
    await waitForHydration(page);
    await page.getByLabel("Tahun", { exact: true }).focus();
    await page.keyboard.press("ArrowDown");
    await page.getByRole("button", { name: "Tampilkan peringkat" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/tahun=\d{4}/);
  });
});
