import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ZArticle } from "@factmark/core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectEditorDoc } from "../test/expectEditorDoc";
import { expectUnchanged } from "../test/expectUnchanged";

const { db, request } = await createTestApp();

const ARTICLE_PAGE = `<!doctype html>
<html><head>
  <title>Iran admits drones | Example News</title>
  <meta property="og:site_name" content="Example News">
  <meta property="article:published_time" content="2022-11-05T10:00:00Z">
  <meta name="author" content="Jane Reporter">
  <script>document.write("tracking")</script>
</head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Iran admits sending drones to Russia</h1>
    <p class="byline">By Jane Reporter</p>
    <p>Iran's foreign minister said Iran sold Russia a limited number of drones months before the Ukraine war.
       <a href="javascript:alert(1)" onclick="steal()">Read more</a></p>
    <p>The US envoy Robert Malley said Iran transferred dozens just this summer, contradicting the minister.
       Officials in Washington repeated the figure on Monday and gave details of the transfers.</p>
    <p>Iran's ambassador to the UN, Amir Saeid Iravani, called any support for Russia totally unfounded.
       Diplomats in New York said the dispute would come before the Security Council this week.</p>
  </article>
  <footer>Copyright Example News</footer>
</body></html>`;

let server: Server;
let base: string;
const sockets = new Set<import("node:net").Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/article") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(ARTICLE_PAGE);
    } else if (path === "/plain") {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end("First line of a plain article.\nSecond line.");
    } else if (path === "/pdf") {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end("%PDF-1.7");
    } else if (path === "/huge") {
      // No content-length: the cap must be enforced while the body streams.
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = `<p>${"x".repeat(16 * 1024)}</p>`;
      let sent = 0;
      const write = () => {
        while (sent < 1_000 && res.write(chunk)) sent += 1;
        if (sent < 1_000) res.once("drain", write);
        else res.end();
      };
      write();
    } else if (path === "/declared-huge") {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(5 * 1024 * 1024 * 1024) });
      res.write("<p>start</p>");
    } else if (path === "/slow") {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<p>never finishes");
    } else if (path === "/redirect-to-article") {
      res.writeHead(302, { location: "/article" });
      res.end();
    } else if (path === "/redirect-private") {
      res.writeHead(302, { location: "http://10.0.0.1/internal" });
      res.end();
    } else if (path === "/redirect-metadata") {
      res.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" });
      res.end();
    } else if (path.startsWith("/loop")) {
      res.writeHead(302, { location: `/loop${Number(path.slice(5) || 0) + 1}` });
      res.end();
    } else {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<p>Not found</p>");
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  server.close();
});

const SETTINGS = ["FETCH_ALLOW_HOSTS", "FETCH_TIMEOUT_MS", "FETCH_MAX_BYTES"] as const;
beforeEach(() => {
  process.env.FETCH_ALLOW_HOSTS = "127.0.0.1";
  process.env.FETCH_TIMEOUT_MS = "2000";
  process.env.FETCH_MAX_BYTES = String(256 * 1024);
});
afterEach(() => {
  for (const name of SETTINGS) delete process.env[name];
});

const importUrl = (url: string) => request("POST", "/api/articles/from-url", { url });

describe("POST /api/articles/from-url", () => {
  it("fetches a page and extracts its article and metadata with Readability", async () => {
    const response = await importUrl(`${base}/article`);
    expect(response.status).toBe(201);
    const article = ZArticle.parse(await response.json());
    expectEditorDoc(article.doc);
    expect(article.title).toContain("Iran admits");
    expect(article).toMatchObject({
      sourceUrl: `${base}/article`,
      outlet: "Example News",
      author: "Jane Reporter",
      publishedAt: "2022-11-05T10:00:00.000Z",
    });
    expect(article.text).toContain("Robert Malley said Iran transferred dozens just this summer");
    expect(article.text).not.toContain("Copyright");
    expect(article.text).not.toContain("tracking");
    expect(JSON.stringify(article.doc)).not.toContain("javascript");
  });

  it("follows a redirect and records where the page was found", async () => {
    const response = await importUrl(`${base}/redirect-to-article`);
    expect(response.status).toBe(201);
    expect(ZArticle.parse(await response.json()).sourceUrl).toBe(`${base}/article`);
  });

  it("imports a plain-text page one paragraph per line", async () => {
    const response = await importUrl(`${base}/plain`);
    expect(response.status).toBe(201);
    expect(ZArticle.parse(await response.json()).text).toBe("First line of a plain article.\nSecond line.");
  });

  it("refuses a loopback address when it is not allow-listed, literal or by name", async () => {
    delete process.env.FETCH_ALLOW_HOSTS;
    const port = new URL(base).port;
    for (const url of [`${base}/article`, `http://localhost:${port}/article`, `http://[::1]:${port}/article`]) {
      const response = await expectUnchanged(db, () => importUrl(url));
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.details).toMatchObject({ reason: "private_address" });
    }
  });

  it.each([
    "http://10.0.0.1/",
    "http://192.168.1.1/admin",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0/",
  ])("refuses the private address %s", async (url) => {
    const response = await expectUnchanged(db, () => importUrl(url));
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.details).toMatchObject({ reason: "private_address" });
  });

  it.each(["/redirect-private", "/redirect-metadata"])("refuses a redirect to a private address (%s)", async (path) => {
    const response = await expectUnchanged(db, () => importUrl(`${base}${path}`));
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.details).toMatchObject({ reason: "private_address" });
  });

  it("stops after 5 redirects", async () => {
    const response = await expectUnchanged(db, () => importUrl(`${base}/loop0`));
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.details).toMatchObject({ reason: "too_many_redirects" });
  });

  it("refuses a page that does not answer in time", async () => {
    process.env.FETCH_TIMEOUT_MS = "300";
    const response = await expectUnchanged(db, () => importUrl(`${base}/slow`));
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.details).toMatchObject({ reason: "timeout" });
  });

  it("refuses a PDF with 415", async () => {
    const response = await expectUnchanged(db, () => importUrl(`${base}/pdf`));
    const error = await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(error.details).toMatchObject({ reason: "content_type", contentType: "application/pdf" });
  });

  it("refuses a body over the cap while it streams, and a declared 5 GB one at once, with 413", async () => {
    for (const path of ["/huge", "/declared-huge"]) {
      const response = await expectUnchanged(db, () => importUrl(`${base}${path}`));
      await expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
    }
  });

  it("refuses an error page, a URL with credentials and a non-http URL", async () => {
    const notFound = await expectUnchanged(db, () => importUrl(`${base}/missing`));
    expect((await expectApiError(notFound, 422, "UNPROCESSABLE")).details).toMatchObject({ status: 404 });
    const withCredentials = await expectUnchanged(db, () =>
      importUrl(`http://user:secret@127.0.0.1:${new URL(base).port}/article`),
    );
    await expectApiError(withCredentials, 400, "VALIDATION_FAILED");
    const ftp = await expectUnchanged(db, () => importUrl("ftp://example.com/article"));
    await expectApiError(ftp, 400, "VALIDATION_FAILED");
  });
});
