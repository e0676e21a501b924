import { type Article, type Role, UNCONCLUDED_ARTICLE } from "@factmark/core";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { articleKeys } from "../../articles/queryKeys";
import { NewArticlePage } from "./NewArticlePage";

function buildArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: "article-9",
    title: "Iran admits supplying Russia with drones",
    sourceUrl: null,
    outlet: null,
    author: null,
    publishedAt: null,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    doc: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "One." }] }] },
    text: "One.",
    ...UNCONCLUDED_ARTICLE,
    ...overrides,
  };
}

function renderPage(role: Role = "admin") {
  const location = memoryLocation({ path: "/articles/new", record: true });
  const rendered = renderWithQueryClient(
    <Router hook={location.hook}>
      <NewArticlePage />
    </Router>,
    createTestQueryClient(role),
  );
  return { ...rendered, location };
}

/** Pastes as a browser does: the clipboard offers HTML and its plain text, or plain text only. */
function paste(target: HTMLElement, data: Record<string, string>) {
  fireEvent.paste(target, { clipboardData: { getData: (type: string) => data[type] ?? "" } });
}

/** The multipart form sent to the upload route. */
function uploadedForms(fetchMock: ReturnType<typeof stubApi>["fetchMock"]): FormData[] {
  return fetchMock.mock.calls
    .filter(([input, init]) => String(input) === "/api/articles/upload" && init?.method === "POST")
    .map(([, init]) => init?.body as FormData);
}

function fileOfSize(name: string, size: number, content = "text"): File {
  const file = new File([content], name);
  Object.defineProperty(file, "size", { value: size });
  return file;
}

