// What a cheap phone pays per page: JS+WASM bytes on the wire and time until every island
// has hydrated, under a 4x CPU slowdown and a 3G or 4G network, with an empty cache.
//
//   node end2end/bench/phone.mjs
//
// Environment:
//   JENJANG_BENCH_URL   base URL of a running server (default http://127.0.0.1:3000); the
//                       demo data must be seeded (`jenjang seed-demo`, README.md).
//   JENJANG_SERVER_PID  optional: the server's pid, to measure its CPU per WASM fetch.
//   JENJANG_BENCH_RUNS  optional: loads per page and network profile (default 3); the
//                       median is reported.
//
// Prints one line per page and profile with PASS or FAIL, then a summary. Exits with 1 if
// any target is missed (or the benchmark itself could not run).

import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const baseURL = (process.env.JENJANG_BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const runs = positiveInt(process.env.JENJANG_BENCH_RUNS, 3);
const serverPid = process.env.JENJANG_SERVER_PID?.trim() || null;

// Debian's chromium, never a downloaded browser; the flags keep it from calling home.
const launchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

// A small phone screen. Only layout depends on it; the cost comes from the CDP emulation.
const phoneContext = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const CPU_SLOWDOWN = 4;
// Throughputs are in bytes per second (CDP's unit); latency is added per request, in ms.
const profiles = [
  { name: "3G", conditions: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }, hydratedTargetS: 2.5 },
  { name: "4G", conditions: { offline: false, latency: 60, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 }, hydratedTargetS: 1.0 },
];

const KB = 1024;
const BYTES_TARGET = 150 * KB;
const HYDRATION_TIMEOUT_MS = 30_000;
const WASM_FETCHES = 50;

const password = "jenjang-demo-2025";
const accounts = {
  asn: { username: "197412112012092001", home: "/saya" },
  komite: { username: "komite.demo", home: "/talenta" },
};

