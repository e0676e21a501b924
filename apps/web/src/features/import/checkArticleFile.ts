import { ARTICLE_LIMITS, ARTICLE_UPLOAD_EXTENSIONS } from "@factmark/core";

/** The server's upload limit, from core; checked here too so a large file is not sent for nothing. */
export const MAX_UPLOAD_BYTES = ARTICLE_LIMITS.uploadBytes;

/** A file's size in words: "840 bytes", "12 KB", "4.2 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a file cannot be uploaded as an article, before sending it: its extension or its size; null when it may. */
export function checkArticleFile(file: Pick<File, "name" | "size">): string | null {
  const extension = /\.[A-Za-z0-9]+$/.exec(file.name.trim())?.[0].toLowerCase() ?? "";
  if (!(ARTICLE_UPLOAD_EXTENSIONS as readonly string[]).includes(extension)) {
    return "Factmark reads .txt, .md, .html, .htm and .docx files. Save the article in one of these formats, or paste its text.";
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    return `This file is ${formatFileSize(file.size)}; files up to ${formatFileSize(MAX_UPLOAD_BYTES)} can be uploaded. Paste the article's text instead.`;
  }
  if (file.size === 0) return "This file is empty.";
  return null;
}
