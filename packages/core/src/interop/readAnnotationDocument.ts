import { IMPORT_LIMITS } from "../report/ImportedReport";
import { importValidationError } from "../report/importValidationError";
import { quoteForMessage } from "./foreignSelectors";

/** One slot of a Web Annotation document, in the document's order: an annotation, or a page given only by address. */
export type AnnotationDocumentEntry = { path: string; annotation: unknown } | { path: string; unreadPage: string };

/** How many annotations one document may hold: as many as a whole-collection import's claims and links. */
export const MAX_ANNOTATIONS_PER_DOCUMENT = IMPORT_LIMITS.claims + IMPORT_LIMITS.links;

const WHAT = "Not a Web Annotation document Factmark can import";
const SHAPES =
  'one annotation ("type": "Annotation"), an array of annotations, an AnnotationCollection with its pages embedded, an AnnotationPage, or a Hypothesis search answer ("rows")';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasType(value: Json, type: string): boolean {
  return Array.isArray(value.type) ? value.type.includes(type) : value.type === type;
}

/**
 * The annotations of any Web Annotation document, in order, each with its path ("first.next.items.2"): one
 * annotation (path ""), a bare array ("0", "1"…), an AnnotationCollection whose `first` page embeds its items and
 * whose `next` pages are embedded objects, a lone AnnotationPage, or Hypothesis' search answer (`rows`). A page given
 * only by its address is listed as unread: Factmark fetches nothing a document names. Throws VALIDATION_FAILED for
 * any other shape, or past MAX_ANNOTATIONS_PER_DOCUMENT, before reading any annotation.
 */
export function readAnnotationDocument(document: unknown): AnnotationDocumentEntry[] {
  const entries: AnnotationDocumentEntry[] = [];
  const add = (entry: AnnotationDocumentEntry) => {
    entries.push(entry);
    if (entries.length > MAX_ANNOTATIONS_PER_DOCUMENT) {
      throw importValidationError(WHAT, [
        { path: entry.path, message: `At most ${MAX_ANNOTATIONS_PER_DOCUMENT} annotations can be imported at once.` },
      ]);
    }
  };
  const addItems = (items: unknown, path: string) => {
    if (!Array.isArray(items)) {
      throw importValidationError(WHAT, [{ path, message: 'A page\'s "items" must be a list of annotations.' }]);
    }
    if (items.length > MAX_ANNOTATIONS_PER_DOCUMENT) {
      throw importValidationError(WHAT, [
        { path, message: `At most ${MAX_ANNOTATIONS_PER_DOCUMENT} annotations can be imported at once.` },
      ]);
    }
    items.forEach((annotation, index) => {
      add({ path: path ? `${path}.${index}` : `${index}`, annotation });
    });
  };
  /** A page and the pages after it; iterative, so a long chain of `next` costs no stack. */
  const addPages = (first: unknown, path: string) => {
    let page = first;
    let pagePath = path;
    while (page !== undefined && page !== null) {
      if (typeof page === "string") {
        add({ path: pagePath, unreadPage: page });
        return;
      }
      if (!isObject(page)) {
        throw importValidationError(WHAT, [{ path: pagePath, message: "A page must be an object or its address." }]);
      }
      addItems(page.items ?? [], `${pagePath ? `${pagePath}.` : ""}items`);
      page = page.next;
      pagePath = `${pagePath ? `${pagePath}.` : ""}next`;
    }
  };

  if (Array.isArray(document)) addItems(document, "");
  else if (!isObject(document)) {
    throw importValidationError(WHAT, [{ path: "", message: `Expected ${SHAPES}.` }]);
  } else if (hasType(document, "AnnotationCollection")) {
    if (document.first === undefined) {
      throw importValidationError(WHAT, [
        {
          path: "first",
          message: 'The collection has no "first" page: embed its annotations in "first": {"items": [...]}.',
        },
      ]);
    }
    addPages(document.first, "first");
  } else if (hasType(document, "AnnotationPage")) addPages(document, "");
  else if (Array.isArray(document.rows)) addItems(document.rows, "rows");
  else if (hasType(document, "Annotation") || (document.type === undefined && document.target !== undefined)) {
    add({ path: "", annotation: document });
  } else {
    const type = typeof document.type === "string" ? ` (its type is ${quoteForMessage(document.type)})` : "";
    throw importValidationError(WHAT, [{ path: "", message: `Expected ${SHAPES}${type}.` }]);
  }
  return entries;
}

/** A page given only by its address, in words for the import's answer. */
export function describeUnreadPage(url: string): string {
  return `The page ${quoteForMessage(url)} is given only by its address and was not fetched: Factmark reads only what the document embeds. Import that page's own document to add its annotations.`;
}
