import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { SpeakersPage } from "./SpeakersPage";
import { MALLEY, MINISTER } from "./speakersTestData";

function renderPage(path = "/speakers") {
  const location = memoryLocation({ path, record: true });
  renderWithQueryClient(
    <Router hook={location.hook} searchHook={location.searchHook}>
      <SpeakersPage />
    </Router>,
  );
  return location;
}

function item(name: string): HTMLElement {
  const link = screen.getByRole("link", { name });
  const row = link.closest("li");
  if (!row) throw new Error(`No row for ${name}.`);
  return row;
}

describe("SpeakersPage", () => {
  it("lists each speaker with its kind, other spellings and claims per verdict, linking to its record", async () => {
    stubApi({ "GET /api/speakers": { status: 200, body: { items: [MINISTER, MALLEY] } } });
    renderPage();
    expect(screen.getByText("Loading the speakers…")).toBeInTheDocument();
    await screen.findByRole("link", { name: "Robert Malley" });
    const malley = item("Robert Malley");
    expect(within(malley).getByRole("link", { name: "Robert Malley" })).toHaveAttribute("href", "/speakers/s-malley");
    expect(malley).toHaveTextContent("Person");
    expect(malley).toHaveTextContent("Also spelled Malley");
    expect(malley).toHaveTextContent("3 claims in 2 articles");
    expect(within(malley).getByRole("img")).toHaveAccessibleName(
      "Robert Malley's claims: 1 supported, 2 contradicted, no unverified",
    );
    expect(item("Hossein Amir-Abdollahian")).toHaveTextContent("Kind not set");
  });

  it("narrows the list as one types, keeping the words in the address", async () => {
    const user = userEvent.setup();
    const api = stubApi({
      "GET /api/speakers": ({ query }) => ({
        status: 200,
        body: { items: query.get("q") === "malley" ? [MALLEY] : [MINISTER, MALLEY] },
      }),
    });
    const location = renderPage();
    await screen.findByRole("link", { name: "Hossein Amir-Abdollahian" });
    await user.type(screen.getByRole("searchbox", { name: "Find a speaker" }), "malley");
    await screen.findByText("1 speaker");
    expect(screen.queryByRole("link", { name: "Hossein Amir-Abdollahian" })).toBeNull();
    expect(location.history?.at(-1)).toBe("/speakers?q=malley");
    expect(api.fetchMock.mock.calls.some(([url]) => String(url).includes("q=malley"))).toBe(true);
  });

  it("says when nobody matches, and when no claim names anyone", async () => {
    stubApi({ "GET /api/speakers": { status: 200, body: { items: [] } } });
    renderPage("/speakers?q=zzz");
    expect(await screen.findByText("No speaker's name or alias holds “zzz”.")).toBeInTheDocument();
  });

  it("says so when the list cannot be loaded", async () => {
    stubApi({ "GET /api/speakers": errorAnswer(500, "INTERNAL", "Something went wrong.") });
    renderPage();
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not load the speakers");
  });
});
