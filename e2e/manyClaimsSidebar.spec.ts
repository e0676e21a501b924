import { mkdirSync } from "node:fs";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { highlightOf, selectInArticle, sidebarCount } from "./support/articlePage";

/** Past the sidebar's threshold (100): only the cards near its view are drawn, at measured heights. */
const CLAIM_COUNT = 120;
const PARAGRAPHS = Array.from(
  { length: CLAIM_COUNT },
  (_, index) =>
    `Statement ${index + 1} says the envoy moved dozens of drones this summer. Officials in capital ${index + 1} denied it, and the ambassador called it unfounded.`,
);
const quoteOf = (index: number) => `Statement ${index + 1} says the envoy moved dozens of drones`;
/** Where screenshots for review go (SHOTS_DIR), else beside the other e2e artifacts. */
const SHOTS = process.env.SHOTS_DIR ?? "e2e/artifacts/screenshots";

/**
 * From now on, counts the layout reads of claim cards (offsetHeight) and the style lookups of the sidebar or
 * anything around it (getComputedStyle), as the page makes them.
 */
async function countLayoutReads(page: Page) {
  await page.evaluate(() => {
    const counts = { cardHeights: 0, sidebarStyles: 0 };
    (window as unknown as { __reads: typeof counts }).__reads = counts;
    const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "offsetHeight");
    Object.defineProperty(HTMLElement.prototype, "offsetHeight", {
      configurable: true,
      get(this: HTMLElement) {
        if (this.classList.contains("claim-card")) counts.cardHeights++;
        return offsetHeight?.get?.call(this);
      },
    });
    const getComputedStyle = window.getComputedStyle.bind(window);
    window.getComputedStyle = (element, pseudo) => {
      if (element.contains(document.querySelector(".claim-list"))) counts.sidebarStyles++;
      return getComputedStyle(element, pseudo);
    };
  });
}

