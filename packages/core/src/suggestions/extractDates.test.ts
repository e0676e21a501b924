import { describe, expect, it } from "vitest";
import { type DateMention, extractDates, formatDay } from "./extractDates";

const PUBLISHED = "2022-11-10"; // a Thursday

function dates(sentence: string, publishedAt: string | null = PUBLISHED) {
  return extractDates(sentence, publishedAt).map((date: DateMention) => ({
    text: sentence.slice(date.start, date.end),
    from: Number.isFinite(date.from) ? formatDay(date.from) : null,
    to: Number.isFinite(date.to) ? formatDay(date.to) : null,
    relation: date.relation,
    isReporting: date.isReporting,
  }));
}

describe("extractDates", () => {
  it("resolves a weekday to the last one before publication", () => {
    expect(dates("The leak began on Monday morning.")[0]).toMatchObject({ from: "2022-11-07", to: "2022-11-07" });
  });

  it("resolves a day and month without a year to the year that puts it before publication", () => {
    expect(dates("It was serviced on 3 May.")[0]).toMatchObject({ from: "2022-05-03", to: "2022-05-03" });
    expect(dates("Its last service was in December.")[0]).toMatchObject({ from: "2021-12-01", to: "2021-12-31" });
  });

  it("looks forward when the sentence speaks of the future", () => {
    expect(dates("The wing will open in December.")[0]).toMatchObject({ from: "2022-12-01", to: "2022-12-31" });
  });

  it("reads seasons and bare years, with their relation", () => {
    expect(dates("They transferred dozens just this summer.")[0]).toMatchObject({
      from: "2022-06-01",
      to: "2022-08-31",
      relation: "at",
    });
    expect(dates("It would not open before next summer.")[0]).toMatchObject({
      from: "2023-06-01",
      relation: "notBefore",
    });
    expect(dates("Enrollment dropped since 2019.")[0]).toMatchObject({ from: "2019-01-01", relation: "since" });
  });

  it("keeps a time given against an event as that event", () => {
    const [date] = extractDates("Iran sold drones months before the Ukraine war.", PUBLISHED);
    expect(date).toMatchObject({ relation: "before", event: "Ukraine war", value: "before the Ukraine war" });
  });

  it("marks the date of the telling, not of the event told", () => {
    expect(dates("City officials said on Thursday that the bridge would close.")[0]).toMatchObject({
      isReporting: true,
    });
    expect(dates("Ward said the leak began on Wednesday.")[0]).toMatchObject({ isReporting: false });
    expect(dates("This week, the spokesman noted that Iran had lied.")[0]).toMatchObject({ isReporting: true });
  });

  it("reads 'in the past five years' as the stretch up to publication", () => {
    expect(dates("The plant passed every inspection in the past five years.")[0]).toMatchObject({
      from: "2017-11-10",
      to: "2022-11-10",
    });
  });

  it("does not take a length of time for a date", () => {
    expect(dates("The ferry would return to service within a week.")).toEqual([]);
  });

  it("leaves relative dates out when the publication date is unknown", () => {
    expect(dates("He said it happened last week.", null)).toEqual([]);
  });

  it("reads a day and month as a date without a publication date, in a neutral year, compared by month and day", () => {
    expect(dates("The fire started on 3 May.", null)[0]).toMatchObject({ text: "3 May", from: "2000-05-03" });
    expect(dates("It was signed on March 3.", null)[0]).toMatchObject({ text: "March 3", from: "2000-03-03" });
    expect(dates("The plant closed in March.", null)[0]).toMatchObject({ from: "2000-03-01", to: "2000-03-31" });
    expect(extractDates("The fire started on 3 May.", null)[0]?.value).toBe("3 May (no year)");
  });
});
