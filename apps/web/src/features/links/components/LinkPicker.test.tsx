import type { Link } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { claimKeys } from "../../claims/queryKeys";
import { linkKeys } from "../queryKeys";
import { LinkPicker, type LinkPickerProps } from "./LinkPicker";

const TEXT =
  "Iran sold a limited number of drones months before the Ukraine war. Malley said Iran transferred dozens just this summer. Iravani called it totally unfounded.";
const FROM = buildClaim(TEXT, "a limited number of drones months before the Ukraine war", "contradicted", {
  speaker: "Hossein Amir-Abdollahian",
});
const DOZENS = buildClaim(TEXT, "transferred dozens just this summer", "supported", { speaker: "Robert Malley" });
const UNFOUNDED = buildClaim(TEXT, "totally unfounded", "contradicted", { speaker: "Amir Saeid Iravani" });
const CLAIMS = [FROM, DOZENS, UNFOUNDED];

const LINK: Link = {
  id: "link-1",
  articleId: "article-1",
  fromClaimId: FROM.id,
  toClaimId: DOZENS.id,
  kind: "contradicts",
  note: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  createdBy: { id: "local-reviewer", name: "Local reviewer" },
};

/** The picker as the integrator holds it: the picked claim is state outside it. */
function Harness({ initialPick = null, onClose }: { initialPick?: string | null; onClose: () => void }) {
  const [pickedClaimId, setPickedClaimId] = useState<string | null>(initialPick);
  const props: LinkPickerProps = {
    fromClaim: FROM,
    claims: CLAIMS,
    pickedClaimId,
    onPickClaim: setPickedClaimId,
    onClose,
  };
  return <LinkPicker {...props} />;
}

function renderPicker(initialPick: string | null = null) {
  const onClose = vi.fn();
  const rendered = renderWithQueryClient(<Harness initialPick={initialPick} onClose={onClose} />);
  return { ...rendered, onClose };
}

