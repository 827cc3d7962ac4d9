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
