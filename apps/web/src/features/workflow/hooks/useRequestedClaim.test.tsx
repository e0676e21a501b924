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

/** The page at `address` with a claim selected as `selectedClaimId` says; the address's history is recorded. */
function SelectingPage({ selectedClaimId, reveal }: { selectedClaimId: string | null; reveal: (id: string) => void }) {
  useRequestedClaim([{ id: "c1" }, { id: "c2" }], reveal, selectedClaimId);
  return null;
}

function renderSelectingAt(address: string) {
  const [path, search = ""] = address.split("?");
  const location = memoryLocation({ path, searchPath: search, record: true });
  const reveal = vi.fn();
  const page = (selectedClaimId: string | null) => (
    <Router hook={location.hook} searchHook={location.searchHook}>
      <SelectingPage selectedClaimId={selectedClaimId} reveal={reveal} />
    </Router>
  );
  const view = render(page(null));
  return { history: location.history as string[], reveal, select: (id: string | null) => view.rerender(page(id)) };
}

describe("useRequestedClaim, the address following the selection", () => {
  it("names the claim the reviewer moves to, in place of the one it named, without a new history entry", () => {
    const { history, reveal, select } = renderSelectingAt("/articles/a1?claim=c1");
    select("c1");
    expect(history).toEqual(["/articles/a1?claim=c1"]);
    select("c2");
    expect(history).toEqual(["/articles/a1?claim=c2"]);
    // The address changed by the selection does not open the claim again.
    expect(reveal).toHaveBeenCalledExactlyOnceWith("c1");
  });

  it("loses the claim when nothing is selected any more, keeping the rest of the address", () => {
    const { history, select } = renderSelectingAt("/articles/a1?tab=x&claim=c1");
    select("c1");
    select(null);
    expect(history).toEqual(["/articles/a1?tab=x"]);
  });

  it("names a claim selected on an address that named none", () => {
    const { history, select } = renderSelectingAt("/articles/a1");
    select("c2");
    expect(history).toEqual(["/articles/a1?claim=c2"]);
  });

  it("keeps the claim asked for until the claims have loaded and it is selected", () => {
    const { history } = renderSelectingAt("/articles/a1?claim=c1");
    expect(history).toEqual(["/articles/a1?claim=c1"]);
  });
});
