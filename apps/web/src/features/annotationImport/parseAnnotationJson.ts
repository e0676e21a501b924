/** The extensions a Web Annotation document comes in: what the file chooser offers. */
export const ANNOTATION_FILE_EXTENSIONS = [".json", ".jsonld"] as const;

/** The most the server reads of one document (its body limit for imports): a larger one is refused before sending. */
export const MAX_ANNOTATION_DOCUMENT_BYTES = 8 * 1024 * 1024;

export type ParsedAnnotationJson = { isValid: true; document: unknown } | { isValid: false; message: string };

/**
 * The pasted or loaded text of a Web Annotation document as JSON, or what is wrong with it in words: nothing there,
 * or not JSON (with where the parser stopped). Whether it is a Web Annotation document is the server's to say, item
 * by item.
 */
export function parseAnnotationJson(text: string): ParsedAnnotationJson {
  if (text.trim() === "") {
    return { isValid: false, message: "Choose a .json or .jsonld file, or paste the annotations' JSON." };
  }
  try {
    return { isValid: true, document: JSON.parse(text) as unknown };
  } catch (error) {
    const where = error instanceof SyntaxError ? ` (${error.message})` : "";
    return { isValid: false, message: `This is not JSON${where}. Paste or choose a Web Annotation JSON-LD document.` };
  }
}

/** What is wrong with a chosen file before it is read, or null: a kind the chooser does not offer, or too large. */
export function checkAnnotationFile(file: File): string | null {
  const name = file.name.toLowerCase();
  if (!ANNOTATION_FILE_EXTENSIONS.some((extension) => name.endsWith(extension))) {
    return `“${file.name}” is not a .json or .jsonld file.`;
  }
  if (file.size > MAX_ANNOTATION_DOCUMENT_BYTES) {
    return `“${file.name}” is larger than 8 MB, the most one import reads. Split it into smaller documents.`;
  }
  return null;
}
