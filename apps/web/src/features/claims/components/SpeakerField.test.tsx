import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { SpeakerField } from "./SpeakerField";

const TEXT = "Iran sold a limited number of drones.";

function renderField(onSave = vi.fn(), speaker: string | null = null, id?: string) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Response.json({ items: ["Hossein Amir-Abdollahian", "Robert Malley", "Sergei Lavrov"] })),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <SpeakerField
        claim={buildClaim(TEXT, "limited number", "unverified", id ? { speaker, id } : { speaker })}
        onSave={onSave}
      />
    </QueryClientProvider>,
  );
  return onSave;
}

afterEach(() => vi.unstubAllGlobals());

describe("SpeakerField", () => {
  it("links the stored speaker to the speaker's record across the newsroom, and nothing without a speaker", async () => {
    renderField(vi.fn(), "Ministère / Défense");
    expect(screen.getByRole("link", { name: "Record of “Ministère / Défense”" })).toHaveAttribute(
      "href",
      `/speakers/by-name/${encodeURIComponent("Ministère / Défense")}`,
    );
    cleanup();
    renderField(vi.fn(), null);
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("suggests, as you type, the speakers already used in the article", async () => {
    const user = userEvent.setup();
    renderField();
    const input = screen.getByRole("combobox", { name: "Speaker" });
    await user.click(input);
    expect(await screen.findAllByRole("option")).toHaveLength(3);
    await user.type(input, "ser");
    expect(screen.getAllByRole("option").map((option) => option.textContent)).toEqual(["Sergei Lavrov"]);
    expect(input).toHaveAttribute("aria-expanded", "true");
  });

  it("does not save a half-typed name on leaving the field: it stays, marked not saved", async () => {
    const user = userEvent.setup();
    const onSave = renderField();
    const input = screen.getByRole("combobox", { name: "Speaker" });
    await user.type(input, "Ser");
    await user.tab();
    expect(onSave).not.toHaveBeenCalled();
    expect(input).toHaveValue("Ser");
    expect(screen.getByText(/Not saved — press Enter to save “Ser”/)).toBeInTheDocument();
  });

  it("saves a suggestion chosen by click, or by arrows and Enter", async () => {
    const user = userEvent.setup();
    const onSave = renderField();
    const input = screen.getByRole("combobox", { name: "Speaker" });
    await user.type(input, "Ser");
    await user.click(await screen.findByRole("option", { name: "Sergei Lavrov" }));
    expect(onSave).toHaveBeenLastCalledWith("Sergei Lavrov");
    await user.clear(input);
    await user.type(input, "mal{ArrowDown}{Enter}");
    expect(onSave).toHaveBeenLastCalledWith("Robert Malley");
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it("saves the trimmed name typed on Enter, and Enter on an emptied field saves no speaker", async () => {
    const user = userEvent.setup();
    const onSave = renderField(vi.fn(), "Someone");
    const input = screen.getByRole("combobox", { name: "Speaker" });
    await user.clear(input);
    await user.type(input, "  Ali Bagheri  {Enter}");
    expect(onSave).toHaveBeenLastCalledWith("Ali Bagheri");
    await user.clear(input);
    await user.keyboard("{Enter}");
    expect(onSave).toHaveBeenLastCalledWith(null);
  });

  it("puts back the stored name on Escape", async () => {
    const user = userEvent.setup();
    const onSave = renderField(vi.fn(), "Robert Malley");
    const input = screen.getByRole("combobox", { name: "Speaker" });
    await user.clear(input);
    await user.type(input, "Rob{Escape}{Escape}");
    expect(input).toHaveValue("Robert Malley");
    expect(onSave).not.toHaveBeenCalled();
  });

  it("takes the one speaker a half-typed name begins on Enter, not the half-typed name", async () => {
    const user = userEvent.setup();
    const onSave = renderField();
    const input = screen.getByRole("combobox", { name: "Speaker" });
    await user.type(input, "Rob");
    await screen.findByRole("option", { name: "Robert Malley" });
    await user.keyboard("{Enter}");
    expect(onSave).toHaveBeenLastCalledWith("Robert Malley");
    expect(onSave).not.toHaveBeenCalledWith("Rob");
  });

  it("keeps a draft when the field goes away unsaved (the card collapses) and brings it back", async () => {
    const user = userEvent.setup();
    renderField(vi.fn(), null, "claim-collapsing");
    await user.type(screen.getByRole("combobox", { name: "Speaker" }), "Ali Bag");
    cleanup();
    renderField(vi.fn(), null, "claim-collapsing");
    expect(screen.getByRole("combobox", { name: "Speaker" })).toHaveValue("Ali Bag");
    expect(screen.getByText(/Not saved/)).toBeInTheDocument();
    await user.click(screen.getByRole("combobox", { name: "Speaker" }));
    await user.keyboard("{Escape}{Escape}");
  });
});
