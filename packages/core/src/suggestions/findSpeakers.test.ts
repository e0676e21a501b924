import { describe, expect, it } from "vitest";
import { findQuotations } from "./findQuotations";
import { findSpeakers } from "./findSpeakers";
import { splitSentences } from "./splitSentences";

function speakersOf(text: string) {
  const quotations = findQuotations(text);
  return findSpeakers(text, splitSentences(text, quotations), quotations).map((attribution) => attribution.speaker);
}

describe("findSpeakers", () => {
  it("attributes a quotation followed by 'X said', with the full name given earlier", () => {
    expect(speakersOf("Mayor Linda Ortiz spoke on Friday.\n“We planned for it,” Ortiz said.")[1]).toEqual({
      name: "Linda Ortiz",
      how: "quoted, then 'Ortiz said'",
    });
  });

  it("attributes 'according to X', past titles and places", () => {
    expect(speakersOf("According to council member Priya Natarajan, the office was warned.")[0]).toEqual({
      name: "Priya Natarajan",
      how: "according to Priya Natarajan",
    });
    expect(
      speakersOf("Furthermore, according to a post by U.S. Special Envoy for Iran Robert Malley, Iran sent dozens.")[0]
        ?.name,
    ).toBe("Robert Malley");
  });

  it("attributes a statement whose attribution closes it: '…, said X.' and '…, X said.' (the full name given earlier)", () => {
    expect(speakersOf("Iran sold a limited number of drones months before the war, said Amir-Abdollahian.")[0]).toEqual(
      {
        name: "Amir-Abdollahian",
        how: "'…, said Amir-Abdollahian'",
      },
    );
    expect(
      speakersOf("Karen Holt inspected the plant.\nThe leak was far larger than reported, Holt said.")[1]?.name,
    ).toBe("Karen Holt");
  });

  it("attributes 'X said that …' to the name before the verb, past an apposition", () => {
    expect(speakersOf("The city's chief engineer, Raymond Cho, said the bill could reach $7.5 million.")[0]).toEqual({
      name: "Raymond Cho",
      how: "Raymond Cho said that …",
    });
  });

  it("resolves 'he' to the last person named in the previous sentence, never to a name inside a quotation", () => {
    const text = 'This week, spokesman Oleg Nikolenko spoke.\n"The ministry led by Dmytro Kuleba will act," he said.';
    expect(speakersOf(text)[1]).toEqual({
      name: "Oleg Nikolenko",
      how: "quoted, then 'he said': he → Oleg Nikolenko, previous sentence",
    });
  });

  it("gives a quotation standing alone the speaker of the quotation before it", () => {
    const text = "“We knew,” Ortiz said. “Nobody was surprised.”";
    expect(speakersOf(text)[1]).toEqual({ name: "Ortiz", how: "quoted, continuing Ortiz" });
  });

  it("reads a headline's 'X: ‘…’'", () => {
    expect(speakersOf("US Special Envoy Robert Malley: ‘Iran has personnel in Ukraine’")[0]).toEqual({
      name: "Robert Malley",
      how: "quoted after 'Robert Malley:'",
    });
  });
});
