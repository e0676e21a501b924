import { type Claim, describeChangeEvent } from "@factmark/core";
import { type ReactNode, useId, useState } from "react";
import { LoadErrorMessage, LoadingMessage } from "../../../components/QueryStateMessage";
import { ApiError } from "../../../lib/ApiError";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { describeHistoryEntry } from "../describeHistoryEntry";
import { formatRelativeTime } from "../formatRelativeTime";
import { useClaimHistoryQuery } from "../hooks/useClaimHistoryQuery";
import { useNow } from "../hooks/useNow";
import { useUndoLastChangeMutation } from "../hooks/useUndoLastChangeMutation";

export interface HistoryTimelineProps {
  claim: Claim;
}

const fullTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

function undoErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return "The change could not be undone. Try again in a moment.";
  switch (error.code) {
    case "CONFLICT":
    case "PRECONDITION_FAILED":
      return "This claim changed since you looked, or that change can no longer be undone. The history now shows where it stands.";
    case "NOT_FOUND":
      return "This claim is gone. Reload to see what is there now.";
    case "NETWORK":
      return error.message;
    default:
      return "The change could not be undone. Try again in a moment.";
  }
}

/** A claim's history, newest first: who changed what and when, changes undone marked so, and "Undo last change". */
export function HistoryTimeline({ claim }: HistoryTimelineProps) {
  const { can } = useCurrentUser();
  const id = useId();
  const historyQuery = useClaimHistoryQuery(claim);
  const undoMutation = useUndoLastChangeMutation(claim);
  const now = useNow();
  const [message, setMessage] = useState<{ text: string; tone: "info" | "error" } | null>(null);
  const headingId = `${id}-heading`;

  function handleUndo(eventId: string) {
    setMessage(null);
    undoMutation.mutate(eventId, {
      onSuccess: (result) => setMessage({ text: `Undone: ${describeChangeEvent(result.undone)}.`, tone: "info" }),
      onError: (error) => setMessage({ text: undoErrorMessage(error), tone: "error" }),
    });
  }

  let content: ReactNode;
  if (historyQuery.isPending) {
    content = <LoadingMessage what="history" />;
  } else if (historyQuery.isError) {
    content = <LoadErrorMessage what="history" onRetry={() => historyQuery.refetch()} />;
  } else if (historyQuery.data.items.length === 0) {
    content = <p className="empty-state">No changes recorded yet.</p>;
  } else {
    const { items, undoableEventId } = historyQuery.data;
    // Newest first; entries of one moment keep the server's order.
    const entries = [...items].sort((left, right) => right.at.localeCompare(left.at));
    const undoable = entries.find((event) => event.id === undoableEventId);
    content = (
      <>
        <ol className="history__list">
          {entries.map((event) => {
            // An imported entry names who originally made the change, and the importer as the one who brought it in.
            const description = describeHistoryEntry(event, claim, items);
            return (
              <li
                key={event.id}
                className={`history-entry${event.isUndone ? " history-entry--undone" : ""}`}
                aria-current={event.id === undoableEventId ? "step" : undefined}
              >
                {event.isUndone ? <s className="history-entry__text">{description}</s> : description}
                {event.isUndone && <span className="history-entry__undone"> (undone)</span>}
                <span aria-hidden="true"> · </span>
                <time className="history-entry__time" dateTime={event.at} title={fullTime.format(new Date(event.at))}>
                  {formatRelativeTime(event.at, now)}
                </time>
              </li>
            );
          })}
        </ol>
        {undoableEventId && can("claim.edit") && (
          <div className="history__undo">
            <button
              type="button"
              className="button"
              disabled={undoMutation.isPending}
              aria-describedby={undoable ? `${id}-undo-hint` : undefined}
              onClick={() => handleUndo(undoableEventId)}
            >
              {undoMutation.isPending ? "Undoing…" : "Undo last change"}
            </button>
            {undoable && (
              <span id={`${id}-undo-hint`} className="history__undo-hint">
                Undoes: {describeChangeEvent(undoable, { events: items })}
              </span>
            )}
          </div>
        )}
      </>
    );
  }

  return (
    <section className="history" aria-labelledby={headingId}>
      <h3 id={headingId} className="history__heading">
        History
      </h3>
      {content}
      {message && (
        <p
          className={`history__message history__message--${message.tone}`}
          role={message.tone === "error" ? "alert" : "status"}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
