-- Issue 19: the suggestions a reviewer set aside, per article version (a span, or a pair of spans for a
-- contradiction candidate), so GET /api/articles/:id/suggestions leaves them out.
-- CreateTable
CREATE TABLE "SuggestionDismissal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "articleVersion" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "pairStart" INTEGER,
    "pairEnd" INTEGER,
    "pairExact" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,
    CONSTRAINT "SuggestionDismissal_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionDismissal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SuggestionDismissal_articleId_articleVersion_idx" ON "SuggestionDismissal"("articleId", "articleVersion");

-- CreateIndex
CREATE INDEX "SuggestionDismissal_createdById_idx" ON "SuggestionDismissal"("createdById");

