import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./db/throwawayDatabase";
import { WORKER_MODULES } from "./work/workerModules";

const SERVER_DIR = fileURLToPath(new URL("../", import.meta.url));
const WEB_INDEX = fileURLToPath(new URL("../../web/dist/index.html", import.meta.url));
const DOCX = fileURLToPath(new URL("./import/fixtures/article.docx", import.meta.url));
// Its own build, beside dist/ (where `pnpm start` builds) as the build requires: a server running from dist/ meanwhile
// is left alone.
const BUILD_DIR = path.join(SERVER_DIR, `dist-test-${process.pid}`);

let database: ThrowawayDatabase | undefined;
let supervisor: ChildProcess | undefined;
let output = "";
let baseUrl = "";
let serverPid = 0;
let buildSeconds = 0;

/** Resolves with the first match of `pattern` in the supervisor's output; rejects if it exits or 20 s pass. */
function waitFor(pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`Not seen in 20 s: ${pattern}. The log:\n${output}`)), 20_000);
    const check = () => {
      const match = pattern.exec(output);
      if (match) done(undefined, match);
    };
    const exited = () => done(new Error(`The server exited. Its log:\n${output}`));
    function done(error?: Error, match?: RegExpExecArray) {
      clearTimeout(timer);
      supervisor?.stdout?.off("data", check);
      supervisor?.stderr?.off("data", check);
      supervisor?.off("exit", exited);
      if (match) resolve(match);
      else reject(error);
    }
    supervisor?.stdout?.on("data", check);
    supervisor?.stderr?.on("data", check);
    supervisor?.once("exit", exited);
    check();
  });
}

beforeAll(async () => {
  const startedAt = performance.now();
  execFileSync(process.execPath, ["build.mjs", "--outdir", BUILD_DIR], { cwd: SERVER_DIR, stdio: "pipe" });
  buildSeconds = (performance.now() - startedAt) / 1000;
  // What `pnpm start` runs once built: Node on the bundle, from a shell with neither NODE_ENV nor NODE_OPTIONS.
  const { NODE_ENV: _, NODE_OPTIONS: __, ...environment } = process.env;
  // A new SQLite file, or a new PostgreSQL database under `pnpm test:pg`.
  database = await createThrowawayDatabase("factmark_production_build", process.env.TEST_DATABASE_URL);
  supervisor = spawn(process.execPath, [path.join(BUILD_DIR, "supervise.js")], {
    cwd: SERVER_DIR,
    env: { ...environment, PORT: "0", DATABASE_URL: database.url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  supervisor.stdout?.on("data", keep);
  supervisor.stderr?.on("data", keep);
  serverPid = Number((await waitFor(/\[supervisor\] The server runs in process (\d+)\./))[1]);
  baseUrl = `http://127.0.0.1:${(await waitFor(/running at http:\/\/localhost:(\d+)\//))[1]}`;
}, 30_000);

afterAll(async () => {
  if (supervisor && supervisor.exitCode === null) {
    const exited = new Promise((resolve) => supervisor?.once("exit", resolve));
    supervisor.kill("SIGTERM");
    await exited;
  }
  rmSync(BUILD_DIR, { recursive: true, force: true });
  await database?.drop();
});

/** The first admin's session cookie (the first-run setup, as a new user's browser does it). */
async function signIn(): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@example.org", password: "a long enough password", name: "Ana Admin" }),
  });
  expect(response.status).toBe(201);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
}

describe("the production build (pnpm start)", () => {
  it("builds in a few seconds", () => {
    expect(buildSeconds).toBeLessThan(10);
  });

  it("has an entry point of its own for every worker module the server warms", () => {
    const built = Object.values(WORKER_MODULES).map((url) => path.basename(url.pathname, ".ts"));
    for (const name of ["main", "supervise", "idleWorker", "walCheckpointWorker", ...built]) {
      expect(existsSync(path.join(BUILD_DIR, name === "walCheckpointWorker" ? `${name}.mjs` : `${name}.js`))).toBe(
        true,
      );
    }
  });

  it("runs on Node alone, with no TypeScript loader, and with NODE_ENV=production", () => {
    for (const pid of [supervisor?.pid, serverPid]) {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
      expect(commandLine).toContain(BUILD_DIR);
      expect(commandLine).not.toMatch(/tsx/);
    }
    // The server's environment as the supervisor started it (the supervisor's own is as the shell gave it).
    const environment = readFileSync(`/proc/${serverPid}/environ`, "utf8").split("\0");
    expect(environment).toContain("NODE_ENV=production");
    expect(environment.filter((entry) => entry.startsWith("NODE_OPTIONS="))).toEqual([]);
  });

  it("migrates a new database, loads the sample article and answers /healthz", async () => {
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    const cookie = await signIn();
    const sample = await fetch(`${baseUrl}/api/articles/sample-iran-drones`, { headers: { cookie } });
    expect(sample.status).toBe(200);
    expect((await sample.json()) as { title: string }).toMatchObject({ title: expect.stringMatching(/drone/i) });

    // A .docx upload: the conversion worker module loads in a thread of the build.
    const form = new FormData();
    form.set("file", new File([new Uint8Array(readFileSync(DOCX))], "article.docx"));
    const upload = await fetch(`${baseUrl}/api/articles/upload`, { method: "POST", body: form, headers: { cookie } });
    expect(upload.status).toBe(201);
    expect(((await upload.json()) as { title: string }).title).toBe("Iran and the drones");

    // A PDF report: the report worker module, pdfkit and its fonts.
    const report = await fetch(`${baseUrl}/api/articles/sample-iran-drones/report?format=pdf`, { headers: { cookie } });
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await report.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(output).not.toContain("could not start");
  }, 30_000);

  it("serves the web app's build from apps/web/dist, or says it has none there", async () => {
    if (existsSync(WEB_INDEX)) {
      const page = await fetch(`${baseUrl}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(readFileSync(WEB_INDEX, "utf8").match(/<title>[^<]*<\/title>/)?.[0]);
    } else {
      expect(output).toContain(`No built web app at ${path.dirname(WEB_INDEX)}`);
    }
  });
});
