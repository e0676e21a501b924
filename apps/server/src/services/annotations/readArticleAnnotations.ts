import {
  type AnnotationCollection,
  buildWebAnnotation,
  type ReportModel,
  type ReportOrganisation,
} from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import type { ReportCache } from "../../report/ReportCache";
import { exportReport, REPORT_MODEL } from "../report/exportReport";

/** Where the annotations are answered from, and how their build is kept and guarded. */
export interface AnnotationReadOptions {
  /** This server's address (PUBLIC_URL, else the request's origin): every id and the context start with it. */
  serverUrl: string;
  /** Named in the report model the annotations are made from (nothing of it shows in an annotation). */
  organisation: ReportOrganisation;
  /** Report models built lately: the same article state is answered without a new build. */
  cache: ReportCache;
  /** Runs before a model is built, not when it is kept: the session's report limit throws here. */
  beforeBuild?: () => void;
}

/**
 * An article's annotations as the W3C export has them (core's buildWebAnnotation, ids at `serverUrl`), made from
 * its report model without the working history: built on the worker pool and kept like a report file (exportReport's
 * REPORT_MODEL), so asking for one annotation of a long article after another costs a parse, not a build.
 * NOT_FOUND when there is no such live article.
 */
export async function readArticleAnnotations(
  db: Db,
  articleId: string,
  options: AnnotationReadOptions,
): Promise<AnnotationCollection> {
  const file = await exportReport(db, articleId, REPORT_MODEL, options.organisation, "omit", {
    cache: options.cache,
    ...(options.beforeBuild ? { beforeBuild: options.beforeBuild } : {}),
  });
  const model = JSON.parse(new TextDecoder().decode(await file.body())) as ReportModel;
  return buildWebAnnotation(model, { serverUrl: options.serverUrl });
}
