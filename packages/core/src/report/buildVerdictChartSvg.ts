import { VERDICT_LABELS, VERDICTS, type Verdict, type VerdictCounts } from "../schemas/verdict";
import { escapeHtml } from "./escapeHtml";
import { VERDICT_STYLES } from "./reportLabels";

/** Verdict colours (the app's, from VERDICT_STYLES), each paired with a fill pattern so the chart reads without colour too. */
export const VERDICT_COLOURS: Record<Verdict, string> = {
  supported: VERDICT_STYLES.supported.colour,
  contradicted: VERDICT_STYLES.contradicted.colour,
  unverified: VERDICT_STYLES.unverified.colour,
};

const WIDTH = 480;
const LABEL_WIDTH = 110;
const BAR_HEIGHT = 22;
const GAP = 10;
/** Room after a bar for its count: the gap, then up to 0.6 em (16 px text) per digit of the largest count. */
const COUNT_GAP = 6;
const DIGIT_WIDTH = 10;
const MIN_COUNT_WIDTH = 40;

/**
 * A small horizontal bar chart of claims per verdict, as inline SVG: role="img" with a title and a description that
 * state every count, and text labels beside every bar, so screen readers and colour-blind readers get it all.
 * `idPrefix` keeps its element ids unique when a page holds more than one chart.
 */
export function buildVerdictChartSvg(counts: VerdictCounts, idPrefix = "verdict-chart"): string {
  const largest = Math.max(1, ...VERDICTS.map((verdict) => counts[verdict]));
  // The longest bar's count must fit inside the chart: "10000" beside a full bar was cut off.
  const countWidth = Math.max(MIN_COUNT_WIDTH, COUNT_GAP + String(largest).length * DIGIT_WIDTH);
  const barSpace = WIDTH - LABEL_WIDTH - countWidth;
  const height = VERDICTS.length * (BAR_HEIGHT + GAP) - GAP;
  const description = VERDICTS.map((verdict) => `${VERDICT_LABELS[verdict]}: ${counts[verdict]}`).join(", ");
  const rows = VERDICTS.map((verdict, index) => {
    const y = index * (BAR_HEIGHT + GAP);
    const width = Math.round((counts[verdict] / largest) * barSpace);
    const label = escapeHtml(VERDICT_LABELS[verdict]);
    return [
      `<g>`,
      `<text x="0" y="${y + 16}" class="chart-label">${label}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" fill="url(#${idPrefix}-${verdict})" stroke="${VERDICT_COLOURS[verdict]}"/>`,
      `<text x="${LABEL_WIDTH + width + COUNT_GAP}" y="${y + 16}" class="chart-count">${counts[verdict]}</text>`,
      `</g>`,
    ].join("");
  }).join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"`,
    ` aria-labelledby="${idPrefix}-title ${idPrefix}-desc">`,
    `<title id="${idPrefix}-title">Claims per verdict</title>`,
    `<desc id="${idPrefix}-desc">${escapeHtml(description)}</desc>`,
    `<defs>${patterns(idPrefix)}</defs>`,
    rows,
    `</svg>`,
  ].join("");
}

function patterns(idPrefix: string): string {
  const { supported, contradicted, unverified } = VERDICT_COLOURS;
  return [
    `<pattern id="${idPrefix}-supported" width="8" height="8" patternUnits="userSpaceOnUse">`,
    `<rect width="8" height="8" fill="${supported}"/></pattern>`,
    `<pattern id="${idPrefix}-contradicted" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`,
    `<rect width="8" height="8" fill="${contradicted}"/><rect width="3" height="8" fill="#ffffff" fill-opacity="0.45"/></pattern>`,
    `<pattern id="${idPrefix}-unverified" width="8" height="8" patternUnits="userSpaceOnUse">`,
    `<rect width="8" height="8" fill="${unverified}"/><circle cx="4" cy="4" r="1.6" fill="#ffffff" fill-opacity="0.6"/></pattern>`,
  ].join("");
}
