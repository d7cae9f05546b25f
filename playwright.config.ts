import fs from "node:fs";
import { defineConfig } from "@playwright/test";

// Debian's chromium by default (npx playwright install cannot download here); CHROMIUM_PATH overrides,
// and an empty CHROMIUM_PATH uses Playwright's own browsers.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = chromium && fs.existsSync(chromium) ? chromium : undefined;

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  use: {
    baseURL: process.env.CERTWATCH_E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
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
});
