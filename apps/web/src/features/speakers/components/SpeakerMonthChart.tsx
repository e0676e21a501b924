import { type NewsroomSpeakerDetail, VERDICT_LABELS, VERDICTS } from "@factmark/core";
import { useId } from "react";
import { describeVerdictCounts } from "./VerdictBar";

export interface SpeakerMonthChartProps {
  byMonth: NewsroomSpeakerDetail["byMonth"];
  name: string;
}

/** The chart's drawing units: each month a column this wide, bars this tall at most, room below for labels. */
const COLUMN = 24;
const BAR = 18;
const HEIGHT = 96;
const LABEL_ROOM = 18;
/** A short record is drawn over this many months (empty ones before its first), so one bar is not the whole chart. */
const MONTHS_SHOWN_AT_LEAST = 12;

/** The month before a `YYYY-MM` month. */
function previousMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, "0")}`;
}

/** The months with, before them, as many empty months as make `atLeast` in all. */
function withMonthsBefore(byMonth: SpeakerMonthChartProps["byMonth"], atLeast: number) {
  const padded = [...byMonth];
  while (padded.length < atLeast && padded[0]) {
    padded.unshift({ month: previousMonth(padded[0].month), counts: { supported: 0, contradicted: 0, unverified: 0 } });
  }
  return padded;
}

/** "2026-05" as the chart says it: "May 2026" (short), "May 2026" spelled out (long), "May 26" (axis). */
function monthLabel(month: string, style: "short" | "long" | "axis" = "short"): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const date = new Date(Date.UTC(year, monthNumber - 1, 1));
  return date.toLocaleDateString(undefined, {
    month: style === "long" ? "long" : "short",
    year: style === "axis" ? "2-digit" : "numeric",
    timeZone: "UTC",
  });
}

/** The caption's words for the months with claims: "in May 2026" for one, "by month, May to Dec 2026" for several. */
function recordedSpan(name: string, first: string, last: string): string {
  return first === last
    ? `${name}'s claims, all in ${monthLabel(first)}`
    : `${name}'s claims by month, ${monthLabel(first)} to ${monthLabel(last)}`;
}

/**
 * A speaker's claims per month as stacked bars, one colour per verdict, drawn in plain SVG that scales to its box.
 * Only some months are labelled when there are many (the first, the last, and about six between); each bar tells its
 * month and counts on hover, and a table under it, for screen readers, holds every number.
 */
export function SpeakerMonthChart({ byMonth: recorded, name }: SpeakerMonthChartProps) {
  const id = useId();
  if (recorded.length === 0) return <p className="empty-state">No claims to chart yet.</p>;
  const byMonth = withMonthsBefore(recorded, MONTHS_SHOWN_AT_LEAST);
  const totals = byMonth.map((entry) => VERDICTS.reduce((sum, verdict) => sum + entry.counts[verdict], 0));
  const most = Math.max(1, ...totals);
  const width = byMonth.length * COLUMN;
  const labelEvery = Math.max(1, Math.ceil(byMonth.length / 7));
  return (
    <figure className="month-chart" aria-labelledby={`${id}-caption`}>
      <svg
        className="month-chart__svg"
        viewBox={`0 0 ${width} ${HEIGHT + LABEL_ROOM}`}
        preserveAspectRatio="xMinYMax meet"
        aria-hidden="true"
        focusable="false"
      >
        <line className="month-chart__axis" x1={0} x2={width} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} />
        {byMonth.map((entry, index) => {
          let top = HEIGHT;
          const x = index * COLUMN + (COLUMN - BAR) / 2;
          const last = byMonth.length - 1;
          // The first and last months, and every few between that are not crowding the last.
          const isLabelled = index === 0 || index === last || (index % labelEvery === 0 && last - index >= labelEvery);
          return (
            <g key={entry.month}>
              <title>{`${monthLabel(entry.month, "long")}: ${describeVerdictCounts(entry.counts)}`}</title>
              {VERDICTS.map((verdict) => {
                const height = (entry.counts[verdict] / most) * (HEIGHT - 4);
                if (height === 0) return null;
                top -= height;
                return (
                  <rect
                    key={verdict}
                    className={`month-chart__bar month-chart__bar--${verdict}`}
                    x={x}
                    y={top}
                    width={BAR}
                    height={height}
                  />
                );
              })}
              {isLabelled && (
                <text
                  className="month-chart__label"
                  x={index === 0 ? 0 : index === last ? width : index * COLUMN + COLUMN / 2}
                  y={HEIGHT + 13}
                  textAnchor={index === 0 ? "start" : index === last ? "end" : "middle"}
                >
                  {monthLabel(entry.month, "axis")}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption id={`${id}-caption`} className="month-chart__caption">
        {recordedSpan(name, recorded[0]?.month ?? "", recorded.at(-1)?.month ?? "")}
        <span className="month-chart__legend" aria-hidden="true">
          {VERDICTS.map((verdict) => (
            <span key={verdict} className="month-chart__key">
              <span className={`month-chart__swatch month-chart__swatch--${verdict}`} />
              {VERDICT_LABELS[verdict]}
            </span>
          ))}
        </span>
      </figcaption>
      {/* Wrapped: a table is never narrower than its content, so it cannot be the 1 px box that hides it. */}
      <div className="visually-hidden">
        <table>
          <caption>{`${name}'s claims by month`}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {VERDICTS.map((verdict) => (
                <th key={verdict} scope="col">
                  {VERDICT_LABELS[verdict]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {recorded.map((entry) => (
              <tr key={entry.month}>
                <th scope="row">{monthLabel(entry.month, "long")}</th>
                {VERDICTS.map((verdict) => (
                  <td key={verdict}>{entry.counts[verdict]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
