import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type APIRequestContext, expect } from "@playwright/test";

const SAMPLE_FILE = fileURLToPath(new URL("../../prisma/seed/iran-drones-article.txt", import.meta.url));

/** A fresh copy of the sample article, so a journey does not depend on what another one marked. */
export async function createSampleCopy(request: APIRequestContext, title = "Sample copy"): Promise<string> {
  const [, ...body] = readFileSync(SAMPLE_FILE, "utf8").split("\n");
  const response = await request.post("/api/articles", {
    data: { title, format: "text", content: body.join("\n"), outlet: "All Israel News" },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}