// Runs in every measured page before any of its scripts. Records the moment the last island
// gets data-hydrated="true", so the reported time does not depend on when the polling in
// waitForFunction happens to look (hydration can even finish before `load` returns to us).
const hydrationObserver = () => {
  const allHydrated = () => {
    const all = [...document.querySelectorAll("leptos-island")];
    return all.length > 0 && all.every((e) => e.dataset.hydrated === "true");
  };
  new MutationObserver((_, observer) => {
    if (allHydrated()) {
      window.__benchHydratedAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-hydrated"] });
};

// ---------------------------------------------------------------------------------------

const failures = [];
let browser;
try {
  browser = await chromium.launch(launchOptions);
  console.log(`Jenjang phone bench: ${baseURL}, CPU ${CPU_SLOWDOWN}x slower, empty cache, median of ${runs} run(s)`);

  const asn = await signIn(browser, accounts.asn);
  const komite = await signIn(browser, accounts.komite);
  const session = await openCalibrationSessionPath(browser, komite);

  const pages = [
    { path: "/", who: "anonymous", storageState: undefined },
    { path: "/indeks-merit", who: "anonymous", storageState: undefined },
    { path: "/indeks-merit/kota-balikpapan-demo", who: "anonymous", storageState: undefined },
    { path: "/metodologi", who: "anonymous", storageState: undefined },
    { path: "/saya", who: "asn", storageState: asn },
    { path: "/saya/idp", who: "asn", storageState: asn },
    { path: "/talenta/peta", who: "komite", storageState: komite },
    { path: session, who: "komite", storageState: komite },
  ];
  const width = Math.max(...pages.map((p) => p.path.length));

  let wasmURL = null;
  for (const target of pages) {
    for (const profile of profiles) {
      const loads = [];
      for (let i = 0; i < runs; i++) loads.push(await measure(browser, target, profile));
      const result = summarize(loads);
      // The session page is the one the brief names for the WASM URL; any island page will do.
      if (result.wasmPreload && (!wasmURL || target.path === session)) wasmURL = result.wasmPreload;
      wasmURL ??= result.wasmSeen;
      report(target, profile, result, width);
    }
  }

  if (serverPid) await serverCpuPerWasmFetch(serverPid, wasmURL);
} catch (error) {
  console.error(`\nBench could not run: ${error?.stack ?? error}`);
  failures.push("bench error");
} finally {
  await browser?.close();
}

console.log("");
if (failures.length === 0) {
  console.log("Summary: PASS, every target met.");
} else {
  console.log(`Summary: FAIL, ${failures.length} target(s) missed:`);
  for (const f of failures) console.log(`  - ${f}`);
  process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------

/** Signs in through the form (no throttling) and returns the context's storage state. */
async function signIn(browser, { username, home }) {
  const context = await browser.newContext({ baseURL, ...phoneContext });
  try {
    const page = await context.newPage();
    await page.goto("/masuk");
    await page.getByLabel("NIP atau nama pengguna").fill(username);
    await page.getByLabel("Kata sandi").fill(password);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith(home), { timeout: 15_000 });
    return await context.storageState();
  } catch (error) {
    throw new Error(`signing in as ${username} failed: ${error.message}`);
  } finally {
    await context.close();
  }
}

/** The path (with its ?instansi= query) of an open calibration session, opening one if none is. */
async function openCalibrationSessionPath(browser, storageState) {
  const context = await browser.newContext({ baseURL, ...phoneContext, storageState });
  try {
    const page = await context.newPage();
    await page.goto("/talenta/kalibrasi", { waitUntil: "load" });
    const openLink = page.locator("ul.sesi li").filter({ hasText: "terbuka" }).first().locator("a").first();
    if ((await openLink.count()) === 0) {
      // Let the form's island hydrate first (if it is one), so the click is not lost mid-way.
      if ((await page.locator("leptos-island").count()) > 0) await waitForIslands(page, 10_000).catch(() => {});
      await page.getByLabel("Nama sesi").fill("Sesi bench");
      await page.getByRole("button", { name: "Buka sesi", exact: true }).click();
      // Without JS the form posts and the server redirects back; with JS the list refreshes
      // in place. Either way, wait for the new open session to be listed.
      await page.waitForLoadState("load");
      await openLink.waitFor({ timeout: 15_000 });
    }
    const href = await openLink.getAttribute("href");
    if (!href) throw new Error("the open session's link has no href");
    const url = new URL(href, baseURL);
    return url.pathname + url.search;
  } catch (error) {
    throw new Error(`finding an open calibration session failed: ${error.message}`);
  } finally {
    await context.close();
  }
}

/** One load of one page under one profile, in a fresh context (cookies kept, cache empty). */
async function measure(browser, target, profile) {
  const context = await browser.newContext({ baseURL, ...phoneContext, storageState: target.storageState });
  try {
    await context.addInitScript(hydrationObserver);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));

    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", profile.conditions);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

    // Bytes on the wire per kind, from CDP: the URL comes with the request (and is updated by
    // the response), the transferred size with loadingFinished.
    const urls = new Map(); // requestId -> URL
    const inFlight = new Set(); // requestIds of .js/.wasm not finished yet
    const bytes = { js: 0, wasm: 0 };
    const fetchesPerURL = new Map();
    const trackRequest = (requestId, url) => {
      urls.set(requestId, url);
      if (kindOf(url)) inFlight.add(requestId);
    };
    cdp.on("Network.requestWillBeSent", (e) => trackRequest(e.requestId, e.request.url));
    cdp.on("Network.responseReceived", (e) => trackRequest(e.requestId, e.response.url));
    cdp.on("Network.loadingFinished", (e) => {
      const url = urls.get(e.requestId);
      inFlight.delete(e.requestId);
      const kind = url && kindOf(url);
      if (!kind) return;
      bytes[kind] += e.encodedDataLength;
      fetchesPerURL.set(url, (fetchesPerURL.get(url) ?? 0) + 1);
    });
    cdp.on("Network.loadingFailed", (e) => inFlight.delete(e.requestId));

    const response = await page.goto(target.path, { waitUntil: "load" });
    const landed = new URL(page.url());
    const expected = new URL(target.path, baseURL);
    const problems = [];
    if (!response || response.status() >= 400) problems.push(`HTTP ${response?.status() ?? "no response"}`);
    if (landed.pathname !== expected.pathname) problems.push(`landed on ${landed.pathname}`);

    const islands = await page.locator("leptos-island").count();
    let hydratedS = null;
    if (islands > 0) {
      try {
        hydratedS = (await waitForIslands(page, HYDRATION_TIMEOUT_MS)) / 1000;
      } catch {
        problems.push(`islands not all hydrated after ${HYDRATION_TIMEOUT_MS / 1000} s`);
      }
    }
    const loadS = (await page.evaluate(() => performance.getEntriesByType("navigation")[0]?.loadEventEnd ?? NaN)) / 1000;
    const fcpS = (await firstContentfulPaint(page)) / 1000;

    // An island may fetch more code after hydrating: count it too, up to a few seconds.
    const settleUntil = Date.now() + 5_000;
    do await page.waitForTimeout(250);
    while (inFlight.size > 0 && Date.now() < settleUntil);

    const wasmPreload = await page.evaluate(
      () => document.querySelector('link[rel="preload"][as="fetch"][type="application/wasm"]')?.href ?? null,
    );
    const wasmSeen = [...fetchesPerURL.keys()].find((u) => kindOf(u) === "wasm") ?? null;
    const duplicates = [...fetchesPerURL].filter(([, n]) => n > 1).map(([u, n]) => `${new URL(u).pathname} x${n}`);

    return { bytes, islands, hydratedS, loadS, fcpS, problems, errors, wasmPreload, wasmSeen, duplicates };
  } finally {
    await context.close();
  }
}

/**
 * Waits until every island is hydrated and returns that moment as performance.now() in the
 * page (ms since navigation start); the observer's record is used when it has one.
 */
async function waitForIslands(page, timeout) {
  const handle = await page.waitForFunction(
    () => {
      const all = [...document.querySelectorAll("leptos-island")];
      return all.length > 0 && all.every((e) => e.dataset.hydrated === "true") && (window.__benchHydratedAt ?? performance.now());
    },
    undefined,
    { timeout },
  );
  return handle.jsonValue();
}

/** First contentful paint in ms, waiting briefly if chromium has not reported it yet. */
async function firstContentfulPaint(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const now = performance.getEntriesByName("first-contentful-paint")[0];
        if (now) return resolve(now.startTime);
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntriesByName("first-contentful-paint")[0];
          if (entry) {
            observer.disconnect();
            resolve(entry.startTime);
          }
        });
        observer.observe({ type: "paint", buffered: true });
        setTimeout(() => resolve(NaN), 5_000);
      }),
  );
}

