import { expect, test } from "@playwright/test";
import { desktop, phone, screenshot } from "./support";

test.describe("Metodologi tanpa JavaScript", () => {
  test("the rules and the demo instansi's parameter version are in the server HTML", async ({ page }, testInfo) => {
    await page.setViewportSize(phone);
    const response = await page.goto("/metodologi");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Metodologi pemetaan talenta");
    await expect(page.locator("table.data").first()).toContainText("Tindak lanjut yang direkomendasikan per kotak");
    await expect(page.locator("main")).toContainText("Kinerja utama (predikat SKP)");
    // The demo instansi (scored by the test server) is listed with the version it uses.
    await expect(page.locator("main")).toContainText("Pemerintah Kota Balikpapan (demo)");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await screenshot(page, testInfo, "metodologi-360");
    await page.setViewportSize(desktop);
    await screenshot(page, testInfo, "metodologi-1366");
  });
});
