import { type ChangeEnvelope, type ChangePayload, type ClaimHistory, changeEvent } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { articleKeys } from "../../articles/queryKeys";
import { HistoryTimeline } from "./HistoryTimeline";

const TEXT = "Malley said Iran transferred dozens just this summer.";
const CLAIM = buildClaim(TEXT, "transferred dozens just this summer", "contradicted", { id: "claim-3" });
const HISTORY_PATH = "/api/claims/claim-3/history";
const NOW = new Date("2026-03-10T12:00:00.000Z");
const REVIEWER = { id: "local-reviewer", name: "Local reviewer" };

function minutesAgo(minutes: number): string {
  return new Date(NOW.getTime() - minutes * 60_000).toISOString();
}

/** An entry of the claim's history as the API answers it, its change built as the server builds it. */
function buildEvent<Payload extends ChangePayload>(
  id: string,
  minutes: number,
  payload: Payload,
): ChangeEnvelope & Payload {
  return { id, at: minutesAgo(minutes), by: REVIEWER, claimId: CLAIM.id, isUndone: false, ...payload };
}

const CREATED = buildEvent("event-1", 60, changeEvent.claimCreated({ ...CLAIM, verdict: "unverified" }));
const LINKED = buildEvent(
  "event-2",
  30,
  changeEvent.linkAdded(
    { id: "link-1", kind: "contradicts", fromClaimId: CLAIM.id, toClaimId: "claim-1", note: null },
    { id: "claim-1", exact: "a limited number of drones months before the Ukraine war" },
  ),
);
const VERDICT = buildEvent("event-3", 2, changeEvent.verdictChanged("unverified", "contradicted"));
const HISTORY: ClaimHistory = { items: [VERDICT, LINKED, CREATED], undoableEventId: VERDICT.id };

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

function renderTimeline() {
  return renderWithQueryClient(<HistoryTimeline claim={CLAIM} />);
}

