import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DESK_SHORTCUTS, type DeskCommand, keyLabel, useDeskShortcuts } from "./useDeskShortcuts";

function Desk({ handlers }: { handlers: Partial<Record<DeskCommand, () => unknown>> }) {
  useDeskShortcuts(handlers);
  return (
    <>
      <button type="button">A button</button>
      <input aria-label="A field" />
      <textarea aria-label="Rationale" />
    </>
  );
}

describe("useDeskShortcuts", () => {
  it("runs single keys and the two-key sequence g t", async () => {
    const user = userEvent.setup();
    const handlers = { nextClaim: vi.fn(), previousClaim: vi.fn(), goToText: vi.fn(), showShortcuts: vi.fn() };
    render(<Desk handlers={handlers} />);
    await user.keyboard("jjk?gt");
    expect(handlers.nextClaim).toHaveBeenCalledTimes(2);
    expect(handlers.previousClaim).toHaveBeenCalledTimes(1);
    expect(handlers.showShortcuts).toHaveBeenCalledTimes(1);
    expect(handlers.goToText).toHaveBeenCalledTimes(1);
  });

  it("never fires while typing in a field", async () => {
    const user = userEvent.setup();
    const handlers = { nextClaim: vi.fn(), "verdict:supported": vi.fn(), editRationale: vi.fn(), stepBack: vi.fn() };
    render(<Desk handlers={handlers} />);
    await user.type(screen.getByRole("textbox", { name: "A field" }), "jsr{Escape}");
    await user.type(screen.getByRole("textbox", { name: "Rationale" }), "j1r");
    expect(Object.values(handlers).flatMap((handler) => handler.mock.calls)).toEqual([]);
  });

  it("sets verdicts by the same keys that mark a selection (s/1, c/2, u/3)", async () => {
    const user = userEvent.setup();
    const handlers = { "verdict:supported": vi.fn(), "verdict:contradicted": vi.fn(), "verdict:unverified": vi.fn() };
    render(<Desk handlers={handlers} />);
    await user.keyboard("s1c2u3");
    for (const handler of Object.values(handlers)) expect(handler).toHaveBeenCalledTimes(2);
  });

  it("lists every command it runs in one table, so the sheet shows each key", () => {
    const commands = DESK_SHORTCUTS.map((shortcut) => shortcut.command);
    expect(new Set(commands).size).toBe(commands.length);
    for (const command of [
      "goToText",
      "nextClaim",
      "previousClaim",
      "openClaim",
      "linkClaim",
      "editRationale",
      "addEvidence",
      "stepBack",
      "showShortcuts",
    ]) {
      expect(commands).toContain(command);
    }
  });

  it("lists the keys other widgets handle too: Ctrl+Enter, the claim list's arrows, the resize handle's", () => {
    const rows = DESK_SHORTCUTS.map((shortcut) => shortcut.keys.map((keys) => keys.map(keyLabel).join(" ")));
    const labels = rows.flat();
    for (const label of ["Ctrl+Enter", "Ctrl+Z", "↑", "↓", "Home", "End", "←", "→"]) expect(labels).toContain(label);
    for (const shortcut of DESK_SHORTCUTS.filter((candidate) => candidate.keys.flat().some((key) => key.length > 1))) {
      if (["Enter", "Escape"].includes(shortcut.keys[0]?.[0] ?? "")) continue;
      expect(shortcut.isHandledElsewhere).toBe(true);
    }
  });
});
