import { describe, expect, it } from "vitest";
import { isWinAnsi, toWinAnsi } from "./toWinAnsi";

describe("toWinAnsi", () => {
  it("keeps what the standard fonts can show", () => {
    const text = "Café “quoted” – 5 € … naïve Œuvre ©\nsecond line";
    expect(toWinAnsi(text)).toBe(text);
  });

  it("drops accents the fonts do not have and spells Cyrillic and Greek in Latin letters", () => {
    expect(toWinAnsi("Łódź, Kraków, Gdańsk, Őrség")).toBe("Lódz, Kraków, Gdansk, Orség");
    expect(toWinAnsi("Ирано-российские дроны")).toBe("Irano-rossiyskie drony");
    expect(toWinAnsi("Щука Ёж")).toBe("Shchuka Yozh");
    expect(toWinAnsi("Αθήνα")).toBe("Athina");
  });

  it("gives typographic signs their look-alikes and drops invisible marks", () => {
    expect(toWinAnsi("a\u2212b \u2192 c\u00a0\u2009d\tx\u00ad")).toBe("a-b -> c\u00a0 d    x");
    expect(toWinAnsi("e\u0301 zero\u200bwidth")).toBe("é zerowidth");
  });

  it("shows what no spelling can render as one ? per character", () => {
    expect(toWinAnsi("🛩️ ایران 中国")).toBe("? ????? ??");
  });

  it("answers only characters the fonts hold", () => {
    const sample = "Iran’s “drones” 🛩️ ایران Ирано Ελλάδα Łódź \u0000\u0007\r\n\t\u2028 👨‍👩‍👧 e\u0301";
    for (const character of toWinAnsi(sample)) expect(isWinAnsi(character)).toBe(true);
  });
});