/** An article of PARAGRAPHS with CLAIM_COUNT claims, one a paragraph, through the API; answers its id. */
async function createArticleWithManyClaims(
  request: APIRequestContext,
  title: string,
  verdictOf: (index: number) => "supported" | "contradicted" | "unverified",
): Promise<string> {
  const created = await request.post("/api/articles", {
    data: { title, format: "text", content: PARAGRAPHS.join("\n") },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (let index = 0; index < CLAIM_COUNT; index++) {
    const claim = await request.post(`/api/articles/${id}/claims`, {
      data: { selectors: { quote: { exact: quoteOf(index) } }, verdict: verdictOf(index) },
    });
    expect(claim.status()).toBe(201);
  }
  return id;
}

/** The article of createArticleWithManyClaims opened on a desktop, once its sidebar lists every claim. */
async function openArticleWithManyClaims(
  page: Page,
  request: APIRequestContext,
  title: string,
  verdictOf: Parameters<typeof createArticleWithManyClaims>[2],
) {
  const id = await createArticleWithManyClaims(request, title, verdictOf);
  await page.goto(`/articles/${id}`);
  const sidebar = page.locator(".claim-sidebar");
  const cards = sidebar.locator(".claim-card");
  await expect(cards.first()).toHaveAttribute("aria-setsize", String(CLAIM_COUNT));
  return { sidebar, cards };
}

test("with more claims than the sidebar draws, selecting one opens its card in view and its words in the text, reading no card's layout", async ({
  page,
  request,
}) => {
  const { sidebar, cards } = await openArticleWithManyClaims(page, request, "An article with many claims", (index) =>
    index % 2 === 0 ? "supported" : "contradicted",
  );
  // Windowed: fewer cards drawn than there are claims.
  expect(await cards.count()).toBeLessThan(CLAIM_COUNT);

  // Halfway down the list, as a reviewer's scroll would go.
  await sidebar.evaluate((element) => {
    element.scrollTop = (element.scrollHeight - element.clientHeight) / 2;
  });
  const target = cards.filter({ hasText: quoteOf(60) });
  await expect(target).toBeVisible();
  await countLayoutReads(page);
  await target.getByRole("button", { name: /Show claim/ }).click();

  await expect(target.getByRole("button", { name: /Show claim/ })).toHaveAttribute("aria-expanded", "true");
  await expect(target).toHaveAttribute("aria-current", "true");
  await expect(target).toHaveAttribute("aria-posinset", "61");
  await expect(highlightOf(page, quoteOf(60))).toHaveClass(/claim-hl--selected/);
  await expect(highlightOf(page, quoteOf(60))).toBeInViewport();
  // The card's top is in the sidebar's view, its details beneath.
  const inView = await target.evaluate((card) => {
    const box = card.getBoundingClientRect();
    const view = (card.closest(".claim-sidebar") as HTMLElement).getBoundingClientRect();
    return box.top >= view.top - 1 && box.top < view.bottom;
  });
  expect(inView).toBe(true);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/many-claims-selected.png` });
  // The heights came from the browser's resize observations; the scroll container was found once, at the start.
  expect(await page.evaluate(() => (window as unknown as { __reads: object }).__reads)).toEqual({
    cardHeights: 0,
    sidebarStyles: 0,
  });

  // Down arrow: the next claim is selected, and focus follows it.
  await page.keyboard.press("ArrowDown");
  const next = cards.filter({ hasText: quoteOf(61) });
  await expect(next.getByRole("button", { name: /Show claim/ })).toBeFocused();
  await expect(next).toHaveAttribute("aria-current", "true");
  await expect(target.getByRole("button", { name: /Show claim/ })).toHaveAttribute("aria-expanded", "false");

  // The end of the list (End), drawn where it belongs, with the padding above it standing for the others.
  await page.keyboard.press("End");
  const last = cards.filter({ hasText: quoteOf(CLAIM_COUNT - 1) });
  await expect(last.getByRole("button", { name: /Show claim/ })).toBeFocused();
  await expect(last).toHaveAttribute("aria-posinset", String(CLAIM_COUNT));
  await expect(last).toBeInViewport();
});

test("after selecting a claim, the sidebar stays where the reviewer scrolls it, far from the selected card", async ({
  page,
  request,
}) => {
  const { sidebar, cards } = await openArticleWithManyClaims(
    page,
    request,
    "An article with many claims to scroll",
    () => "unverified",
  );

  // A claim near the top selected from its card...
  const first = cards.filter({ hasText: quoteOf(2) });
  await first.getByRole("button", { name: /Show claim/ }).click();
  await expect(first).toHaveAttribute("aria-current", "true");
  await expect(highlightOf(page, quoteOf(2))).toHaveClass(/claim-hl--selected/);

  // ...then the list dragged far down, twice, as a reviewer reading on would: it stays there, with cards in view.
  for (const share of [0.5, 0.8]) {
    const wanted = await sidebar.evaluate((element, fraction) => {
      element.scrollTop = (element.scrollHeight - element.clientHeight) * fraction;
      return element.scrollTop;
    }, share);
    // A few frames later, the list has not been pulled back to the selected card...
    await page.evaluate(
      () =>
        new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))),
    );
    const scrollTop = await sidebar.evaluate((element) => element.scrollTop);
    expect(Math.abs(scrollTop - wanted)).toBeLessThan(300);
    // ...and shows the cards that belong there, far down the list.
    const shown = await sidebar.evaluate((element) => {
      const view = element.getBoundingClientRect();
      return Array.from(element.querySelectorAll<HTMLElement>(".claim-card"))
        .filter((card) => {
          const box = card.getBoundingClientRect();
          return box.bottom > view.top && box.top < view.bottom;
        })
        .map((card) => Number(card.getAttribute("aria-posinset")));
    });
    expect(shown.length).toBeGreaterThan(0);
    expect(Math.min(...shown)).toBeGreaterThan(CLAIM_COUNT * share * 0.7);
  }
  // The selection is still the claim chosen.
  await expect(highlightOf(page, quoteOf(2))).toHaveClass(/claim-hl--selected/);
});

test("the selected card stays in the list while it is scrolled away: a rationale being written and the focus are kept, and the card comes back when asked for", async ({
  page,
  request,
}) => {
  const { sidebar, cards } = await openArticleWithManyClaims(
    page,
    request,
    "An article with a rationale to write",
    () => "unverified",
  );

  // Claim 3 chosen from its highlight, a rationale begun in its details.
  await highlightOf(page, quoteOf(2)).click();
  const selected = cards.filter({ hasText: quoteOf(2) });
  await expect(selected).toHaveAttribute("aria-current", "true");
  await selected.getByRole("button", { name: "Write rationale" }).click();
  await page.keyboard.type("Half a thought, not saved yet");

  // The list scrolled far down, by the wheel: it stays there...
  await sidebar.hover();
  await page.mouse.wheel(0, 9_000);
  await expect.poll(() => sidebar.evaluate((element) => element.scrollTop), { timeout: 5_000 }).toBeGreaterThan(6_000);
  await page.waitForTimeout(300);
  expect(await sidebar.evaluate((element) => element.scrollTop)).toBeGreaterThan(6_000);
  // ...and the selected card is still there, out of sight, with what was typed and the focus.
  await expect(selected.getByRole("textbox", { name: "Rationale" })).toHaveValue("Half a thought, not saved yet");
  await expect(selected.getByRole("textbox", { name: "Rationale" })).toBeFocused();
  await expect(selected).not.toBeInViewport();

  // The same highlight chosen again brings the card back into the sidebar's view.
  await highlightOf(page, quoteOf(2)).click();
  await expect(selected).toBeInViewport();
  await expect(selected.getByRole("textbox", { name: "Rationale" })).toHaveValue("Half a thought, not saved yet");

  // Anew (the draft let go; the address still names claim 3): the first card focused by its button, the list
  // wheeled away, then the keys: they still move along the list.
  await page.reload();
  const firstCard = cards.filter({ hasText: quoteOf(0) });
  await firstCard.getByRole("button", { name: /Show claim/ }).click();
  await expect(firstCard).toHaveAttribute("aria-current", "true");
  await expect(firstCard.getByRole("button", { name: /Show claim/ })).toBeFocused();
  await sidebar.hover();
  await page.mouse.wheel(0, 9_000);
  await expect.poll(() => sidebar.evaluate((element) => element.scrollTop), { timeout: 5_000 }).toBeGreaterThan(6_000);
  await expect(firstCard.getByRole("button", { name: /Show claim/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  const secondCard = cards.filter({ hasText: quoteOf(1) });
  await expect(secondCard).toHaveAttribute("aria-current", "true");
  await expect(secondCard.getByRole("button", { name: /Show claim/ })).toBeFocused();
  await expect(secondCard).toBeInViewport();
});

test("on a phone, the drawer opened again shows the selected claim's card, wherever the list was left", async ({
  page,
  request,
}) => {
  const id = await createArticleWithManyClaims(request, "An article read on a phone", () => "supported");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/articles/${id}`);
  const toggle = page.getByRole("button", { name: /^Claims/ });
  await toggle.click();
  const sidebar = page.locator(".claim-sidebar");
  const cards = sidebar.locator(".claim-card");
  // Halfway down the list, a claim chosen there.
  await sidebar.evaluate((element) => {
    element.scrollTop = (element.scrollHeight - element.clientHeight) / 2;
  });
  // The first card in view there, by its position in the list (drawn a frame after the scroll).
  const firstInView = () =>
    sidebar.evaluate((element) => {
      const view = element.getBoundingClientRect();
      const card = Array.from(element.querySelectorAll<HTMLElement>(".claim-card")).find(
        (candidate) => candidate.getBoundingClientRect().top >= view.top + 40,
      );
      return card?.getAttribute("aria-posinset") ?? null;
    });
  await expect.poll(firstInView).not.toBeNull();
  const position = Number(await firstInView());
  expect(position).toBeGreaterThan(30);
  const chosen = cards.filter({ hasText: quoteOf(position - 1) });
  await expect(chosen).toBeVisible();
  await chosen.getByRole("button", { name: /Show claim/ }).click();
  await expect(chosen).toHaveAttribute("aria-current", "true");
  // The list left at its top, the drawer closed and opened again.
  await sidebar.evaluate((element) => {
    element.scrollTop = 0;
  });
  await page.getByRole("button", { name: "Close claims" }).click();
  await toggle.click();
  await expect(chosen).toBeInViewport();
  await expect(chosen).toHaveAttribute("aria-current", "true");
});

test("a verdict filter that keeps the selected claim, and clearing it, show the list on that claim's card", async ({
  page,
  request,
}) => {
  const { cards } = await openArticleWithManyClaims(page, request, "An article to filter", (index) =>
    index % 2 === 0 ? "supported" : "contradicted",
  );
  // Claim 81 (supported) chosen in the text: its card in view, far down the list.
  await highlightOf(page, quoteOf(80)).click();
  const selected = cards.filter({ hasText: quoteOf(80) });
  await expect(selected).toHaveAttribute("aria-current", "true");
  await expect(selected).toBeInViewport();
  // Only the supported claims (60: every card drawn), then all of them again.
  await sidebarCount(page, "supported").click();
  await expect(cards.first()).toHaveClass(/claim-card--supported/);
  await expect(selected).toBeInViewport();
  await sidebarCount(page, "supported").click();
  await expect(cards.first()).toHaveAttribute("aria-setsize", String(CLAIM_COUNT));
  await expect(selected).toBeInViewport();
});

test("marking a claim with the text focused: the text keeps its caret and selection as a reviewer's keys move them", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/articles", {
    data: { title: "An article to mark", format: "text", content: PARAGRAPHS.slice(0, 5).join("\n") },
  });
  const { id } = await created.json();
  await page.goto(`/articles/${id}`);
  const text = page.locator("#root .article-text[contenteditable]");
  await expect(text).toBeVisible();

  await selectInArticle(page, "Officials in capital 2 denied it");
  // Shift+Right extends the selection, as in any text: the text is still the browser's editable host.
  await page.keyboard.press("Shift+ArrowRight");
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("Officials in capital 2 denied it,");
  const host = await text.evaluate((element: HTMLElement) => ({
    isContentEditable: element.isContentEditable,
    attribute: element.getAttribute("contenteditable"),
    isFocused: document.activeElement === element,
  }));
  expect(host).toEqual({ isContentEditable: true, attribute: "true", isFocused: true });

  await page.keyboard.press("c");
  await expect(highlightOf(page, "Officials in capital 2 denied it,")).toHaveAttribute("data-verdict", "contradicted");
  await expect(page.locator(".claim-card")).toHaveCount(1);
  // The caret stays in the text after marking: arrows still move it, Shift+arrows still select.
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(" an");
});

