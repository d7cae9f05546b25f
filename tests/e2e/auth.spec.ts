import { expect, type Page, test } from "@playwright/test";
import { type RunningProduct, startProduct } from "../fakes/product";

// Its own product: first-run setup needs a database with no users.
let product: RunningProduct;
const EMAIL = "owner@example.com";
const PASSWORD = "a long enough password";

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(300_000);
  product = await startProduct();
});
test.afterAll(async () => {
  await product?.stop();
});

/** CSP violations and script errors would mean the page did not hydrate under our policy. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test("first run: every page leads to setup, which creates the admin and signs them in", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${product.baseUrl}/endpoints/new`);
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password (at least 10 characters)").fill(PASSWORD);
  await page.getByLabel("Repeat password").fill("something else entirely");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByTestId("error-confirm")).toContainText("differ");
  await expect(page.getByLabel("Email")).toHaveValue(EMAIL);
  await page.getByLabel("Password (at least 10 characters)").fill(PASSWORD);
  await page.getByLabel("Repeat password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByTestId("current-user")).toContainText(EMAIL);
  await expect(page.getByTestId("current-user")).toContainText("admin");
  // Setup is a one-time page.
  await page.goto(`${product.baseUrl}/setup`);
  await expect(page).toHaveURL(/\/login$|\/$/);
  expect(errors.filter((e) => /Content.Security.Policy|Refused to/i.test(e))).toEqual([]);
});

test("sign-in failures say nothing about which part was wrong; sign-in returns to the page asked for", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`${product.baseUrl}/admin/audit`);
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Faudit$/);
  const loginUrl = page.url();
  const attempt = async (email: string, password: string) => {
    await page.goto(loginUrl);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  await attempt(EMAIL, "wrong password!");
  const wrongPassword = await page.getByTestId("form-error").textContent();
  await attempt("nobody@example.com", PASSWORD);
  const unknownEmail = await page.getByTestId("form-error").textContent();
  expect(wrongPassword).toBe("Email or password is incorrect.");
  expect(unknownEmail).toBe(wrongPassword);
  await attempt(EMAIL, PASSWORD);
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByTestId("audit-table")).toContainText("user.create");
  expect(errors.filter((e) => /Content.Security.Policy|Refused to/i.test(e))).toEqual([]);
});

test("sign out ends the session", async ({ page }) => {
  await page.goto(`${product.baseUrl}/login`);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name === "cw_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The old cookie no longer works even if replayed.
  const replay = await fetch(`${product.baseUrl}/api/v1/me`, {
    headers: { Cookie: `cw_session=${cookie?.value}` },
  });
  expect(replay.status).toBe(401);
});

test("an API token created on the account page is shown once and works", async ({ page }) => {
  await page.goto(`${product.baseUrl}/login`);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.goto(`${product.baseUrl}/account`);
  await page.getByLabel("Token name").fill("e2e");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^cw_/);
  const me = await fetch(`${product.baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  expect(await me.json()).toMatchObject({ email: EMAIL, role: "admin", via: "token" });
  await page.reload();
  await expect(page.getByTestId("token-row")).toHaveCount(1);
  await expect(page.locator("body")).not.toContainText(token);
});
