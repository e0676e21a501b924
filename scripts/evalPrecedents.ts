// Evaluates "checked before" (issue 20) on the labelled set in packages/core/test-fixtures/precedents/: loads every
// article and claim of both halves into one throwaway SQLite database through the server's own services, gives the
// newsroom speakers the set lists their aliases, and asks the real endpoint, GET /api/claims/:id/precedents, for each
// query claim. Prints recall@5, MRR and near-misses in the top 1 for each half (tuning, held-out) and the whole set.
// Run: pnpm eval:precedents [--verbose]   (--verbose lists each tuning query's answer: the held-out half is for
// measuring, not for tuning)
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "../apps/server/src/app.ts";
import { hashPassword } from "../apps/server/src/auth/password.ts";
import { SESSION_COOKIE } from "../apps/server/src/auth/sessionCookie.ts";
import { createDatabase, type Db } from "../apps/server/src/db/createDatabase.ts";
import { createThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase.ts";
import { startSession } from "../apps/server/src/domain/startSession.ts";
import { ensureAccount, SEED_ADMIN } from "../apps/server/src/repositories/accountRepository.ts";
import { createArticle } from "../apps/server/src/services/articles/createArticle.ts";
import { createClaim } from "../apps/server/src/services/claims/createClaim.ts";
import { type PrecedentList, speakerNameKey, type Verdict, ZPrecedentList } from "../packages/core/src/index.ts";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURES = path.join(ROOT, "packages/core/test-fixtures/precedents");
const HALVES = ["tuning", "held-out"] as const;
type Half = (typeof HALVES)[number];

interface LabelledClaim {
  key: string;
  quote: string;
  speaker: string | null;
  verdict: Verdict;
}
interface LabelledArticle {
  id: string;
  title: string;
  /** Paragraphs of the article; without them each claim's quote is one paragraph. */
  paragraphs?: string[];
  claims: LabelledClaim[];
}
interface LabelledQuery {
  /** "articleId/key" of the claim asked about. */
  claim: string;
  /** The claims that restate it ("articleId/key"); empty when it has no precedent in the set. */
  expected: string[];
  /** Claims that look like it but say something else: none may be the top precedent. */
  nearMisses: string[];
  note?: string;
}
interface LabelledHalf {
  half: Half;
  speakers: Array<{ name: string; aliases: string[] }>;
  articles: LabelledArticle[];
  queries: LabelledQuery[];
}

/** Both halves of the labelled set. */
export function loadPrecedentSet(): LabelledHalf[] {
  return HALVES.map((half) => JSON.parse(readFileSync(path.join(FIXTURES, `${half}.json`), "utf8")) as LabelledHalf);
}

interface Tally {
  queries: number;
  withExpected: number;
  foundAt5: number;
  reciprocalRanks: number;
  withNearMisses: number;
  nearMissTop1: number;
}

const emptyTally = (): Tally => ({
  queries: 0,
  withExpected: 0,
  foundAt5: 0,
  reciprocalRanks: 0,
  withNearMisses: 0,
  nearMissTop1: 0,
});

/** Stores the set's articles and claims through the services; answers each "articleId/key" with the claim's id. */
async function loadIntoDatabase(db: Db, set: LabelledHalf[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const half of set) {
    for (const labelled of half.articles) {
      const paragraphs = labelled.paragraphs ?? labelled.claims.map((claim) => `${claim.quote}.`);
      const article = await createArticle(db, SEED_ADMIN, {
        title: labelled.title,
        format: "text",
        content: paragraphs.join("\n"),
      });
      for (const claim of labelled.claims) {
        const start = article.text.indexOf(claim.quote);
        if (start < 0) throw new Error(`${labelled.id}/${claim.key}: quote not in the article: ${claim.quote}`);
        const created = await createClaim(db, SEED_ADMIN, article.id, {
          selectors: { position: { start, end: start + claim.quote.length } },
          verdict: claim.verdict,
          ...(claim.speaker ? { speaker: claim.speaker } : {}),
        });
        ids.set(`${labelled.id}/${claim.key}`, created.id);
      }
    }
    // The spellings the newsroom has joined under one speaker (what merging speakers leaves behind).
    for (const speaker of half.speakers) {
      await db.speaker.create({
        data: {
          id: `eval-speaker-${speakerNameKey(speaker.name).replace(/\s/g, "-")}`,
          name: speaker.name,
          aliases: { create: speaker.aliases.map((name) => ({ name, key: speakerNameKey(name) })) },
        },
      });
    }
  }
  return ids;
}

const ratio = (part: number, whole: number) => (whole === 0 ? "—" : (part / whole).toFixed(2));

function printTally(name: string, tally: Tally): void {
  console.log(`\n${name} (${tally.queries} queries)`);
  console.log(
    `  recall@5 ${ratio(tally.foundAt5, tally.withExpected)} (${tally.foundAt5}/${tally.withExpected}), MRR ${ratio(tally.reciprocalRanks, tally.withExpected)}`,
  );
  console.log(
    `  near-misses in the top 1: ${tally.nearMissTop1} of ${tally.withNearMisses} queries with near-misses (goal: 0)`,
  );
}

async function main(): Promise<void> {
  const isVerbose = process.argv.includes("--verbose");
  const set = loadPrecedentSet();
  const database = await createThrowawayDatabase("factmark_eval_precedents");
  const db = await createDatabase(database.url);
  try {
    await ensureAccount(db, SEED_ADMIN);
    await db.account.update({
      where: { id: SEED_ADMIN.id },
      data: { email: "eval-admin@factmark.test", passwordHash: await hashPassword("eval admin password") },
    });
    const cookie = `${SESSION_COOKIE}=${(await startSession(db, SEED_ADMIN.id, 60 * 60 * 1000)).token}`;
    const app = createApp({ db });
    const ids = await loadIntoDatabase(db, set);
    const keyOf = new Map([...ids].map(([key, id]) => [id, key]));
    const articleCount = set.reduce((sum, half) => sum + half.articles.length, 0);
    const claimCount = ids.size;
    console.log(
      `labelled set: ${articleCount} articles, ${claimCount} claims, ${set.reduce((sum, half) => sum + half.queries.length, 0)} queries; ` +
        "answers from GET /api/claims/:id/precedents (the full-text index's candidates, rescored by scorePrecedent)",
    );
    const milliseconds: number[] = [];
    const tallies: Record<Half | "all", Tally> = { tuning: emptyTally(), "held-out": emptyTally(), all: emptyTally() };
    for (const half of set) {
      for (const query of half.queries) {
        const claimId = ids.get(query.claim);
        if (!claimId) throw new Error(`unknown query claim ${query.claim}`);
        const started = performance.now();
        const response = await app.request(`/api/claims/${claimId}/precedents`, { headers: { cookie } });
        milliseconds.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`${query.claim}: ${response.status} ${await response.text()}`);
        const answer: PrecedentList = ZPrecedentList.parse(await response.json());
        const keys = answer.items.map((item) => keyOf.get(item.claim.id) ?? item.claim.id);
        const rank = keys.findIndex((key) => query.expected.includes(key));
        const isNearMissTop1 = keys.length > 0 && query.nearMisses.includes(keys[0] as string);
        for (const tally of [tallies[half.half], tallies.all]) {
          tally.queries++;
          if (query.expected.length > 0) {
            tally.withExpected++;
            if (rank >= 0 && rank < 5) tally.foundAt5++;
            if (rank >= 0) tally.reciprocalRanks += 1 / (rank + 1);
          }
          if (query.nearMisses.length > 0) tally.withNearMisses++;
          if (isNearMissTop1) tally.nearMissTop1++;
        }
        if (isVerbose && half.half === "tuning") {
          const mark = query.expected.length === 0 ? (isNearMissTop1 ? "✗" : "·") : rank === 0 ? "✓" : "✗";
          console.log(`${mark} ${query.claim} (${query.note ?? ""})`);
          answer.items.forEach((item, index) => {
            const key = keys[index] as string;
            const label = query.expected.includes(key) ? "expected" : query.nearMisses.includes(key) ? "NEAR-MISS" : "";
            console.log(
              `    ${item.score.toFixed(3)} ${key} ${label} “${item.claim.quote}” — ${item.reasons.map((reason) => reason.text).join("; ")}`,
            );
          });
        }
      }
    }
    printTally("tuning half", tallies.tuning);
    printTally("held-out half", tallies["held-out"]);
    printTally("whole set", tallies.all);
    const sorted = [...milliseconds].sort((a, b) => a - b);
    const at = (share: number) =>
      (sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0).toFixed(1);
    console.log(`\nrequest time (this small archive): median ${at(0.5)} ms, p95 ${at(0.95)} ms, wall time`);
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

await main();
