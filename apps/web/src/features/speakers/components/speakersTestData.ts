import type { NewsroomSpeaker, NewsroomSpeakerDetail } from "@factmark/core";

/** Two spellings of one minister, merged or not, and Malley: the speakers' pages' test data. */
export const MALLEY: NewsroomSpeaker = {
  id: "s-malley",
  name: "Robert Malley",
  kind: "Person",
  aliases: ["Malley", "Robert Malley"],
  claimCount: 3,
  articleCount: 2,
  counts: { contradicted: 2, supported: 1, unverified: 0 },
  lastClaimAt: "2026-05-31T12:00:00.000Z",
};

export const MINISTER: NewsroomSpeaker = {
  id: "s-minister",
  name: "Hossein Amir-Abdollahian",
  kind: null,
  aliases: ["Hossein Amir-Abdollahian"],
  claimCount: 2,
  articleCount: 1,
  counts: { contradicted: 1, supported: 0, unverified: 1 },
  lastClaimAt: "2026-04-02T12:00:00.000Z",
};

export const SHORT_MINISTER: NewsroomSpeaker = {
  id: "s-short",
  name: "Amir-Abdollahian",
  kind: null,
  aliases: ["Amir-Abdollahian"],
  claimCount: 1,
  articleCount: 1,
  counts: { contradicted: 1, supported: 0, unverified: 0 },
  lastClaimAt: "2026-03-10T12:00:00.000Z",
};

/** Malley's record: three claims over March to May, one by another spelling. */
export const MALLEY_DETAIL: NewsroomSpeakerDetail = {
  ...MALLEY,
  byMonth: [
    { month: "2026-03", counts: { contradicted: 1, supported: 0, unverified: 0 } },
    { month: "2026-04", counts: { contradicted: 0, supported: 0, unverified: 0 } },
    { month: "2026-05", counts: { contradicted: 1, supported: 1, unverified: 0 } },
  ],
  claims: [
    {
      id: "c3",
      quote: "Iran transferred dozens just this summer",
      verdict: "contradicted",
      speaker: "Robert Malley",
      createdAt: "2026-05-31T12:00:00.000Z",
      article: { id: "a2", title: "Drones, again", isPublished: true },
    },
    {
      id: "c2",
      quote: "dozens of drones",
      verdict: "supported",
      speaker: "Malley",
      createdAt: "2026-05-01T12:00:00.000Z",
      article: { id: "a1", title: "Iran and the drones", isPublished: false },
    },
    {
      id: "c1",
      quote: "transferred dozens",
      verdict: "contradicted",
      speaker: "Robert Malley",
      createdAt: "2026-03-10T12:00:00.000Z",
      article: { id: "a1", title: "Iran and the drones", isPublished: false },
    },
  ],
};

/** A record of a speaker with these fields, its claims and chart empty unless given. */
export function detailOf(speaker: NewsroomSpeaker, fields: Partial<NewsroomSpeakerDetail> = {}): NewsroomSpeakerDetail {
  return { ...speaker, byMonth: [], claims: [], ...fields };
}
