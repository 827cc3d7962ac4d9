import { expect, test, type Page } from "@playwright/test";
import { asPerson, demo, desktop, failOnConsoleErrors, noOverflow, openSelector, phone, screenshot, waitForHydration, waitForIslands } from "./support";

// The public pages in English. Each is looked at on a laptop and a phone (screenshots in
// artifacts/screenshots), and the text a reader sees around the data (headings, captions,
// column heads, labels, buttons, introductions) must hold no Indonesian. Data (names of
// instansi and OPD, sources) stays as published.
const publicPages = [
  { url: "/", name: "beranda" },
  { url: "/indeks-merit?tahun=2022", name: "indeks-merit" },
  { url: "/indeks-merit/provinsi-kalimantan-timur", name: "indeks-merit-kaltim" },
  { url: "/indeks-merit/kota-balikpapan-demo", name: "indeks-merit-talenta" },
  { url: "/metodologi", name: "metodologi" },
  { url: "/masuk", name: "masuk" },
  { url: "/tidak-ada", name: "tidak-ada" },
];

// Words of the Indonesian interface that no English page may show outside the data.
const indonesian = /\b(yang|dan|untuk|dengan|tidak|dari|Tahun|Skor|Sumber|Kategori|Unduh|Periode|Pilih|Tampilkan|Peringkat|Dipetakan|Pegawai|Perangkat|Kotak|Bobot|Komponen|Masuk|Kata sandi|Halaman|Belum|Sebaran|Metodologi|Beranda)\b/;

// The signed-in pages, each with who opens it. Their data (names, posts, units, the notes a
// scoring wrote) stays as recorded; the interface around it must be English.
const signedInPages = [
  { who: demo.asn, viewport: phone, pages: ["/saya", "/saya/idp", "/saya/karier", "/saya/pelatihan", "/saya/data"] },
  { who: demo.atasan, viewport: phone, pages: ["/tim"] },
  {
    who: demo.komite,
    viewport: desktop,
    pages: ["/talenta", "/talenta/peta?kotak=8", "/talenta/sebaran", "/talenta/krs", "/talenta/suksesi", "/talenta/kalibrasi", "/talenta/audit"],
  },
  { who: demo.bkpsdm, viewport: desktop, pages: ["/talenta/impor", "/talenta/koreksi", "/akun"] },
];

/** The interface's own words on a signed-in page: headings, labels, buttons, column heads;
 * not the options of a select, which list data (units, posts). */
async function signedInInterfaceTexts(page: Page): Promise<string[]> {
  return page
    .locator("main h2, main h3, main caption, main thead th, main label, main button, main summary, main nav, header nav, footer")
    .evaluateAll((nodes) =>
      nodes
        .map((n) => {
          const copy = n.cloneNode(true) as HTMLElement;
          copy.querySelectorAll("select").forEach((s) => s.remove());
          return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
        })
        .filter(Boolean),
    );
}

/** The interface's own words on the page: never data cells, names or sources. */
async function interfaceTexts(page: Page): Promise<string[]> {
  return page
    .locator("main h2, main caption, main thead th, main label, main button, main summary, main .pengantar, main .keterangan, main .unduh, footer, header nav, figcaption")
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).innerText.replace(/\s+/g, " ").trim()).filter(Boolean));
}

