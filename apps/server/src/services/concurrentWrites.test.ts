import type { Principal } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { countAdmins, createAccount, SEED_ADMIN } from "../repositories/accountRepository";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { updateUser } from "./accounts/updateUser";
import { createLink } from "./links/createLink";

const { db } = await createTestApp();

// Writes that check a rule and then write must not both pass the check at once (PostgreSQL runs them
// side by side; SQLite one after the other). Each case sends the two writes together.
describe("writes sent at the same moment", () => {
  it("two admins demoting each other leave one admin, not none", async () => {
    for (let round = 0; round < 5; round += 1) {
      const second = await createAccount(db, {
        name: `Second admin ${round}`,
        email: `second-admin-${round}@factmark.test`,
        role: "admin",
        passwordHash: "stored-hash",
      });
      const first = await db.account.update({ where: { id: SEED_ADMIN.id }, data: { role: "admin" } });
      expect(await countAdmins(db)).toBe(2);
      const asPrincipal = (row: typeof second): Principal => ({ id: row.id, name: row.name, role: "admin" });
      const results = await Promise.allSettled([
        updateUser(db, asPrincipal(first), second.id, second.version, { role: "editor" }),
        updateUser(db, asPrincipal(second), first.id, first.version, { role: "editor" }),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refusal = results.find((result) => result.status === "rejected");
      expect(refusal?.reason).toMatchObject({ code: "CONFLICT" });
      expect(await countAdmins(db)).toBe(1);
      await db.account.update({ where: { id: second.id }, data: { role: "editor" } });
    }
  });

  it("the same link sent twice (a double-click) is stored once; the second gets a conflict", async () => {
    const article = await buildArticle(db);
    const from = await buildClaim(db, article, "limited number of drones");
    const to = await buildClaim(db, article, "transferred dozens");
    const input = { fromClaimId: from.id, toClaimId: to.id, kind: "contradicts" as const };
    const results = await Promise.allSettled([
      createLink(db, SEED_ADMIN, article.id, input),
      createLink(db, SEED_ADMIN, article.id, input),
      createLink(db, SEED_ADMIN, article.id, { ...input, fromClaimId: to.id, toClaimId: from.id }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await db.link.count({ where: { articleId: article.id, deletedAt: null } })).toBe(1);
  });
});
