import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ClaimLiveStatus } from "./ClaimLiveStatus";

const ANA = { id: "ana", name: "Ana Reviewer", claimIds: ["claim-1"] };
const BO = { id: "bo", name: "Bo", claimIds: ["claim-1"] };

describe("ClaimLiveStatus", () => {
  it("says who is looking at the claim and who just changed it", () => {
    render(
      <ClaimLiveStatus lookers={[ANA, BO]} change={{ by: { id: "bo", name: "Bo" }, at: new Date().toISOString() }} />,
    );
    expect(screen.getByText("Ana Reviewer and Bo are looking at this")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Changed by Bo just now");
  });

  it("says it of one person in the singular, and nothing when no one is there", () => {
    const { rerender, container } = render(<ClaimLiveStatus lookers={[ANA]} />);
    expect(container).toHaveTextContent("Ana Reviewer is looking at this");
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
    rerender(<ClaimLiveStatus lookers={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
