import { useContext } from "react";
import { NoticeContext, type NoticeContextValue } from "./NoticeProvider";

/** The notice showing and how to show, dismiss or undo one; needs a `NoticeProvider` above. */
export function useNotice(): NoticeContextValue {
  const context = useContext(NoticeContext);
  if (!context) throw new Error("useNotice needs a NoticeProvider above it.");
  return context;
}
