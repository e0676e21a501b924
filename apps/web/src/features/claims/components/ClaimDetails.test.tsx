import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { stubApi } from "../../../test/stubApi";
import { ClaimDetails } from "./ClaimDetails";

const TEXT = "Malley said Iran transferred dozens just this summer.";
const ADA = { id: "ada", name: "Ada Admin" };

function renderDetails(claim = buildClaim(TEXT, "transferred dozens just this summer", "contradicted")) {
  // The claim's evidence, history and workflow load beside it; what they answer does not matter here.
  stubApi({});
  return renderWithQueryClient(
    <ClaimDetails
      claim={claim}
      claims={[claim]}
      links={[]}
      isLinking={false}
      pickedClaimId={null}
      onPickClaim={vi.fn()}
      onStartLinking={vi.fn()}
      onStopLinking={vi.fn()}
      onSelectClaim={vi.fn()}
      onChange={vi.fn()}
    />,
  );
}

describe("ClaimDetails", () => {
  it("says who marked the claim, and when", () => {
    renderDetails(
      buildClaim(TEXT, "transferred dozens just this summer", "contradicted", {
        createdBy: ADA,
        createdAt: "2026-02-03T10:00:00.000Z",
      }),
    );
    expect(screen.getByText(/^Marked by/)).toHaveTextContent("Marked by Ada Admin · 3 Feb 2026");
  });

  it("credits an imported claim to the annotation's author, with the importer after", () => {
    renderDetails(
      buildClaim(TEXT, "transferred dozens just this summer", "contradicted", {
        createdBy: ADA,
        originalAuthorName: "Ana Ruiz",
        createdAt: "2025-11-20T08:30:00.000Z",
      }),
    );
    expect(screen.getByText(/^Marked by/)).toHaveTextContent(
      "Marked by Ana Ruiz (imported by Ada Admin) · 20 Nov 2025",
    );
  });
});
