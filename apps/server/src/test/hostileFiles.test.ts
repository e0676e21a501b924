import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { buildDocx, buildDocxBomb } from "./hostileFiles";

describe("hostile file builders", () => {
  it("build a .docx that mammoth reads", async () => {
    const bytes = buildDocx("<w:p><w:r><w:t>Hello from a built file.</w:t></w:r></w:p>");
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(result.value).toBe("<p>Hello from a built file.</p>");
  });

  it("build a bomb far smaller than what it expands to", () => {
    const bytes = buildDocxBomb(1_000_000);
    expect(bytes.byteLength).toBeLessThan(50_000);
  });
});
