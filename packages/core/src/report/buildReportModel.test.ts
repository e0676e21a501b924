import { describe, expect, it } from "vitest";
import { LOCAL_REVIEWER, SECOND_REVIEWER, sampleReportInput } from "../testing/sampleReport";
import { buildReportModel, REPORT_HISTORY_LIMIT } from "./buildReportModel";

const input = sampleReportInput();
const model = buildReportModel(input);

describe("buildReportModel on the sample article", () => {
  it("puts the claims in document order and numbers them from 1", () => {
    expect(model.claims.map((claim) => [claim.number, claim.speaker])).toEqual([
      [1, "Hossein Amir-Abdollahian"],
      [2, "Volodymyr Zelenskyy"],
      [3, "Robert Malley"],
      [4, "Amir Saeid Iravani"],
    ]);
    const starts = model.claims.map((claim) => claim.selectors.position.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it("counts claims per verdict", () => {
    expect(model.counts).toEqual({ supported: 1, contradicted: 2, unverified: 1 });
    expect(model.claimCount).toBe(4);
    expect(model.orphanCount).toBe(0);
  });

  it("pairs contradictions side by side, earlier claim on the left, with speakers and verdicts", () => {
    expect(
      model.contradictions.map((pair) => [
        `${pair.left.speaker} (${pair.left.verdictLabel})`,
        `${pair.right.speaker} (${pair.right.verdictLabel})`,
        pair.note,
      ]),
    ).toEqual([
      [
        "Hossein Amir-Abdollahian (Contradicted)",
        "Robert Malley (Supported)",
        "Months before the war, or dozens this summer?",
      ],
      ["Robert Malley (Supported)", "Amir Saeid Iravani (Contradicted)", null],
    ]);
  });

  it("leaves supporting links out of the contradictions but shows them on both claims", () => {
    const zelenskyy = model.claims[1];
    const malley = model.claims[2];
    expect(zelenskyy?.links).toEqual([expect.objectContaining({ label: "Supports", otherClaimNumber: 3 })]);
    expect(malley?.links.map((link) => `${link.label} ${link.otherClaimNumber}`)).toEqual([
      "Contradicted by 1",
      "Supported by 2",
      "Contradicted by 4",
    ]);
  });

  it("attaches evidence to its claim with the stance in words", () => {
    expect(model.claims[0]?.evidence.map((item) => [item.id, item.stanceLabel])).toEqual([
      ["evd_first_sightings", "Contradicts"],
    ]);
    expect(model.claims[1]?.evidence).toEqual([]);
  });

  it("carries no working history unless asked: no events, no claim history", () => {
    expect(model.events).toEqual([]);
    expect(model.claims.every((claim) => claim.history.length === 0 && claim.historyTotal === 0)).toBe(true);
    expect(JSON.stringify(model)).not.toMatch(/marked the claim|changed the verdict/);
  });

  it(`keeps, when asked, every event and the last ${REPORT_HISTORY_LIMIT} history entries of a claim, oldest first, in words`, () => {
    const withHistory = buildReportModel(input, { history: "include" });
    expect(withHistory.events).toHaveLength(input.events.length);
    const first = withHistory.claims[0];
    expect(first?.historyTotal).toBe(5);
    expect(first?.history.map((entry) => entry.summary)).toEqual([
      "marked the claim as Unverified",
      "attributed the claim to Hossein Amir-Abdollahian",
      "changed the verdict from Unverified to Contradicted",
      "linked it as contradicting “transferred dozens [of drones to Russia] just this summer”",
      "added evidence “First sightings of Shahed-136 drones over Ukraine (sample…” (Contradicts)",
    ]);
    const extra = {
      ...input.events[1],
      id: "evt_extra",
      at: "2026-01-11T00:00:00.000Z",
    } as (typeof input.events)[number];
    const longer = buildReportModel(
      { ...input, events: [...input.events, { ...extra, claimId: first?.id ?? null }] },
      { history: "include" },
    );
    expect(longer.claims[0]?.history).toHaveLength(REPORT_HISTORY_LIMIT);
    expect(longer.claims[0]?.historyTotal).toBe(6);
  });

  it("names the reviewers: those given, else everyone in the claims' working history", () => {
    expect(model.header.reviewers).toEqual([LOCAL_REVIEWER.name, SECOND_REVIEWER.name]);
    expect(buildReportModel({ ...input, reviewers: [SECOND_REVIEWER] }).header.reviewers).toEqual(["Dana Levi"]);
  });

  it("names who originally did what an import brought in, the importer only as the one who imported it", () => {
    const importer = { id: "ines", name: "Ines Importer" };
    const imported = buildReportModel(
      {
        ...input,
        claims: input.claims.map((claim) => ({
          ...claim,
          createdBy: importer,
          originalAuthorName: claim.createdBy.name,
        })),
        events: input.events.map((event) => ({ ...event, by: importer, originalActorName: event.by.name })),
      },
      { history: "include" },
    );
    expect(imported.header.reviewers).toEqual([
      `${LOCAL_REVIEWER.name} (imported by Ines Importer)`,
      `${SECOND_REVIEWER.name} (imported by Ines Importer)`,
    ]);
    expect(imported.claims.flatMap((claim) => claim.history.map((entry) => entry.by))).toEqual(
      buildReportModel(input, { history: "include" }).claims.flatMap((claim) =>
        claim.history.map((entry) => `${entry.by} (imported by Ines Importer)`),
      ),
    );
  });

  it("names as reviewers those who worked on the claims, not the outside author of an imported annotation", () => {
    const importer = { id: "ines", name: "Ines Importer" };
    const annotated = buildReportModel({
      ...input,
      // Claims brought in from another tool's annotations: their creator wrote a note, reviewed nothing here.
      claims: input.claims.map((claim) => ({ ...claim, createdBy: importer, originalAuthorName: "Web Annotator" })),
    });
    expect(annotated.header.reviewers).toEqual([LOCAL_REVIEWER.name, SECOND_REVIEWER.name]);
    expect(annotated.header.reviewers.join()).not.toContain("Web Annotator");
  });

  it("fills in the header and the report URL from the organisation", () => {
    expect(model.header).toMatchObject({
      title: "Iran admits supplying Russia with drones after having said it had not",
      outlet: "All Israel News",
      reportUrl: "https://factcheck.example.org/articles/art_iran_drones/report",
    });
    const withSlash = buildReportModel({ ...input, organisation: { name: "X", url: "https://x.example/" } });
    expect(withSlash.header.reportUrl).toBe("https://x.example/articles/art_iran_drones/report");
  });

  it("drops links and evidence that point at claims not in the report", () => {
    const partial = buildReportModel({
      ...input,
      claims: input.claims.filter((claim) => claim.id !== "clm_amir_abdollahian"),
    });
    expect(partial.links.every((link) => link.fromClaimId !== "clm_amir_abdollahian")).toBe(true);
    expect(partial.contradictions).toHaveLength(1);
    expect(partial.claims.flatMap((claim) => claim.evidence).map((item) => item.id)).not.toContain(
      "evd_first_sightings",
    );
  });

  it("builds an empty report for an article without claims", () => {
    const empty = buildReportModel({ ...input, claims: [], links: [], evidence: [], events: [] });
    expect(empty.claims).toEqual([]);
    expect(empty.counts).toEqual({ supported: 0, contradicted: 0, unverified: 0 });
    expect(empty.header.reviewers).toEqual([]);
  });
});
