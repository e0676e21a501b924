import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { EditBar } from "./EditBar";

const SAVED = {
  message: "Saved. Claims: 1 lost their words and are listed as no longer in the text.",
  tone: "info" as const,
};

function renderBar(orphanCount: number) {
  return (
    <EditBar
      isEditing={false}
      isSaving={false}
      status={SAVED}
      onStart={vi.fn()}
      onSave={vi.fn()}
      onCancel={vi.fn()}
      orphanCount={orphanCount}
    />
  );
}

describe("EditBar", () => {
  it("says how the save went, and once the orphan is re-attached the notice goes", () => {
    const { rerender } = render(renderBar(1));
    expect(screen.getByRole("status")).toHaveTextContent("1 lost their words");
    rerender(renderBar(0));
    expect(screen.getByRole("status")).toHaveTextContent(/^$/);
  });

  it("describes the orphans left now when some, not all, are re-attached", () => {
    const { rerender } = render(renderBar(3));
    rerender(renderBar(2));
    expect(screen.getByRole("status")).toHaveTextContent(
      "2 claims are no longer in the text: re-attach or delete them in the list beside it.",
    );
  });

  it("gives focus back to Edit text when Cancel (or Save) leaves Edit text mode from the bar", async () => {
    const bar = (isEditing: boolean) => (
      <EditBar
        isEditing={isEditing}
        isSaving={false}
        status={null}
        onStart={vi.fn()}
        onSave={vi.fn()}
        onCancel={vi.fn()}
      />
    );
    const { rerender } = render(bar(true));
    screen.getByRole("button", { name: "Cancel" }).focus();
    rerender(bar(false));
    expect(screen.getByRole("button", { name: "Edit text" })).toHaveFocus();
  });
});
