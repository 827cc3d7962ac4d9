import { defineConfig } from "@playwright/test";

// Debian's chromium, never a downloaded browser (the network here reaches only package
// registries). The flags keep chromium from calling home, which this machine refuses.
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const port = process.env.JENJANG_E2E_PORT ?? "3100";
// `make test` runs the debug server its unit tests built (the Makefile's e2e target says why).
const server = process.env.JENJANG_E2E_BIN ?? "../target/release/jenjang";
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: { executablePath: "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [
    // The server-rendered page must already be useful: chart, table, selection by form.
    { name: "tanpa-js", testMatch: /.*\.nojs\.spec\.ts/, use: { javaScriptEnabled: false } },
    // The hydrated app: selection changes redraw the chart in the browser; signing in.
    { name: "terhidrasi", testMatch: /.*\.hydrated\.spec\.ts/ },
  ],
  // A fresh SQLite database per run, so the tests see exactly the seed data, plus the
  // synthetic demo instansi (scored for 2025) and its documented demo accounts.
  webServer: {
    command:
      `${server} seed-demo && ` +
      `${server} score --instansi kota-balikpapan-demo --periode 2025 && ` +
      `${server} rilis --instansi kota-balikpapan-demo --periode 2025 --bila-berubah && ` +
      `${server} serve`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: "../target/site",
      DATABASE_URL: `sqlite://../target/e2e/jenjang-${process.pid}-${Date.now()}.db`,
      // The audit log's signing key and checkpoints, outside the database as in production.
      JENJANG_AUDIT_KEY: `../target/e2e/audit-${process.pid}.key`,
      JENJANG_AUDIT_CHECKPOINTS: `../target/e2e/audit-checkpoints-${process.pid}.log`,
      RUST_LOG: "warn",
    },
  },
});
