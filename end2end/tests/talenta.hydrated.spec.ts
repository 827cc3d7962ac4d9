import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { asPerson, demo, desktop, noOverflow, phone, screenshot, tableRows, waitForHydration, waitForIslands } from "./support";

const reason = "Memimpin tim lintas OPD dengan hasil terukur pada 2025";

test.describe("Kantor talenta (komite)", () => {
  test("golongan III → a box → a person → calibrate → close → the minutes name the change", async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const { page, errors } = await asPerson(browser, demo.komite);

    // The talent map, filtered to golongan III through the form; the filter lands in the URL.
    await page.getByRole("link", { name: "Peta talenta" }).click();
    await expect(page).toHaveURL(/\/talenta\/peta/);
    await page.getByLabel("Golongan").selectOption("III");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await expect(page).toHaveURL(/golongan=III(&|$)/);
    await expect(page.locator(".pengantar")).toContainText("Golongan III (semua ruang)");
    await expect(page.locator("table.data caption")).toContainText("Golongan III");
    await screenshot(page, testInfo, "talenta-peta-gol-iii-1366");

    // Kotak 5's people, then the first of them.
    await page.locator(".peta a.sel", { hasText: /^5/ }).first().click();
    await expect(page).toHaveURL(/kotak=5/);
    await expect(page.locator("#daftar h2")).toContainText("Pegawai di kotak 5");
    const first = page.locator("#daftar table.data tbody tr").first().locator("a");
    const name = (await first.innerText()).trim();
    await first.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.locator(".kotak-kini")).toContainText("kotak 5");
    await expect(page.locator("table.komponen").first()).toContainText("SKP");
    await expect(page.getByRole("heading", { name: "Kelengkapan data 9 kotak" })).toBeVisible();
    const card = page.url();

    // No session is open yet: open one for 2025.
    await page.locator("#kalibrasi").getByRole("link", { name: "Buka sesi kalibrasi" }).click();
    await waitForHydration(page);
    await page.getByLabel("Nama sesi").fill("Rapat komite talenta 2025");
    await page.getByRole("button", { name: "Buka sesi" }).click();
    await expect(page.locator("ul.sesi")).toContainText("Rapat komite talenta 2025");

    // Back on the card, the keyboard-accessible form moves the person with a reason.
    await page.goto(card);
    await waitForHydration(page);
    const form = page.locator("#kalibrasi form");
    await form.getByLabel("Pindahkan ke kotak").selectOption("8");
    await form.getByLabel(/Alasan kalibrasi/).fill("terlalu singkat");
    await expect(form.getByLabel(/Alasan kalibrasi/)).toHaveAttribute("minlength", "20");
    await form.getByLabel(/Alasan kalibrasi/).fill(reason);
    await form.getByRole("button", { name: "Simpan kalibrasi" }).click();
    await expect(page.locator(".kalibrasi-info")).toContainText("Hasil perhitungan: kotak 5; hasil kalibrasi komite talenta: kotak 8.");
    await expect(page.locator(".kalibrasi-info")).toContainText(reason);
    await expect(page.locator(".kotak-kini")).toContainText("kotak 8");
    await expect(page.locator(".riwayat-kalibrasi")).toContainText("Kotak 5 → 8");
    await screenshot(page, testInfo, "talenta-kartu-kalibrasi-1366");

    // In the session, a second person is dragged from kotak 5 onto kotak 7: the board is
    // the page's one island.
    await page.locator("#kalibrasi").getByRole("link", { name: "Buka sesi" }).click();
    await waitForIslands(page);
    await expect(page.locator(".riwayat-kalibrasi")).toContainText(name);
    await page.locator(".peta a.sel", { hasText: /^5/ }).first().click();
    await expect(page).toHaveURL(/kotak=5/);
    await waitForIslands(page);
    const candidate = page.locator("li.kandidat").first();
    const second = (await candidate.locator("summary strong").innerText()).trim();
    // Playwright does not scroll during a drag (a person's browser does): the person and
    // the box must both be on screen, and the page opened at the list (#daftar).
    await page.setViewportSize({ width: 1366, height: 1300 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await candidate.dragTo(page.locator(".peta a.sel", { hasText: /^7/ }).first());
    await expect(candidate.locator("details")).toHaveAttribute("open", "");
    await expect(candidate.getByLabel("Pindahkan ke kotak")).toHaveValue("7");
    await expect(candidate.getByLabel(/Alasan kalibrasi/)).toBeFocused();
    await candidate.getByLabel(/Alasan kalibrasi/).fill("Hasil asesmen potensi menunjukkan kesiapan memimpin");
    await candidate.getByRole("button", { name: "Simpan kalibrasi" }).click();
    await expect(page.locator(".riwayat-kalibrasi")).toContainText(second);
    await expect(page.getByRole("heading", { name: "Perubahan dalam sesi ini (2)" })).toBeVisible();
    await expect(page.locator(".peta")).toBeVisible();
    await screenshot(page, testInfo, "talenta-sesi-kalibrasi-1366");
    // Times are the instansi's (Balikpapan: Kalimantan Timur, WITA), labelled.
    await expect(page.locator(".pengantar")).toContainText(/Dibuka \d{4}-\d\d-\d\d \d\d\.\d\d WITA oleh/);

    // Everyone in a box is reachable: kotak 5 runs over pages, each a link away.
    await page.locator(".peta a.sel", { hasText: /^5/ }).first().click();
    await waitForIslands(page);
    const pager = page.locator("#daftar nav.halaman");
    await expect(pager).toContainText(/Halaman 1 dari [2-9]/);
    const firstOnPage1 = await page.locator("li.kandidat summary strong").first().innerText();
    await pager.getByRole("link", { name: "Berikutnya ›" }).click();
    await expect(pager).toContainText("Halaman 2 dari");
    await expect(page.locator("li.kandidat summary strong").first()).not.toHaveText(firstOnPage1);
    await expect(page.locator("#daftar h3")).toContainText(/Pegawai di kotak 5 \(\d+ orang\)/);

    // The search reaches anyone of the period: the demo ASN, in kotak 8.
    await page.locator("#daftar").getByLabel("Cari nama atau NIP").fill(demo.asn.username);
    await page.locator("#daftar").getByRole("button", { name: "Cari", exact: true }).click();
    await expect(page).toHaveURL(/cari=197412112012092001/);
    await expect(page.locator("#daftar h3")).toContainText("Pegawai terpetakan (1 orang)");
    const asnEntry = page.locator("li.kandidat", { hasText: demo.asn.name });
    await expect(asnEntry).toHaveCount(1);
    await asnEntry.locator("summary").click();
    // A refused move comes back open, with its message and what was typed.
    const promotion = "Kinerja melampaui target sepanjang 2025 dan memimpin proyek SPBE kota";
    await asnEntry.getByLabel("Pindahkan ke kotak").selectOption("8");
    await asnEntry.getByLabel(/Alasan kalibrasi/).fill(promotion);
    await asnEntry.getByRole("button", { name: "Simpan kalibrasi" }).click();
    await expect(asnEntry.locator("[role=alert]")).toHaveText("Pegawai ini sudah berada di kotak 8.");
    await expect(asnEntry.getByLabel(/Alasan kalibrasi/)).toHaveValue(promotion);
    await expect(asnEntry.getByLabel("Pindahkan ke kotak")).toHaveValue("8");
    // The refused page answers with its refusal's status (400), which the browser logs.
    expect(errors.splice(0)).toEqual([expect.stringContaining("status of 400")]);
    await asnEntry.getByLabel("Pindahkan ke kotak").selectOption("9");
    await asnEntry.getByRole("button", { name: "Simpan kalibrasi" }).click();
    await expect(page.getByRole("heading", { name: "Perubahan dalam sesi ini (3)" })).toBeVisible();
    await expect(page.locator(".riwayat-kalibrasi")).toContainText(`${demo.asn.name} (${demo.asn.username}): kotak 8 → 9`);

    // Closing locks the session and yields the minutes.
    // A member's name outside Latin-1 (which the old typesetter printed as "?").
    const inspector = "Inspektur Dr. Ṣāliḥ Ğazalı";
    await page.getByLabel("Anggota komite yang hadir (satu nama per baris)").fill(`Sekretaris Daerah\nKepala BKPSDM\n${inspector}`);
    await page.getByLabel(/Nomor berita acara/).fill("800.1.3/0517/KMT/2026");
    await page.getByRole("button", { name: "Tutup sesi dan buat berita acara" }).click();
    await expect(page.locator(".pengantar")).toContainText("sesi terkunci");
    await expect(page.locator("li.kandidat")).toHaveCount(0);
    await expect(page.locator("section.kartu")).toContainText("Nomor berita acara: 800.1.3/0517/KMT/2026");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Unduh berita acara (PDF)" }).click(),
    ]);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // Read as a person reads it: the text poppler extracts (the glyphs are an embedded
    // font's, so the bytes hold no plain text). Cells wrap: compare without white space.
    const text = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"]).toString("utf8");
    const flat = text.replace(/\s+/g, "");
    for (const expected of [
      "PEMERINTAH KOTA BALIKPAPAN (DEMO)",
      "Nomor: 800.1.3/0517/KMT/2026",
      name, second, demo.asn.username, "5 → 8", "5 → 7", "8 → 9",
      "Kepala BKPSDM", inspector,
    ]) {
      expect(flat).toContain(expected.replace(/\s+/g, ""));
    }
    // The reason is set in a narrow column beside others: each of its words is there.
    for (const word of reason.split(" ")) {
      expect(text).toContain(word);
    }
    await screenshot(page, testInfo, "talenta-sesi-ditutup-1366");

    // The card shows both boxes, after the session too.
    await page.goto(card);
    await waitForHydration(page);
    await expect(page.locator(".kalibrasi-info")).toContainText("kotak 5");
    await expect(page.locator(".kalibrasi-info")).toContainText("kotak 8");
    await expect(page.locator("#kalibrasi")).toContainText("Belum ada sesi kalibrasi yang terbuka");
    expect(errors).toEqual([]);

    // The ASN calibrated to kotak 9 reads one story on /saya: the box in force, why, what
    // holds it, and the national pool its box proposes.
    const asn = await asPerson(browser, demo.asn, phone);
    await expect(asn.page.locator(".kotak-kini")).toContainText("kotak 9");
    const movesUp = asn.page.locator("section", { has: asn.page.getByRole("heading", { name: "Apa yang menaikkan kotak saya" }) });
    await expect(movesUp).toContainText("Kotak 9 berlaku karena kalibrasi komite talenta; nilai Anda sendiri menempatkan Anda di kotak 8.");
    await expect(movesUp).toContainText("tingkat tertinggi pada sumbu ini berlaku karena kalibrasi");
    await expect(movesUp).toContainText(/Agar nilai Anda sendiri mencapai tingkat ini, perlu [\d,]+ poin lagi untuk mencapai 80\./);
    await expect(asn.page.getByRole("heading", { name: "Rekomendasi untuk kotak Anda" }).locator("..")).toContainText("nasional");
    await screenshot(asn.page, testInfo, "saya-kalibrasi-9-360");
    expect(asn.errors).toEqual([]);
  });

  test("a calibration changes nothing public until BKPSDM publishes the period again", async ({ browser }, testInfo) => {
    // Two signed-in journeys and a visitor's, with screenshots at two widths.
    test.setTimeout(60_000);
    // The calibration above was made after the release `make run` published: the public
    // picture is still that release.
    const visitor = await browser.newPage({ viewport: desktop });
    await visitor.goto("/indeks-merit/kota-balikpapan-demo");
    await expect(visitor.locator(".rilis")).toContainText("Rilis versi 1");
    const before = await tableRows(visitor);

    const { page, errors } = await asPerson(browser, demo.bkpsdm);
    await page.goto("/talenta/rilis");
    await expect(page.getByRole("heading", { name: "Rilis statistik publik" })).toBeVisible();
    const period = page.locator("section", { has: page.getByRole("heading", { name: "Periode 2025" }) });
    await expect(period).toContainText("Versi 1");
    await period.locator("summary").click();
    await expect(period.locator("table")).toContainText("Terkecil");
    await screenshot(page, testInfo, "talenta-rilis-1366");
    await period.getByLabel(/Alasan penerbitan ulang/).fill("Kalibrasi komite talenta sesudah rilis pertama");
    await period.getByRole("button", { name: "Terbitkan ulang periode 2025" }).click();
    await expect(page.getByRole("status")).toContainText("Rilis versi 2 diterbitkan");

    await page.getByRole("link", { name: "Lihat halaman publik" }).click();
    await expect(page.locator(".rilis")).toContainText("Rilis versi 2");
    await expect(page.locator(".rilis")).toContainText("Kalibrasi komite talenta sesudah rilis pertama");
    await expect(page.locator(".rilis")).toContainText("Kotak 9 seluruh instansi");
    const after = await tableRows(page);
    expect(after).not.toEqual(before);
    const numbers = after.flatMap((r) => r.split(" ")).filter((t) => /^\d+$/.test(t)).map(Number);
    expect(numbers.filter((n) => n >= 1 && n <= 4)).toEqual([]);

    // Version 1 stays listed and readable, unchanged.
    await visitor.reload();
    await expect(visitor.locator(".rilis")).toContainText("Rilis versi 2");
    await visitor.getByRole("link", { name: /^Versi 1/ }).click();
    await expect(visitor).toHaveURL(/versi=1/);
    expect(await tableRows(visitor)).toEqual(before);
    await visitor.setViewportSize(phone);
    await noOverflow(visitor);
    await screenshot(visitor, testInfo, "indeks-merit-rilis-360");
    await page.setViewportSize(phone);
    await page.goto("/talenta/rilis");
    await noOverflow(page);
    await screenshot(page, testInfo, "talenta-rilis-360");
    expect(errors).toEqual([]);
  });

  test("the map, a list and a card work on a 360 px phone", async ({ browser }, testInfo) => {
    const { page, errors } = await asPerson(browser, demo.komite, phone);
    await page.goto("/talenta/peta?kotak=5#daftar");
    await waitForHydration(page);
    await expect(page.locator("#daftar h2")).toContainText("Pegawai di kotak 5");
    await noOverflow(page);
    await screenshot(page, testInfo, "talenta-peta-360");
    await page.getByLabel("Cari nama atau NIP").fill("a");
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await expect(page).toHaveURL(/cari=a/);
    await page.locator("#daftar table.data tbody tr a").first().click();
    await expect(page.locator(".profil")).toBeVisible();
    await noOverflow(page);
    await screenshot(page, testInfo, "talenta-kartu-360");
    expect(errors).toEqual([]);
  });

  test("an ASN is refused the talent office", async ({ browser }) => {
    const { page } = await asPerson(browser, demo.asn, phone);
    for (const path of ["/talenta/peta", "/talenta/kalibrasi"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Akses ditolak");
    }
  });
});
