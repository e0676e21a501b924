// Run as its own process (tsx): marks a claim on an article through the service, as another server
// instance would, then exits. Argv: <database url> <article id> <exact words>.
import { createDatabase } from "../db/createDatabase";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { findArticleText } from "../repositories/articleRepository";
import { createClaim } from "../services/claims/createClaim";

const [databaseUrl = "", articleId = "", exact = ""] = process.argv.slice(2);
const db = await createDatabase(databaseUrl);
const article = await findArticleText(db, articleId);
const start = article?.text.indexOf(exact) ?? -1;
if (start < 0) throw new Error(`"${exact}" is not in article ${articleId}.`);
const claim = await createClaim(db, SEED_ADMIN, articleId, {
  selectors: { position: { start, end: start + exact.length } },
});
console.log(claim.id);
await db.$disconnect();
