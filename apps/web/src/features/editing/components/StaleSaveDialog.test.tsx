import { plainTextToDoc, UNCONCLUDED_ARTICLE } from "@factmark/core";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { describeReanchoring } from "../hooks/useArticleEditing";
import { StaleSaveDialog } from "./StaleSaveDialog";

const theirDoc = plainTextToDoc("Same first.\nTheir second.");
const theirs = {
  id: "a1",
  title: "T",
  sourceUrl: null,
  outlet: null,
  author: null,
  publishedAt: null,
  version: 4,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  doc: theirDoc,
  text: "Same first.\nTheir second.",
  ...UNCONCLUDED_ARTICLE,
};

describe("StaleSaveDialog", () => {
  it("offers to re-apply my edits first, and compares the versions before I overwrite theirs", async () => {
    const user = userEvent.setup();
    const handlers = { onReapplyMine: vi.fn(), onKeepMine: vi.fn(), onCancel: vi.fn() };
    render(<StaleSaveDialog theirs={theirs} mine={plainTextToDoc("Same first.\nMy second.")} {...handlers} />);
    expect(screen.getByRole("alertdialog", { name: "Someone saved a newer version" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Load theirs and re-apply my edits" })).toHaveFocus();
    expect(screen.queryByRole("button", { name: "Save mine over theirs" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Compare the versions" }));
    expect(screen.getByRole("region", { name: "Only in their version" })).toHaveTextContent("Their second.");
    expect(screen.getByRole("region", { name: "Only in yours" })).toHaveTextContent("My second.");
    await user.click(screen.getByRole("button", { name: "Save mine over theirs" }));
    expect(handlers.onKeepMine).toHaveBeenCalled();
  });
});

describe("describeReanchoring", () => {
  it("says how the claims fared", () => {
    expect(describeReanchoring({ exact: 3, moved: 0, fuzzy: 0, orphaned: 0 })).toBe(
      "Saved. Every claim is where it was.",
    );
    expect(describeReanchoring({ exact: 1, moved: 2, fuzzy: 1, orphaned: 1 })).toBe(
      "Saved. Claims: 3 followed their words; 1 of them to changed wording; 1 lost their words and are listed as no longer in the text.",
    );
  });
});
