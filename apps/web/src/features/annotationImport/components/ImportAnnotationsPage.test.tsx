import type { AnnotationImportResult, Role } from "@factmark/core";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { buildArticle } from "../../../test/buildArticle";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, type StubAnswer, stubApi } from "../../../test/stubApi";
import { claimKeys } from "../../claims/queryKeys";
import { ImportAnnotationsAction } from "./ImportAnnotationsAction";
import { ImportAnnotationsPage } from "./ImportAnnotationsPage";

const ARTICLE = buildArticle({ title: "Iran admits supplying Russia with drones" });
const IMPORT_PATH = "POST /api/articles/article-1/annotations/import";

/** A Hypothesis-style annotation on the article's one sentence, tagged "False". */
const HYPOTHESIS = {
  rows: [
    {
      id: "h-1",
      user: "acct:ana@hypothes.is",
      text: "Checked against the ministry's figures",
      tags: ["False"],
      target: [{ selector: [{ type: "TextQuoteSelector", exact: "transferred dozens" }] }],
    },
    { id: "h-2", user: "acct:ana@hypothes.is", text: "A page note", tags: [], target: [{}] },
  ],
};

const RESULT: AnnotationImportResult = {
  articleId: "article-1",
  anchored: 1,
  orphaned: 1,
  linked: 0,
  skipped: 1,
  items: [
    {
      path: "rows.0",
      annotationId: "h-1",
      outcome: "anchored",
      claimId: "claim-41",
      linkId: null,
      reason: "Placed by its TextQuoteSelector.",
    },
    {
      path: "rows.1",
      annotationId: null,
      outcome: "orphaned",
      claimId: "claim-42",
      linkId: null,
      reason: "Its quote “sold hundreds” is not in the article; kept as an orphaned claim.",
    },
    {
      path: "rows.2",
      annotationId: "h-3",
      outcome: "skipped",
      claimId: null,
      linkId: null,
      reason: "A page note, not about a passage of text.",
    },
  ],
};

function renderPage(role: Role = "reviewer", importAnswer: StubAnswer | StubAnswer[] = { status: 200, body: RESULT }) {
  const api = stubApi({
    "GET /api/articles/article-1": { status: 200, body: ARTICLE },
    [IMPORT_PATH]: importAnswer,
  });
  const location = memoryLocation({ path: "/articles/article-1/import-annotations", record: true });
  const queryClient = createTestQueryClient(role);
  const rendered = renderWithQueryClient(
    <Router hook={location.hook}>
      <ImportAnnotationsPage articleId="article-1" />
    </Router>,
    queryClient,
  );
  return { ...rendered, api, location };
}

function pasteJson(value: unknown) {
  // A paste lands whole; typing it key by key would read "{" as a userEvent command.
  fireEvent.change(screen.getByLabelText("Or paste the JSON"), { target: { value: JSON.stringify(value) } });
}

