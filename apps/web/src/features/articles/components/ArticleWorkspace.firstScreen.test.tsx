import { type Article, articleText, type Claim, plainTextToDoc } from "@factmark/core";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { NoticeProvider } from "../../../components/NoticeProvider";
import { buildArticle } from "../../../test/buildArticle";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { stubApi } from "../../../test/stubApi";
import { ArticleWorkspace } from "./ArticleWorkspace";

// Long enough that its editor comes after a preview of its first screen (about 60 paragraphs of 150 characters).
const TEXT = Array.from(
  { length: 60 },
  (_, index) =>
    `Paragraph ${index + 1}: the minister said drones were sold months before the war, and the envoy said dozens were transferred.`,
).join("\n");
const DOC = plainTextToDoc(TEXT);
const ARTICLE: Article = buildArticle({ doc: DOC, text: articleText(DOC) });
const SOLD = buildClaim(TEXT, "drones were sold", "contradicted");

/** The long article's workspace; `claimsIn`, when given, holds back the claims' answer until it resolves. */
function renderLongArticle(claimsIn?: Promise<void>, claims: Claim[] = [SOLD], search = "") {
  const api = stubApi({
    "GET /api/articles/article-1/claims": { status: 200, body: { items: claims, deletedIds: [], cursor: 1 } },
    "GET /api/articles/article-1/links": { status: 200, body: { items: [] } },
    "POST /api/articles/article-1/claims": ({ body }) => ({
      status: 201,
      body: { ...buildClaim(TEXT, "the envoy said", "contradicted"), ...(body as object), id: "claim-new" },
    }),
  });
  if (claimsIn) {
    const answer = api.fetchMock.getMockImplementation() as (...args: unknown[]) => Promise<Response>;
    api.fetchMock.mockImplementation(async (...args: unknown[]) => {
      if (String(args[0]).includes("/claims")) await claimsIn;
      return answer(...args);
    });
  }
  const location = memoryLocation({ path: "/articles/article-1", searchPath: search, static: true });
  renderWithQueryClient(
    <Router hook={location.hook} searchHook={location.searchHook}>
      <NoticeProvider>
        <ArticleWorkspace article={ARTICLE} />
      </NoticeProvider>
    </Router>,
  );
  return api;
}

const editorText = () => screen.queryByRole("textbox", { name: /Article text/ });
const previewText = () => screen.queryByRole("document", { name: "Article text, loading." });

/** The server's first screen as an article's page comes with it (serveWebApp), before the app's #root. */
function addServerFirstScreen(): HTMLElement {
  const firstScreen = document.createElement("div");
  firstScreen.id = "first-screen";
  firstScreen.setAttribute("aria-hidden", "true");
  firstScreen.textContent = "Paragraph 1: the minister said";
  document.body.prepend(firstScreen);
  return firstScreen;
}

