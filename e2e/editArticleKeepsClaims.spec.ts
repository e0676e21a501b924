import { expect, type Page, test } from "@playwright/test";
import { highlightOf, selectInArticle, setTextSelection } from "./support/articlePage";

const PARAGRAPHS = [
  "The ministry said it sold a limited number of drones before the war.",
  "An envoy said dozens were transferred this summer.",
  "The ambassador called the reports totally unfounded.",
];

/** Puts the caret right before `text` in the article, as a click there would. */
async function caretBefore(page: Page, text: string) {
  await setTextSelection(page, text);
  await page.keyboard.press("ArrowLeft");
}

test("edits before and inside a claim keep highlights on their words; deleting a claim's sentence orphans it", async ({
  page,
  request,
}) => {
  // Paste the article as a word processor would hand it over: three paragraphs of HTML.
  await page.goto("/");
  await page.getByRole("link", { name: "New article" }).click();
  const pasteBox = page.getByRole("textbox", { name: "Article text" });
  await pasteBox.click();
  await pasteBox.evaluate(
    (box, html) => {
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", html.replace(/<[^>]+>/g, "\n"));
      box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    PARAGRAPHS.map((paragraph) => `<p style="color:red" onclick="alert(1)">${paragraph}</p>`).join(""),
  );
  await page.getByRole("textbox", { name: "Title" }).fill("Edit journey");
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new$)[^/]+$/);
  const id = page.url().split("/").pop() ?? "";
  const pasted = await (await request.get(`/api/articles/${id}`)).json();
  expect(pasted.text).toBe(PARAGRAPHS.join("\n"));
  expect(JSON.stringify(pasted.doc)).not.toMatch(/onclick|style/);

  await selectInArticle(page, "a limited number of drones");
  await page.keyboard.press("c");
  await selectInArticle(page, "dozens were transferred this summer");
  await page.keyboard.press("s");
  await expect(page.locator(".claim-card")).toHaveCount(2);

  await page.getByRole("button", { name: "Edit text" }).click();
  await expect(page.getByRole("textbox", { name: "Article text, being edited." })).toBeVisible();
  // Before the first claim, and inside the second.
  await caretBefore(page, "sold");
  await page.keyboard.type("openly ");
  await caretBefore(page, "transferred this summer");
  await page.keyboard.type("quietly ");
  await expect(highlightOf(page, "limited number")).toHaveText("a limited number of drones");
  await page.getByRole("button", { name: "Save text" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  const saved = await (await request.get(`/api/articles/${id}`)).json();
  expect(saved.text).toContain("it openly sold a limited number of drones");
  expect(saved.text).toContain("dozens were quietly transferred this summer");
  await page.reload();
  await expect(highlightOf(page, "limited number")).toHaveText("a limited number of drones");
  await expect(highlightOf(page, "limited number")).toHaveAttribute("data-verdict", "contradicted");
  await expect(highlightOf(page, "dozens")).toHaveText("dozens were quietly transferred this summer");

  // Remove the first claim's sentence entirely.
  await page.getByRole("button", { name: "Edit text" }).click();
  await page
    .locator(".article-text p")
    .first()
    .evaluate((paragraph) => {
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
  await page.keyboard.press("Backspace");
  await expect(page.locator("#root .article-text")).not.toContainText("limited number");
  await page.getByRole("button", { name: "Save text" }).click();
  await expect(page.getByRole("status").filter({ hasText: "no longer in the text" })).toBeVisible();
  await page.reload();
  const orphans = page.getByRole("region", { name: /No longer in the text/ });
  await expect(orphans).toContainText("a limited number of drones");
  await expect(page.locator(".claim-card")).toHaveCount(1);

  // Re-attach it to new words.
  await selectInArticle(page, "totally unfounded");
  await orphans.getByRole("button", { name: "Re-attach to selection" }).click();
  await expect(highlightOf(page, "totally unfounded")).toHaveAttribute("data-verdict", "contradicted");
  await expect(page.getByRole("region", { name: /No longer in the text/ })).toHaveCount(0);
});
