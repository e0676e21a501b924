import { describe, expect, it } from "vitest";
import { speakerNameKey } from "./speakerNameKey";

describe("speakerNameKey", () => {
  it("gives one key to spellings that differ only in case, spacing, hyphens, accents or full stops", () => {
    const key = speakerNameKey("Hossein Amir-Abdollahian");
    expect(key).toBe("hossein amir abdollahian");
    for (const spelling of [
      "hossein amir abdollahian",
      " Hossein  Amír\u2011Abdollahian ",
      "HOSSEIN AMIR ABDOLLAHIAN",
    ]) {
      expect(speakerNameKey(spelling)).toBe(key);
    }
    expect(speakerNameKey("J. R. Smith")).toBe(speakerNameKey("J R Smith"));
  });

  it("keeps different names apart, and a shorter name is not the longer one", () => {
    expect(speakerNameKey("Amir-Abdollahian")).not.toBe(speakerNameKey("Hossein Amir-Abdollahian"));
    expect(speakerNameKey("Ana Ruiz")).not.toBe(speakerNameKey("Ana Ruíz Gómez"));
  });

  it("keeps letters of scripts without case, and the marks they need", () => {
    expect(speakerNameKey("علي  خامنئي")).toBe("علي خامنئي");
    expect(speakerNameKey("यशवंत")).toBe("यशवंत");
    expect(speakerNameKey("Дмитрий Песков")).toBe("дмитрий песков");
  });
});