describe("ArticleWorkspace, opening a long article", () => {
  // jsdom lays nothing out: the toolbar by a selection is placed from ranges' boxes, all empty here.
  const { getClientRects, getBoundingClientRect } = Range.prototype;
  beforeEach(() => {
    Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
    Range.prototype.getBoundingClientRect = () => new DOMRect();
  });
  afterEach(() => {
    Object.assign(Range.prototype, { getClientRects, getBoundingClientRect });
  });

  it("shows the first screen with its highlights first, then the editor in its place with every highlight", async () => {
    renderLongArticle();
    await screen.findByRole("document", { name: "Article text, loading." });
    expect(editorText()).toBeNull();
    // The preview is drawn again (as a whole) when the claims come in.
    // Read in one look: the editor may take the preview's place as soon as the claims are in.
    const soldInPreview = await waitFor(() => {
      const element = previewText()?.querySelector(`[data-claim-ids="${SOLD.id}"]`);
      expect(element).not.toBeNull();
      return element;
    });
    expect(soldInPreview).toHaveClass("claim-underline--contradicted");
    const editor = await screen.findByRole("textbox", { name: /Article text/ });
    expect(screen.queryByRole("document", { name: "Article text, loading." })).toBeNull();
    expect(editor.querySelectorAll("p")).toHaveLength(60);
    expect(editor.querySelector(`[data-claim-ids="${SOLD.id}"]`)).toHaveTextContent("drones were sold");
    expect(editor.querySelector(`[data-claim-ids="${SOLD.id}"]`)).toHaveClass("claim-underline--contradicted");
    // The sidebar's cards come with the editor.
    expect(await screen.findByRole("button", { name: "Show claim in the text: “drones were sold”" })).toBeVisible();
  });

  it("keeps words selected in the preview selected in the editor, and a verdict key marks exactly those words", async () => {
    const user = userEvent.setup();
    const api = renderLongArticle();
    await screen.findByRole("document", { name: "Article text, loading." });
    // Paragraph 2's "the envoy said", selected in the preview drawn with its claims, in the same look that finds it:
    // the editor may take the preview's place in any task after that (once the next frame is painted).
    await waitFor(() => {
      const preview = previewText();
      expect(preview?.querySelector(`[data-claim-ids="${SOLD.id}"]`)).not.toBeNull();
      const second = preview?.querySelectorAll("p")[1]?.firstChild?.firstChild as Text;
      const start = second.data.indexOf("the envoy said");
      const range = document.createRange();
      range.setStart(second, start);
      range.setEnd(second, start + "the envoy said".length);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    });

    const editor = await screen.findByRole("textbox", { name: /Article text/ });
    await waitFor(() => expect(editor).toHaveFocus());
    await user.keyboard("c");
    await waitFor(() => expect(api.requestsTo("POST /api/articles/article-1/claims")).toHaveLength(1));
    const [request] = api.requestsTo("POST /api/articles/article-1/claims");
    const body = request?.body as { selectors: { position: unknown }; verdict: string };
    const expectedStart = TEXT.indexOf("the envoy said", TEXT.indexOf("Paragraph 2:"));
    expect(body.selectors.position).toEqual({ start: expectedStart, end: expectedStart + "the envoy said".length });
    expect(body.verdict).toBe("contradicted");
  });

  it("takes the server's first screen away as it shows its own, in the same commit", async () => {
    const firstScreen = addServerFirstScreen();
    renderLongArticle();
    expect(previewText()).not.toBeNull();
    expect(firstScreen.isConnected).toBe(false);
    expect(document.getElementById("first-screen")).toBeNull();
  });

  it("gives the reviewer the editor within a second when the claims are slow, and draws them when they come", async () => {
    let answerClaims: () => void = () => {};
    const claimsIn = new Promise<void>((resolve) => {
      answerClaims = resolve;
    });
    renderLongArticle(claimsIn);
    await screen.findByRole("document", { name: "Article text, loading." });
    const editor = await screen.findByRole("textbox", { name: /Article text/ }, { timeout: 3_000 });
    expect(editor.querySelector("[data-claim-ids]")).toBeNull();
    answerClaims();
    await waitFor(() => expect(editor.querySelector(`[data-claim-ids="${SOLD.id}"]`)).toHaveClass("claim-hl"));
  });

  it("scrolls to the claim the address asks for (a “My work” link), once the editor has replaced the first screen", async () => {
    const far = buildClaim(TEXT, "Paragraph 58:", "supported");
    const scrolled: string[] = [];
    const { scrollIntoView } = Element.prototype;
    Element.prototype.scrollIntoView = function (this: Element) {
      if (this.closest(".article-text")) scrolled.push(this.textContent ?? "");
    };
    try {
      renderLongArticle(undefined, [SOLD, far], `claim=${far.id}`);
      await screen.findByRole("textbox", { name: /Article text/ });
      await waitFor(() => expect(scrolled).toContain("Paragraph 58:"));
    } finally {
      Element.prototype.scrollIntoView = scrollIntoView;
    }
  });
});