test.describe("English", () => {
  let consoleErrors: string[] = [];

  test.beforeEach(async ({ page }) => {
    consoleErrors = failOnConsoleErrors(page);
  });

  test.afterEach(() => {
    // The not-found page answers 404, which the browser logs as a failed resource.
    expect(consoleErrors.filter((e) => !e.includes("404"))).toEqual([]);
  });

  test("the switch keeps the page, its query and, once chosen, the language", async ({ page }, testInfo) => {
    await page.setViewportSize(desktop);
    await page.goto("/indeks-merit?instansi=provinsi-jawa-barat&instansi=kota-balikpapan&tahun=2022");
    await waitForHydration(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    // The check below finds the Indonesian interface when there is one.
    expect((await interfaceTexts(page)).some((t) => indonesian.test(t))).toBe(true);
    await page.getByRole("link", { name: "English" }).click();

    await expect(page).toHaveURL(/\/indeks-merit\?instansi=provinsi-jawa-barat&instansi=kota-balikpapan&tahun=2022$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ASN Merit System Index per instansi");
    await expect(page.locator("caption", { hasText: "Ranking, KASN/BKN Merit System Index (scale 100-400), 2022" })).toBeVisible();
    const chart = page.locator(".grafik-kanvas:visible .grafik-svg svg");
    await expect(chart).toContainText("Year assessed");
    await expect(chart).toContainText("III (Good)");
    // English numbers: a decimal point.
    await expect(page.locator("table.data").first()).toContainText("375.5");

    // The selector speaks English and keeps the ranking's year.
    await openSelector(page);
    await page.locator("#pilih-instansi").selectOption(["provinsi-jawa-barat", "kota-balikpapan", "kota-bontang"]);
    await page.getByRole("button", { name: "Apply selection" }).click();
    await expect(page).toHaveURL(/kota-bontang.*tahun=2022|tahun=2022.*kota-bontang/);
    await expect(page.locator("details.pemilih summary")).toContainText("Choose the instansi to compare (3 selected)");
    await expect(page.locator("caption", { hasText: "Ranking," })).toBeVisible();
    await screenshot(page, testInfo, "english-indeks-merit-selection");

    // Another page opens in English too, then the switch goes back.
    await page.goto("/metodologi");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Talent-mapping methodology");
    await page.getByRole("link", { name: "Bahasa Indonesia" }).click();
    await expect(page).toHaveURL(/\/metodologi$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Metodologi pemetaan talenta");
  });

  for (const { url, name } of publicPages) {
    test(`${url} reads in English on a laptop and a phone`, async ({ page, baseURL }, testInfo) => {
      await page.context().addCookies([{ name: "bahasa", value: "en", url: baseURL! }]);
      await page.setViewportSize(desktop);
      await page.goto(url);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await waitForHydration(page);
      const leftovers = (await interfaceTexts(page)).filter((t) => indonesian.test(t));
      expect(leftovers).toEqual([]);
      // Counts are written the English way too (the demo has 6,000 pegawai).
      if (name === "indeks-merit-talenta") await expect(page.locator(".gambaran-talenta")).toContainText("6,000 employees");
      await expect(page.getByRole("link", { name: "Bahasa Indonesia" })).toBeVisible();
      await screenshot(page, testInfo, `english-${name}-1366`);
      await page.setViewportSize(phone);
      await noOverflow(page);
      await screenshot(page, testInfo, `english-${name}-360`);
    });
  }

  for (const { who, viewport, pages } of signedInPages) {
    test(`${who.name}'s pages read in English`, async ({ browser, baseURL }, testInfo) => {
      const { page, errors } = await asPerson(browser, who, viewport);
      // Signed in, the home page is Indonesian: the check below finds it.
      expect((await signedInInterfaceTexts(page)).some((t) => indonesian.test(t))).toBe(true);
      await page.context().addCookies([{ name: "bahasa", value: "en", url: baseURL! }]);
      for (const url of pages) {
        await page.goto(url);
        await expect(page.locator("html")).toHaveAttribute("lang", "en");
        await waitForHydration(page);
        await expect(page.locator("main h1")).toBeVisible();
        const leftovers = (await signedInInterfaceTexts(page)).filter((t) => indonesian.test(t));
        expect(leftovers, url).toEqual([]);
        await noOverflow(page);
        await screenshot(page, testInfo, `english${url.replace(/[/?=]+/g, "-")}-${viewport.width}`);
      }
      expect(errors).toEqual([]);
    });
  }

  test("what the server writes reads in English: scoring notes and an import's row reasons", async ({ browser, baseURL }, testInfo) => {
    // Words of the Indonesian notes and reasons; the data quoted in them (providers, fields
    // of study, column names of the file) stays as recorded.
    const indonesianNote = /\b(Belum ada|tahun|catatan|pelatihan|dalam jabatan|sejak|terakhir|sesuai|Hukuman|oleh|nilai potensi|harus|bukan|digit angka)\b/;
    const asn = await asPerson(browser, demo.asn, phone);
    await asn.page.context().addCookies([{ name: "bahasa", value: "en", url: baseURL! }]);
    await asn.page.goto("/saya");
    await waitForHydration(asn.page);
    const notes = await asn.page.locator("main table .keterangan").allInnerTexts();
    expect(notes.length).toBeGreaterThan(10);
    expect(notes.filter((n) => indonesianNote.test(n))).toEqual([]);
    expect(notes.join(" ")).toContain("SKP 20");
    await screenshot(asn.page, testInfo, "english-saya-notes-360");
    expect(asn.errors).toEqual([]);

    const office = await asPerson(browser, demo.bkpsdm, desktop);
    await office.page.context().addCookies([{ name: "bahasa", value: "en", url: baseURL! }]);
    await office.page.goto("/talenta/impor");
    await waitForIslands(office.page);
    await office.page.getByLabel("Kind of file").selectOption("roster");
    const broken = "NIP;Nama;Golongan\n198704172011012003;Sekar E2E;III/b\n12345;Salah;III/a\n";
    await office.page.getByLabel("File", { exact: true }).setInputFiles({ name: "rusak.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
    await office.page.getByRole("button", { name: "Check the file (saves nothing)" }).click();
    await expect(office.page.locator(".pemberitahuan.galat")).toContainText("1 row rejected");
    const rejected = office.page.locator("table.data tbody tr", { hasText: "Rejected" });
    await expect(rejected).toContainText("a NIP has 18 digits, not 5");
    expect(indonesianNote.test(await rejected.innerText())).toBe(false);
    await screenshot(office.page, testInfo, "english-talenta-impor-ditolak-1366");
    expect(office.errors).toEqual([]);
  });
});
