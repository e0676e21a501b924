import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { ADMIN_STORAGE_STATE, E2E_FIRST_RUN_PORT, E2E_PORT as PORT } from "./support/e2eAccounts";

// A fresh database for every run; the server seeds the sample article into it.
const databaseDir = mkdtempSync(path.join(tmpdir(), "factmark-e2e-"));
const databaseFile = path.join(databaseDir, "e2e.db");

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: "artifacts/test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  // Creates the first admin through the API; every journey starts signed in as them.
  globalSetup: "./support/globalSetup.ts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    storageState: ADMIN_STORAGE_STATE,
    viewport: { width: 1400, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
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
  // The server as `pnpm start` runs it: built into apps/server/dist (a second or so), then compiled JavaScript.
  webServer: [
    {
      command: "pnpm --filter @factmark/server start",
      url: `http://127.0.0.1:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      // The specs that build an article of hundreds of claims write faster than any reviewer: at 300 writes a
      // minute a session, two of them back to back met 429 on a fast machine. The limit is the server suite's to test.
      env: { PORT: String(PORT), DATABASE_URL: `file:${databaseFile}`, RATE_LIMIT_WRITES: "100000" },
      stdout: "pipe",
    },
    // Never set up by the global setup: the first-run journey creates its admin in the browser.
    {
      command: "pnpm --filter @factmark/server start",
      url: `http://127.0.0.1:${E2E_FIRST_RUN_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { PORT: String(E2E_FIRST_RUN_PORT), DATABASE_URL: `file:${path.join(databaseDir, "first-run.db")}` },
      stdout: "pipe",
    },
  ],
});
