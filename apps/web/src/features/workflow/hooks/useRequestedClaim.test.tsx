import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { useRequestedClaim } from "./useRequestedClaim";

function Page({ claims, reveal }: { claims: { id: string }[] | undefined; reveal: (id: string) => void }) {
  const { missingClaimId } = useRequestedClaim(claims, reveal);
  return <p>{missingClaimId ? `Missing ${missingClaimId}` : "Fine"}</p>;
}

function renderAt(address: string, claims: { id: string }[] | undefined, reveal = vi.fn()) {
  const [path, search = ""] = address.split("?");
  const location = memoryLocation({ path, searchPath: search, static: true });
  const view = render(
    <Router hook={location.hook} searchHook={location.searchHook}>
      <Page claims={claims} reveal={reveal} />
    </Router>,
  );
  const rerender = (next: { id: string }[] | undefined) =>
    view.rerender(
      <Router hook={location.hook} searchHook={location.searchHook}>
        <Page claims={next} reveal={reveal} />
      </Router>,
    );
  return { reveal, rerender };
}

describe("useRequestedClaim", () => {
  it("opens the claim the address names once the claims have loaded, once", () => {
    const { reveal, rerender } = renderAt("/articles/a1?claim=c2", undefined);
    expect(reveal).not.toHaveBeenCalled();
    rerender([{ id: "c1" }, { id: "c2" }]);
    expect(reveal).toHaveBeenCalledExactlyOnceWith("c2");
    rerender([{ id: "c1" }, { id: "c2" }, { id: "c3" }]);
    expect(reveal).toHaveBeenCalledOnce();
    expect(screen.getByText("Fine")).toBeInTheDocument();
  });

  it("says when no claim of the article has that id", () => {
    const { reveal } = renderAt("/articles/a1?claim=gone", [{ id: "c1" }]);
    expect(reveal).not.toHaveBeenCalled();
    expect(screen.getByText("Missing gone")).toBeInTheDocument();
  });

  it("does nothing on an address without a claim", () => {
    const { reveal } = renderAt("/articles/a1", [{ id: "c1" }]);
    expect(reveal).not.toHaveBeenCalled();
    expect(screen.getByText("Fine")).toBeInTheDocument();
  });
});
