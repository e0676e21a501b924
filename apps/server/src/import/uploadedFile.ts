// What both the main thread and the conversion worker know of an uploaded file, without the parsers
// (jsdom, mammoth) that only the worker loads: importing readUploadedFile.ts on the main thread cost ~1.5 s at start.
import type { DocNode } from "@factmark/core";

/** An uploaded file read into the editor's document. */
export interface ReadFile {
  doc: DocNode;
  /** The document's own title (HTML <title>, the first heading), when it has one. */
  title: string | undefined;
}

/** The first bytes of a zip archive (a local file header). */
export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** A file name's extension, lower-cased with its dot (".docx"), or "" when it has none. */
export function extensionOf(fileName: string): string {
  const match = /\.[A-Za-z0-9]+$/.exec(fileName.trim());
  return match ? match[0].toLowerCase() : "";
}