describe("ImportAnnotationsPage", () => {
  it("tells a viewer it reads only, before any form, and sends nothing", () => {
    const { api } = renderPage("viewer");
    expect(screen.getByRole("heading", { name: "Import annotations" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Read only — ask an admin for reviewer access.");
    expect(
      screen.getByText(/Importing annotations needs reviewer access; your account is a viewer/),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Import" })).toBeNull();
    expect(api.requestsTo(IMPORT_PATH)).toEqual([]);
  });

  it("imports pasted JSON and lists every item with its outcome and reason, each claim linked to its place", async () => {
    const user = userEvent.setup();
    const { api } = renderPage();
    expect(
      await screen.findByRole("link", { name: "← Back to “Iran admits supplying Russia with drones”" }),
    ).toHaveAttribute("href", "/articles/article-1");
    pasteJson(HYPOTHESIS);
    await user.click(screen.getByRole("button", { name: "Import" }));

    const heading = await screen.findByRole("heading", { name: "Imported from 3 annotations" });
    expect(heading).toHaveFocus();
    const counts = within(screen.getByRole("list", { name: "Outcomes" })).getAllByRole("listitem");
    expect(counts.map((count) => count.textContent?.split(":")[0])).toEqual([
      "1 anchored",
      "1 orphaned",
      "0 linked",
      "1 skipped",
    ]);
    const items = within(screen.getByRole("list", { name: "Items, in the document's order" })).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "Anchored h-1Placed by its TextQuoteSelector.Open the claim of h-1",
      "Orphaned Item rows.1Its quote “sold hundreds” is not in the article; kept as an orphaned claim.Open the claim of Item rows.1",
      "Skipped h-3A page note, not about a passage of text.",
    ]);
    expect(within(items[0] as HTMLElement).getByRole("link", { name: "Open the claim of h-1" })).toHaveAttribute(
      "href",
      "/articles/article-1?claim=claim-41",
    );
    expect(api.requestsTo(IMPORT_PATH)).toEqual([{ body: HYPOTHESIS, headers: expect.any(Headers) }]);
    const [call] = api.fetchMock.mock.calls.filter(([input]) => String(input).includes("/annotations/import"));
    expect(String(call?.[0])).not.toContain("strict");
  });

  it("reads the article's claims again after an import, so the new ones show on the article", async () => {
    const user = userEvent.setup();
    const { queryClient } = renderPage();
    queryClient.setQueryData(claimKeys.ofArticle("article-1"), []);
    pasteJson(HYPOTHESIS);
    await user.click(screen.getByRole("button", { name: "Import" }));
    await screen.findByRole("heading", { name: "Imported from 3 annotations" });
    await waitFor(() => expect(queryClient.getQueryState(claimKeys.ofArticle("article-1"))?.isInvalidated).toBe(true));
  });

  it("imports a chosen file, and asks for strict all-or-nothing when ticked", async () => {
    const user = userEvent.setup();
    const { api } = renderPage();
    const file = new File([JSON.stringify(HYPOTHESIS)], "hypothesis.json", { type: "application/json" });
    await user.upload(screen.getByLabelText("Choose a file"), file);
    expect(screen.getByRole("button", { name: "Remove hypothesis.json" })).toBeInTheDocument();
    expect(screen.getByLabelText("Or paste the JSON")).toBeDisabled();
    await user.click(screen.getByRole("checkbox", { name: "Refuse all if any item does not anchor" }));
    await user.click(screen.getByRole("button", { name: "Import" }));
    await screen.findByRole("heading", { name: "Imported from 3 annotations" });
    expect(api.requestsTo(IMPORT_PATH).map((request) => request.body)).toEqual([HYPOTHESIS]);
    const [call] = api.fetchMock.mock.calls.filter(([input]) => String(input).includes("/annotations/import"));
    expect(String(call?.[0])).toContain("strict=true");
  });

  it("takes a file dropped on the drop zone", async () => {
    const user = userEvent.setup();
    const { api } = renderPage();
    const file = new File([JSON.stringify(HYPOTHESIS.rows[0])], "one.jsonld");
    fireEvent.drop(screen.getByText("Choose a file").closest(".drop-zone") as HTMLElement, {
      dataTransfer: { files: [file] },
    });
    expect(screen.getByRole("button", { name: "Remove one.jsonld" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Import" }));
    await screen.findByRole("heading", { name: "Imported from 3 annotations" });
    expect(api.requestsTo(IMPORT_PATH).map((request) => request.body)).toEqual([HYPOTHESIS.rows[0]]);
  });

  it("says a file of another kind is refused as soon as it is chosen, and sends nothing", async () => {
    const user = userEvent.setup({ applyAccept: false });
    const { api } = renderPage();
    await user.upload(screen.getByLabelText("Choose a file"), new File(["<p>hi</p>"], "notes.html"));
    expect(screen.getByText("“notes.html” is not a .json or .jsonld file.")).toBeInTheDocument();
    expect(screen.getByLabelText("Choose a file")).toHaveAttribute("aria-invalid", "true");
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(api.requestsTo(IMPORT_PATH)).toEqual([]);
  });

  it("says pasted text that is not JSON is not JSON, focused, and sends nothing", async () => {
    const user = userEvent.setup();
    const { api } = renderPage();
    fireEvent.change(screen.getByLabelText("Or paste the JSON"), { target: { value: "{ not json" } });
    await user.click(screen.getByRole("button", { name: "Import" }));
    const field = screen.getByLabelText("Or paste the JSON");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveFocus();
    expect(field).toHaveAccessibleDescription(/This is not JSON/);
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(api.requestsTo(IMPORT_PATH)).toEqual([]);
  });

  it("asks for a file or JSON when Import is pressed with neither", async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(screen.getByText("Choose a .json or .jsonld file, or paste the annotations' JSON.")).toBeInTheDocument();
  });

  it("shows the import under way: the button says so and cannot be pressed twice", async () => {
    const user = userEvent.setup();
    let answer: (value: Response) => void = () => {};
    const { api } = renderPage();
    api.fetchMock.mockImplementationOnce(() => new Promise<Response>((resolve) => (answer = resolve)));
    pasteJson(HYPOTHESIS);
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByRole("button", { name: "Importing…" })).toBeDisabled();
    expect(screen.getByText("Placing the annotations on the article…")).toBeInTheDocument();
    answer(new Response(JSON.stringify(RESULT), { status: 200, headers: { "Content-Type": "application/json" } }));
    expect(await screen.findByRole("heading", { name: "Imported from 3 annotations" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Import" })).toBeEnabled();
  });

  it("lists every item a strict import refused (422), focused, saying nothing was imported", async () => {
    const user = userEvent.setup();
    renderPage(
      "reviewer",
      errorAnswer(
        422,
        "UNPROCESSABLE",
        "1 of 2 annotations would not be anchored or linked, and ?strict=true imports all or nothing: rows.1: orphaned: …",
        { issues: [{ path: "rows.1", message: "orphaned: Its quote “sold hundreds” is not in the article." }] },
      ),
    );
    pasteJson(HYPOTHESIS);
    await user.click(screen.getByRole("checkbox", { name: "Refuse all if any item does not anchor" }));
    await user.click(screen.getByRole("button", { name: "Import" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveFocus();
    expect(within(alert).getByRole("heading", { name: "Nothing was imported" })).toBeInTheDocument();
    expect(within(alert).getByRole("listitem")).toHaveTextContent(
      "rows.1 orphaned: Its quote “sold hundreds” is not in the article.",
    );
    expect(screen.queryByRole("heading", { name: /Imported from/ })).toBeNull();
  });

  it.each([
    [400, "VALIDATION_FAILED", "This is not a Web Annotation document Factmark can read", "No annotation in it: …"],
    [413, "PAYLOAD_TOO_LARGE", "The document is too large", "The body is larger than 8 MB."],
    [415, "UNSUPPORTED_MEDIA_TYPE", "The document was not sent as JSON", "Send JSON."],
    [403, "FORBIDDEN", "Your account cannot import annotations", "Importing annotations needs reviewer access."],
    [409, "CONFLICT", "The article changed meanwhile", "The article was saved twice while"],
  ])("says why a %i refusal imported nothing, with the server's words", async (status, code, title, message) => {
    const user = userEvent.setup();
    renderPage("reviewer", errorAnswer(status, code, message));
    pasteJson(HYPOTHESIS);
    await user.click(screen.getByRole("button", { name: "Import" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading", { name: title })).toBeInTheDocument();
    expect(alert).toHaveTextContent(message);
  });

  it("is reached from the article's header by reviewers and up, never by viewers", () => {
    stubApi({});
    const { unmount } = renderWithQueryClient(
      <ImportAnnotationsAction articleId="article-1" />,
      createTestQueryClient("reviewer"),
    );
    expect(screen.getByRole("link", { name: "Import annotations…" })).toHaveAttribute(
      "href",
      "/articles/article-1/import-annotations",
    );
    unmount();
    renderWithQueryClient(<ImportAnnotationsAction articleId="article-1" />, createTestQueryClient("viewer"));
    expect(screen.queryByRole("link", { name: "Import annotations…" })).toBeNull();
  });
});
