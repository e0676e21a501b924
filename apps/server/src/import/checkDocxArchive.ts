import { AppError } from "@factmark/core";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { IMPORT_LIMITS } from "./importLimits";

const LESS_THAN = 0x3c;
const MB = 1024 * 1024;

/**
 * Checks a .docx (a zip) before anything converts it, so a zip bomb is refused in milliseconds: first its central
 * directory (at most IMPORT_LIMITS.docxEntries entries, declaring at most docxXmlBytes uncompressed in all), then
 * every entry is inflated (zlib, off the event loop) with its bytes and tags counted as they arrive, so a header
 * that lies about its size is caught before docxXmlBytes or docxXmlTags is passed. Nothing inflated is kept.
 *
 * Every entry, whatever its name: mammoth finds the main document through `_rels/.rels`, and styles, numbering
 * and notes through `word/_rels/document.xml.rels`, so any part may be parsed as XML ("word/body.bin" as readily
 * as "word/document.xml"). Images are counted too: within a 5 MB upload they are a few MB at most, and a byte of
 * them is rarely `<`.
 *
 * Errors: PAYLOAD_TOO_LARGE (413) with `details.limit` "docxEntries", "docxXmlBytes" or "docxXmlTags" and `max`;
 * UNPROCESSABLE (422, reason "unreadable_docx") for a zip yauzl cannot read.
 */
export async function checkDocxArchive(bytes: Uint8Array): Promise<void> {
  const zip = await openZip(bytes);
  try {
    if (zip.entryCount > IMPORT_LIMITS.docxEntries) {
      throw tooLarge(
        "docxEntries",
        IMPORT_LIMITS.docxEntries,
        `This .docx file holds more than ${IMPORT_LIMITS.docxEntries.toLocaleString("en")} files.`,
      );
    }
    const entries = await readDirectory(zip);
    const counted = { bytes: 0, tags: 0 };
    for (const entry of entries) await inflateCounting(zip, entry, counted);
  } finally {
    zip.close();
  }
}

function openZip(bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    // Our own caps speak for a lying size header, so yauzl's size check is off.
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: false }, (error, zip) => {
      if (error || !zip) reject(unreadable());
      else resolve(zip);
    });
  });
}

/** Reads the central directory, checking declared sizes; answers every entry, all of which are inflated. */
function readDirectory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let declaredBytes = 0;
    zip.on("entry", (entry: Entry) => {
      declaredBytes += entry.uncompressedSize;
      entries.push(entry);
      if (declaredBytes > IMPORT_LIMITS.docxXmlBytes) return reject(tooManyXmlBytes());
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", () => reject(unreadable()));
    zip.readEntry();
  });
}

function inflateCounting(zip: ZipFile, entry: Entry, counted: { bytes: number; tags: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(unreadable());
      stream.on("data", (chunk: Buffer) => {
        counted.bytes += chunk.byteLength;
        for (let at = chunk.indexOf(LESS_THAN); at !== -1; at = chunk.indexOf(LESS_THAN, at + 1)) counted.tags += 1;
        const failure =
          counted.bytes > IMPORT_LIMITS.docxXmlBytes
            ? tooManyXmlBytes()
            : counted.tags > IMPORT_LIMITS.docxXmlTags
              ? tooLarge(
                  "docxXmlTags",
                  IMPORT_LIMITS.docxXmlTags,
                  `This .docx file holds more than ${IMPORT_LIMITS.docxXmlTags.toLocaleString("en")} pieces of markup.`,
                )
              : undefined;
        if (failure) {
          stream.destroy();
          reject(failure);
        }
      });
      stream.once("end", () => resolve());
      stream.once("error", () => reject(unreadable()));
    });
  });
}

function tooManyXmlBytes(): AppError {
  return tooLarge(
    "docxXmlBytes",
    IMPORT_LIMITS.docxXmlBytes,
    `This .docx file unpacks to more than ${IMPORT_LIMITS.docxXmlBytes / MB} MB of document XML.`,
  );
}

function tooLarge(limit: string, max: number, message: string): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", message, { limit, max });
}

function unreadable(): AppError {
  return new AppError("UNPROCESSABLE", "This .docx file could not be read as a Word document.", {
    reason: "unreadable_docx",
  });
}