/** The median of each number over the runs; notes are merged. */
function summarize(loads) {
  const pick = (f) => median(loads.map(f));
  const unique = (f) => [...new Set(loads.flatMap(f))];
  return {
    js: pick((l) => l.bytes.js),
    wasm: pick((l) => l.bytes.wasm),
    islands: Math.max(...loads.map((l) => l.islands)),
    // A run that never hydrated counts as infinitely slow, so it cannot hide in the median.
    hydratedS: loads.some((l) => l.islands > 0) ? pick((l) => l.hydratedS ?? Infinity) : null,
    loadS: pick((l) => l.loadS),
    fcpS: pick((l) => l.fcpS),
    problems: unique((l) => l.problems),
    errors: unique((l) => l.errors),
    duplicates: unique((l) => l.duplicates),
    wasmPreload: loads.find((l) => l.wasmPreload)?.wasmPreload ?? null,
    wasmSeen: loads.find((l) => l.wasmSeen)?.wasmSeen ?? null,
  };
}

/** Prints the line for one page and profile and records any missed target. */
function report(target, profile, r, width) {
  const total = r.js + r.wasm;
  const misses = [...r.problems];
  if (total > BYTES_TARGET) misses.push(`js+wasm ${kb(total)} > ${kb(BYTES_TARGET)}`);
  if (r.islands === 0 && total !== 0) misses.push(`no islands but ${total} B of js+wasm`);
  if (target.who === "anonymous" && r.islands > 0) misses.push(`anonymous page has ${r.islands} island(s)`);
  // A run that timed out is already listed among the problems (its time is Infinity).
  if (r.islands > 0 && Number.isFinite(r.hydratedS) && r.hydratedS > profile.hydratedTargetS) {
    misses.push(`hydrated ${seconds(r.hydratedS)} > ${profile.hydratedTargetS.toFixed(2)} s`);
  }

  const time =
    r.islands > 0 ? `hydrated ${seconds(r.hydratedS).padStart(7)}` : `load     ${seconds(r.loadS).padStart(7)} (no islands)`;
  const verdict = misses.length === 0 ? "PASS" : "FAIL";
  console.log(
    [
      profile.name,
      target.path.padEnd(width),
      `js+wasm ${kb(total).padStart(8)} (${total} B; js ${kb(r.js)} = ${r.js} B, wasm ${kb(r.wasm)} = ${r.wasm} B)`,
      `islands ${r.islands}`,
      time,
      `fcp ${seconds(r.fcpS)}`,
      verdict,
    ].join("  "),
  );
  for (const m of misses) console.log(`      FAIL: ${m}`);
  for (const d of r.duplicates) console.log(`      note: fetched more than once in one load: ${d}`);
  for (const e of r.errors.slice(0, 5)) console.log(`      note: console error: ${e}`);
  for (const m of misses) failures.push(`${profile.name} ${target.path}: ${m}`);
}

