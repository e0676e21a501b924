import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { AppError } from "@factmark/core";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { validator } from "hono/validator";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../env";
import { listApiRoutes } from "../routes/listApiRoutes";
import { createTestApp } from "../test/createTestApp";
import { acceptJson, isBodyPolicy } from "./acceptBody";

describe("acceptJson and acceptMultipart", () => {
  it("are declared by every route that writes, so each limits its body and checks its media type", async () => {
    const { app } = await createTestApp();
    const writes = listApiRoutes(app).filter((route) => route.method !== "GET");
    const undeclared = writes.filter((route) => !route.handlers.some(isBodyPolicy)).map((route) => route.name);
    expect(writes.length).toBeGreaterThan(20);
    expect(undeclared).toEqual([]);
  });
});

describe("acceptJson's further media types", () => {
  /** Two routes, one naming application/ld+json; an AppError answers with its code, as the app's onError does. */
  function appWith() {
    const app = new Hono<AppEnv>();
    app.onError((error, c) => c.text(error instanceof AppError ? error.code : "500", 400));
    app.post("/annotations", acceptJson(1024, { mediaTypes: ["application/ld+json"] }), (c) => c.text("read"));
    app.post("/claims", acceptJson(1024), (c) => c.text("read"));
    return app;
  }
  const send = async (app: Hono<AppEnv>, path: string, type: string) =>
    (await app.request(path, { method: "POST", body: "{}", headers: { "content-type": type } })).text();

  it("are read by the route that names them, with or without parameters, and by no other", async () => {
    const app = appWith();
    expect(await send(app, "/annotations", 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')).toBe(
      "read",
    );
    expect(await send(app, "/annotations", "application/json")).toBe("read");
    expect(await send(app, "/claims", "application/ld+json")).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await send(app, "/annotations", "text/plain")).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await send(app, "/annotations", "application/x-www-form-urlencoded")).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});

describe("acceptJson on Node's HTTP server", () => {
  /**
   * A route behind acceptJson(1024) that answers the JSON it was sent, served by Node as main.ts serves the app:
   * an AppError answers its code, a body the route cannot parse "MALFORMED".
   */
  async function serveEcho() {
    const app = new Hono<AppEnv>();
    app.onError((error, c) =>
      c.text(
        error instanceof AppError
          ? error.code
          : error instanceof SyntaxError || (error instanceof HTTPException && error.status === 400)
            ? "MALFORMED"
            : "500",
        400,
      ),
    );
    app.post("/claims", acceptJson(1024), async (c) => c.json({ sent: await c.req.json() }));
    app.post("/restore", acceptJson(1024), (c) => c.text("done"));
    // As the API's routes read a body: through Hono's json validator, which answers 400 on what it cannot parse.
    app.post(
      "/validated",
      acceptJson(1024),
      validator("json", (value) => value),
      (c) => c.json({ sent: c.req.valid("json") }),
    );
    const server = await new Promise<ServerType>((resolve) => {
      const started: ServerType = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
    });
    const { port } = server.address() as AddressInfo;
    return { server, port };
  }

  /** Sends raw HTTP/1.1 (so the test decides the headers and how the body arrives); answers status and body. */
  function send(port: number, head: string, bodyParts: (string | Buffer)[] = []) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1");
      let answer = "";
      socket.on("data", (chunk) => {
        answer += chunk.toString("utf8");
      });
      socket.on("end", () => {
        const [statusLine = "", ...rest] = answer.split("\r\n");
        resolve({ status: Number(statusLine.split(" ")[1]), body: rest.join("\r\n").split("\r\n\r\n")[1] ?? "" });
      });
      socket.on("error", reject);
      socket.write(`${head}\r\nConnection: close\r\n\r\n`);
      void (async () => {
        for (const part of bodyParts) {
          socket.write(part);
          await new Promise((wait) => setTimeout(wait, 50));
        }
      })();
    });
  }

  it("reads a JSON body of its declared length as sent, even in pieces that split a character", async () => {
    const { server, port } = await serveEcho();
    try {
      const body = Buffer.from(JSON.stringify({ quote: "Zürich’s mayor — “ok” 🙂" }));
      const split = body.indexOf(Buffer.from("🙂")) + 2;
      const answer = await send(
        port,
        `POST /claims HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}`,
        [body.subarray(0, split), body.subarray(split)],
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toContain(JSON.stringify({ sent: { quote: "Zürich’s mayor — “ok” 🙂" } }));
      const bodiless = await send(port, "POST /restore HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0");
      expect(bodiless.status).toBe(200);
    } finally {
      server.close();
    }
  });

  it("refuses a declared length over the limit with 413 unread, another media type with 415, bad JSON as malformed", async () => {
    const { server, port } = await serveEcho();
    try {
      const over = await send(
        port,
        "POST /claims HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2048",
      );
      expect(over.body).toContain("PAYLOAD_TOO_LARGE");
      const form = await send(
        port,
        "POST /claims HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3",
        ["a=b"],
      );
      expect(form.body).toContain("UNSUPPORTED_MEDIA_TYPE");
      const malformed = await send(
        port,
        "POST /claims HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5",
        ["{oops"],
      );
      expect(malformed.body).toContain("MALFORMED");
      // Chunked, with no length to check first: counted as it arrives, and refused once over the limit.
      const chunk = JSON.stringify({ rationale: "x".repeat(1500) });
      const chunked = await send(
        port,
        "POST /claims HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
        [`${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n0\r\n\r\n`],
      );
      expect(chunked.body).toContain("PAYLOAD_TOO_LARGE");
    } finally {
      server.close();
    }
  });
  it("reads a body that starts with a byte order mark and refuses one that is not UTF-8, with a length or chunked alike", async () => {
    const { server, port } = await serveEcho();
    const head = (framing: string) =>
      `POST /validated HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${framing}`;
    const sendBoth = async (body: Buffer) => [
      await send(port, head(`Content-Length: ${body.length}`), [body]),
      await send(port, head("Transfer-Encoding: chunked"), [
        Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from("\r\n0\r\n\r\n")]),
      ]),
    ];
    try {
      const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"rationale":"ok"}')]);
      for (const answer of await sendBoth(withMark)) {
        expect(answer.status).toBe(200);
        expect(answer.body).toContain('{"sent":{"rationale":"ok"}}');
      }
      const notUtf8 = Buffer.concat([Buffer.from('{"rationale":"a'), Buffer.from([0xff, 0xc3]), Buffer.from('"}')]);
      for (const answer of await sendBoth(notUtf8)) {
        expect(answer.status).toBe(400);
        expect(answer.body).toContain("MALFORMED");
      }
    } finally {
      server.close();
    }
  });
});
