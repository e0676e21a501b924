import { act, renderHook, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NoticeProvider } from "./NoticeProvider";
import { useNotice } from "./useNotice";

function renderNotices() {
  return renderHook(() => useNotice(), { wrapper: NoticeProvider });
}

describe("NoticeProvider", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows a notice to screen readers and dismisses it with its close button", async () => {
    const user = userEvent.setup();
    const { result } = renderNotices();
    act(() => result.current.showNotice({ message: "Claim restored.", tone: "info" }));
    expect(screen.getByRole("status")).toHaveTextContent("Claim restored.");
    expect(result.current.notice).toEqual({ message: "Claim restored.", tone: "info" });
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("status")).toBeNull();
    expect(result.current.notice).toBeNull();
  });

  it("announces an error as an alert, and a newer notice replaces the one showing", () => {
    const { result } = renderNotices();
    act(() => result.current.showNotice({ message: "Claim deleted.", tone: "info" }));
    act(() => result.current.showNotice({ message: "Could not save.", tone: "error" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Could not save.");
    expect(screen.queryByText("Claim deleted.")).toBeNull();
  });

  it("runs the undo a notice offers once, from its button, and closes it", async () => {
    const user = userEvent.setup();
    const undo = vi.fn();
    const { result } = renderNotices();
    act(() => result.current.showNotice({ message: "Claim deleted.", tone: "info", undo }));
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(undo).toHaveBeenCalledOnce();
    expect(screen.queryByRole("status")).toBeNull();
    expect(result.current.undoNotice).toBeNull();
  });

  it("offers the notice's undo to a keyboard shortcut, and nothing once it is gone", () => {
    const undo = vi.fn();
    const { result } = renderNotices();
    expect(result.current.undoNotice).toBeNull();
    act(() => result.current.showNotice({ message: "Claim deleted.", tone: "info", undo }));
    act(() => result.current.undoNotice?.());
    expect(undo).toHaveBeenCalledOnce();
    expect(result.current.notice).toBeNull();
    expect(result.current.undoNotice).toBeNull();
  });

  it("goes by itself after eight seconds, each notice counting its own time", () => {
    vi.useFakeTimers();
    const { result } = renderNotices();
    act(() => result.current.showNotice({ message: "Claim deleted.", tone: "info" }));
    act(() => vi.advanceTimersByTime(5000));
    act(() => result.current.showNotice({ message: "Claim restored.", tone: "info" }));
    act(() => vi.advanceTimersByTime(5000));
    expect(screen.getByRole("status")).toHaveTextContent("Claim restored.");
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("asks for a provider when there is none", () => {
    // React logs the error too; the test only needs it thrown.
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => renderHook(() => useNotice())).toThrow("useNotice needs a NoticeProvider above it.");
    consoleError.mockRestore();
  });
});
