import { expect, test } from "@playwright/test";
import { makeChain } from "../fakes/pki";
import { startTlsServer } from "../fakes/tls-server";

// Signed in as the admin global setup created.
test.use({ storageState: process.env.CERTWATCH_E2E_STORAGE });

const base = () => {
  const url = process.env.CERTWATCH_E2E_BASE_URL;
  if (!url) throw new Error("global setup did not start the product");
  return url;
};

test("an endpoint added in the UI is scanned on schedule and shows its days left and chain", async ({
  page,
}) => {
  const days = 12;
  const pki = await makeChain("localhost", { notAfterDays: days + 0.5 });
  const server = await startTlsServer({
    cert: [pki.leaf.pem, pki.intermediate.pem].join(""),
    key: pki.leaf.keyPem,
  });
  try {
    await page.goto(`${base()}/endpoints/new`);
    await page.getByLabel("Host").fill("localhost");
    await page.getByLabel("Port").fill(String(server.port));
    await page.getByLabel("IP override (optional)").fill("127.0.0.1");
    await page.getByLabel("Scan every (seconds)").fill("2");
    await page.getByLabel("Private CA (optional)").fill(pki.root.pem);
    await page.getByRole("button", { name: "Add endpoint" }).click();

    await expect(page.getByTestId("endpoint-title")).toHaveText(`localhost:${server.port}`);
    // No "scan now": the scheduler must pick it up.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("chain-row").nth(1)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
    const chain = page.getByTestId("chain-table");
    await expect(chain).toContainText("CN=localhost");
    await expect(chain).toContainText("Certwatch Test Intermediate");
    await expect(page.getByTestId("address-card").first()).toContainText("trusted");
    // The scheduler keeps scanning every 2 s: the history chart draws once two scans exist (recharts
    // renders an empty wrapper on the server and the SVG in the browser).
    await expect(async () => {
      await page.reload();
      await expect(page.locator("[data-testid=history-chart] svg.recharts-surface")).toHaveCount(2, {
        timeout: 2_000,
      });
    }).toPass({ timeout: 30_000 });
    // A flat line has a zero-height box (Playwright calls it hidden): check that a path was drawn.
    await expect(page.locator("[data-testid=history-chart] .recharts-line-curve").first()).toHaveAttribute(
      "d",
      /^M[\d.]+,[\d.]+L/,
    );

    await page.goto(base());
    const row = page.locator(`[data-testid=endpoint-row][data-port="${server.port}"]`);
    await expect(row.getByTestId("days-left")).toHaveText(`${days} days`);
    await expect(row.getByTestId("scan-status")).toHaveText("ok");
  } finally {
    await server.close();
  }
});

test("the add form explains bad input and refuses duplicates", async ({ page }) => {
  await page.goto(`${base()}/endpoints/new`);
  await page.getByLabel("Host").fill("exa mple..com");
  await page.getByLabel("Port").fill("70000");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByTestId("error-host")).toBeVisible();
  await expect(page.getByTestId("error-port")).toContainText("1–65535");

  for (let i = 0; i < 2; i++) {
    await page.goto(`${base()}/endpoints/new`);
    await page.getByLabel("Host").fill("duplicate.example");
    await page.getByLabel("Port").fill("8443");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    if (i === 0) await expect(page.getByTestId("endpoint-title")).toHaveText("duplicate.example:8443");
  }
  await expect(page.getByTestId("form-error")).toContainText("duplicate.example:8443 is already monitored");
});
