import type { NewsroomSpeakerDetail, Role } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { SpeakersRoutes } from "./SpeakersRoutes";
import { detailOf, MALLEY, MALLEY_DETAIL, MINISTER, SHORT_MINISTER } from "./speakersTestData";

function renderAt(path: string, role: Role = "reviewer") {
  const location = memoryLocation({ path, record: true });
  renderWithQueryClient(
    <Router hook={location.hook} searchHook={location.searchHook}>
      <SpeakersRoutes />
    </Router>,
    createTestQueryClient(role),
  );
  return location;
}

function section(name: string): HTMLElement {
  return screen.getByRole("region", { name });
}

describe("SpeakerRecordPage", () => {
  it("shows the record by verdict and by month, the spellings, and each claim linking to its place", async () => {
    stubApi({ "GET /api/speakers/s-malley": { status: 200, body: MALLEY_DETAIL } });
    renderAt("/speakers/s-malley", "viewer");
    expect(screen.getByText("Loading the speaker's record…")).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 1, name: "Robert Malley" })).toBeInTheDocument();
    expect(screen.getByText(/3 claims in 2 articles, the latest on/)).toBeInTheDocument();
    const record = section("Record");
    expect(within(record).getByRole("list", { name: "Claims per verdict" })).toHaveTextContent(
      "1 supported2 contradicted0 unverified",
    );
    const table = within(record).getByRole("table", { name: "Robert Malley's claims by month" });
    expect(
      within(table)
        .getAllByRole("row")
        .map((row) => row.textContent),
    ).toEqual(["MonthSupportedContradictedUnverified", "March 2026010", "April 2026000", "May 2026110"]);
    const claims = within(section("Claims")).getAllByRole("listitem");
    expect(claims.map((claim) => within(claim).getByRole("link").getAttribute("href"))).toEqual([
      "/articles/a2?claim=c3",
      "/articles/a1?claim=c2",
      "/articles/a1?claim=c1",
    ]);
    expect(claims[0]).toHaveTextContent("Published");
    expect(claims[1]).toHaveTextContent("as “Malley”");
    expect(within(section("Spellings")).getByText("Malley").closest("li")).toHaveTextContent("1 claim");
  });

  it("is read-only for a viewer: no kind to choose, no spelling to add, nothing to merge", async () => {
    stubApi({ "GET /api/speakers/s-malley": { status: 200, body: MALLEY_DETAIL } });
    renderAt("/speakers/s-malley", "viewer");
    await screen.findByRole("heading", { level: 1, name: "Robert Malley" });
    expect(screen.queryByRole("combobox", { name: "Kind" })).toBeNull();
    expect(section("About")).toHaveTextContent("Kind Person");
    expect(screen.queryByRole("textbox", { name: "Add a spelling" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Merge/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Remove/ })).toBeNull();
  });

  it("saves the kind as soon as a reviewer chooses it", async () => {
    const user = userEvent.setup();
    const api = stubApi({
      "GET /api/speakers/s-minister": { status: 200, body: detailOf(MINISTER) },
      "PATCH /api/speakers/s-minister": ({ body }) => ({
        status: 200,
        body: detailOf({ ...MINISTER, ...(body as Partial<NewsroomSpeakerDetail>) }),
      }),
    });
    renderAt("/speakers/s-minister");
    const kind = await screen.findByRole("combobox", { name: "Kind" });
    expect(kind).toHaveValue("");
    await user.selectOptions(kind, "Organization");
    await waitFor(() =>
      expect(api.requestsTo("PATCH /api/speakers/s-minister")[0]?.body).toEqual({ kind: "Organization" }),
    );
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Kind" })).toHaveValue("Organization"));
  });

  it("adds a spelling, and says to merge when another speaker has it", async () => {
    const user = userEvent.setup();
    const api = stubApi({
      "GET /api/speakers/s-minister": { status: 200, body: detailOf(MINISTER) },
      "PATCH /api/speakers/s-minister": [
        errorAnswer(
          409,
          "CONFLICT",
          "“Amir-Abdollahian” is already an alias of “Amir-Abdollahian”: to make them one speaker, merge the two.",
        ),
        { status: 200, body: detailOf({ ...MINISTER, aliases: ["H. Amir-Abdollahian", "Hossein Amir-Abdollahian"] }) },
      ],
    });
    renderAt("/speakers/s-minister");
    const field = await screen.findByRole("textbox", { name: "Add a spelling" });
    await user.type(field, "Amir-Abdollahian{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("merge the two");
    expect(field).toHaveAttribute("aria-invalid", "true");
    await user.clear(field);
    await user.type(field, "H. Amir-Abdollahian");
    await user.click(screen.getByRole("button", { name: "Add" }));
    expect(await within(section("Spellings")).findByText("H. Amir-Abdollahian")).toBeInTheDocument();
    expect(api.requestsTo("PATCH /api/speakers/s-minister").map((request) => request.body)).toEqual([
      { aliases: ["Hossein Amir-Abdollahian", "Amir-Abdollahian"] },
      { aliases: ["Hossein Amir-Abdollahian", "H. Amir-Abdollahian"] },
    ]);
    expect(field).toHaveValue("");
  });

  it("merges into another speaker after a confirmation, then shows that one's record with the counts added", async () => {
    const user = userEvent.setup();
    const merged = detailOf({
      ...MINISTER,
      aliases: ["Amir-Abdollahian", "Hossein Amir-Abdollahian"],
      claimCount: 3,
      counts: { contradicted: 2, supported: 0, unverified: 1 },
    });
    let isMerged = false;
    const api = stubApi({
      "GET /api/speakers/s-short": { status: 200, body: detailOf(SHORT_MINISTER) },
      "GET /api/speakers": { status: 200, body: { items: [SHORT_MINISTER, MINISTER, MALLEY] } },
      "GET /api/speakers/s-minister": () => ({ status: 200, body: isMerged ? merged : detailOf(MINISTER) }),
      "POST /api/speakers/s-short/merge": () => {
        isMerged = true;
        return { status: 200, body: merged };
      },
    });
    const location = renderAt("/speakers/s-short");
    await user.click(await screen.findByRole("button", { name: "Merge into…" }));
    expect(screen.getByRole("searchbox", { name: "Find the speaker" })).toHaveFocus();
    const into = screen.getByRole("listbox", { name: "Merge into" });
    await within(into).findByRole("option", { name: "Hossein Amir-Abdollahian (2 claims)" });
    expect(within(into).queryByRole("option", { name: /^Amir-Abdollahian/ })).toBeNull();
    await user.selectOptions(into, "s-minister");
    await user.click(screen.getByRole("button", { name: "Merge…" }));
    const confirm = screen.getByRole("button", { name: "Merge" });
    expect(confirm).toHaveFocus();
    expect(confirm).toHaveAccessibleDescription(
      "Merge “Amir-Abdollahian” (1 claim) into “Hossein Amir-Abdollahian” (2 claims)? Its spellings and claims become the other's, and this page goes. The claims keep their spelling.",
    );
    expect(api.requestsTo("POST /api/speakers/s-short/merge")).toEqual([]);
    await user.click(confirm);
    expect(await screen.findByRole("heading", { level: 1, name: "Hossein Amir-Abdollahian" })).toBeInTheDocument();
    expect(location.history?.at(-1)).toBe("/speakers/s-minister");
    expect(api.requestsTo("POST /api/speakers/s-short/merge")[0]?.body).toEqual({ intoId: "s-minister" });
    expect(screen.getByRole("status")).toHaveTextContent(
      "Merged “Amir-Abdollahian” into “Hossein Amir-Abdollahian”: 3 claims now.",
    );
    expect(section("Record")).toHaveTextContent("0 supported2 contradicted1 unverified");
  });

  it("closes the merge form on Escape, focus back on its button", async () => {
    const user = userEvent.setup();
    stubApi({
      "GET /api/speakers/s-short": { status: 200, body: detailOf(SHORT_MINISTER) },
      "GET /api/speakers": { status: 200, body: { items: [SHORT_MINISTER, MINISTER] } },
    });
    renderAt("/speakers/s-short");
    await user.click(await screen.findByRole("button", { name: "Merge into…" }));
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.getByRole("button", { name: "Merge into…" })).toHaveFocus());
  });

  it("says when the speaker is not there, as after a merge", async () => {
    stubApi({ "GET /api/speakers/gone": errorAnswer(404, "NOT_FOUND", 'No speaker with id "gone".') });
    renderAt("/speakers/gone");
    expect(await screen.findByRole("heading", { name: "No such speaker" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("it may have been merged into another");
    expect(screen.getByRole("link", { name: "All speakers" })).toHaveAttribute("href", "/speakers");
  });
});

describe("/speakers/by-name/:name", () => {
  it("opens the record of the speaker a claim's spelling belongs to", async () => {
    const api = stubApi({
      "GET /api/speakers": { status: 200, body: { items: [MALLEY] } },
      "GET /api/speakers/s-malley": { status: 200, body: MALLEY_DETAIL },
    });
    const location = renderAt(`/speakers/by-name/${encodeURIComponent("Malley")}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Robert Malley" })).toBeInTheDocument();
    expect(location.history?.at(-1)).toBe("/speakers/s-malley");
    expect(String(api.fetchMock.mock.calls[0]?.[0])).toContain("q=Malley");
  });

  it("reads a spelling with a slash or accents whole, and says when nobody has it", async () => {
    const api = stubApi({ "GET /api/speakers": { status: 200, body: { items: [] } } });
    renderAt(`/speakers/by-name/${encodeURIComponent("Ministère / Défense")}`);
    expect(await screen.findByRole("heading", { name: "No record for “Ministère / Défense”" })).toBeInTheDocument();
    expect(new URL(String(api.fetchMock.mock.calls[0]?.[0]), "http://x").searchParams.get("q")).toBe(
      "Ministère / Défense",
    );
  });
});