describe("LinkPicker", () => {
  it("offers the other claims of the article, never the claim itself, and filters them by quote or speaker", async () => {
    const user = userEvent.setup();
    renderPicker();
    const dialog = screen.getByRole("dialog", { name: "Link this claim" });
    expect(dialog).toHaveAttribute("aria-modal", "false");
    const candidates = within(screen.getByRole("group", { name: "Claim to link to" }));
    expect(candidates.getAllByRole("radio").map((radio) => radio.closest("label")?.textContent)).toEqual([
      "“transferred dozens just this summer” — Robert Malley",
      "“totally unfounded” — Amir Saeid Iravani",
    ]);
    expect(screen.getByRole("searchbox", { name: "Find a claim" })).toHaveFocus();

    await user.type(screen.getByRole("searchbox", { name: "Find a claim" }), "iravani");
    expect(candidates.getAllByRole("radio")).toHaveLength(1);
    expect(candidates.getByRole("radio", { name: /totally unfounded/ })).toBeInTheDocument();

    await user.clear(screen.getByRole("searchbox", { name: "Find a claim" }));
    await user.type(screen.getByRole("searchbox", { name: "Find a claim" }), "DOZENS summer");
    expect(candidates.getAllByRole("radio")).toHaveLength(1);

    await user.type(screen.getByRole("searchbox", { name: "Find a claim" }), " nowhere");
    expect(screen.getByText("No other claim matches “DOZENS summer nowhere”.")).toBeInTheDocument();
  });

  it("links the picked claim as contradicting by default, with the note, and closes", async () => {
    const user = userEvent.setup();
    const api = stubApi({
      "POST /api/articles/article-1/links": { status: 201, body: { ...LINK, note: "Dates differ" } },
    });
    const { onClose, queryClient } = renderPicker();
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");

    expect(screen.getByRole("button", { name: "Link" })).toBeDisabled();
    await user.click(screen.getByRole("radio", { name: /transferred dozens/ }));
    expect(screen.getByText("Linking to “transferred dozens just this summer”")).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Contradicts" })).toBeChecked();
    await user.type(screen.getByRole("textbox", { name: "Note (optional)" }), "  Dates differ ");
    await user.click(screen.getByRole("button", { name: "Link" }));

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(api.requestsTo("POST /api/articles/article-1/links")[0]?.body).toEqual({
      fromClaimId: FROM.id,
      toClaimId: DOZENS.id,
      kind: "contradicts",
      note: "Dates differ",
    });
    const invalidated = invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    expect(invalidated).toEqual(
      expect.arrayContaining([linkKeys.ofArticle("article-1"), claimKeys.everyClaim("article-1")]),
    );
  });

  it("takes a claim picked by clicking its highlight, and links it as supporting", async () => {
    const user = userEvent.setup();
    const api = stubApi({ "POST /api/articles/article-1/links": { status: 201, body: { ...LINK, kind: "supports" } } });
    const { onClose } = renderPicker(UNFOUNDED.id);
    expect(screen.getByRole("radio", { name: /totally unfounded/ })).toBeChecked();
    await user.click(screen.getByRole("radio", { name: "Supports" }));
    await user.click(screen.getByRole("button", { name: "Link" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.requestsTo("POST /api/articles/article-1/links")[0]?.body).toEqual({
      fromClaimId: FROM.id,
      toClaimId: UNFOUNDED.id,
      kind: "supports",
    });
  });

  it("ignores a pick of the claim itself", () => {
    renderPicker(FROM.id);
    expect(screen.getByRole("button", { name: "Link" })).toBeDisabled();
  });

  it("says so when the pair is already linked that way, by the error code, and stays open", async () => {
    const user = userEvent.setup();
    stubApi({
      "POST /api/articles/article-1/links": errorAnswer(409, "CONFLICT", "Some server wording", { current: LINK }),
    });
    const { onClose } = renderPicker(DOZENS.id);
    await user.click(screen.getByRole("button", { name: "Link" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("These claims are already linked that way.");
    expect(screen.queryByText("Some server wording")).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();

    // The error is about that pair and kind: choosing another kind clears it.
    await user.click(screen.getByRole("radio", { name: "Supports" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("explains a refused link (422) by its reason", async () => {
    const user = userEvent.setup();
    stubApi({
      "POST /api/articles/article-1/links": errorAnswer(422, "UNPROCESSABLE", "x", { reason: "claim_deleted" }),
    });
    renderPicker(DOZENS.id);
    await user.click(screen.getByRole("button", { name: "Link" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("One of these claims was deleted.");
  });

  it("shows a too-long note next to the field without calling the server", async () => {
    const user = userEvent.setup();
    const api = stubApi({});
    renderPicker(DOZENS.id);
    const note = screen.getByRole("textbox", { name: "Note (optional)" });
    await user.click(note);
    await user.paste("x".repeat(2001));
    await user.click(screen.getByRole("button", { name: "Link" }));
    expect(note).toHaveAttribute("aria-invalid", "true");
    expect(note).toHaveAccessibleDescription("At most 2000 characters.");
    expect(api.fetchMock).not.toHaveBeenCalled();
  });

  it("closes on Escape and on Cancel", async () => {
    const user = userEvent.setup();
    const { onClose } = renderPicker();
    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it("links by keyboard from the focused search: arrows pick a claim listed, Enter links it", async () => {
    const user = userEvent.setup();
    const api = stubApi({ "POST /api/articles/article-1/links": { status: 201, body: LINK } });
    const { onClose } = renderPicker();
    expect(screen.getByRole("searchbox", { name: /Find a claim/ })).toHaveFocus();
    await user.keyboard("iravani{ArrowDown}{Enter}");
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.requestsTo("POST /api/articles/article-1/links")[0]?.body).toEqual({
      fromClaimId: FROM.id,
      toClaimId: UNFOUNDED.id,
      kind: "contradicts",
    });
  });

  it("shows its whole search placeholder", () => {
    renderPicker();
    const placeholder = screen.getByRole("searchbox", { name: /Find a claim/ }).getAttribute("placeholder") ?? "";
    // The sidebar's narrowest search box shows about 20 characters.
    expect(placeholder.length).toBeLessThanOrEqual(20);
  });
});
