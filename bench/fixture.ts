/** A generated article of `wordCount` words in paragraphs, and `claimCount` spans spread evenly over it. */
export interface BenchArticle {
  title: string;
  content: string;
  spans: { start: number; end: number }[];
}

const WORDS =
  "the minister said that drones were sold months before war envoy transferred dozens summer ambassador called support totally unfounded report officials confirmed denied evidence shows according sources government statement".split(
    " ",
  );

/** Deterministic: the same article every run, so figures compare across runs. */
export function generateArticle(wordCount = 50_000, claimCount = 2_000): BenchArticle {
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  const paragraphs: string[] = [];
  for (let written = 0; written < wordCount; written += 100) {
    const words = Array.from({ length: Math.min(100, wordCount - written) }, () => WORDS[next() % WORDS.length]);
    paragraphs.push(`${words.join(" ")}.`);
  }
  // The text projection of a text article: paragraphs joined by one newline.
  const content = paragraphs.join("\n");
  const spans: { start: number; end: number }[] = [];
  const step = Math.floor(content.length / claimCount);
  for (let index = 0; index < claimCount; index++) {
    const start = content.indexOf(" ", index * step) + 1;
    let end = start;
    for (let word = 0; word < 2 + (index % 4); word++) end = content.indexOf(" ", end + 1);
    spans.push({ start, end });
  }
  return { title: `Bench: ${wordCount} words, ${claimCount} claims`, content, spans };
}
