import { expect, test } from "@playwright/test";
import { createSampleCopy } from "./support/createSampleCopy";

test("when the app's script cannot be fetched, the article's first screen says so over itself, and Reload brings the app", async ({
  page,
  request,
}) => {
  const articleId = await createSampleCopy(request, "Script gone");
  // A dropped connection, or a deploy that removed the entry this page names.
  await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator("#first-screen")).toContainText("Script gone");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Factmark could not load");
  const reload = alert.getByRole("button", { name: "Reload the page" });
  await expect(reload).toBeFocused();
  // Said over the first screen, which stays where it was.
  const text = page.locator("#first-screen .article-text p").first();
  const before = await text.boundingBox();
  expect(before?.y).toBeGreaterThan(0);

  await page.unroute(/\/assets\/index-[^/]*\.js$/);
  await reload.press("Enter");
  await expect(page.locator(".article-text[contenteditable]")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.locator("#first-screen")).toHaveCount(0);
});
