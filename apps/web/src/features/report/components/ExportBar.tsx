import { REPORT_FORMATS, reportDownloadUrl } from "../api";

/** One download link per export format. */
export function ExportBar({ articleId }: { articleId: string }) {
  return (
    <nav className="export-bar" aria-label="Export the report">
      <span className="export-bar__label">Export</span>
      <ul>
        {REPORT_FORMATS.map(({ format, label, description }) => (
          <li key={format}>
            <a className="button" href={reportDownloadUrl(articleId, format)} download title={description}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
