import { AppError, type DocNode } from "@factmark/core";
import { JSDOM } from "jsdom";
import mammoth from "mammoth";
import { assertHtmlWithinLimits } from "./assertHtmlWithinLimits";
import { checkDocxArchive } from "./checkDocxArchive";
import { contentToDoc, markdownToHtml } from "./contentToDoc";
import { htmlToDoc } from "./htmlToDoc";
import { IMPORT_LIMITS } from "./importLimits";
import { extensionOf, type ReadFile, ZIP_SIGNATURE } from "./uploadedFile";

/**
 * Reads an uploaded .txt, .md, .html or .docx file into the editor's document, after checking
 * that its content is what its extension says: a .docx must be a zip, the others UTF-8 text
 * (no NUL bytes, no zip or PDF inside), and an HTML file must be mostly text, not script. Sizes are
 * checked before anything is parsed: a .docx by checkDocxArchive, HTML by assertHtmlWithinLimits
 * (both 413). Synchronous work throughout: call it on a worker thread (runConversion.ts).
 */
export async function readUploadedFile(fileName: string, bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.byteLength > IMPORT_LIMITS.fileBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${IMPORT_LIMITS.fileBytes / (1024 * 1024)} MB.`, {
      maxSize: IMPORT_LIMITS.fileBytes,
    });
  }
  const extension = extensionOf(fileName);
  if (extension === ".docx") return readDocx(bytes);
  if (extension === ".txt" || extension === ".md" || extension === ".html" || extension === ".htm") {
    const text = decodeText(bytes, extension);
    if (extension === ".txt") return { doc: contentToDoc("text", text), title: undefined };
    if (extension === ".md") return readHtml(markdownToHtml(text));
    assertHtmlWithinLimits(text);
    assertMostlyText(text);
    return readHtml(text);
  }
  throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Upload a .txt, .md, .html or .docx file.", {
    reason: "unsupported_extension",
  });
}

async function readDocx(bytes: Uint8Array): Promise<ReadFile> {
  if (!ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "This .docx file is not a Word document (it is not a zip archive).", {
      reason: "content_mismatch",
    });
  }
  await checkDocxArchive(bytes);
  let html: string;
  try {
    // Images are dropped: the editor holds text only, and an inlined image could be megabytes of base64.
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    html = result.value;
  } catch {
    throw new AppError("UNPROCESSABLE", "This .docx file could not be read as a Word document.", {
      reason: "unreadable_docx",
    });
  }
  return readHtml(html);
}

function readHtml(html: string): ReadFile {
  const doc = htmlToDoc(html);
  return { doc, title: titleOf(html, doc) };
}

/** The <title> of an HTML document, else the text of its first heading. */
function titleOf(html: string, doc: DocNode): string | undefined {
  const fromHead = /<title\b/i.test(html) ? new JSDOM(html).window.document.title.trim() : "";
  if (fromHead) return fromHead;
  const heading = doc.content?.find((block) => block.type === "heading");
  const text = heading?.content
    ?.map((node) => node.text ?? "")
    .join("")
    .trim();
  return text || undefined;
}

function decodeText(bytes: Uint8Array, extension: string): string {
  const isZip = ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte);
  const isPdf = new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-";
  if (isZip || isPdf || bytes.includes(0)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `This ${extension} file is not text (it holds binary data).`, {
      reason: "content_mismatch",
    });
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `This ${extension} file is not UTF-8 text.`, {
      reason: "content_mismatch",
    });
  }
}

/** Refuses an HTML file whose script outweighs its text: that is a program, not an article. */
function assertMostlyText(html: string): void {
  const { document } = new JSDOM(html).window;
  let scriptLength = 0;
  for (const script of Array.from(document.querySelectorAll("script"))) scriptLength += script.textContent?.length ?? 0;
  for (const script of Array.from(document.querySelectorAll("script"))) script.remove();
  for (const style of Array.from(document.querySelectorAll("style"))) style.remove();
  const textLength = (document.body?.textContent ?? "").replace(/\s+/g, " ").trim().length;
  if (scriptLength > 0 && scriptLength / (scriptLength + textLength) > IMPORT_LIMITS.maxScriptShare) {
    throw new AppError("UNPROCESSABLE", "This HTML file is mostly script, not an article.", {
      reason: "mostly_script",
    });
  }
}
