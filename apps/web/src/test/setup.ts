import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
  // Each test starts at a bare address: the article page writes the claim selected into it (?claim=).
  window.history.replaceState(null, "", "/");
});

// jsdom lays nothing out, so it has no scrolling; the app scrolls claims into view.
Element.prototype.scrollIntoView ??= () => {};
