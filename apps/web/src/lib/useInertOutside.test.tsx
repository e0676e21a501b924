import { render, screen } from "@testing-library/react";
import { useRef } from "react";
import { describe, expect, it } from "vitest";
import { useInertOutside } from "./useInertOutside";

function Page({ isOpen }: { isOpen: boolean }) {
  const drawerRef = useRef<HTMLElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useInertOutside(isOpen, [drawerRef, closeRef]);
  return (
    <div>
      <header>Header</header>
      <div className="workspace">
        <section aria-label="Article">Text</section>
        <section aria-label="Already inert" inert>
          Hidden before
        </section>
        <button ref={closeRef} type="button">
          Close claims
        </button>
        <aside ref={drawerRef} aria-label="Claims">
          <button type="button">Inside</button>
        </aside>
        <div className="dialog-backdrop">A dialog over it</div>
      </div>
      <p role="status">Claim deleted</p>
    </div>
  );
}

describe("useInertOutside", () => {
  it("makes all but what it keeps inert while active, and gives it back as it was", () => {
    const { rerender } = render(<Page isOpen={false} />);
    expect(document.querySelectorAll("[inert]")).toHaveLength(1);
    rerender(<Page isOpen />);
    expect(screen.getByText("Header")).toHaveAttribute("inert");
    expect(screen.getByRole("region", { name: "Article" })).toHaveAttribute("inert");
    // What it keeps, what is in them, and the dialogs and notices beside it stay in reach.
    for (const reachable of [
      screen.getByRole("complementary", { name: "Claims" }),
      screen.getByRole("button", { name: "Inside" }),
      screen.getByRole("button", { name: "Close claims" }),
      screen.getByText("A dialog over it"),
      screen.getByRole("status"),
    ]) {
      expect(reachable.closest("[inert]")).toBeNull();
    }
    rerender(<Page isOpen={false} />);
    expect(screen.getByText("Header")).not.toHaveAttribute("inert");
    expect(screen.getByText("Hidden before")).toHaveAttribute("inert");
    expect(document.querySelectorAll("[inert]")).toHaveLength(1);
  });
});
