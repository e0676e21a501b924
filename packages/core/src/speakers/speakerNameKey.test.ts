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

  it("folds Latin letters that carry their mark inside them (ł, ø, đ, ß, æ, œ, þ) as it folds accents", () => {
    expect(speakerNameKey("Łukasz Wałęsa")).toBe(speakerNameKey("Lukasz Walesa"));
    expect(speakerNameKey("Søren Østergaard")).toBe(speakerNameKey("Soren Ostergaard"));
    expect(speakerNameKey("Đorđe Đurić")).toBe(speakerNameKey("Dorde Duric"));
    expect(speakerNameKey("Hans Weiß")).toBe(speakerNameKey("HANS WEISS"));
    expect(speakerNameKey("Þórunn Ægisdóttir")).toBe(speakerNameKey("Thorunn Aegisdottir"));
    expect(speakerNameKey("Œuvre")).toBe("oeuvre");
  });

  it("keeps names of punctuation alone apart", () => {
    const keys = ["—", "...", "'", "_"].map(speakerNameKey);
    expect(new Set(keys).size).toBe(4);
    expect(keys).not.toContain("");
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
