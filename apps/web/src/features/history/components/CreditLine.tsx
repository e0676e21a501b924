import { type Actor, creditName } from "@factmark/core";
import "../creditLine.css";

export interface CreditLineProps {
  /** What the person did, as the start of the line: "Marked by", "Added by", "Linked by". */
  verb: string;
  /** The account that stored it: the author, or the importer of something imported. */
  account: Pick<Actor, "name">;
  /** Who originally made it, when an import brought it in (the API's `originalAuthorName`). */
  originalName?: string | null;
  /** When it was made (ISO), for something imported its original time; shown as a day. */
  at?: string;
  className?: string;
}

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

/**
 * Who made a claim, an evidence item or a link, worded by core's creditName as everywhere else: "Marked by Sam Lee",
 * or for an import "Marked by Ana Ruiz (imported by Sam Lee)", the original author first.
 */
export function CreditLine({ verb, account, originalName, at, className }: CreditLineProps) {
  return (
    <p className={`credit-line${className ? ` ${className}` : ""}`}>
      {verb} {creditName(account, originalName)}
      {at && (
        <>
          <span aria-hidden="true"> · </span>
          <time dateTime={at}>{day.format(new Date(at))}</time>
        </>
      )}
    </p>
  );
}
