import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RationaleView } from "./RationaleView";

declare global {
  interface Window {
    hasRunInjectedScript?: boolean;
  }
}

describe("RationaleView", () => {
  it("shows markup in a rationale as text and runs none of it", () => {
    const rationale =
      '<script>window.hasRunInjectedScript = true</script>\n\n<img src="x" onerror="window.hasRunInjectedScript = true">';
    const { container } = render(<RationaleView text={rationale} />);
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("[onerror]")).toBeNull();
    expect(screen.getByText(/<script>window.hasRunInjectedScript = true<\/script>/)).toBeInTheDocument();
    expect(window.hasRunInjectedScript).toBeUndefined();
  });

  it("renders paragraphs, lists and http links, which open in a new tab without an opener", () => {
    const { container } = render(
      <RationaleView text={"Iran's own statements disagree.\n\n- UN letter: https://un.org/letter\n- EU sanctions"} />,
    );
    expect(container.querySelectorAll("p")).toHaveLength(1);
    expect(container.querySelectorAll("ul > li")).toHaveLength(2);
    const link = screen.getByRole("link", { name: "https://un.org/letter" });
    expect(link).toHaveAttribute("href", "https://un.org/letter");
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
  });

  it("never links a javascript: URL", () => {
    render(<RationaleView text="[press](javascript:alert(1))" />);
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("shows *emphasis* and **strong** words as emphasis, as every report format does", () => {
    const { container } = render(<RationaleView text={"The ministry said *never*; the envoy said **dozens**."} />);
    expect(container.querySelector("em")).toHaveTextContent("never");
    expect(container.querySelector("strong")).toHaveTextContent("dozens");
    expect(container).not.toHaveTextContent("*");
  });
});
