// Hot paths, in process (no HTTP, no load generator): what one request of the load run costs the server, and
// the two queries every request or every new claim runs, each beside the Prisma query it replaced.
// The article: the generated 50,000 words with 2,000 claims; one reviewer's session; SQLite, synchronous = FULL.
import { createApp } from "../apps/server/src/app";
import { hashSecretToken } from "../apps/server/src/auth/secretToken";
import { securitySettingsFromEnv } from "../apps/server/src/auth/securitySettings";
import { createDatabase, type Db } from "../apps/server/src/db/createDatabase";
import { createThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase";
import { timeOrderedId } from "../apps/server/src/db/timeOrderedId";
import { placeSelectors } from "../apps/server/src/domain/placeSelectors";
import { ensureAccount, SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";
import { findArticleText } from "../apps/server/src/repositories/articleRepository";
import { insertClaim } from "../apps/server/src/repositories/claimRepository";
import { lockArticleForChanges } from "../apps/server/src/repositories/eventRepository";
import { findSessionPrincipal } from "../apps/server/src/repositories/sessionRepository";
import { createArticle } from "../apps/server/src/services/articles/createArticle";
import { createClaim } from "../apps/server/src/services/claims/createClaim";
import { updateClaim } from "../apps/server/src/services/claims/updateClaim";
import { createLink } from "../apps/server/src/services/links/createLink";
import { DEFAULT_VERDICT } from "../packages/core/src/index";
import { generateArticle } from "./fixture";
import { signInBenchReviewers } from "./signInBenchAdmin";
import type { BenchRow } from "./table";

const WARMUP = 100;
const RUNS = 500;
const SECTION = "Hot paths (in process)";

async function median(run: () => Promise<unknown>): Promise<number> {
  for (let index = 0; index < WARMUP; index++) await run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const startedAt = performance.now();
    await run();
    times.push(performance.now() - startedAt);
  }
  times.sort((left, right) => left - right);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** One reviewer's requests of the load run, through the whole app (middleware, validation, services). */
async function requestRows(db: Db, articleId: string, cookie: string, spans: { start: number; end: number }[]) {
  // Rate limits off: this measures the path, 500 writes from one session in a few seconds.
  const app = createApp({
    db,
    security: { ...securitySettingsFromEnv(), writeLimit: { capacity: 1e9, perMinute: 1e9 } },
  });
  const url = `http://localhost/api/articles/${articleId}/claims`;
  const headers = { cookie, "content-type": "application/json" };
  let next = 0;
  const create = await median(async () => {
    const span = spans[next++ % spans.length];
    const response = await app.fetch(
      new Request(url, { method: "POST", headers, body: JSON.stringify({ selectors: { position: span } }) }),
    );
    if (response.status !== 201) throw new Error(`Create answered ${response.status}: ${await response.text()}`);
  });
  const { cursor } = (await (await app.fetch(new Request(url, { headers }))).json()) as { cursor: number };
  // What a reviewer's refresh brings in the load run: about 50 claims others made in the last second.
  const refresh = await median(async () => {
    const response = await app.fetch(new Request(`${url}?since=${cursor - 50}`, { headers }));
    if (response.status !== 200) throw new Error(`Refresh answered ${response.status}.`);
    await response.text();
  });
  const me = await median(async () =>
    (await app.fetch(new Request("http://localhost/api/auth/me", { headers }))).text(),
  );
  // A whole read (an article opened) just after a claim changed, and again while nothing has.
  const wholeRead = async () => {
    const startedAt = performance.now();
    const response = await app.fetch(new Request(url, { headers: { cookie, "accept-encoding": "gzip" } }));
    await response.arrayBuffer();
    return performance.now() - startedAt;
  };
  const afterChange: number[] = [];
  const unchanged: number[] = [];
  for (let round = 0; round < 21; round++) {
    const body = JSON.stringify({ selectors: { position: spans[round] } });
    await app.fetch(new Request(url, { method: "POST", headers, body }));
    afterChange.push(await wholeRead());
    unchanged.push(await wholeRead());
  }
  const middle = (times: number[]) =>
    times.sort((left, right) => left - right)[Math.floor(times.length / 2)] ?? Number.NaN;
  return [
    {
      section: SECTION,
      name: "POST a claim (request through the app)",
      unit: "ms",
      value: create,
      note: `median of ${RUNS}`,
    },
    { section: SECTION, name: "GET claims?since= (50 changed)", unit: "ms", value: refresh, note: `median of ${RUNS}` },
    {
      section: SECTION,
      name: "GET /api/auth/me (session check alone)",
      unit: "ms",
      value: me,
      note: `median of ${RUNS}`,
    },
    {
      section: SECTION,
      name: "GET claims, whole (2,000), nothing changed since the last whole read",
      unit: "ms",
      value: middle(unchanged),
      baseline: middle(afterChange),
      note: "median of 21, gzip; baseline: the same read just after a claim changed (read from the database)",
    },
  ];
}

export async function benchHotPaths(): Promise<BenchRow[]> {
  const database = await createThrowawayDatabase("factmark_hot");
  const db = await createDatabase(database.url);
  try {
    await ensureAccount(db, SEED_ADMIN);
    const article = generateArticle();
    const { id } = await createArticle(db, SEED_ADMIN, {
      title: article.title,
      format: "text",
      content: article.content,
    });
    const claimIds: string[] = [];
    for (const position of article.spans) {
      claimIds.push((await createClaim(db, SEED_ADMIN, id, { selectors: { position } })).id);
    }
    const [cookie = ""] = await signInBenchReviewers(db, 1);
    const sessionId = hashSecretToken(cookie.slice(cookie.indexOf("=") + 1));

    const sessionRaw = await median(() => findSessionPrincipal(db, sessionId, new Date()));
    // The Prisma query findSessionPrincipal was before it went raw.
    const sessionPrisma = await median(() =>
      db.session.findFirst({
        where: {
          id: sessionId,
          revokedAt: null,
          expiresAt: { gt: new Date() },
          account: { passwordHash: { not: null } },
        },
        select: { account: { select: { id: true, name: true, role: true } } },
      }),
    );
    const textKept = await median(() => findArticleText(db, id));
    const textRead = await median(() =>
      db.article.findFirst({ where: { id, deletedAt: null }, select: { id: true, text: true } }),
    );
    // A claim made, one at a time: SQLite's statement batch beside the Prisma transaction it replaced (the
    // same rows), on an article of its own. Both sync the WAL once a create (synchronous = FULL).
    const { id: writesId } = await createArticle(db, SEED_ADMIN, {
      title: `${article.title} (writes)`,
      format: "text",
      content: article.content,
    });
    let nextSpan = 0;
    const nextPosition = () => article.spans[nextSpan++ % article.spans.length] as { start: number; end: number };
    const createBatch = await median(() =>
      createClaim(db, SEED_ADMIN, writesId, { selectors: { position: nextPosition() } }),
    );
    const createPrisma = await median(() =>
      db.$transaction(async (tx) => {
        await lockArticleForChanges(tx, writesId);
        const { text } = (await findArticleText(tx, writesId)) as { text: string };
        const selectors = placeSelectors(text, { position: nextPosition() });
        const fields = { id: timeOrderedId(), articleId: writesId, verdict: DEFAULT_VERDICT, speaker: null };
        return insertClaim(tx, { ...fields, selectors, rationale: "" }, SEED_ADMIN);
      }),
    );
    // A verdict changed, one at a time, on a claim of its own each: the statement batch beside the Prisma
    // transaction it replaced (updateClaim on a client extended with $extends takes that path), the same rows.
    const byPrisma = db.$extends({}) as unknown as Db;
    const verdictChanges = async (client: Db) => {
      let claim = await createClaim(db, SEED_ADMIN, writesId, { selectors: { position: nextPosition() } });
      return median(async () => {
        const verdict = claim.verdict === "supported" ? "contradicted" : "supported";
        claim = await updateClaim(client, SEED_ADMIN, claim.id, claim.version, { verdict });
      });
    };
    const verdictBatch = await verdictChanges(db);
    const verdictPrisma = await verdictChanges(byPrisma);
    // A link made, one at a time, between claims never linked before: the statement batch beside the Prisma
    // transaction it replaced (createLink on a client extended with $extends), the same rows.
    let nextPair = 0;
    const linkMade = (client: Db) => () => {
      const from = nextPair++;
      return createLink(client, SEED_ADMIN, id, {
        kind: "contradicts",
        fromClaimId: claimIds[from % claimIds.length] as string,
        toClaimId: claimIds[(from + 1) % claimIds.length] as string,
      });
    };
    const linkBatch = await median(linkMade(db));
    const linkPrisma = await median(linkMade(byPrisma));
    return [
      ...(await requestRows(db, id, cookie, article.spans)),
      {
        section: SECTION,
        name: "verdict changed, one statement batch",
        unit: "ms",
        value: verdictBatch,
        baseline: verdictPrisma,
        note: "baseline: the same writes as Prisma queries in an interactive transaction; both wait for one sync",
      },
      {
        section: SECTION,
        name: "link made, one statement batch",
        unit: "ms",
        value: linkBatch,
        baseline: linkPrisma,
        note: "baseline: the same writes as Prisma queries in an interactive transaction; both wait for one sync",
      },
      {
        section: SECTION,
        name: "claim created, one statement batch",
        unit: "ms",
        value: createBatch,
        baseline: createPrisma,
        note: "baseline: the same writes as Prisma queries in an interactive transaction; both wait for one sync",
      },
      {
        section: SECTION,
        name: "session lookup, raw statement",
        unit: "ms",
        value: sessionRaw,
        baseline: sessionPrisma,
        note: "baseline: the same lookup as a Prisma query, most of it Prisma compiling the query",
      },
      {
        section: SECTION,
        name: "article text for placing a claim, kept by version",
        unit: "ms",
        value: textKept,
        baseline: textRead,
        note: `baseline: reading the text (${(article.content.length / 1024).toFixed(0)} KB) every time`,
      },
    ];
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}
