import { expect, test } from "@playwright/test";
import { demo, desktop, failOnConsoleErrors, phone, screenshot, signIn, waitForHydration } from "./support";

test.describe("Masuk dan peran", () => {
  let consoleErrors: string[] = [];

  test.beforeEach(async ({ page }) => {
    consoleErrors = failOnConsoleErrors(page);
  });

  test.afterEach(() => {
    // A refused sign-in or request is logged by chromium as a failed resource load (401,
    // 403): that is the answer being tested. Nothing else may be logged.
    const unexpected = consoleErrors.filter((e) => !/status of 40[13]/.test(e));
    expect(unexpected, "browser console errors").toEqual([]);
  });

  for (const [role, account] of Object.entries(demo).filter(([key]) => key !== "password")) {
    const { username, name, home } = account as { username: string; name: string; home: string };
    for (const viewport of [desktop, phone]) {
      test(`the demo ${role} signs in and lands on ${home} at ${viewport.width} px`, async ({ page }, testInfo) => {
        await page.setViewportSize(viewport);
        await page.goto("/masuk");
        await waitForHydration(page);
        await screenshot(page, testInfo, `masuk-${viewport.width}`);
        await signIn(page, username, demo.password, home);
        await expect(page.locator(".akun-menu")).toContainText(name);
        if (home === "/saya") {
          await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
          await expect(page.locator(".kotak-kini")).toContainText("Periode 2025: kotak");
        } else if (home === "/tim") {
          await expect(page.locator("table.data")).toContainText(demo.asn.name);
        } else {
          await expect(page.locator("table.data caption")).toContainText("Sebaran 9 kotak, periode 2025");
        }
        await screenshot(page, testInfo, `beranda-${role}-${viewport.width}`);
        // Signing out ends the session: the home page now asks for a sign-in.
        await page.getByRole("button", { name: "Keluar" }).click();
        await expect(page.locator(".akun-menu")).toContainText("Masuk");
        await page.goto(home);
        await expect(page).toHaveURL(/\/masuk\?kembali=/);
      });
    }
  }

  test("a pegawai who edits the URL to another NIP gets a refusal, not data", async ({ page }, testInfo) => {
    await page.setViewportSize(phone);
    await signIn(page, demo.asn.username, demo.password, "/saya");
    const response = await page.goto(`/pegawai/${demo.atasan.username}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Akses ditolak");
    await expect(page.locator("main")).not.toContainText(demo.atasan.name);
    await expect(page.locator("main")).not.toContainText(demo.atasan.username);
    await screenshot(page, testInfo, "ditolak-360");
    // Their own NIP in the same address works.
    await page.goto(`/pegawai/${demo.asn.username}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(demo.asn.name);
  });

  test("the atasan opens a team member's record from the team list", async ({ page }) => {
    await page.setViewportSize(desktop);
    await signIn(page, demo.atasan.username, demo.password, "/tim");
    await waitForHydration(page);
    await page.getByRole("link", { name: demo.asn.name }).click();
    await expect(page).toHaveURL(`/pegawai/${demo.asn.username}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(demo.asn.name);
  });

  test("a wrong password says so in Bahasa Indonesia and signs nobody in", async ({ page }) => {
    await page.goto("/masuk");
    await waitForHydration(page);
    await page.getByLabel("NIP atau nama pengguna").fill(demo.bkpsdm.username);
    await page.getByLabel("Kata sandi").fill("bukan-kata-sandinya");
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByRole("alert")).toHaveText("NIP/nama pengguna atau kata sandi salah.");
    // Back on the sign-in form, its message focused.
    await expect(page).toHaveURL(/\/masuk$/);
    await expect(page.getByRole("alert")).toBeFocused();
  });

  test("BKPSDM reads the instansi's audit log", async ({ page }, testInfo) => {
    await page.setViewportSize(desktop);
    await signIn(page, demo.bkpsdm.username, demo.password, "/talenta");
    await page.getByRole("link", { name: "Log audit" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log audit");
    await expect(page.locator("table.log-audit")).toContainText("skoring");
    // Entries read as sentences: the actor by name, the action as a phrase, local time.
    const signedIn = page.locator("table.log-audit tr", { hasText: "Masuk ke Jenjang" }).first();
    await expect(signedIn).toContainText(`${demo.bkpsdm.name} (${demo.bkpsdm.username})`);
    await expect(signedIn).toContainText(/\d\d\.\d\d WITA/);
    await expect(page.locator("table.log-audit")).not.toContainText("sesi.masuk");
    await screenshot(page, testInfo, "log-audit-1366");
  });

  test("BKPSDM creates an account; its owner must change the temporary password", async ({ page }, testInfo) => {
    const newcomer = { nip: "199802222023111001", name: "Fajar Dimas Paembonan" };
    for (const viewport of [desktop, phone]) {
      await page.setViewportSize(viewport);
      await signIn(page, demo.bkpsdm.username, demo.password, "/talenta");
      await page.getByRole("link", { name: "Akun dan peran" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Akun dan peran");
      await waitForHydration(page);
      await expect(page.locator("table.data")).toContainText(demo.asn.name);
      await screenshot(page, testInfo, `akun-${viewport.width}`);
      await page.getByRole("button", { name: "Keluar" }).click();
      await expect(page.locator(".akun-menu")).toContainText("Masuk");
    }
    await signIn(page, demo.bkpsdm.username, demo.password, "/talenta");
    await page.goto("/akun");
    await waitForHydration(page);
    await page.getByLabel("NIP", { exact: true }).fill(newcomer.nip);
    await page.getByRole("button", { name: "Buat akun" }).click();
    const issued = page.locator("code.sandi");
    await expect(issued).toHaveText(/^\S{14}$/);
    const first = (await issued.textContent()) ?? "";
    await expect(page.locator("table.data")).toContainText(newcomer.name);
    // A role limited to a unit: the unit is chosen from the tree, and the list shows it.
    const grant = page.locator("#tambah-peran");
    await grant.getByLabel("Nama pengguna atau NIP").fill(newcomer.nip);
    await grant.getByLabel("Peran", { exact: true }).selectOption({ label: "Atasan langsung" });
    await grant.getByLabel(/^Unit kerja/).selectOption({ label: "Dinas Kesehatan" });
    await grant.getByRole("button", { name: "Tambah peran" }).click();
    await expect(page.locator("table.data tr", { hasText: newcomer.name })).toContainText("Atasan langsung (Dinas Kesehatan)");
    // A reset asks first: its button sits behind a disclosure that warns what it does.
    const row = page.locator("table.data tr", { hasText: newcomer.name });
    await expect(row.getByRole("button", { name: "Ya, setel ulang" })).toBeHidden();
    await row.getByText("Setel ulang kata sandi…").click();
    await expect(row).toContainText(`Kata sandi ${newcomer.name} tidak berlaku lagi`);
    await row.getByRole("button", { name: "Ya, setel ulang" }).click();
    await expect(page.locator("code.sandi")).toHaveText(/^\S{14}$/);
    const temporary = (await page.locator("code.sandi").textContent()) ?? "";
    expect(temporary).not.toEqual(first);
    await screenshot(page, testInfo, "akun-setel-ulang-360");
    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page.locator(".akun-menu")).toContainText("Masuk");

    await signIn(page, newcomer.nip, temporary, "/akun/sandi");
    await waitForHydration(page);
    await page.getByLabel("Kata sandi saat ini").fill(temporary);
    await page.getByLabel("Kata sandi baru", { exact: true }).fill("pesisir-manggar-2025");
    await page.getByLabel("Ulangi kata sandi baru").fill("pesisir-manggar-2025");
    await page.getByRole("button", { name: "Simpan kata sandi" }).click();
    // An atasan now (the role given above), they start at their team.
    await expect(page).toHaveURL(/\/tim$/);
    await page.goto("/saya");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(newcomer.name);
  });
});
