import { describe, expect, it } from "vitest";
import { hashSecretToken } from "../auth/secretToken";
import { startSession } from "../domain/startSession";
import { createTestApp } from "../test/createTestApp";
import { findSessionPrincipal } from "./sessionRepository";

describe("findSessionPrincipal", () => {
  it("answers the account of a live session, with its current role, and nothing for an unknown one", async () => {
    const { db } = await createTestApp();
    await db.account.create({
      data: {
        id: "session-owner",
        name: "Session Owner",
        role: "reviewer",
        email: "owner@factmark.test",
        passwordHash: "x",
      },
    });
    const sessionId = hashSecretToken((await startSession(db, "session-owner", 60_000)).token);
    expect(await findSessionPrincipal(db, sessionId, new Date())).toEqual({
      id: "session-owner",
      name: "Session Owner",
      role: "reviewer",
    });
    // Expiry is compared with the time asked about, to the millisecond.
    const { expiresAt } = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(await findSessionPrincipal(db, sessionId, new Date(expiresAt.getTime() - 1))).toBeDefined();
    expect(await findSessionPrincipal(db, sessionId, expiresAt)).toBeUndefined();
    expect(await findSessionPrincipal(db, hashSecretToken("no such token"), new Date())).toBeUndefined();
  });

  it("reads committed sessions only: a revocation in a transaction that is rolled back never signs the session out", async () => {
    const { db } = await createTestApp();
    await db.account.create({
      data: {
        id: "rolled-back",
        name: "Rolled Back",
        role: "reviewer",
        email: "rolled@factmark.test",
        passwordHash: "x",
      },
    });
    const sessionId = hashSecretToken((await startSession(db, "rolled-back", 60_000)).token);
    let revoked = () => {};
    const isRevoked = new Promise<void>((resolve) => {
      revoked = resolve;
    });
    let end = () => {};
    const isEnded = new Promise<void>((resolve) => {
      end = resolve;
    });
    const transaction = db
      .$transaction(async (tx) => {
        await tx.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
        revoked();
        await isEnded;
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    await isRevoked;
    // Asked while the revocation is written but not committed (on SQLite, on the same connection).
    const asked = findSessionPrincipal(db, sessionId, new Date());
    await new Promise((resolve) => setTimeout(resolve, 50));
    end();
    await transaction;
    expect(await asked).toEqual({ id: "rolled-back", name: "Rolled Back", role: "reviewer" });
  });
});
