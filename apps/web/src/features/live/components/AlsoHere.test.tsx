import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AlsoHere } from "./AlsoHere";

const ANA = { id: "ana", name: "Ana Reviewer", claimIds: [] };
const BO = { id: "bo", name: "Bo", claimIds: ["claim-1"] };

describe("AlsoHere", () => {
  it("lists the others as initials, each named on hover and to screen readers", () => {
    render(<AlsoHere viewers={[ANA, BO]} />);
    const items = within(screen.getByRole("list", { name: "Also here" })).getAllByRole("listitem");
    expect(items.map((item) => item.getAttribute("title"))).toEqual(["Ana Reviewer", "Bo"]);
    expect(items.map((item) => item.querySelector("[aria-hidden]")?.textContent)).toEqual(["AR", "B"]);
    expect(items[0]).toHaveTextContent("Ana Reviewer");
  });

  it("shows nothing when no one else is here", () => {
    const { container } = render(<AlsoHere viewers={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
