import { expect, test } from "@playwright/test";
import { seriousAccessibilityViolations } from "./support/articlePage";
import { E2E_FIRST_RUN_PORT } from "./support/e2eAccounts";

// The second server, on a database no one has set up, and a browser with no session.
test.use({ baseURL: `http://127.0.0.1:${E2E_FIRST_RUN_PORT}`, storageState: { cookies: [], origins: [] } });

const ADMIN = { name: "Fiona First", email: "fiona@newsroom.example", password: "first admin password" };

test("first run: create the first admin account, sign out, a wrong password, sign in again, change the password", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Create the first admin account" })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();

  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  const account = page.getByRole("navigation", { name: "Account" });
  await expect(account).toContainText(ADMIN.name);
  await expect(account).toContainText("Admin");
  // The sample article the seed loaded is there, and now the admin's.
  await expect(page.getByRole("link", { name: /Iran admits supplying Russia with drones/ })).toBeVisible();

  await account.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Factmark" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign in to Factmark" })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("The email or password is not right.");

  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(ADMIN.name);

  // A new password, from the account page the name links to; the next sign-in needs it.
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: ADMIN.name }).click();
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  const newPassword = "second admin password";
  await page.getByLabel("Current password").fill(ADMIN.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password, again").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Password changed.");
  await page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("The email or password is not right.");
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signed in again, on the page the sign-out left.
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(ADMIN.name);

  // Setup is closed for good.
  const again = await page.request.post("/api/auth/setup", {
    data: { name: "Late", email: "late@newsroom.example", password: "late admin password" },
  });
  expect(again.status()).toBe(409);
});