describe("NewArticlePage", () => {
  it("tells a viewer it is read only before any form is filled, showing no form", () => {
    const api = stubApi({});
    renderPage("viewer");
    expect(screen.getByRole("heading", { name: "New article" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Read only — ask an admin for editor access.");
    expect(screen.getByText(/Adding an article needs editor access; your account is a viewer/)).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
    expect(api.fetchMock).not.toHaveBeenCalled();
  });

  it("tells a reviewer that adding articles needs editor access, showing no form", () => {
    renderPage("reviewer");
    expect(screen.getByRole("status")).toHaveTextContent("Ask an admin for editor access.");
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("offers three ways in as tabs that the arrow keys move between", async () => {
    const user = userEvent.setup();
    renderPage();
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((tab) => tab.textContent)).toEqual(["Paste", "Upload a file", "From a web address"]);
    expect(screen.getByRole("tablist", { name: "How to bring the article in" })).toBeInTheDocument();
    const [pasteTab, uploadTab, urlTab] = tabs as [HTMLElement, HTMLElement, HTMLElement];
    expect(pasteTab).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "Paste" })).toBeVisible();

    // One tab stop: the selected tab; arrows select and focus the next, wrapping around.
    await user.tab();
    await user.tab();
    expect(pasteTab).toHaveFocus();
    expect(uploadTab).toHaveAttribute("tabindex", "-1");
    await user.keyboard("{ArrowRight}");
    expect(uploadTab).toHaveFocus();
    expect(uploadTab).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "Upload a file" })).toBeVisible();
    expect(screen.queryByRole("tabpanel", { name: "Paste" })).not.toBeInTheDocument();
    await user.keyboard("{ArrowRight}");
    expect(urlTab).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(pasteTab).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(urlTab).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{Home}");
    expect(pasteTab).toHaveAttribute("aria-selected", "true");
  });

  it("keeps pasted HTML, shows only its text, sends it as HTML and opens the new article", async () => {
    const user = userEvent.setup();
    const created = buildArticle();
    const api = stubApi({ "POST /api/articles": { status: 201, body: created } });
    const { queryClient, location } = renderPage();
    const box = screen.getByRole("textbox", { name: "Article text" });
    expect(box).toHaveAttribute("aria-multiline", "true");
    expect(box).toHaveAttribute("contenteditable", "true");

    const html = '<h2>Drones</h2><p>Iran <b>admits</b> it.</p><img src="x" onerror="window.__pasted = true">';
    paste(box, { "text/html": html, "text/plain": "Drones\nIran admits it." });
    // The markup is kept for the server, never put into this page.
    expect(box).toHaveTextContent("Drones Iran admits it.");
    expect(box.querySelector("img, h2, b")).toBeNull();
    expect((window as { __pasted?: boolean }).__pasted).toBeUndefined();
    expect(screen.getByText(/Formatting kept/)).toBeInTheDocument();
    // With HTML the format is known: no plain text / Markdown choice.
    expect(screen.queryByRole("radio", { name: "Markdown" })).not.toBeInTheDocument();

    // The title is required for a paste: checked with the core schema before anything is sent.
    await user.click(screen.getByRole("button", { name: "Add article" }));
    const title = screen.getByRole("textbox", { name: "Title" });
    expect(title).toHaveAttribute("aria-invalid", "true");
    expect(title).toHaveAccessibleDescription("Give the article a title.");
    expect(title).toHaveFocus();
    expect(api.requestsTo("POST /api/articles")).toHaveLength(0);

    await user.type(title, "Iran admits supplying Russia with drones");
    await user.type(screen.getByRole("textbox", { name: "Outlet" }), "All Israel News");
    fireEvent.change(screen.getByLabelText("Published"), { target: { value: "2022-11-08" } });
    await user.click(screen.getByRole("button", { name: "Add article" }));

    await waitFor(() => expect(location.history.at(-1)).toBe("/articles/article-9"));
    expect(api.requestsTo("POST /api/articles")[0]?.body).toEqual({
      title: "Iran admits supplying Russia with drones",
      format: "html",
      content: html,
      outlet: "All Israel News",
      publishedAt: "2022-11-08",
    });
    expect(queryClient.getQueryData(articleKeys.detail("article-9"))).toEqual(created);
  });

  it("sends pasted plain text as text or Markdown, as the reviewer says, and shows the server's refusal by the box", async () => {
    const user = userEvent.setup();
    const api = stubApi({
      "POST /api/articles": errorAnswer(422, "UNPROCESSABLE", "No article text was found.", { reason: "empty" }),
    });
    renderPage();
    const box = screen.getByRole("textbox", { name: "Article text" });
    paste(box, { "text/plain": "# Drones\n\nIran *admits* it." });
    expect(box).toHaveTextContent("# Drones");
    await user.click(screen.getByRole("radio", { name: "Markdown" }));
    await user.type(screen.getByRole("textbox", { name: "Title" }), "Drones");
    await user.click(screen.getByRole("button", { name: "Add article" }));

    expect(await screen.findByText(/Nothing is left of this text/)).toBeInTheDocument();
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(box).toHaveFocus();
    expect(api.requestsTo("POST /api/articles")[0]?.body).toMatchObject({
      format: "markdown",
      content: "# Drones\n\nIran *admits* it.",
    });
    expect(screen.getByRole("button", { name: "Add article" })).toBeEnabled();
  });

  it("refuses a file of the wrong type or over 5 MB before sending it, and says which file is chosen", async () => {
    const user = userEvent.setup();
    const api = stubApi({});
    renderPage();
    await user.click(screen.getByRole("tab", { name: "Upload a file" }));
    const panel = screen.getByRole("tabpanel", { name: "Upload a file" });
    const input = within(panel).getByLabelText("Choose a file");
    expect(input).toHaveAttribute("accept", ".txt,.md,.html,.htm,.docx");

    // Dropped files are not filtered by `accept`: the extension is checked here.
    fireEvent.drop(panel.querySelector(".drop-zone") as HTMLElement, {
      dataTransfer: { files: [new File(["%PDF-1.7"], "report.pdf")] },
    });
    expect(input).toHaveAccessibleDescription(/Factmark reads \.txt, \.md, \.html, \.htm and \.docx files/);

    await user.upload(input, fileOfSize("story.txt", 6 * 1024 * 1024));
    expect(panel).toHaveTextContent("story.txt · 6.0 MB");
    expect(input).toHaveAccessibleDescription(/This file is 6\.0 MB; files up to 5\.0 MB can be uploaded/);

    await user.click(screen.getByRole("button", { name: "Upload and add" }));
    expect(input).toHaveFocus();
    expect(api.fetchMock).not.toHaveBeenCalled();

    await user.click(within(panel).getByRole("button", { name: "Remove story.txt" }));
    expect(panel).not.toHaveTextContent("story.txt");
    expect(input).not.toHaveAttribute("aria-invalid");
  });

  it("uploads the file with the details as multipart, and explains a 415 and a 422 by their reason", async () => {
    const user = userEvent.setup();
    const api = stubApi({
      "POST /api/articles/upload": [
        errorAnswer(415, "UNSUPPORTED_MEDIA_TYPE", "Not text.", { reason: "content_mismatch" }),
        errorAnswer(422, "UNPROCESSABLE", "Mostly script.", { reason: "mostly_script" }),
        { status: 201, body: buildArticle({ id: "article-12" }) },
      ],
    });
    const { location } = renderPage();
    await user.click(screen.getByRole("tab", { name: "Upload a file" }));
    expect(screen.getByRole("textbox", { name: "Title (optional)" })).not.toBeRequired();
    const input = screen.getByLabelText("Choose a file");
    await user.upload(input, new File(["<p>Iran admits it.</p>"], "story.html", { type: "text/html" }));
    expect(screen.getByRole("tabpanel", { name: "Upload a file" })).toHaveTextContent("story.html · 22 bytes");
    await user.type(screen.getByRole("textbox", { name: "Author" }), "Ilse Strauss");

    await user.click(screen.getByRole("button", { name: "Upload and add" }));
    expect(await screen.findByText(/This file's content does not match its name/)).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");

    await user.click(screen.getByRole("button", { name: "Upload and add" }));
    expect(await screen.findByText(/This HTML file is mostly script, not article text/)).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(/mostly script/);

    await user.click(screen.getByRole("button", { name: "Upload and add" }));
    await waitFor(() => expect(location.history.at(-1)).toBe("/articles/article-12"));
    const [form] = uploadedForms(api.fetchMock);
    expect(form?.get("file")).toMatchObject({ name: "story.html" });
    expect(form?.get("author")).toBe("Ilse Strauss");
    // Blank details are left to the server (the file's own title), not sent empty.
    expect(form?.has("title")).toBe(false);
  });

  it("says in words why a page on a private network is not fetched, next to the address", async () => {
    const user = userEvent.setup();
    const api = stubApi({
      "POST /api/articles/from-url": errorAnswer(422, "UNPROCESSABLE", "The address of 10.0.0.5 is private.", {
        reason: "private_address",
      }),
    });
    renderPage();
    await user.click(screen.getByRole("tab", { name: "From a web address" }));
    const url = screen.getByRole("textbox", { name: "Web address of the article" });

    await user.type(url, "ftp://example.org/story");
    await user.click(screen.getByRole("button", { name: "Fetch and add" }));
    expect(url).toHaveAccessibleDescription(/Give a full http:\/\/ or https:\/\/ URL\./);
    expect(api.fetchMock).not.toHaveBeenCalled();

    await user.clear(url);
    await user.type(url, "http://intranet.example/story");
    await user.click(screen.getByRole("button", { name: "Fetch and add" }));
    expect(
      await screen.findByText("That address is on a private network, which Factmark does not fetch from."),
    ).toBeInTheDocument();
    expect(url).toHaveAccessibleDescription(/That address is on a private network/);
    expect(url).toHaveFocus();
    expect(api.requestsTo("POST /api/articles/from-url")[0]?.body).toEqual({ url: "http://intranet.example/story" });
  });

  it("shows progress while the page is fetched, then applies the details the reviewer gave over the page's", async () => {
    const user = userEvent.setup();
    let answer: (value: Response) => void = () => {};
    const imported = buildArticle({ id: "article-20", title: "Page title", version: 1 });
    const api = stubApi({
      "PATCH /api/articles/article-20": { status: 200, body: { ...imported, title: "My title", version: 2 } },
    });
    const stubbedFetch = api.fetchMock.getMockImplementation();
    api.fetchMock.mockImplementation(async (input, init) => {
      if (String(input) !== "/api/articles/from-url") return (stubbedFetch as typeof fetch)(input, init);
      return new Promise<Response>((resolve) => {
        answer = resolve;
      });
    });
    const { location, queryClient } = renderPage();
    await user.click(screen.getByRole("tab", { name: "From a web address" }));
    await user.type(screen.getByRole("textbox", { name: "Web address of the article" }), "https://example.org/story");
    await user.type(screen.getByRole("textbox", { name: "Title (optional)" }), "My title");
    await user.click(screen.getByRole("button", { name: "Fetch and add" }));

    const pending = screen.getByRole("button", { name: "Fetching the page and reading the article…" });
    expect(pending).toBeDisabled();
    expect(screen.getByRole("status")).toHaveTextContent("Fetching the page and reading the article…");

    answer(new Response(JSON.stringify(imported), { status: 201, headers: { "Content-Type": "application/json" } }));
    await waitFor(() => expect(location.history.at(-1)).toBe("/articles/article-20"));
    const patch = api.requestsTo("PATCH /api/articles/article-20")[0];
    expect(patch?.body).toEqual({ title: "My title" });
    expect(patch?.headers.get("If-Match")).toBe('"1"');
    expect(queryClient.getQueryData<Article>(articleKeys.detail("article-20"))?.title).toBe("My title");
  });

  it("says so, and links to the article, when a page is imported but the details given cannot be applied", async () => {
    const user = userEvent.setup();
    stubApi({
      "POST /api/articles/from-url": { status: 201, body: buildArticle({ id: "article-21", title: "Page title" }) },
      "PATCH /api/articles/article-21": errorAnswer(403, "FORBIDDEN", "No."),
    });
    const { location } = renderPage();
    await user.click(screen.getByRole("tab", { name: "From a web address" }));
    await user.type(screen.getByRole("textbox", { name: "Web address of the article" }), "https://example.org/story");
    await user.type(screen.getByRole("textbox", { name: "Author" }), "Ilse Strauss");
    await user.click(screen.getByRole("button", { name: "Fetch and add" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("“Page title” was imported, but the details you gave could not be applied to it.");
    expect(within(alert).getByRole("link", { name: "Open the article" })).toHaveAttribute(
      "href",
      "/articles/article-21",
    );
    expect(location.history).toEqual(["/articles/new"]);
  });
});
