-- Speakers' keys fold the Latin letters whose mark Unicode does not decompose (core's speakerNameKey and its
-- LATIN_LETTERS_FOLDED): "Łukasz Wałęsa" and "Lukasz Walesa" are one speaker's spellings. Keys stored before are
-- folded the same way here (they are lower case already, and the letters' replacements add no space or punctuation).
UPDATE "SpeakerAlias" SET "key" = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("key", 'ł', 'l'), 'ø', 'o'), 'đ', 'd'), 'ð', 'd'), 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th'), 'ħ', 'h'), 'ı', 'i'), 'ŧ', 't')
WHERE "key" LIKE '%ł%' OR "key" LIKE '%ø%' OR "key" LIKE '%đ%' OR "key" LIKE '%ð%' OR "key" LIKE '%ß%' OR "key" LIKE '%æ%' OR "key" LIKE '%œ%' OR "key" LIKE '%þ%' OR "key" LIKE '%ħ%' OR "key" LIKE '%ı%' OR "key" LIKE '%ŧ%';
-- A name of punctuation alone folded to an empty key, which every such name shared: it is now its own key.
UPDATE "SpeakerAlias" SET "key" = trim("name") WHERE "key" = '';