describe("HistoryTimeline", () => {
  it("names who originally made an imported change, and the importer as the one who brought it in", async () => {
    const imported = {
      ...VERDICT,
      by: { id: "ines", name: "Ines Importer" },
      originalActorName: "Ana Ruiz",
      at: "2025-01-02T09:00:00.000Z",
    };
    stubApi({ [`GET ${HISTORY_PATH}`]: { status: 200, body: { items: [imported], undoableEventId: null } } });
    renderTimeline();
    const entries = within(await screen.findByRole("list")).getAllByRole("listitem");
    expect(entries.map((entry) => entry.textContent)).toEqual([
      expect.stringMatching(
        /^Ana Ruiz \(imported by Ines Importer\) changed the verdict from Unverified to Contradicted · /,
      ),
    ]);
  });

  it("names the annotation's author after the importer on the entry an annotation import wrote", async () => {
    const importer = { id: "ada", name: "Ada Admin" };
    const imported = { ...buildEvent("event-9", 5, changeEvent.claimImported(CLAIM)), by: importer };
    stubApi({ [`GET ${HISTORY_PATH}`]: { status: 200, body: { items: [imported], undoableEventId: null } } });
    renderWithQueryClient(
      <HistoryTimeline claim={{ ...CLAIM, createdBy: importer, originalAuthorName: "Ana Ruiz" }} />,
    );
    const entries = within(await screen.findByRole("list")).getAllByRole("listitem");
    expect(entries.map((entry) => entry.textContent)).toEqual([
      "Ada Admin imported the claim as Contradicted, originally by Ana Ruiz · 5 min ago",
    ]);
  });

  it("lists who changed what and when, newest first", async () => {
    stubApi({ [`GET ${HISTORY_PATH}`]: { status: 200, body: { ...HISTORY, items: [CREATED, VERDICT, LINKED] } } });
    renderTimeline();
    expect(screen.getByRole("status")).toHaveTextContent("Loading history…");
    const entries = within(await screen.findByRole("list")).getAllByRole("listitem");
    expect(entries.map((entry) => entry.textContent)).toEqual([
      "Local reviewer changed the verdict from Unverified to Contradicted · 2 min ago",
      "Local reviewer linked it as contradicting “a limited number of drones months before the Ukraine war” · 30 min ago",
      "Local reviewer marked the claim as Unverified · 1 hour ago",
    ]);
    const time = within(entries[0] as HTMLElement).getByText("2 min ago");
    expect(time.tagName).toBe("TIME");
    expect(time).toHaveAttribute("dateTime", VERDICT.at);
  });

  it("marks entries that were undone, an undo stored without values among them", async () => {
    // An undo row written before undos carried values: the verdict change it reverted says what it put back.
    const undo = buildEvent("event-4", 1, {
      action: "claim.undone",
      from: { eventId: VERDICT.id, action: VERDICT.action },
    });
    stubApi({
      [`GET ${HISTORY_PATH}`]: {
        status: 200,
        body: { items: [undo, { ...VERDICT, isUndone: true }, LINKED, CREATED], undoableEventId: LINKED.id },
      },
    });
    renderTimeline();
    const entries = within(await screen.findByRole("list")).getAllByRole("listitem");
    expect(entries[0]).toHaveTextContent(
      "Local reviewer restored the verdict to Unverified (undo of the change to Contradicted) · 1 min ago",
    );
    expect(entries[1]).toHaveTextContent("(undone)");
    expect(entries[1]?.querySelector("s")).toHaveTextContent("changed the verdict from Unverified to Contradicted");
    expect(entries[2]?.querySelector("s")).toBeNull();
  });

  it("says what an undo put back from the undo entry alone", async () => {
    const reverted = buildEvent("event-0", 90, changeEvent.verdictChanged("supported", "unverified"));
    const undo = buildEvent("event-4", 1, changeEvent.undone(reverted));
    stubApi({ [`GET ${HISTORY_PATH}`]: { status: 200, body: { items: [undo, CREATED], undoableEventId: null } } });
    renderTimeline();
    const entries = within(await screen.findByRole("list")).getAllByRole("listitem");
    expect(entries[0]).toHaveTextContent(
      "Local reviewer restored the verdict to Supported (undo of the change to Unverified) · 1 min ago",
    );
  });

  it("undoes the last change it shows, then shows the history as it is now", async () => {
    const user = userEvent.setup();
    const undo = buildEvent("event-4", 0, changeEvent.undone(VERDICT));
    let history = HISTORY;
    const api = stubApi({
      [`GET ${HISTORY_PATH}`]: () => ({ status: 200, body: history }),
      [`POST ${HISTORY_PATH}/undo`]: () => {
        history = { items: [undo, { ...VERDICT, isUndone: true }, LINKED, CREATED], undoableEventId: LINKED.id };
        return { status: 200, body: { undone: { ...VERDICT, isUndone: true }, event: undo, claim: CLAIM } };
      },
    });
    const { queryClient } = renderTimeline();
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");

    const button = await screen.findByRole("button", { name: "Undo last change" });
    expect(button).toHaveAccessibleDescription("Undoes: changed the verdict from Unverified to Contradicted");
    await user.click(button);

    expect(await screen.findByRole("status")).toHaveTextContent(
      "Undone: changed the verdict from Unverified to Contradicted.",
    );
    expect(api.requestsTo(`POST ${HISTORY_PATH}/undo`)[0]?.body).toEqual({ eventId: VERDICT.id });
    const invalidated = invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    expect(invalidated).toEqual(expect.arrayContaining([articleKeys.ofArticle(CLAIM.articleId), articleKeys.list()]));
    await waitFor(() => expect(screen.getAllByRole("listitem")).toHaveLength(4));
    expect(screen.getByRole("button", { name: "Undo last change" })).toHaveAccessibleDescription(
      /^Undoes: linked it as contradicting/,
    );
  });

  it("says so when the claim changed since (409) and shows the history as it is", async () => {
    const user = userEvent.setup();
    stubApi({
      [`GET ${HISTORY_PATH}`]: { status: 200, body: HISTORY },
      [`POST ${HISTORY_PATH}/undo`]: errorAnswer(409, "CONFLICT", "server words", { undoableEventId: "event-9" }),
    });
    renderTimeline();
    await user.click(await screen.findByRole("button", { name: "Undo last change" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This claim changed since you looked");
  });

  it("words an entry the server could not read by what it says it was", async () => {
    // A row of a kind newer than this code (or values that fit no shape), answered as unreadable.
    const unreadable = {
      id: "event-5",
      at: minutesAgo(5),
      by: REVIEWER,
      claimId: CLAIM.id,
      action: "unreadable",
      storedAction: "claim.translated",
      to: "fr",
    };
    stubApi({
      [`GET ${HISTORY_PATH}`]: { status: 200, body: { items: [unreadable, CREATED], undoableEventId: null } },
    });
    renderTimeline();
    const entries = within(await screen.findByRole("list")).getAllByRole("listitem");
    expect(entries[0]).toHaveTextContent("Local reviewer made a change · 5 min ago");
  });

  it("offers no undo when there is nothing to undo", async () => {
    stubApi({ [`GET ${HISTORY_PATH}`]: { status: 200, body: { items: [CREATED], undoableEventId: null } } });
    renderTimeline();
    await screen.findByRole("list");
    expect(screen.queryByRole("button", { name: "Undo last change" })).not.toBeInTheDocument();
  });

  it("shows an empty history and a failed load", async () => {
    stubApi({ [`GET ${HISTORY_PATH}`]: { status: 200, body: { items: [], undoableEventId: null } } });
    const { unmount } = renderTimeline();
    expect(await screen.findByText("No changes recorded yet.")).toBeInTheDocument();
    unmount();

    stubApi({ [`GET ${HISTORY_PATH}`]: errorAnswer(500, "INTERNAL") });
    renderTimeline();
    expect(await screen.findByRole("alert")).toHaveTextContent("The history could not be loaded.");
  });
});
