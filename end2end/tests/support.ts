import { expect, type Browser, type Page, type TestInfo } from "@playwright/test";
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

/**
 * Waits until every island of the page has hydrated: each marks its `<leptos-island>` with
 * `data-hydrated` from an effect, since an island that never hydrates still shows its HTML.
 * A page without islands (most pages: they are server components) has nothing to wait for.
 */
export async function waitForHydration(page: Page) {
  await expect(page.locator("leptos-island:not([data-hydrated='true'])")).toHaveCount(0);
}

/** The page has islands, and every one of them has hydrated. */
export async function waitForIslands(page: Page) {
  await expect(page.locator("leptos-island").first()).toBeAttached();
  await waitForHydration(page);
}

/** Records every JS and WASM response the page loads, to show that a page ships none. */
export function scriptsLoaded(page: Page): string[] {
  const urls: string[] = [];
  page.on("response", (response) => {
    if (/\.(js|wasm)(\?|$)/.test(new URL(response.url()).pathname)) urls.push(response.url());
  });
  return urls;
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

/** The demo accounts `jenjang seed-demo` creates (README.md lists them). */
export const demo = {
  password: "jenjang-demo-2025",
  asn: { username: "197412112012092001", name: "Rini Tarigan", home: "/saya" },
  atasan: { username: "197509221999051001", name: "Taufik Kusuma", home: "/tim" },
  bkpsdm: { username: "bkpsdm.demo", name: "Petugas BKPSDM (demo)", home: "/talenta" },
  komite: { username: "komite.demo", name: "Sekretaris Daerah (demo)", home: "/talenta" },
};

/** Signs in through the form and waits for the landing page. */
export async function signIn(page: Page, username: string, password: string, home: string) {
  await page.goto("/masuk");
  await page.getByLabel("NIP atau nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(new RegExp(`${home}$`));
}

/** A signed-in person's own browser context, hydrated, failing on console errors. */
export async function asPerson(browser: Browser, who: { username: string; home: string }, viewport = desktop) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors = failOnConsoleErrors(page);
  await signIn(page, who.username, demo.password, who.home);
  await waitForHydration(page);
  return { page, errors };
}

/** The page does not scroll sideways. */
export async function noOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
}
