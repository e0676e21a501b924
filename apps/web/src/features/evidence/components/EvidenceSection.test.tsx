import type { Evidence } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { historyKeys } from "../../history/queryKeys";
import { evidenceKeys } from "../queryKeys";
import { EvidenceSection } from "./EvidenceSection";

const TEXT = "Malley said Iran transferred dozens just this summer.";
const CLAIM = buildClaim(TEXT, "transferred dozens just this summer", "contradicted", { id: "claim-7" });
const EVIDENCE_PATH = "/api/claims/claim-7/evidence";

function buildEvidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    id: "evidence-1",
    claimId: CLAIM.id,
    url: "https://www.reuters.com/world/iran-drones",
    title: "Reuters: Iran's drones in Ukraine",
    excerpt: "Iran has sent hundreds of drones since August.",
    stance: "supports",
    version: 3,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    createdBy: { id: "local-reviewer", name: "Local reviewer" },
    ...overrides,
  };
}
const REUTERS = buildEvidence();

function renderSection() {
  return renderWithQueryClient(<EvidenceSection claim={CLAIM} />);
}

describe("EvidenceSection", () => {
  it("credits each item to whoever added it, an imported one to its original author with the importer after", async () => {
    const imported = buildEvidence({
      id: "evidence-3",
      title: "Ministry of Defence figures",
      createdBy: { id: "ada", name: "Ada Admin" },
      originalAuthorName: "Ana Ruiz",
    });
    stubApi({ [`GET ${EVIDENCE_PATH}`]: { status: 200, body: { items: [REUTERS, imported] } } });
    renderSection();
    const items = within(await screen.findByRole("list")).getAllByRole("listitem");
    expect(within(items[0] as HTMLElement).getByText(/^Added by/)).toHaveTextContent("Added by Local reviewer");
    expect(within(items[1] as HTMLElement).getByText(/^Added by/)).toHaveTextContent(
      "Added by Ana Ruiz (imported by Ada Admin)",
    );
  });

  it("lists evidence as safe links opening in a new tab, with a stance badge and the excerpt, all as text", async () => {
    const hostile = buildEvidence({
      id: "evidence-2",
      url: "https://example.org/a?b=<c>",
      title: null,
      excerpt: '<img src=x onerror="window.__hacked = true"> quoted',
      stance: "context",
    });
    stubApi({ [`GET ${EVIDENCE_PATH}`]: { status: 200, body: { items: [REUTERS, hostile] } } });
    renderSection();
    expect(screen.getByRole("status")).toHaveTextContent("Loading evidence…");
    const items = within(await screen.findByRole("list")).getAllByRole("listitem");

    const reuters = within(items[0] as HTMLElement).getByRole("link", { name: /Reuters: Iran's drones in Ukraine/ });
    expect(reuters).toHaveAttribute("href", REUTERS.url);
    expect(reuters).toHaveAttribute("target", "_blank");
    expect(reuters).toHaveAttribute("rel", "noopener noreferrer");
    expect(items[0]).toHaveTextContent("Supports");
    expect(within(items[0] as HTMLElement).getByText(REUTERS.excerpt ?? "").tagName).toBe("BLOCKQUOTE");

    // No title: the URL is the link text. The excerpt's markup stays text.
    expect(within(items[1] as HTMLElement).getByRole("link", { name: /https:\/\/example\.org/ })).toBeInTheDocument();
    expect(items[1]).toHaveTextContent("Context");
    expect(items[1]).toHaveTextContent('<img src=x onerror="window.__hacked = true"> quoted');
    expect(items[1]?.querySelector("img")).toBeNull();
  });

  it("does not turn a URL of another scheme into a link", async () => {
    stubApi({
      [`GET ${EVIDENCE_PATH}`]: {
        status: 200,
        body: { items: [buildEvidence({ url: "javascript:alert(1)", title: null })] },
      },
    });
    renderSection();
    expect(await screen.findByText("javascript:alert(1)")).toBeInTheDocument();
    expect(screen.queryByRole("link")).not.toBeInTheDocument();
  });

  it("adds evidence, checked with the core schema first, and shows it", async () => {
    const user = userEvent.setup();
    const created = buildEvidence({ id: "evidence-9", title: "UN report", excerpt: null, stance: "contradicts" });
    let items: Evidence[] = [];
    const api = stubApi({
      [`GET ${EVIDENCE_PATH}`]: () => ({ status: 200, body: { items } }),
      [`POST ${EVIDENCE_PATH}`]: () => {
        items = [created];
        return { status: 201, body: created };
      },
    });
    const { queryClient } = renderSection();
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    expect(await screen.findByText(/No evidence yet/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Add evidence" }));
    const url = screen.getByRole("textbox", { name: "URL" });
    expect(url).toHaveFocus();
    expect(url).toHaveAttribute("type", "url");
    expect(url).toBeRequired();

    // Bad input never reaches the server; each error sits next to its field.
    await user.type(url, "javascript:alert(1)");
    await user.click(screen.getByRole("button", { name: "Add evidence" }));
    expect(url).toHaveAttribute("aria-invalid", "true");
    expect(url).toHaveAccessibleDescription("Give a full http:// or https:// URL.");
    expect(url).toHaveFocus();
    expect(api.requestsTo(`POST ${EVIDENCE_PATH}`)).toHaveLength(0);

    await user.clear(url);
    await user.type(url, "https://www.reuters.com/world/iran-drones");
    await user.type(screen.getByRole("textbox", { name: "Title (optional)" }), "  UN report ");
    await user.selectOptions(screen.getByRole("combobox", { name: "Stance" }), "contradicts");
    await user.click(screen.getByRole("button", { name: "Add evidence" }));

    expect(await screen.findByRole("link", { name: /UN report/ })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Evidence added.");
    expect(api.requestsTo(`POST ${EVIDENCE_PATH}`)[0]?.body).toEqual({
      url: "https://www.reuters.com/world/iran-drones",
      title: "UN report",
      excerpt: null,
      stance: "contradicts",
    });
    const invalidated = invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    expect(invalidated).toEqual(expect.arrayContaining([evidenceKeys.ofClaim(CLAIM), historyKeys.ofClaim(CLAIM)]));
  });

  it("shows the server's field errors next to the fields", async () => {
    const user = userEvent.setup();
    stubApi({
      [`GET ${EVIDENCE_PATH}`]: { status: 200, body: { items: [] } },
      [`POST ${EVIDENCE_PATH}`]: errorAnswer(400, "VALIDATION_FAILED", "The body is not valid", {
        issues: [{ path: "excerpt", message: "At most 5000 characters." }],
      }),
    });
    renderSection();
    await user.click(await screen.findByRole("button", { name: "Add evidence" }));
    await user.type(screen.getByRole("textbox", { name: "URL" }), "https://example.org");
    await user.type(screen.getByRole("textbox", { name: "Excerpt (optional)" }), "Quoted");
    await user.click(screen.getByRole("button", { name: "Add evidence" }));
    const excerpt = screen.getByRole("textbox", { name: "Excerpt (optional)" });
    await waitFor(() => expect(excerpt).toHaveAttribute("aria-invalid", "true"));
    expect(excerpt).toHaveAccessibleDescription("At most 5000 characters.");
    expect(screen.queryByRole("listitem")).not.toBeInTheDocument();
  });

  it("edits evidence with If-Match from the row's version, sending only what changed", async () => {
    const user = userEvent.setup();
    const updated = buildEvidence({ stance: "context", version: 4 });
    let current = REUTERS;
    const api = stubApi({
      [`GET ${EVIDENCE_PATH}`]: () => ({ status: 200, body: { items: [current] } }),
      "PATCH /api/evidence/evidence-1": () => {
        current = updated;
        return { status: 200, body: updated };
      },
    });
    renderSection();
    await user.click(await screen.findByRole("button", { name: "Edit evidence “Reuters: Iran's drones in Ukraine”" }));
    expect(screen.getByRole("textbox", { name: "URL" })).toHaveValue(REUTERS.url);
    await user.selectOptions(screen.getByRole("combobox", { name: "Stance" }), "context");
    await user.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(screen.queryByRole("group", { name: "Edit evidence" })).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole("listitem")).toHaveTextContent("Context"));
    const [request] = api.requestsTo("PATCH /api/evidence/evidence-1");
    expect(request?.body).toEqual({ stance: "context" });
    expect(request?.headers.get("If-Match")).toBe('"3"');
  });

  it("tells the reviewer when someone else changed the evidence (412) and shows their version", async () => {
    const user = userEvent.setup();
    const theirs = buildEvidence({ title: "Reuters (updated)", version: 4 });
    stubApi({
      [`GET ${EVIDENCE_PATH}`]: [
        { status: 200, body: { items: [REUTERS] } },
        { status: 200, body: { items: [theirs] } },
      ],
      "PATCH /api/evidence/evidence-1": errorAnswer(412, "PRECONDITION_FAILED", "stale", { current: theirs }),
    });
    renderSection();
    await user.click(await screen.findByRole("button", { name: /Edit evidence/ }));
    const title = screen.getByRole("textbox", { name: "Title (optional)" });
    await user.clear(title);
    await user.type(title, "Mine");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Someone else changed this evidence");
    expect(await screen.findByRole("link", { name: /Reuters \(updated\)/ })).toBeInTheDocument();
    expect(screen.queryByText("Mine")).not.toBeInTheDocument();
  });

  it("removes evidence at once and brings it back with Undo", async () => {
    const user = userEvent.setup();
    let isRemoved = false;
    const api = stubApi({
      [`GET ${EVIDENCE_PATH}`]: () => ({ status: 200, body: { items: isRemoved ? [] : [REUTERS] } }),
      "DELETE /api/evidence/evidence-1": () => {
        isRemoved = true;
        return { status: 200, body: REUTERS };
      },
      "POST /api/evidence/evidence-1/restore": () => {
        isRemoved = false;
        return { status: 200, body: REUTERS };
      },
    });
    renderSection();
    await user.click(
      await screen.findByRole("button", { name: "Remove evidence “Reuters: Iran's drones in Ukraine”" }),
    );
    expect(screen.queryByRole("link", { name: /Reuters/ })).not.toBeInTheDocument();
    expect(await screen.findByRole("status")).toHaveTextContent("Evidence removed.");

    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByRole("link", { name: /Reuters/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Evidence restored."));
    expect(api.requestsTo("POST /api/evidence/evidence-1/restore")).toHaveLength(1);
  });

  it("says when the evidence cannot be loaded", async () => {
    stubApi({ [`GET ${EVIDENCE_PATH}`]: errorAnswer(500, "INTERNAL") });
    renderSection();
    expect(await screen.findByRole("alert")).toHaveTextContent("The evidence could not be loaded.");
  });

  it("Esc closes the add form, back on Add evidence, keeping what was typed for the next time it opens", async () => {
    const user = userEvent.setup();
    stubApi({ [`GET ${EVIDENCE_PATH}`]: { status: 200, body: { items: [] } } });
    renderSection();
    await user.click(await screen.findByRole("button", { name: "Add evidence" }));
    await user.keyboard("{Escape}");
    const add = await screen.findByRole("button", { name: "Add evidence" });
    await waitFor(() => expect(add).toHaveFocus());

    await user.click(add);
    await user.type(screen.getByRole("textbox", { name: "URL" }), "https://www.reuters.com/world");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.getByRole("button", { name: "Add evidence" })).toHaveFocus());
    expect(screen.getByText("Draft kept")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Add evidence" }));
    expect(screen.getByRole("textbox", { name: "URL" })).toHaveValue("https://www.reuters.com/world");
  });
});
