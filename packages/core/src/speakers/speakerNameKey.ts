/**
 * A speaker's name folded so spellings that differ only in case, accents, spacing, hyphens or full stops give
 * one key: "Hossein Amir-Abdollahian", "hossein amir abdollahian" and "Hossein  Amír‑Abdollahian" all give
 * "hossein amir abdollahian". Letters of any script are kept (lower-cased where the script has case); only accents
 * on Latin and Greek letters are dropped (Cyrillic's й is a letter of its own, not и with a mark). Used to join a new spelling to the speaker it belongs to
 * (SpeakerAlias.key) and to tell whether two claims share a speaker; never shown.
 */
export function speakerNameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/(?<=[\p{Script=Latin}\p{Script=Greek}])\p{Mn}+/gu, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\p{Pd}.·'’‘`_]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}
