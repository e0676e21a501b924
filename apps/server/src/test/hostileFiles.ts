import { crc32, deflateRawSync } from "node:zlib";

/** One file inside a zip: its name, its bytes, and optionally the uncompressed size its headers claim. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** A lie for the headers to tell (a bomb that hides its size); default: the real size. */
  declaredSize?: number;
}

/**
 * A zip archive (deflate, one local header and one central-directory record per entry), built in memory so that
 * tests make their hostile files instead of committing binaries.
 */
export function buildZip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.byteLength + compressed.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/**
 * A Word document whose body is the given WordprocessingML (`<w:p>…</w:p>` elements). `documentPath` (default
 * "word/document.xml") names the main document part, which `_rels/.rels` points at: Word and mammoth find it
 * there whatever its name, so a part named "word/body.bin" is the document all the same.
 */
export function buildDocx(
  bodyXml: string,
  options: { declaredDocumentSize?: number; documentPath?: string } = {},
): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`;
  const data = Buffer.from(document, "utf8");
  const documentPath = options.documentPath ?? "word/document.xml";
  return buildZip([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(RELS.replace('Target="word/document.xml"', `Target="${documentPath}"`)) },
    { name: documentPath, data, declaredSize: options.declaredDocumentSize },
  ]);
}

/**
 * A .docx bomb: `repeat` copies of `unit` (default an empty paragraph, `<w:p/>`) in word/document.xml. Six million
 * empty paragraphs are 36 MB of XML in about 40 KB of zip. `declaredDocumentSize` makes the headers lie about it;
 * `documentPath` puts the document in another part (see buildDocx).
 */
export function buildDocxBomb(
  repeat: number,
  unit = "<w:p/>",
  options: { declaredDocumentSize?: number; documentPath?: string } = {},
) {
  return buildDocx(unit.repeat(repeat), options);
}

/** `count` paragraphs of HTML, optionally all inside one `<div>` (which once overflowed the stack in htmlToDoc). */
export function buildManyParagraphsHtml(count: number, options: { inOneDiv?: boolean } = {}): string {
  const paragraphs = Array.from({ length: count }, (_, index) => `<p>Paragraph ${index}.</p>`).join("");
  return options.inOneDiv ? `<div>${paragraphs}</div>` : paragraphs;
}

/** `depth` nested `<div>`s around one sentence: deep trees are what recursive walkers choke on. */
export function buildDeepHtml(depth: number): string {
  return `${"<div>".repeat(depth)}Deep text.${"</div>".repeat(depth)}`;
}
