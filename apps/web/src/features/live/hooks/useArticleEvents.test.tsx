import type { Claim, ClaimList, LiveChange } from "@factmark/core";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { isPendingId } from "../../../lib/pendingId";
import { buildClaim } from "../../../test/buildClaim";
import { installFakeEventSource } from "../../../test/FakeEventSource";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { stubApi } from "../../../test/stubApi";
import { useClaimsQuery } from "../../claims/hooks/useClaimsQuery";
import { useCreateClaimMutation } from "../../claims/hooks/useCreateClaimMutation";
import { AlsoHere } from "../components/AlsoHere";
import { useArticleEvents } from "./useArticleEvents";

const TEXT = "Iran sold a limited number of drones, said Amir-Abdollahian; Malley said dozens.";
const CLAIMS_ROUTE = "GET /api/articles/article-1/claims";
const ANA = { id: "ana", name: "Ana Reviewer" };
// renderWithQueryClient signs in an admin with this id.
const ME = { id: "test-admin", name: "Test admin" };

const sold = buildClaim(TEXT, "Iran sold");
const dozens = buildClaim(TEXT, "dozens");

function change(changeNumber: number, actions: string[], claimIds: string[], by = ANA): LiveChange {
  return { changeNumber, actions, claimIds, by };
}

/** The article page as far as the stream goes: the claims, who else is here, the notes on claims. */
function LiveClaims({ markable }: { markable?: Claim }) {
  const { data = [] } = useClaimsQuery("article-1");
  const live = useArticleEvents("article-1");
  const createMutation = useCreateClaimMutation("article-1");
  return (
    <>
      <AlsoHere viewers={live.others} />
      <ul aria-label="Claims">
        {data.map((claim) => (
          <li key={claim.id}>
            {`${claim.selectors.quote.exact}: ${claim.verdict}${isPendingId(claim.id) ? " (pending)" : ""}`}
            {live.changesByOthers.has(claim.id) && ` — changed by ${live.changesByOthers.get(claim.id)?.by.name}`}
          </li>
        ))}
      </ul>
      {markable && (
        <button
          type="button"
          onClick={() => createMutation.mutate({ selectors: markable.selectors, verdict: markable.verdict })}
        >
          Mark
        </button>
      )}
    </>
  );
}

function claimTexts() {
  return screen.getAllByRole("listitem").map((item) => item.textContent);
}

/** A server whose whole list is `claims` (cursor 3) and which answers each `since` from `changesSince`. */
function stubClaims(
  claims: Claim[],
  changesSince: Record<string, ClaimList>,
  routes: Parameters<typeof stubApi>[0] = {},
) {
  const sinceAsked: (string | null)[] = [];
  const api = stubApi({
    [CLAIMS_ROUTE]: ({ query }) => {
      const since = query.get("since");
      sinceAsked.push(since);
      if (since === null) return { status: 200, body: { items: claims, deletedIds: [], cursor: 3 } };
      return { status: 200, body: changesSince[since] ?? { items: [], deletedIds: [], cursor: Number(since) } };
    },
    ...routes,
  });
  return { api, sinceAsked };
}