/**
 * Where the selected card is in the sidebar's visible box, in CSS pixels: its top and its quote's top below the
 * box's top, its quote's bottom above the box's bottom (negative: out of view), whether its quote has the focus,
 * and how far the page itself is scrolled (the text's highlight of a selected claim is centred on the screen).
 */
async function selectedCardPlace(page: Page) {
  return page.evaluate(() => {
    const sidebar = document.querySelector<HTMLElement>(".claim-sidebar");
    const card = document.querySelector<HTMLElement>(".claim-card[aria-current='true']");
    const quote = card?.querySelector<HTMLElement>(".claim-card__quote");
    if (!sidebar || !card || !quote) return null;
    const box = sidebar.getBoundingClientRect();
    const top = box.top + sidebar.clientTop;
    const bottom = top + sidebar.clientHeight;
    return {
      position: Number(card.getAttribute("aria-posinset")),
      cardTop: Math.round(card.getBoundingClientRect().top - top),
      quoteTop: Math.round(quote.getBoundingClientRect().top - top),
      quoteBottom: Math.round(bottom - quote.getBoundingClientRect().bottom),
      isFocused: document.activeElement === quote,
      scrollY: Math.round(window.scrollY),
    };
  });
}

for (const { width, height } of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${width}×${height}, stepping along many claims of different heights keeps the focused card wholly in the sidebar's view`, async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const count = 160;
    const lines = Array.from(
      { length: count },
      (_, index) =>
        `Line ${index + 1} states a fact about topic ${index + 1}. ${"Filler words here. ".repeat(index % 6)}`,
    );
    const created = await request.post("/api/articles", {
      data: { title: "Claims of many heights", format: "text", content: lines.join("\n") },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    for (let index = 0; index < count; index++) {
      const claim = await request.post(`/api/articles/${id}/claims`, {
        data: {
          selectors: { quote: { exact: `Line ${index + 1} states` } },
          verdict: ["supported", "contradicted", "unverified"][index % 3],
          rationale: index % 5 === 0 ? "A long rationale. ".repeat(index % 40) : "",
          speaker: index % 2 ? `Someone with a long name ${index}` : null,
        },
      });
      expect(claim.status()).toBe(201);
    }

    await page.setViewportSize({ width, height });
    await page.goto(`/articles/${id}`);
    if (width < 1024) await page.getByRole("button", { name: /^Claims/ }).click();
    const sidebar = page.locator(".claim-sidebar");
    await expect(sidebar.locator(".claim-card").first()).toBeVisible();
    // The page scrolled a little, as a reviewer reading the text would have it (the sidebar sticks to the top).
    await page.evaluate(() => window.scrollTo(0, 180));

    await sidebar.locator(".claim-card__quote").first().click();
    const steps = [
      ...Array<string>(6).fill("ArrowDown"),
      ...Array<string>(4).fill("j"),
      ...Array<string>(3).fill("ArrowUp"),
      ...Array<string>(3).fill("k"),
      "End",
      "Home",
      "End",
      "ArrowUp",
    ];
    let expected = 1;
    for (const [step, key] of steps.entries()) {
      await page.keyboard.press(key);
      expected =
        key === "End" ? count : key === "Home" ? 1 : key === "ArrowDown" || key === "j" ? expected + 1 : expected - 1;
      await expect
        .poll(() => selectedCardPlace(page), { message: `step ${step + 1} (${key}) at ${width} px` })
        .toMatchObject({ position: expected, isFocused: true });
      // Settled (its details drawn, the cards on the way measured): the card's top, its quote and the quote's focus
      // ring inside the sidebar's box, wherever the page scrolled to centre the claim's words in the text.
      await page.waitForTimeout(400);
      const place = await selectedCardPlace(page);
      expect(place, `step ${step + 1} (${key}) at ${width} px: ${JSON.stringify(place)}`).toMatchObject({
        position: expected,
        isFocused: true,
      });
      expect(place?.cardTop, `card top, step ${step + 1} (${key})`).toBeGreaterThanOrEqual(0);
      expect(place?.quoteBottom, `quote bottom, step ${step + 1} (${key})`).toBeGreaterThanOrEqual(0);
    }
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/many-claims-stepped-${width}.png` });
  });
}
