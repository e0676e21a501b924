import { IMPORT_LIMITS } from "../report/ImportedReport";
import { importValidationError } from "../report/importValidationError";
import { quoteForMessage } from "./foreignSelectors";

/**
 * One slot of a Web Annotation document, in the document's order: an annotation, a page given only by address, or
 * an annotation nested deeper than MAX_ANNOTATION_DEPTH (left out, so nothing after this walks it).
 */
export type AnnotationDocumentEntry =
  | { path: string; annotation: unknown }
  | { path: string; unreadPage: string }
  | { path: string; tooDeep: true };

/**
 * How deep one annotation's JSON may nest (objects and lists): a Web Annotation with a selector refined
 * MAX_REFINEMENT_DEPTH times, each refinement in a list, is some 40 deep. A deeper one is answered as skipped and never
 * walked, nor sent to a worker thread (whose structured clone recurses too).
 */
export const MAX_ANNOTATION_DEPTH = 64;

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
      const itemPath = path ? `${path}.${index}` : `${index}`;
      add(
        isDeeperThan(annotation, MAX_ANNOTATION_DEPTH)
          ? { path: itemPath, tooDeep: true }
          : { path: itemPath, annotation },
      );
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
    add(
      isDeeperThan(document, MAX_ANNOTATION_DEPTH) ? { path: "", tooDeep: true } : { path: "", annotation: document },
    );
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

/** Why an annotation nested past MAX_ANNOTATION_DEPTH was skipped, in words for the import's answer. */
export const TOO_DEEP_REASON = `It is nested more than ${MAX_ANNOTATION_DEPTH} levels deep (objects inside objects), far past any annotation's shape; Factmark does not read it.`;

/**
 * Whether JSON `value` nests objects and lists more than `maxDepth` deep (a scalar is 0, `{}` is 1). Walks with a
 * stack and stops at the first node past the limit, so a hostile document costs no call stack.
 */
export function isDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > maxDepth) return true;
    for (const inner of Object.values(next.value)) {
      if (typeof inner === "object" && inner !== null) stack.push({ value: inner, depth });
    }
  }
  return false;
}