describe("useArticleEvents", () => {
  it("opens the article's stream, and merges another reviewer's change into the claims through since", async () => {
    const events = installFakeEventSource();
    const { sinceAsked } = stubClaims([sold, dozens], {
      "3": { items: [{ ...dozens, verdict: "contradicted", version: 2 }], deletedIds: [sold.id], cursor: 4 },
    });
    const { unmount } = renderWithQueryClient(<LiveClaims />);
    await waitFor(() => expect(claimTexts()).toEqual(["Iran sold: unverified", "dozens: unverified"]));
    const stream = events.latest();
    expect(stream.url).toBe("/api/articles/article-1/events");

    stream.send("hello", { connectionId: "c1", changeNumber: 3 });
    stream.send("change", change(4, ["claim.verdict_changed", "claim.deleted"], [dozens.id, sold.id]), "4");

    await waitFor(() => expect(claimTexts()).toEqual(["dozens: contradicted — changed by Ana Reviewer"]));
    expect(sinceAsked).toEqual([null, "3"]);
    unmount();
    expect(stream.readyState).toBe(stream.CLOSED);
  });

  it("reads what changed before the stream opened, which comes in no change event", async () => {
    const events = installFakeEventSource();
    const { sinceAsked } = stubClaims([sold], { "3": { items: [dozens], deletedIds: [], cursor: 5 } });
    renderWithQueryClient(<LiveClaims />);
    await waitFor(() => expect(claimTexts()).toEqual(["Iran sold: unverified"]));
    events.latest().send("hello", { connectionId: "c1", changeNumber: 5 });
    await waitFor(() => expect(claimTexts()).toEqual(["Iran sold: unverified", "dozens: unverified"]));
    expect(sinceAsked).toEqual([null, "3"]);
  });

  it("keeps the reviewer's own pending claim through a live refresh, and shows both claims once it is saved", async () => {
    const user = userEvent.setup();
    const events = installFakeEventSource();
    const limited = buildClaim(TEXT, "a limited number of drones", "contradicted");
    const { api, sinceAsked } = stubClaims(
      [sold],
      {
        // Asked after the mark settles: the stored claim and the other reviewer's.
        "3": { items: [limited, dozens], deletedIds: [], cursor: 5 },
      },
      { "POST /api/articles/article-1/claims": { status: 201, body: limited } },
    );
    // The server takes its time to store the claim: the change from the other reviewer comes first.
    let store = () => {};
    const stored = new Promise<void>((resolve) => {
      store = resolve;
    });
    vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === "POST") await stored;
      return api.fetchMock(input, init);
    });
    renderWithQueryClient(<LiveClaims markable={limited} />);
    await waitFor(() => expect(claimTexts()).toEqual(["Iran sold: unverified"]));
    const stream = events.latest();
    stream.send("hello", { connectionId: "c1", changeNumber: 3 });

    await user.click(screen.getByRole("button", { name: "Mark" }));
    expect(claimTexts()).toEqual(["Iran sold: unverified", "a limited number of drones: contradicted (pending)"]);
    stream.send("change", change(4, ["claim.created"], [dozens.id]), "4");
    // Long enough for a refresh to have gone out, had it not waited for the mark.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(claimTexts()).toEqual(["Iran sold: unverified", "a limited number of drones: contradicted (pending)"]);
    expect(sinceAsked).toEqual([null]);

    store();
    await waitFor(() =>
      expect(claimTexts()).toEqual([
        "Iran sold: unverified",
        "a limited number of drones: contradicted",
        "dozens: unverified — changed by Ana Reviewer",
      ]),
    );
    expect(sinceAsked.slice(0, 2)).toEqual([null, "3"]);
  });

  it("notes no change of the reviewer's own (another tab of theirs), but still refreshes", async () => {
    const events = installFakeEventSource();
    const { sinceAsked } = stubClaims([sold], { "3": { items: [dozens], deletedIds: [], cursor: 4 } });
    renderWithQueryClient(<LiveClaims />);
    await waitFor(() => expect(claimTexts()).toHaveLength(1));
    events.latest().send("change", change(4, ["claim.created"], [dozens.id], ME), "4");
    await waitFor(() => expect(claimTexts()).toEqual(["Iran sold: unverified", "dozens: unverified"]));
    expect(sinceAsked).toEqual([null, "3"]);
  });

  it("shows who else has the article open, never the reviewer themself", async () => {
    const events = installFakeEventSource();
    stubClaims([sold], {});
    renderWithQueryClient(<LiveClaims />);
    events.latest().send("presence", {
      viewers: [ANA, ME].map((viewer) => ({ ...viewer, claimIds: [] })),
    });
    const alsoHere = await screen.findByRole("list", { name: "Also here" });
    expect(alsoHere).toHaveTextContent("Ana Reviewer");
    expect(alsoHere).not.toHaveTextContent(ME.name);
  });

  it("asks who is signed in again when the stream says the session ended, and closes it", async () => {
    const events = installFakeEventSource();
    const { api } = stubClaims(
      [sold],
      {},
      { "GET /api/auth/me": { status: 200, body: { user: null, isSetupRequired: false } } },
    );
    renderWithQueryClient(<LiveClaims />);
    const stream = events.latest();
    stream.send("signed-out", {});
    expect(stream.readyState).toBe(stream.CLOSED);
    await waitFor(() => expect(api.requestsTo("GET /api/auth/me")).toHaveLength(1));
  });

  it("asks who is signed in again when the server refuses the stream, not when the connection only drops", async () => {
    const events = installFakeEventSource();
    const { api } = stubClaims(
      [sold],
      {},
      { "GET /api/auth/me": { status: 200, body: { user: null, isSetupRequired: false } } },
    );
    renderWithQueryClient(<LiveClaims />);
    events.latest().fail(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.requestsTo("GET /api/auth/me")).toHaveLength(0);
    events.latest().fail(true);
    await waitFor(() => expect(api.requestsTo("GET /api/auth/me")).toHaveLength(1));
  });
});
