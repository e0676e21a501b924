// The server's production build (`pnpm --filter @factmark/server build`, and the first step of its `start`): esbuild
// bundles src/main.ts, src/supervise.ts and every worker module into plain JavaScript in dist/, one file each, so the
// server runs on Node alone, with no TypeScript loader (tsx) in its process or its worker threads.
//
//   node build.mjs [--outdir <a folder directly in apps/server>]
//
// What is bundled: the server's own code, @factmark/core (imported as TypeScript source) and core's small pure
// dependencies. What is not: every package the server lists in its package.json dependencies (better-sqlite3, pg,
// Prisma's runtime and its query compiler's WASM module, jsdom, pdfkit and its font files, mammoth, piscina, hono,
// zod…), which Node loads from node_modules at run time as it does under tsx: native modules and files read beside
// their code keep working, one copy of zod serves core and the server alike, and the build takes well under a second.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const SERVER_DIR = path.dirname(fileURLToPath(import.meta.url));
const SOURCE_DIR = path.join(SERVER_DIR, "src");
export const DIST_DIR = path.join(SERVER_DIR, "dist");

/** Plain JavaScript worker modules, copied as they are (a worker thread loads them with Node's own loader). */
const COPIED_WORKERS = ["db/walCheckpointWorker.mjs"];

/**
 * The source files that may compute a path from their own location (`import.meta.url`): each knows that its code
 * runs from dist/, directly in apps/server as src/ is, once built (config.ts's PROJECT_ROOT, workerModules.ts), or
 * names a file the build puts beside it. Any other such file would find its path in the wrong place once bundled
 * into dist/main.js: the build refuses it, and it should take its path from config.ts's PROJECT_ROOT instead.
 */
const LOCATION_AWARE = new Set([
  "src/config.ts",
  "src/supervise.ts",
  "src/work/workerModules.ts",
  "src/db/walCheckpointer.ts",
  // Prisma's generated clients set a __dirname their query compiler does not read.
  "src/generated/prisma/client.ts",
  "src/generated/prisma-pg/client.ts",
]);

/** Every `src/**\/<name>Worker.ts` is a worker module (workerModules.ts); `x.fixtureWorker.ts`, a test's, is not. */
function workerEntries() {
  const entries = readdirSync(SOURCE_DIR, { recursive: true })
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => /(^|\/)[A-Za-z]+Worker\.ts$/.test(file) && !file.startsWith("generated/"));
  const byName = new Map();
  for (const file of entries) {
    const name = path.posix.basename(file, ".ts");
    if (byName.has(name)) throw new Error(`Two worker modules are named ${name}: ${byName.get(name)} and ${file}.`);
    byName.set(name, file);
  }
  return entries;
}

/** The package names the server installs (its package.json dependencies, not workspace packages). */
function installedDependencies() {
  const { dependencies = {} } = JSON.parse(readFileSync(path.join(SERVER_DIR, "package.json"), "utf8"));
  return new Set(Object.keys(dependencies).filter((name) => !String(dependencies[name]).startsWith("workspace:")));
}

/** Leaves an import of an installed dependency (or a file of one: "@prisma/client/runtime/client") to Node. */
function externalDependencies(installed) {
  return {
    name: "external-dependencies",
    setup(esbuild) {
      esbuild.onResolve({ filter: /^[^./]/ }, (args) => {
        const parts = args.path.split("/");
        const name = args.path.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
        return installed.has(name) ? { path: args.path, external: true } : undefined;
      });
    },
  };
}

/**
 * Writes `contents` to `file` through a rename, so a reader never sees half a file; a file that holds them already
 * is only touched (its time is when the build last ran: bench/appServer.ts compares it with the sources').
 */
function replaceFile(file, contents) {
  try {
    if (Buffer.compare(readFileSync(file), contents) === 0) {
      const now = new Date();
      utimesSync(file, now, now);
      return;
    }
  } catch {
    // Not there yet.
  }
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * Builds the server into `outdir` (dist/ unless told), which must be a folder directly in apps/server, as src/ is:
 * the built code finds the repository (migrations, the web app's build, data/) from there. A server running from
 * `outdir` meanwhile keeps working: each file is replaced whole, and one that did not change is only touched.
 * Answers the files written there and the seconds it took.
 */
export async function buildServer({ outdir = DIST_DIR } = {}) {
  const startedAt = performance.now();
  const target = path.resolve(outdir);
  if (path.dirname(target) !== SERVER_DIR)
    throw new Error(`The build goes in a folder of ${SERVER_DIR}, not ${target}.`);
  const result = await build({
    absWorkingDir: SERVER_DIR,
    entryPoints: ["src/main.ts", "src/supervise.ts", ...workerEntries().map((file) => `src/${file}`)],
    entryNames: "[name]",
    outdir: target,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    // Class and function names as written (a log's stack trace, an error's name), not esbuild's renamings.
    keepNames: true,
    plugins: [externalDependencies(installedDependencies())],
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  const misplaced = Object.entries(result.metafile.inputs)
    .filter(([file]) => file.startsWith("src/") && !LOCATION_AWARE.has(file))
    .filter(([file]) =>
      /\bimport\.meta\.(url|dirname|filename)\b/.test(readFileSync(path.join(SERVER_DIR, file), "utf8")),
    )
    .map(([file]) => file);
  if (misplaced.length > 0) {
    throw new Error(
      `These files compute a path from their own location, which moves into ${path.basename(target)}/ once built: ` +
        `${misplaced.join(", ")}. Take the path from config.ts's PROJECT_ROOT instead.`,
    );
  }
  mkdirSync(target, { recursive: true });
  const written = new Set();
  for (const output of result.outputFiles) {
    replaceFile(output.path, output.contents);
    written.add(path.basename(output.path));
  }
  for (const file of COPIED_WORKERS) {
    replaceFile(path.join(target, path.basename(file)), readFileSync(path.join(SOURCE_DIR, file)));
    written.add(path.basename(file));
  }
  // What an earlier build wrote and this one did not (a worker module since removed).
  for (const file of readdirSync(target)) {
    if (!written.has(file) && !file.endsWith(".tmp")) rmSync(path.join(target, file), { recursive: true, force: true });
  }
  return { outdir: target, files: [...written].sort(), seconds: (performance.now() - startedAt) / 1000 };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outdirAt = process.argv.indexOf("--outdir");
  const outdir = outdirAt === -1 ? DIST_DIR : path.resolve(process.argv[outdirAt + 1] ?? "");
  const built = await buildServer({ outdir });
  console.log(
    `Built the server into ${path.relative(process.cwd(), built.outdir) || "."} in ${built.seconds.toFixed(2)} s.`,
  );
}
