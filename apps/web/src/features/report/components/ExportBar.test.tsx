import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ExportBar } from "./ExportBar";

describe("ExportBar", () => {
  it("offers one download per report format, named and explained as core says", () => {
    render(<ExportBar articleId="article 1" />);
    const links = within(screen.getByRole("navigation", { name: "Export the report" })).getAllByRole("link");
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
});
