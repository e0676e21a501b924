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

  it("takes a role as the speaker when no name is given ('the minister said', 'officials said')", () => {
    expect(speakersOf("The minister said 40 schools would close.")[0]).toEqual({
      name: "the minister",
      how: "the minister said that …",
    });
    expect(speakersOf("The union said 400 members walked out.")[0]?.name).toBe("the union");
    expect(speakersOf("The mayor denied the report.")[0]?.name).toBe("the mayor");
    expect(speakersOf("Officials said the road would reopen.")[0]?.name).toBe("officials");
    expect(speakersOf("The fire began at dawn, the company said.")[0]?.name).toBe("the company");
    expect(speakersOf("“We will appeal,” said the union.")[0]).toEqual({
      name: "the union",
      how: "quoted, then 'said the union'",
    });
    expect(speakersOf("Police said the road would reopen.")[0]?.name).toBe("police");
  });

  it("resolves a role to the person the text introduced with it, saying how", () => {
    const text =
      "Mayor Ana Ortega opened the hearing.\nThe council voted on the budget.\n“The allegation is totally unfounded,” the mayor said.";
    expect(speakersOf(text)[2]).toEqual({
      name: "Ana Ortega",
      how: "quoted, then 'the mayor said': the mayor → Ana Ortega, earlier",
    });
    expect(speakersOf("Ortega, the mayor, spoke first.\nThe mayor denied the report.")[1]).toEqual({
      name: "Ortega",
      how: "the mayor → Ortega, earlier",
    });
    expect(speakersOf("The mayor, Ana Ortega, spoke first.\nThe mayor denied the report.")[1]?.name).toBe("Ana Ortega");
    // A mayor named earlier is no minister.
    expect(speakersOf("Mayor Ana Ortega spoke.\nThe minister said 40 schools would close.")[1]?.name).toBe(
      "the minister",
    );
  });

  it("leaves titles and offices out of a name, and never takes an abbreviation for one", () => {
    expect(
      speakersOf("Ukraine's Minister for Foreign Affairs Dmytro Kuleba suggested that Ukraine should cut ties.")[0]
        ?.name,
    ).toBe("Dmytro Kuleba");
    expect(speakersOf("Secretary-General António Guterres said the talks would resume.")[0]?.name).toBe(
      "António Guterres",
    );
    expect(speakersOf("No. 7 said the team would win.")[0]).toBeNull();
    expect(speakersOf("Gen. Mark Hale said the troops had left.")[0]?.name).toBe("Mark Hale");
    expect(speakersOf("The fire started on 3 May, the company said.")[0]?.name).toBe("the company");
  });

  it("prefers the name in apposition after 'according to' a role", () => {
    expect(speakersOf("According to the plant's operator, Nordwater, the spill was small.")[0]).toEqual({
      name: "Nordwater",
      how: "according to the plant's operator, Nordwater",
    });
  });
});
