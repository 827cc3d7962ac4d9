import { expect, type Page, type TestInfo } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";

/** Screenshots are kept in end2end/artifacts/screenshots for people to look at. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const dir = path.join(__dirname, "..", "artifacts", "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

export const desktop = { width: 1366, height: 768 };
export const phone = { width: 360, height: 740 };

/** Fails the test on any console error or uncaught exception in the page. */
export function failOnConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Waits until the WASM has hydrated the page (App sets the marker from an Effect). */
export async function waitForHydration(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
}

/** The text of every body row of the data table, one string per row. */
export async function tableRows(page: Page): Promise<string[]> {
  return page.locator("table.data tbody tr").evaluateAll((rows) =>
    rows.map((row) => (row as HTMLElement).innerText.replace(/\s+/g, " ").trim()),
  );
}

/** Unfolds the instansi selector (folded by default so the chart comes first on a phone). */
export async function openSelector(page: Page) {
  await page.locator("details.pemilih > summary").click();
  await expect(page.locator("details.pemilih")).toHaveAttribute("open", "");
}
