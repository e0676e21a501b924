import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { SpeakerField } from "./SpeakerField";

const TEXT = "Iran sold a limited number of drones.";

function renderField(onSave = vi.fn(), speaker: string | null = null) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Response.json({ items: ["Hossein Amir-Abdollahian", "Robert Malley"] })),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <SpeakerField claim={buildClaim(TEXT, "limited number", "unverified", { speaker })} onSave={onSave} />
    </QueryClientProvider>,
  );
  return onSave;
}

afterEach(() => vi.unstubAllGlobals());

describe("SpeakerField", () => {
  it("suggests the speakers already used in the article", async () => {
    renderField();
    const options = await screen.findAllByRole("option", { hidden: true });
    expect(options.map((option) => option.getAttribute("value"))).toEqual([
      "Hossein Amir-Abdollahian",
      "Robert Malley",
    ]);
    expect(screen.getByRole("combobox", { name: "Speaker" })).toHaveAttribute("list");
  });

  it("saves the trimmed name on Enter, and clearing it saves no speaker", async () => {
    const user = userEvent.setup();
    const onSave = renderField(vi.fn(), "Someone");
    const input = screen.getByRole("combobox", { name: "Speaker" });
    await user.clear(input);
    await user.type(input, "  Robert Malley  {Enter}");
    expect(onSave).toHaveBeenLastCalledWith("Robert Malley");
    await user.clear(input);
    await user.tab();
    expect(onSave).toHaveBeenLastCalledWith(null);
  });

  it("does not save when nothing changed", async () => {
    const user = userEvent.setup();
    const onSave = renderField(vi.fn(), "Robert Malley");
    await user.click(screen.getByRole("combobox", { name: "Speaker" }));
    await user.tab();
    expect(onSave).not.toHaveBeenCalled();
  });
});
