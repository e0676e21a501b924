-- CreateTable
CREATE TABLE "SuggestionDismissal" (
    "id" TEXT COLLATE "C" NOT NULL,
    "articleId" TEXT COLLATE "C" NOT NULL,
    "articleVersion" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT COLLATE "C" NOT NULL,
    "pairStart" INTEGER,
    "pairEnd" INTEGER,
    "pairExact" TEXT COLLATE "C",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "SuggestionDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SuggestionDismissal_articleId_articleVersion_idx" ON "SuggestionDismissal"("articleId", "articleVersion");

-- CreateIndex
CREATE INDEX "SuggestionDismissal_createdById_idx" ON "SuggestionDismissal"("createdById");

-- AddForeignKey
ALTER TABLE "SuggestionDismissal" ADD CONSTRAINT "SuggestionDismissal_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionDismissal" ADD CONSTRAINT "SuggestionDismissal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

