import {
  ANNOTATION_CONTEXT,
  type AnnotationCollection,
  AppError,
  factmarkContextUrl,
  type WebAnnotation,
} from "@factmark/core";

/** The Linked Data Platform's JSON-LD context, which defines `BasicContainer` (the protocol names it second). */
export const LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";

/** The IRIs a Prefer header's `include` names (Web Annotation Protocol, 4.2 and 4.3). */
export const PREFER_MINIMAL_CONTAINER = "http://www.w3.org/ns/ldp#PreferMinimalContainer";
export const PREFER_CONTAINED_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
export const PREFER_CONTAINED_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";

/**
 * What a client asked a container for, read from its Prefer header: whether to embed the first page
 * (`isMinimal` false) and whether pages list annotations as IRIs or as full descriptions. Without a preference
 * the protocol's default: the first page embedded, with descriptions.
 */
export interface ContainerPreference {
  isMinimal: boolean;
  isIris: boolean;
  /** Whether the header asked for anything this server honours, to say so in Preference-Applied. */
  isApplied: boolean;
}

/**
 * The preference of a Prefer header such as `return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer
 * http://www.w3.org/ns/oa#PreferContainedIRIs"` (include lists IRIs separated by spaces). Other preferences are
 * ignored, as RFC 7240 lets a server do.
 */
export function readContainerPreference(prefer: string | undefined): ContainerPreference {
  const include = /(?:^|[;,\s])include\s*=\s*"([^"]*)"/i.exec(prefer ?? "")?.[1];
  const isRepresentation = /(?:^|[,\s])return\s*=\s*representation/i.test(prefer ?? "");
  if (!isRepresentation || include === undefined) return { isMinimal: false, isIris: false, isApplied: false };
  const iris = new Set(include.split(/\s+/).filter(Boolean));
  const isMinimal = iris.has(PREFER_MINIMAL_CONTAINER);
  const isIris = iris.has(PREFER_CONTAINED_IRIS) && !iris.has(PREFER_CONTAINED_DESCRIPTIONS);
  return {
    isMinimal,
    isIris,
    isApplied: isMinimal || iris.has(PREFER_CONTAINED_IRIS) || iris.has(PREFER_CONTAINED_DESCRIPTIONS),
  };
}

/** Which page of a container (0 first), and whether it lists IRIs (`?iris=1`) or descriptions. */
export interface PageRequest {
  page: number;
  isIris: boolean;
}

/**
 * The page a container URL's query names: `?page=N` (0 first, as the protocol's examples count), with `iris=1`
 * for a page of IRIs; undefined without `page` (the container itself). A page that is not a whole number from 0
 * is VALIDATION_FAILED.
 */
export function readPageRequest(query: { page?: string; iris?: string }): PageRequest | undefined {
  if (query.page === undefined) return undefined;
  if (!/^\d{1,9}$/.test(query.page)) {
    throw new AppError("VALIDATION_FAILED", `page must be a page number from 0 (got "${query.page}").`);
  }
  if (query.iris !== undefined && query.iris !== "0" && query.iris !== "1") {
    throw new AppError("VALIDATION_FAILED", `iris must be 1 (a page of IRIs) or 0 (got "${query.iris}").`);
  }
  return { page: Number(query.page), isIris: query.iris === "1" };
}

export interface AnnotationPageDocument {
  "@context": string[];
  id: string;
  type: "AnnotationPage";
  partOf: { id: string; total: number };
  startIndex: number;
  next?: string;
  prev?: string;
  items: (WebAnnotation | string)[];
}

export interface AnnotationContainerDocument {
  "@context": string[];
  id: string;
  type: ["BasicContainer", "AnnotationCollection"];
  label: string;
  total: number;
  first?: string | Omit<AnnotationPageDocument, "@context">;
  last?: string;
}

/** The address of page `page` of the container `containerId`: `?page=N`, or `?iris=1&page=N` for IRIs. */
export function pageId(containerId: string, page: number, isIris: boolean): string {
  return `${containerId}?${isIris ? "iris=1&" : ""}page=${page}`;
}

function pageCount(total: number, pageSize: number): number {
  return Math.ceil(total / pageSize);
}

/**
 * Page `page` of an article's annotations (Web Annotation Protocol 4.3, the model's AnnotationPage): `pageSize`
 * annotations from `page * pageSize`, as descriptions or IRIs, with `next` and `prev` where there are pages
 * there, `partOf` the container. NOT_FOUND past the last page (an empty container has none).
 */
export function buildAnnotationPage(
  collection: AnnotationCollection,
  { page, isIris }: PageRequest,
  pageSize: number,
  serverUrl: string,
): AnnotationPageDocument {
  return {
    "@context": [ANNOTATION_CONTEXT, factmarkContextUrl(serverUrl)],
    ...pageBody(collection, { page, isIris }, pageSize),
  };
}

function pageBody(
  collection: AnnotationCollection,
  { page, isIris }: PageRequest,
  pageSize: number,
): Omit<AnnotationPageDocument, "@context"> {
  const items = collection.first.items;
  const pages = pageCount(items.length, pageSize);
  if (page >= pages) {
    throw new AppError(
      "NOT_FOUND",
      pages === 0
        ? "This article has no annotations, so no pages."
        : `No page ${page}: pages go from 0 to ${pages - 1}.`,
    );
  }
  const start = page * pageSize;
  return {
    id: pageId(collection.id, page, isIris),
    type: "AnnotationPage",
    partOf: { id: collection.id, total: items.length },
    startIndex: start,
    ...(page + 1 < pages ? { next: pageId(collection.id, page + 1, isIris) } : {}),
    ...(page > 0 ? { prev: pageId(collection.id, page - 1, isIris) } : {}),
    items: items.slice(start, start + pageSize).map((item) => (isIris ? item.id : item)),
  };
}

/**
 * An article's annotations as the protocol's container (4.2): an ldp:BasicContainer that is also an
 * AnnotationCollection, with its `total`, its `first` page (embedded unless the client prefers a minimal
 * container, then its IRI) and the IRI of its `last`; an empty container has neither.
 */
export function buildAnnotationContainer(
  collection: AnnotationCollection,
  preference: ContainerPreference,
  pageSize: number,
  serverUrl: string,
): AnnotationContainerDocument {
  const total = collection.first.items.length;
  const pages = pageCount(total, pageSize);
  const { isIris, isMinimal } = preference;
  const container: AnnotationContainerDocument = {
    "@context": [ANNOTATION_CONTEXT, LDP_CONTEXT, factmarkContextUrl(serverUrl)],
    id: collection.id,
    type: ["BasicContainer", "AnnotationCollection"],
    label: collection.label,
    total,
  };
  if (pages === 0) return container;
  if (isMinimal) {
    container.first = pageId(collection.id, 0, isIris);
  } else {
    container.first = pageBody(collection, { page: 0, isIris }, pageSize);
  }
  container.last = pageId(collection.id, pages - 1, isIris);
  return container;
}
