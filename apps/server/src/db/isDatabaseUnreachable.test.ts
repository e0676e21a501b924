import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { describe, expect, it } from "vitest";
import * as Postgres from "../generated/prisma-pg/client";
import { closedPort } from "../test/closedPort";
import { createTestDatabase } from "../test/createTestApp";
import { createDatabase } from "./createDatabase";
import { isDatabaseUnreachable, isEveryConnectionBusy, isWorkGivenUp } from "./isDatabaseUnreachable";

/** What `run` throws. */
async function thrownBy(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("It did not throw.");
}

describe("isDatabaseUnreachable", () => {
  it("knows pg's refusal to connect, and a query on a client whose connection is gone", async () => {
    const url = `postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`;
    expect(isDatabaseUnreachable(await thrownBy(() => new pg.Client({ connectionString: url }).connect()))).toBe(true);
    const pool = new pg.Pool({ connectionString: url });
    expect(isDatabaseUnreachable(await thrownBy(() => pool.query("SELECT 1")))).toBe(true);
    await pool.end();
  });

  it("knows the error Prisma's pg adapter throws for the same", async () => {
    const url = `postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`;
    const adapter = await new PrismaPg({ connectionString: url }).connect();
    const error = await thrownBy(() => adapter.queryRaw({ sql: "SELECT 1", args: [], argTypes: [] }));
    expect(error).toMatchObject({ name: "DriverAdapterError" });
    expect(isDatabaseUnreachable(error)).toBe(true);
    await adapter.dispose();
  });

  it("knows what Prisma throws for raw SQL on a server it cannot reach (P2010, the adapter's error in meta)", async () => {
    const url = `postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`;
    const db = new Postgres.PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    const queried = await thrownBy(() => db.$queryRaw`SELECT 1`);
    const executed = await thrownBy(() => db.$executeRaw`SELECT 1`);
    expect(queried).toMatchObject({ code: "P2010" });
    expect(isDatabaseUnreachable(queried)).toBe(true);
    expect(isDatabaseUnreachable(executed)).toBe(true);
    await db.$disconnect();
  });

  it("knows a server going away by its SQLSTATE, through the adapter's cause too", () => {
    const terminated = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
    });
    expect(isDatabaseUnreachable(terminated)).toBe(true);
    expect(isDatabaseUnreachable({ cause: { kind: "postgres", originalCode: "57P01" } })).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("connection failure"), { code: "08006" }))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("Can't reach database server"), { code: "P1001" }))).toBe(
      true,
    );
  });

  it("does not take a query's own failure for an unreachable database", () => {
    expect(isDatabaseUnreachable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnreachable({ cause: { kind: "UniqueConstraintViolation" } })).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnreachable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
  });

  it("tells a pool whose connections are all busy from a database gone", () => {
    const unstarted = Object.assign(
      new Error("Transaction API error: Unable to start a transaction in the given time."),
      {
        code: "P2028",
      },
    );
    expect(isEveryConnectionBusy(unstarted)).toBe(true);
    expect(isDatabaseUnreachable(unstarted)).toBe(false);
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isEveryConnectionBusy(refused)).toBe(false);
    expect(isEveryConnectionBusy(undefined)).toBe(false);
  });

  it("tells a transaction that ran past its time, or a statement the database cancelled, from a busy pool", async () => {
    const database = await createTestDatabase();
    const db = await createDatabase(database.url);
    try {
      const expired = await thrownBy(() =>
        db.$transaction(
          async (tx) => {
            await new Promise((resolve) => setTimeout(resolve, 400));
            await tx.$queryRaw`SELECT 1`;
          },
          { timeout: 100 },
        ),
      );
      expect(expired).toMatchObject({ code: "P2028" });
      expect(isWorkGivenUp(expired)).toBe(true);
      expect(isEveryConnectionBusy(expired)).toBe(false);
      expect(isDatabaseUnreachable(expired)).toBe(false);
    } finally {
      await db.$disconnect();
      await database.drop();
    }
    const cancelled = { cause: { kind: "postgres", originalCode: "57014" } };
    expect(isWorkGivenUp(cancelled)).toBe(true);
    expect(isEveryConnectionBusy(cancelled)).toBe(false);
    const unstarted = Object.assign(
      new Error("Transaction API error: Unable to start a transaction in the given time."),
      {
        code: "P2028",
      },
    );
    expect(isWorkGivenUp(unstarted)).toBe(false);
    // Any other transaction error is the code's own fault (a 500), not a wait.
    expect(
      isWorkGivenUp(
        Object.assign(new Error("Transaction already closed: Could not perform operation."), { code: "P2028" }),
      ),
    ).toBe(false);
  });
});
