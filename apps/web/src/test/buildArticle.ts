import { type Article, articleText, type Publication, plainTextToDoc, UNCONCLUDED_ARTICLE } from "@factmark/core";

/** An article as the API would answer it: never concluded nor published unless `overrides` say so. */
export function buildArticle(overrides: Partial<Article> = {}, text = "Malley said Iran transferred dozens."): Article {
  const doc = plainTextToDoc(text);
  return {
    id: "article-1",
    title: "Iran admits supplying Russia with drones",
    sourceUrl: null,
    outlet: null,
    author: null,
    publishedAt: null,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    doc,
    text: articleText(doc),
    ...UNCONCLUDED_ARTICLE,
    ...overrides,
  };
}

/** Version `version` of the article's publication, as GET /api/articles/:id/publications lists it. */
export function buildPublication(version: number, overrides: Partial<Publication> = {}): Publication {
  return {
    id: `publication-${version}`,
    articleId: "article-1",
    version,
    slug: "iran-admits-supplying-russia-with-drones",
    url: `http://localhost/fact-checks/iran-admits-supplying-russia-with-drones?version=${version}`,
    publishedAt: `2026-12-0${version}T10:00:00.000Z`,
    publishedBy: { id: "test-editor", name: "Ed Itor" },
    correctionNote: version === 1 ? null : `Correction ${version}.`,
    retractedAt: null,
    retractionNote: null,
    retractedBy: null,
    ...overrides,
  };
}
