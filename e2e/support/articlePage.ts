import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const SAMPLE_ARTICLE_ID = "sample-iran-drones";

/**
 * Selects the first occurrence of `text` in the article, as a reviewer's drag would:
 * a DOM selection, which the editor reads as its own.
 */
export async function selectInArticle(page: Page, text: string): Promise<void> {
  await setTextSelection(page, text);
  await expect(page.getByRole("toolbar", { name: "Mark the selection as a claim" })).toBeVisible();
}

/** Selects the first occurrence of `text` in the article, in either mode (annotating or editing). */
export async function setTextSelection(page: Page, text: string): Promise<void> {
  await page.locator("#root .article-text").evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      // As a mouse selection does, the text gets the focus first: ProseMirror reads a selection only in its
      // focused editor (a click on a claim card a moment before may have the focus).
      (root as HTMLElement).focus({ preventScroll: true });
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in one text node of the article.`);
  }, text);
}

/** The highlight of the claim whose text contains `text`. */
export function highlightOf(page: Page, text: string) {
  return page.locator(".article-text [data-claim-id]", { hasText: text });
}

/** The count of one verdict in the sidebar's filter. */
export function sidebarCount(page: Page, verdict: "supported" | "contradicted" | "unverified") {
  return page.getByTestId(`count-${verdict}`).locator(".filter-chip__count");
}

/** Serious and critical accessibility violations axe-core finds on the page. */
export async function seriousAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target),
    }));
}
