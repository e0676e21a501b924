import { REPORT_FORMATS, type ReportHistoryOption } from "@factmark/core";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { ExportBar } from "./ExportBar";

function exportLinks() {
  return within(screen.getByRole("navigation", { name: "Export the report" })).getAllByRole("link");
}

/** The bar as the report page holds it: the option's state lives above it. */
function ReportPageBar() {
  const [history, setHistory] = useState<ReportHistoryOption>("omit");
  return <ExportBar articleId="article 1" history={history} onHistoryChange={setHistory} />;
}

describe("ExportBar", () => {
  it("offers one download per report format, named and explained as core says", () => {
    render(<ExportBar articleId="article 1" />);
    const links = exportLinks();
    expect(links.map((link) => [link.textContent, link.getAttribute("title"), link.getAttribute("href")])).toEqual([
      ["HTML", "one printable page", "/api/articles/article%201/report?format=html"],
      ["Markdown", "for a code host or CMS", "/api/articles/article%201/report?format=md"],
      ["PDF", "for print and archive", "/api/articles/article%201/report?format=pdf"],
      ["JSON", "Factmark's full export, re-importable", "/api/articles/article%201/report?format=json"],
      ["W3C Web Annotation", "JSON-LD for annotation tools", "/api/articles/article%201/report?format=w3c"],
      ["ClaimReview", "schema.org JSON-LD for search engines", "/api/articles/article%201/report?format=claimreview"],
      ["CSV", "one row per claim, for spreadsheets", "/api/articles/article%201/report?format=csv"],
    ]);
    for (const link of links) expect(link).toHaveAttribute("download");
  });

  it("leaves the working history out of every download until the desk asks for it, and back", async () => {
    const user = userEvent.setup();
    render(<ReportPageBar />);
    const option = screen.getByRole("checkbox", { name: "Include working history" });
    expect(option).not.toBeChecked();
    expect(option).toHaveAccessibleDescription(/The public formats leave it out/);
    expect(exportLinks().map((link) => link.getAttribute("href"))).toEqual(
      REPORT_FORMATS.map((format) => `/api/articles/article%201/report?format=${format}`),
    );

    await user.click(option);
    expect(exportLinks().map((link) => link.getAttribute("href"))).toEqual(
      REPORT_FORMATS.map((format) => `/api/articles/article%201/report?format=${format}&history=include`),
    );

    await user.click(option);
    expect(exportLinks().every((link) => !link.getAttribute("href")?.includes("history"))).toBe(true);
  });
});
