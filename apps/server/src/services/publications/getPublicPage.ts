import {
  buildPublicArticlePage,
  buildPublicClaimPage,
  buildPublicErrorPage,
  type PublicErrorPage,
  type PublicPageState,
  type ReportOrganisation,
} from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { findPublishedVersion } from "../../repositories/publicationRepository";

/** A public page, ready to send: its status and its HTML. */
export interface PublicPage {
  status: 200 | 400 | 404;
  html: string;
}

/** What a public address names, as its path and query spell it (unchecked). */
export interface PublicPageAddress {
  slug: string;
  /** The `:n` of `/claims/:n`; undefined for the article's page. */
  claimNumber?: string;
  /** `?version=k`; undefined for the latest. */
  version?: string;
}

/** A version or claim number as an address spells it: a whole number from 1, without leading zeros or signs. */
const POSITIVE_NUMBER = /^[1-9][0-9]{0,8}$/;
/** What core's slugify makes, and the "-2" it may get: longer or other addresses name nothing. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_LENGTH_LIMIT = 120;

/**
 * The public page of a published fact-check (`/fact-checks/:slug`) or of one of its claims (`…/claims/:n`), of the
 * latest version or of `?version=k`, as anyone reads it, no session needed. A retraction (on the latest version)
 * shows on every version's page. 404 with a page that says what is missing and links to what exists when the slug,
 * the version or the claim is not there; 400 when the version or the claim number is not a whole number from 1.
 */
export async function getPublicPage(
  db: Db,
  address: PublicPageAddress,
  organisation: ReportOrganisation,
): Promise<PublicPage> {
  const { slug, claimNumber, version } = address;
  const errorPage = (page: PublicErrorPage) => buildPublicErrorPage(page, organisation);
  if (
    (version !== undefined && !POSITIVE_NUMBER.test(version)) ||
    (claimNumber !== undefined && !POSITIVE_NUMBER.test(claimNumber))
  ) {
    return {
      status: 400,
      html: errorPage({
        title: "This address is not quite right",
        message:
          "A fact-check's version and a claim's number are whole numbers from 1, as in /fact-checks/name/claims/2?version=1.",
        ...(SLUG.test(slug) ? { link: { href: `/fact-checks/${slug}`, text: "Read the fact-check" } } : {}),
      }),
    };
  }
  const published =
    SLUG.test(slug) && slug.length <= SLUG_LENGTH_LIMIT
      ? await findPublishedVersion(db, slug, version === undefined ? undefined : Number(version))
      : null;
  if (!published) {
    return {
      status: 404,
      html: errorPage({
        title: "No fact-check here",
        message:
          "No fact-check is published at this address. Check the address for a typing mistake, or ask the newsroom that gave it to you.",
      }),
    };
  }
  const { factCheck } = published;
  if (!factCheck) {
    return {
      status: 404,
      html: errorPage({
        title: "No such version of this fact-check",
        message: `This fact-check has no version ${version}: its versions are 1 to ${published.latestVersion}.`,
        link: { href: `/fact-checks/${slug}`, text: "Read the latest version" },
      }),
    };
  }
  const state: PublicPageState = { retraction: published.retraction, latestVersion: published.latestVersion };
  if (claimNumber === undefined) return { status: 200, html: buildPublicArticlePage(factCheck, state) };
  const html = buildPublicClaimPage(factCheck, Number(claimNumber), state);
  if (html !== null) return { status: 200, html };
  const versionQuery = factCheck.version < published.latestVersion ? `?version=${factCheck.version}` : "";
  const count = factCheck.model.claims.length;
  return {
    status: 404,
    html: errorPage({
      title: "No such claim in this fact-check",
      message: `This fact-check has no claim ${claimNumber}: it has ${count === 1 ? "one claim" : `${count} claims`}.`,
      link: { href: `/fact-checks/${slug}${versionQuery}`, text: "Read the fact-check and its claims" },
    }),
  };
}
