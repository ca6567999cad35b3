import { defineConfig, devices } from "@playwright/test";
import { assertLocalDatabase } from "./e2e/assert-local-database";

assertLocalDatabase();

// SYNCO_E2E_PORT lets a second checkout run its e2e suite alongside.
const PORT = Number(process.env.SYNCO_E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    video: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          // Debian's chromium: `npx playwright install` cannot download browsers here.
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
        },
      },
    },
  ],
  webServer: {
    command: "npm start",
    url: `${baseURL}/api/health`,
    // The first start runs `next build`.
    timeout: 600_000,
    reuseExistingServer: false,
    // SIGTERM lets `npm start` stop Next.js and then leave the embedded PostgreSQL, which stops
    // when no other process uses it (the default SIGKILL would leave the database running).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
    // A database of its own keeps e2e users apart from development data (DATABASE_URL wins when set).
    // The specs stand for many people: each sends its own X-Forwarded-For, so the browser on this
    // machine is trusted as their proxy (e2e/security.spec.ts starts a server that trusts none).
    // Retries a second apart: a failing run reaches its last attempt (and says so) within seconds.
    env: {
      PORT: String(PORT),
      SYNCO_DB_NAME: "synco_e2e",
      SYNCO_APP_URL: baseURL,
      SYNCO_TRUSTED_PROXIES: "127.0.0.1,::1",
      SYNCO_JOBS_RETRY_DELAY_SECONDS: "1",
    },
  },
});
