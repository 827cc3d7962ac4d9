import { expect, test } from "@playwright/test";
import * as fs from "node:fs";
import { asPerson, demo, noOverflow, phone, screenshot, waitForHydration, waitForIslands } from "./support";

const reference = "800/77/BKPSDM/2026";

test.describe("Kelompok rencana suksesi dan suksesi", () => {
  test("BKPSDM verifies a proposal, the komite puts it in the pool, the CSV says so", async ({ browser }, testInfo) => {
    test.setTimeout(90_000);
    const bkpsdm = await asPerson(browser, demo.bkpsdm);
    await bkpsdm.page.goto("/talenta/krs?tahap=diusulkan");
    await waitForHydration(bkpsdm.page);
    await expect(bkpsdm.page.locator(".pengantar")).toContainText("diusulkan otomatis");
    const row = bkpsdm.page.locator("table.krs tbody tr").first();
    const name = (await row.locator("th a").innerText()).trim();
    const nip = (await row.locator(".nip").innerText()).trim();
    await expect(row).toContainText("Diusulkan");
    await screenshot(bkpsdm.page, testInfo, "talenta-krs-diusulkan-1366");
    await row.getByRole("button", { name: `Verifikasi ${name}` }).click();
    // Verified, it leaves the list of proposals waiting for verification.
    await expect(bkpsdm.page.locator("table.krs .nip", { hasText: nip })).toHaveCount(0);
    await bkpsdm.page.goto(`/talenta/krs?cari=${nip}`);
    await expect(bkpsdm.page.locator("table.krs tbody tr").first()).toContainText("Diverifikasi");
    expect(bkpsdm.errors).toEqual([]);

    const komite = await asPerson(browser, demo.komite);
    await komite.page.goto(`/talenta/krs?cari=${nip}`);
    await waitForHydration(komite.page);
    const mine = komite.page.locator("table.krs tbody tr").first();
    await mine.getByText(`Putuskan usulan ${name}`).click();
    await mine.getByLabel("Langkah").selectOption("tetapkan");
    await mine.getByLabel(/Nomor keputusan/).fill(reference);
    await mine.getByRole("button", { name: "Simpan" }).click();
    await expect(mine).toContainText("Ditetapkan");
    await expect(mine).toContainText(`No. ${reference}`);
    await screenshot(komite.page, testInfo, "talenta-krs-ditetapkan-1366");

    const [download] = await Promise.all([
      komite.page.waitForEvent("download"),
      komite.page.locator(".unduh").getByRole("link", { name: "CSV" }).click(),
    ]);
    const csv = fs.readFileSync(await download.path(), "utf8");
    expect(csv).toContain(nip);
    expect(csv).toContain("Ditetapkan");
    expect(csv).toContain(reference);
    expect(csv).toMatch(/Dibuat,\d{4}-\d\d-\d\dT/);
    expect(komite.errors).toEqual([]);
  });

  test("the spread page draws the map per OPD and period, each chart with its table", async ({ browser }, testInfo) => {
    const { page, errors } = await asPerson(browser, demo.komite);
    await page.goto("/talenta/sebaran?golongan=III");
    await waitForHydration(page);
    await expect(page.locator(".grafik-svg svg")).toHaveCount(3);
    await expect(page.locator("table.data")).toHaveCount(3);
    await expect(page.locator(".pengantar")).toContainText("Golongan III");
    await screenshot(page, testInfo, "talenta-sebaran-1366");
    expect(errors).toEqual([]);
  });

  test("key posts at risk come first; candidates are ranked and compared side by side", async ({ browser }, testInfo) => {
    const { page, errors } = await asPerson(browser, demo.komite);
    await page.getByRole("link", { name: "Suksesi", exact: true }).click();
    await expect(page).toHaveURL(/\/talenta\/suksesi/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Suksesi jabatan kunci");
    await expect(page.locator("table.data tbody tr").first()).toBeVisible();
    await screenshot(page, testInfo, "talenta-suksesi-1366");

    // A post with at least two candidates, to compare them.
    const rows = page.locator("table.data tbody tr");
    const count = await rows.count();
    let opened = false;
    for (let i = 0; i < count && !opened; i++) {
      const candidates = Number((await rows.nth(i).locator("td.angka").first().innerText()).trim());
      if (candidates >= 2) {
        await rows.nth(i).locator("th a").click();
        opened = true;
      }
    }
    expect(opened).toBe(true);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { name: "Kesehatan jalur suksesi" })).toBeVisible();
    const boxes = page.locator("#kandidat input[type=checkbox]");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole("button", { name: /Bandingkan yang dipilih/ }).click();
    await expect(page).toHaveURL(/banding=/);
    await expect(page.locator("table.banding thead th")).toHaveCount(3);
    await expect(page.locator("table.banding")).toContainText("Skor kecocokan");
    await screenshot(page, testInfo, "talenta-suksesi-banding-1366");

    // A health post: each score says why; the best ten first; a fourth choice is told.
    await page.goto("/talenta/suksesi/DINKES-KABID1");
    await waitForHydration(page);
    await expect(page.locator("#kandidat .mengapa").first()).toContainText("kesesuaian bidang 100");
    await expect(page.locator("#kandidat tbody tr")).toHaveCount(10);
    const all = page.getByRole("link", { name: /Tampilkan semua \d+ kandidat/ });
    for (let i = 0; i < 4; i++) {
      await page.locator("#kandidat input[type=checkbox]").nth(i).check();
    }
    await page.getByRole("button", { name: /Bandingkan yang dipilih/ }).click();
    await expect(page.locator("[role=status]")).toContainText("1 yang dipilih sesudahnya tidak ditampilkan");
    await expect(page.locator("table.banding thead th")).toHaveCount(4);
    await page.goto("/talenta/suksesi/DINKES-KABID1");
    await all.click();
    await expect(page).toHaveURL(/semua=1/);
    expect(await page.locator("#kandidat tbody tr").count()).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });

  test("BKPSDM imports a roster from the web: a dry run first, then all or nothing", async ({ browser }, testInfo) => {
    const { page, errors } = await asPerson(browser, demo.bkpsdm);
    await page.goto("/talenta/impor");
    await waitForIslands(page);
    // The uploader's report, not the templates' card beside it.
    const report = page.locator("section.kartu").filter({ hasText: /Hasil pemeriksaan|Impor tersimpan/ });
    await page.getByLabel("Jenis berkas").selectOption("roster");
    const broken = "NIP;Nama;Golongan\n198704172011012003;Sekar E2E;III/b\n12345;Salah;III/a\n";
    await page.getByLabel("Berkas", { exact: true }).setInputFiles({ name: "rusak.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
    await page.getByRole("button", { name: "Periksa berkas (tidak menyimpan)" }).click();
    await expect(page.locator(".pemberitahuan.galat")).toContainText("1 baris ditolak");
    await expect(page.locator("table.data")).toContainText("NIP harus 18 digit");
    await expect(page.getByRole("button", { name: /^Simpan/ })).toHaveCount(0);
    await screenshot(page, testInfo, "talenta-impor-ditolak-1366");

    const clean = "NIP;Nama;Golongan\n198704172011012003;Sekar E2E;III/b\n";
    await page.getByLabel("Berkas", { exact: true }).setInputFiles({ name: "pegawai.csv", mimeType: "text/csv", buffer: Buffer.from(clean) });
    await page.getByRole("button", { name: "Periksa berkas (tidak menyimpan)" }).click();
    await expect(page.getByRole("heading", { name: "Hasil pemeriksaan (uji coba)" })).toBeVisible();
    await expect(report).toContainText("1 baru, 0 berubah");
    await page.getByRole("button", { name: "Simpan 1 baris baru dan 0 baris berubah" }).click();
    await expect(page.getByRole("heading", { name: "Impor tersimpan" })).toBeVisible();
    await expect(report).toContainText("batch impor #");
    await screenshot(page, testInfo, "talenta-impor-tersimpan-1366");

    // A file with a title above its header, a promotion and a repeated row: only the
    // repeat is refused, and the check names the person and the old and new values.
    const promoted = "Daftar Pegawai Uji E2E\n\nNIP;Nama;Golongan\n198704172011012003;Sekar E2E;III/c\n";
    await page.getByLabel("Berkas", { exact: true }).setInputFiles({ name: "naik.csv", mimeType: "text/csv", buffer: Buffer.from(`${promoted}198704172011012003;Sekar E2E;III/c\n`) });
    await page.getByRole("button", { name: "Periksa berkas (tidak menyimpan)" }).click();
    await expect(page.locator(".pemberitahuan.galat")).toContainText("1 baris ditolak");
    await expect(page.locator("table.data tbody tr")).toHaveCount(2);
    await expect(page.locator("table.data")).toContainText("NIP 198704172011012003 sudah ada di baris 4");
    await page.getByLabel("Berkas", { exact: true }).setInputFiles({ name: "naik.csv", mimeType: "text/csv", buffer: Buffer.from(promoted) });
    await page.getByRole("button", { name: "Periksa berkas (tidak menyimpan)" }).click();
    await expect(report).toContainText("0 baru, 1 berubah");
    await expect(page.locator("table.data")).toContainText("Sekar E2E (NIP 198704172011012003)");
    await expect(page.locator("ul.perubahan")).toHaveText("Golongan: III/b → III/c");
    await screenshot(page, testInfo, "talenta-impor-berubah-1366");

    // The templates: a CSV for Excel in the Indonesian locale, an XLSX with instructions.
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("listitem").filter({ hasText: "Daftar pegawai" }).getByRole("link", { name: "CSV" }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe("templat-roster.csv");
    const template = fs.readFileSync(await csv.path()).toString("utf8");
    expect(template.startsWith("\uFEFFNIP;Nama;Jenis ASN;Golongan;")).toBe(true);
    expect(template).toContain('\r\n="198503032010012001";');
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("listitem").filter({ hasText: "SKP" }).getByRole("link", { name: "XLSX" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe("templat-skp.xlsx");
    expect(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString("latin1")).toBe("PK");
    await page.setViewportSize(phone);
    await page.goto("/talenta/impor");
    await waitForIslands(page);
    await noOverflow(page);
    await screenshot(page, testInfo, "talenta-impor-360");
    expect(errors).toEqual([]);
  });

  test("the pool and succession pages fit a 360 px phone; an ASN is refused", async ({ browser }, testInfo) => {
    const { page, errors } = await asPerson(browser, demo.komite, phone);
    for (const [path, name] of [
      ["/talenta/krs", "talenta-krs-360"],
      ["/talenta/suksesi", "talenta-suksesi-360"],
      ["/talenta/sebaran", "talenta-sebaran-360"],
      ["/talenta/belum-terpetakan?kurang=asesmen", "talenta-belum-terpetakan-360"],
      ["/talenta/suksesi/DINKES-KABID1", "talenta-suksesi-kandidat-360"],
    ]) {
      await page.goto(path);
      await waitForHydration(page);
      await noOverflow(page);
      await screenshot(page, testInfo, name);
    }
    expect(errors).toEqual([]);

    const asn = await asPerson(browser, demo.asn, phone);
    for (const path of ["/talenta/krs", "/talenta/suksesi", "/talenta/sebaran", "/talenta/impor"]) {
      await asn.page.goto(path);
      await expect(asn.page.getByRole("heading", { level: 1 })).toHaveText("Akses ditolak");
    }
  });
});
