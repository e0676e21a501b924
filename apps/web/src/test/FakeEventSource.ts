import { act } from "@testing-library/react";
import { afterEach, vi } from "vitest";

afterEach(() => {
  vi.unstubAllGlobals();
});

/**
 * A stand-in for the browser's EventSource (jsdom has none), installed on globalThis by
 * `installFakeEventSource`: the app opens it as it would the real one; the test plays the server.
 */
export class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  /** Every stream opened since the last install, oldest first. */
  static opened: FakeEventSource[] = [];
  readyState = 0;

  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }

  close() {
    this.readyState = this.CLOSED;
  }

  /** Sends one event as the server would: its kind, its JSON data and, for a change, its id. */
  send(type: string, data: unknown, id = "") {
    this.readyState = this.OPEN;
    act(() => {
      this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data), lastEventId: id }));
    });
  }

  /** The connection fails; `isFinal` as when the server refused it (a browser does not retry then). */
  fail(isFinal: boolean) {
    this.readyState = isFinal ? this.CLOSED : this.CONNECTING;
    act(() => {
      this.dispatchEvent(new Event("error"));
    });
  }
}

/** Installs FakeEventSource as the global EventSource for one test; answers the stream opened last. */
export function installFakeEventSource() {
  FakeEventSource.opened = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  return {
    latest(): FakeEventSource {
      const source = FakeEventSource.opened.at(-1);
      if (!source) throw new Error("No event stream was opened.");
      return source;
    },
  };
}