/** Server CPU per WASM fetch (utime+stime of the server process), plus the WASM's headers. */
async function serverCpuPerWasmFetch(pid, wasmURL) {
  console.log("");
  const fail = (message) => {
    console.log(`WASM  FAIL: ${message}`);
    failures.push(`WASM: ${message}`);
  };
  if (!wasmURL) return fail("no WASM URL found on any page (no preload link, no .wasm fetched)");

  const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const cpuTicks = () => {
    // The command name (field 2) is in parentheses and may hold spaces: split after it.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields[0] is field 3
    return Number(fields[14 - 3]) + Number(fields[15 - 3]); // utime + stime
  };
  const get = async () => {
    const response = await fetch(wasmURL, { headers: { "Accept-Encoding": "br" } });
    await response.arrayBuffer(); // read it all, so the server sends it all
    return response;
  };

  let before;
  try {
    before = cpuTicks();
  } catch (error) {
    return fail(`cannot read /proc/${pid}/stat: ${error.message}`);
  }
  let first;
  for (let i = 0; i < WASM_FETCHES; i++) {
    const response = await get();
    first ??= response;
    if (!response.ok) return fail(`GET ${wasmURL} answered HTTP ${response.status}`);
  }
  const after = cpuTicks();

  const ms = (((after - before) / ticksPerSecond) * 1000) / WASM_FETCHES;
  const resolution = (1000 / ticksPerSecond) / WASM_FETCHES;
  const encoding = first.headers.get("content-encoding") ?? "(none)";
  const cacheControl = first.headers.get("cache-control") ?? "(none)";
  console.log(`WASM  ${new URL(wasmURL).pathname}`);
  console.log(
    `      server CPU ${ms.toFixed(2)} ms per fetch (${after - before} ticks over ${WASM_FETCHES} fetches, ` +
      `resolution ${resolution.toFixed(2)} ms; informational)`,
  );
  console.log(`      content-encoding: ${encoding}`);
  console.log(`      cache-control: ${cacheControl}`);
  const misses = [];
  if (encoding.trim().toLowerCase() !== "br") misses.push(`content-encoding is ${encoding}, not br`);
  if (!/\bimmutable\b/i.test(cacheControl)) misses.push(`cache-control "${cacheControl}" lacks immutable`);
  if (misses.length === 0) console.log("      PASS");
  for (const m of misses) fail(m);
}

// ---------------------------------------------------------------------------------------

/** "js", "wasm" or null, from the path of a URL (the query does not count). */
function kindOf(url) {
  let path;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  if (path.endsWith(".wasm")) return "wasm";
  if (path.endsWith(".js")) return "js";
  return null;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function kb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function seconds(s) {
  return s == null || !Number.isFinite(s) ? "n/a" : `${s.toFixed(2)} s`;
}

function positiveInt(text, fallback) {
  const n = Number.parseInt(text ?? "", 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
