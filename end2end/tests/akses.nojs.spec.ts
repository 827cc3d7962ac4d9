import { expect, test } from "@playwright/test";
import { demo } from "./support";

test("signing in works without JavaScript and returns to the page that asked", async ({ page }) => {
  await page.goto(`/pegawai/${demo.asn.username}`);
  await expect(page).toHaveURL(/\/masuk\?kembali=/);
  await page.getByLabel("NIP atau nama pengguna").fill(demo.asn.username);
  await page.getByLabel("Kata sandi").fill(demo.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(`/pegawai/${demo.asn.username}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(demo.asn.name);
});

test("a refused sign-in without JavaScript comes back to the form with the message, not JSON", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByLabel("NIP atau nama pengguna").fill(demo.bkpsdm.username);
  await page.getByLabel("Kata sandi").fill("bukan-kata-sandinya");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/masuk$/);
  await expect(page.locator("form#masuk").getByRole("alert")).toHaveText("NIP/nama pengguna atau kata sandi salah.");
  // Focused as the page loads, without JavaScript.
  await expect(page.locator("form#masuk").getByRole("alert")).toBeFocused();
  await expect(page.locator("body")).not.toContainText("InvalidCredentials");
  // The fields are there to try again, the NIP or user name as typed.
  await expect(page.getByLabel("Kata sandi")).toBeVisible();
  await expect(page.getByLabel("NIP atau nama pengguna")).toHaveValue(demo.bkpsdm.username);
});
