import { VERDICT_COLOURS } from "../report/buildVerdictChartSvg";
import { CONCLUSION_RATING_COLOURS } from "../report/reportLabels";
import { CONCLUSION_RATINGS } from "../schemas/publication";
import { VERDICTS } from "../schemas/verdict";

/** Where the server serves PUBLIC_PAGE_CSS; every public page links it from there. */
export const PUBLIC_PAGE_CSS_PATH = "/fact-checks/assets/public.css";

/**
 * The public pages' one stylesheet (text/css), served at PUBLIC_PAGE_CSS_PATH: the pages carry no inline style, so
 * a strict Content-Security-Policy (`style-src 'self'`) holds. Text and badges reach a contrast of at least 4.5:1;
 * links are underlined; focus is visible; it prints.
 */
export const PUBLIC_PAGE_CSS = [
  ":root{color-scheme:light;--ink:#1b1f24;--muted:#57606a;--rule:#d0d7de;--link:#0550ae;--paper:#fff;--wash:#f6f8fa}",
  "*,*::before,*::after{box-sizing:border-box}",
  "body{margin:0;font:17px/1.6 Georgia,'Times New Roman',serif;color:var(--ink);background:var(--paper)}",
  ".site-header,main,.site-footer{max-width:48rem;margin:0 auto;padding:0 1.25rem}",
  // Whatever people typed wraps, even one unbroken word (a speaker, a rationale's URL): nothing may widen the page.
  ".site-header *,main *,.site-footer *{min-width:0;overflow-wrap:anywhere}",
  "h1,h2,h3,.site-header,.site-footer,.kicker,.byline,.badge,.meta,.notice,.back,.claim-number,.speaker,.verdict,.stance{font-family:system-ui,-apple-system,'Segoe UI',sans-serif}",
  ".skip-link{position:absolute;left:-999rem;top:0;background:var(--paper);padding:.5rem 1rem}",
  ".skip-link:focus{left:1rem;z-index:1}",
  ".site-header{padding-top:1rem;padding-bottom:1rem;border-bottom:1px solid var(--rule)}",
  ".site-name{font-weight:700;color:var(--ink);text-decoration:none}",
  "a{color:var(--link);text-decoration:underline;overflow-wrap:anywhere}",
  "a:focus-visible{outline:3px solid var(--link);outline-offset:2px}",
  "h1{font-size:2rem;line-height:1.2;margin:.4rem 0 .8rem}",
  "h2{font-size:1.35rem;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:1px solid var(--rule)}",
  "h3{font-size:1.1rem;margin:0 0 .4rem}",
  ".kicker{margin:1.6rem 0 0;color:var(--muted);font-size:.9rem;text-transform:uppercase;letter-spacing:.06em}",
  ".byline,.speaker,.stance,.back{color:var(--muted);font-size:.95rem}",
  ".byline{margin:0 0 1rem}",
  ".notice{margin:1.2rem 0;padding:.8rem 1rem;border:1px solid #9a6700;border-left-width:6px;background:#fff8c5}",
  ".notice-retracted{border-color:#b42318;background:#ffebe9}",
  ".notice p{margin:0}",
  ".conclusion{margin:1.2rem 0;padding:1rem 1.2rem;background:var(--wash);border:1px solid var(--rule);border-left-width:6px}",
  ".conclusion h2{margin-top:0;border-bottom:none}",
  ".badge{display:inline-block;font-size:.85rem;font-weight:600;padding:.1rem .6rem;border-radius:1rem;color:#fff;background:var(--muted)}",
  ...VERDICTS.map((verdict) => `.badge.v-${verdict}{background:${VERDICT_COLOURS[verdict]}}`),
  ...CONCLUSION_RATINGS.map(
    (rating) =>
      `.badge.r-${rating}{background:${CONCLUSION_RATING_COLOURS[rating]}}.conclusion.r-${rating}{border-left-color:${CONCLUSION_RATING_COLOURS[rating]}}`,
  ),
  ".meta{display:grid;grid-template-columns:fit-content(40%) minmax(0,1fr);gap:.2rem 1rem;margin:0;font-size:.95rem}",
  ".meta div{display:contents}.meta dt{color:var(--muted)}.meta dd{margin:0;overflow-wrap:anywhere}",
  ".claims{list-style:none;margin:0;padding:0}",
  ".claims>li{margin:0 0 1rem;padding:.9rem 1rem;border:1px solid var(--rule);border-left-width:6px;border-radius:6px}",
  ...VERDICTS.map((verdict) => `.claims>li.v-${verdict}{border-left-color:${VERDICT_COLOURS[verdict]}}`),
  ".claim-number{display:block;font-size:.85rem;color:var(--muted);font-weight:400}",
  ".speaker,.verdict{margin:.3rem 0}",
  "blockquote{margin:.6rem 0;padding:.4rem 1rem;border-left:4px solid var(--rule);background:var(--wash)}",
  ".quote{font-size:1.6rem}",
  ".evidence,.related,.corrections{padding-left:1.2rem}",
  ".evidence li,.related li,.corrections li{margin:.4rem 0}",
  ".site-footer{margin-top:3rem;padding-top:1rem;padding-bottom:2rem;border-top:1px solid var(--rule);color:var(--muted);font-size:.9rem}",
  "@media print{body{font-size:11pt}.skip-link{display:none}a{color:inherit}.badge,.notice,.conclusion{-webkit-print-color-adjust:exact;print-color-adjust:exact}}",
].join("\n");
