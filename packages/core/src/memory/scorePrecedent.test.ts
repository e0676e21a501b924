import { describe, expect, it } from "vitest";
import { readClaimFeatures } from "./readClaimFeatures";
import { isSameSpeaker, PRECEDENT_THRESHOLD, scorePrecedent } from "./scorePrecedent";

const claim = (quote: string, speaker: string | null = null, speakerId: string | null = null) => ({
  quote,
  speaker,
  speakerId,
});
const score = (query: ReturnType<typeof claim>, candidate: ReturnType<typeof claim>) =>
  scorePrecedent(query, candidate).score;

describe("scorePrecedent", () => {
  it("scores a claim against itself 1, and a claim with nothing in common 0", () => {
    const malley = claim("Iran transferred dozens of drones to Russia just this summer", "Robert Malley");
    expect(score(malley, malley)).toBe(1);
    expect(score(malley, claim("The harbour bridge reopened on Monday"))).toBe(0);
  });

  it("finds a restatement in other words above the threshold, and says why in words", () => {
    const result = scorePrecedent(
      claim("Tehran delivered dozens of drones to Russia over the summer", "Malley", "speaker-1"),
      claim("Iran transferred dozens of drones to Russia just this summer", "Robert Malley", "speaker-1"),
    );
    expect(result.score).toBeGreaterThan(0.6);
    expect(result.reasons).toEqual([
      { kind: "shared-words", text: "shares: Russia, delivered, drones, summer" },
      { kind: "same-numbers", text: "the same numbers: dozens" },
      { kind: "same-speaker", text: "the same speaker: Robert Malley" },
    ]);
  });

  it.each([
    ["12%", "12 percent"],
    ["12%", "twelve per cent"],
    ["1,200", "1.2 thousand"],
    ["$3m", "3 million dollars"],
    ["48", "forty-eight"],
  ])("reads %s and %s as the same number", (left, right) => {
    const result = scorePrecedent(
      claim(`The budget grew by ${left} last year`),
      claim(`The budget grew by ${right} last year`),
    );
    expect(result.reasons.find((reason) => reason.kind === "same-numbers")).toBeDefined();
    expect(result.score).toBeGreaterThan(0.85);
  });

  it("ranks the same words about a different figure below a restatement with the same figure", () => {
    const query = claim("Transport spending in Marova increased by twelve per cent this year");
    const restatement = claim("Marova's transport budget rose 12% this year");
    const otherFigure = claim("Marova's transport budget rose 21% this year");
    expect(score(query, restatement)).toBeGreaterThan(score(query, otherFigure));
    expect(score(query, claim("the Corrin port expansion cost $30m"))).toBeLessThan(PRECEDENT_THRESHOLD);
  });

  it("ranks the same words in the opposite sense below the restatement: negation, denial, direction", () => {
    const query = claim("Iran supplied drones to Russia");
    const restatement = claim("Iran has supplied Russia with drones");
    for (const opposite of [
      "Iran did not supply drones to Russia",
      "Iran never supplied drones to Russia",
      "Iran denied supplying drones to Russia",
    ]) {
      expect(score(query, claim(opposite))).toBeLessThan(score(query, restatement) / 2);
    }
    const rose = claim("house prices in Lisle rose 3% in 2024");
    expect(score(claim("Home prices in Lisle went up 3% in 2024"), rose)).toBeGreaterThan(
      score(claim("Home prices in Lisle fell 3% in 2024"), rose),
    );
  });

  it("does not read a hedge as a negation: 'no more than 40' asserts", () => {
    expect(readClaimFeatures(claim("Iran sold no more than 40 drones")).isNegated).toBe(false);
    expect(readClaimFeatures(claim("Iran did not sell drones")).isNegated).toBe(true);
    expect(readClaimFeatures(claim("Nobody left without paying")).isNegated).toBe(false);
  });

  it("ranks the same words about a different subject below the restatement", () => {
    const query = claim("Iran transferred drones to Russia");
    expect(score(query, claim("Iran shipped drones to Russia"))).toBeGreaterThan(
      score(query, claim("Turkey transferred drones to Ukraine")),
    );
  });

  it("lets the same speaker add a little, never enough to make a different claim a precedent", () => {
    const query = claim("Robert Malley said Iran transferred dozens of drones this summer", "Robert Malley");
    const sameSpeakerOtherClaim = claim("Robert Malley said the talks would resume in Vienna", "Robert Malley");
    expect(score(query, sameSpeakerOtherClaim)).toBeLessThan(PRECEDENT_THRESHOLD);
    const restatement = claim("Iran sent dozens of drones this summer");
    expect(score(query, { ...restatement, speaker: "Robert Malley" })).toBeGreaterThan(score(query, restatement));
  });

  it("treats spellings of one name as one: accents, hyphens and a letter's typo", () => {
    const query = claim("Velka got forty-eight air defence systems from Dmitrenko's allies");
    const result = scorePrecedent(query, claim("Velka has received 48 air-defence systems from Dmytrenko's allies"));
    expect(result.reasons[0]?.text).toContain("Dmitrenko");
    expect(result.score).toBeGreaterThan(0.6);
  });
});

describe("scorePrecedent on hostile quotes", () => {
  it.each([
    "🚀🚀🚀",
    "قالت الوزارة إن 12% من الطائرات المسيرة وصلت",
    "",
    "NOT NOT NOT not never no",
    "$$$ %%% 1e309 99999999999999999999999 -0 NaN",
    "a\u0000b\u200fc\ud83d",
  ])("scores %j against itself and others without throwing, in 0..1", (quote) => {
    for (const other of [quote, "Iran sold drones to Russia"]) {
      const { score: value, reasons } = scorePrecedent(claim(quote), claim(other));
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
      expect(Array.isArray(reasons)).toBe(true);
    }
  });
});

describe("isSameSpeaker", () => {
  const features = (speaker: string | null, speakerId: string | null = null) =>
    readClaimFeatures(claim("a claim", speaker, speakerId));

  it("follows the newsroom's speakers when both spellings have one", () => {
    expect(isSameSpeaker(features("Amir-Abdollahian", "s1"), features("Hossein Amir-Abdollahian", "s1"))).toBe(true);
    expect(isSameSpeaker(features("Robert Malley", "s1"), features("Robert Malley", "s2"))).toBe(false);
  });

  it("falls back to the folded name for a spelling no speaker has yet", () => {
    expect(isSameSpeaker(features("Hossein Amir-Abdollahian", "s1"), features("hossein amir abdollahian"))).toBe(true);
    expect(isSameSpeaker(features("Amir-Abdollahian"), features("Hossein Amir-Abdollahian"))).toBe(false);
    expect(isSameSpeaker(features(null), features(null))).toBe(false);
  });
});
