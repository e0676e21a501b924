import type { SpeakerCount } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { SpeakersManager } from "./SpeakersManager";

const SPEAKERS: SpeakerCount[] = [
  { name: "Amir-Abdollahian", claimCount: 1 },
  { name: "Malley", claimCount: 2 },
  { name: "Robert Malley", claimCount: 3 },
];

/** A server that renames like the real one: counts move from one name to the other, merging when both exist. */
function stubSpeakers(initial = SPEAKERS) {
  let speakers = initial;
  return stubApi({
    "GET /api/articles/a1/speakers/counts": () => ({ status: 200, body: { items: speakers } }),
    "POST /api/articles/a1/speakers/rename": ({ body }) => {
      const { from, to } = body as { from: string; to: string };
      const moved = speakers.find((speaker) => speaker.name === from)?.claimCount ?? 0;
      const existing = speakers.find((speaker) => speaker.name === to);
      speakers = [
        ...speakers.filter((speaker) => speaker.name !== from && speaker.name !== to),
        { name: to, claimCount: moved + (existing?.claimCount ?? 0) },
      ].sort((left, right) => left.name.localeCompare(right.name));
      return { status: 200, body: { renamedClaimCount: moved, isMerged: existing !== undefined, items: speakers } };
    },
  });
}

function row(name: string): HTMLElement {
  const item = screen.getByText(name, { selector: ".speakers-manager__name" }).closest("li");
  if (!item) throw new Error(`No row for ${name}.`);
  return item;
}

describe("SpeakersManager", () => {
  it("lists the article's speakers with how many claims name each", async () => {
    stubSpeakers();
    renderWithQueryClient(<SpeakersManager articleId="a1" />);
    await screen.findByText("Robert Malley");
    expect(row("Robert Malley")).toHaveTextContent("3 claims");
    expect(row("Amir-Abdollahian")).toHaveTextContent("1 claim");
  });

  it("renames a speaker in place: the field opens focused, Enter saves, and the list says so", async () => {
    const user = userEvent.setup();
    const api = stubSpeakers();
    renderWithQueryClient(<SpeakersManager articleId="a1" />);
    await user.click(await screen.findByRole("button", { name: "Rename “Amir-Abdollahian”" }));
    const field = screen.getByRole("textbox", { name: "Rename “Amir-Abdollahian” (1 claim) to" });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, "Hossein Amir-Abdollahian{Enter}");
    expect(await screen.findByText("Hossein Amir-Abdollahian")).toBeInTheDocument();
    expect(screen.queryByText("Amir-Abdollahian", { selector: ".speakers-manager__name" })).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent(
      "Renamed “Amir-Abdollahian” to “Hossein Amir-Abdollahian” (1 claim).",
    );
    expect(api.requestsTo("POST /api/articles/a1/speakers/rename")[0]?.body).toEqual({
      from: "Amir-Abdollahian",
      to: "Hossein Amir-Abdollahian",
    });
  });

  it("warns that renaming onto another speaker's name merges the two, and merges", async () => {
    const user = userEvent.setup();
    stubSpeakers();
    renderWithQueryClient(<SpeakersManager articleId="a1" />);
    await user.click(await screen.findByRole("button", { name: "Rename “Malley”" }));
    const field = screen.getByRole("textbox", { name: /Rename “Malley”/ });
    await user.clear(field);
    await user.type(field, "Robert Malley");
    expect(screen.getByText(/“Robert Malley” is already a speaker \(3 claims\): saving merges the two/)).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Merge" }));
    await waitFor(() => expect(row("Robert Malley")).toHaveTextContent("5 claims"));
    expect(screen.getByRole("status")).toHaveTextContent("Merged “Malley” into “Robert Malley” (2 claims).");
  });

  it("merges a speaker into another chosen from the list", async () => {
    const user = userEvent.setup();
    const api = stubSpeakers();
    renderWithQueryClient(<SpeakersManager articleId="a1" />);
    await user.click(await screen.findByRole("button", { name: "Merge “Malley” into another speaker" }));
    const choice = screen.getByRole("combobox", { name: "Merge “Malley” (2 claims) into" });
    expect(choice).toHaveFocus();
    expect(within(choice).queryByRole("option", { name: /^Malley/ })).toBeNull();
    await user.selectOptions(choice, "Robert Malley");
    await user.click(screen.getByRole("button", { name: "Merge" }));
    await waitFor(() => expect(row("Robert Malley")).toHaveTextContent("5 claims"));
    expect(api.requestsTo("POST /api/articles/a1/speakers/rename")[0]?.body).toEqual({
      from: "Malley",
      to: "Robert Malley",
    });
  });

  it("leaves everything as it was on Escape, sending nothing", async () => {
    const user = userEvent.setup();
    const api = stubSpeakers();
    renderWithQueryClient(<SpeakersManager articleId="a1" />);
    await user.click(await screen.findByRole("button", { name: "Rename “Malley”" }));
    await user.type(screen.getByRole("textbox", { name: /Rename “Malley”/ }), "Ser{Escape}");
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(row("Malley")).toHaveTextContent("2 claims");
    expect(api.requestsTo("POST /api/articles/a1/speakers/rename")).toEqual([]);
  });

  it("shows the server's refusal by the field and keeps what was typed", async () => {
    const user = userEvent.setup();
    stubApi({
      "GET /api/articles/a1/speakers/counts": { status: 200, body: { items: SPEAKERS } },
      "POST /api/articles/a1/speakers/rename": errorAnswer(
        404,
        "NOT_FOUND",
        "No claim of this article names “Malley” as its speaker.",
      ),
    });
    renderWithQueryClient(<SpeakersManager articleId="a1" />);
    await user.click(await screen.findByRole("button", { name: "Rename “Malley”" }));
    const field = screen.getByRole("textbox", { name: /Rename “Malley”/ });
    await user.clear(field);
    await user.type(field, "R. Malley{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("No claim of this article names “Malley”");
    expect(field).toHaveValue("R. Malley");
    expect(field).toHaveAttribute("aria-invalid", "true");
  });

  it("shows a viewer the speakers without a way to change them", async () => {
    stubSpeakers();
    renderWithQueryClient(<SpeakersManager articleId="a1" />, createTestQueryClient("viewer"));
    await screen.findByText("Robert Malley");
    expect(screen.queryByRole("button")).toBeNull();
  });
});
