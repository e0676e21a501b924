-- A verdict's rows, newest first: the search page's verdict filter without words. With no statistics yet (a freshly
-- loaded archive), PostgreSQL guessed a verdict rare and read and sorted the whole index for each page (80-100 ms on
-- 100,000 claims); this index answers the filter in its own order.
CREATE INDEX "SearchEntry_verdict_createdAt_idx" ON "search"."SearchEntry" ("verdict", "createdAt");
