import { type Article, type ArticleSaved, type DocNode, mergeDocBlocks, ZArticle } from "@factmark/core";
import { useQueryClient } from "@tanstack/react-query";
import type { Editor } from "@tiptap/core";
import { useCallback, useRef, useState } from "react";
import { ApiError, errorMessage } from "../../../lib/ApiError";
import { articleKeys } from "../../articles/queryKeys";
import { claimKeys } from "../../claims/queryKeys";
import { useSaveArticleDocMutation } from "./useSaveArticleDocMutation";

export interface StaleSave {
  theirs: Article;
  mine: DocNode;
}

export interface EditStatus {
  message: string;
  tone: "info" | "error";
}

/** Words for how the claims fared in a save. */
export function describeReanchoring(summary: ArticleSaved["reanchored"]): string {
  if (!summary) return "Saved.";
  const parts: string[] = [];
  if (summary.moved + summary.fuzzy > 0) parts.push(`${summary.moved + summary.fuzzy} followed their words`);
  if (summary.fuzzy > 0) parts.push(`${summary.fuzzy} of them to changed wording`);
  if (summary.orphaned > 0) parts.push(`${summary.orphaned} lost their words and are listed as no longer in the text`);
  return parts.length > 0 ? `Saved. Claims: ${parts.join("; ")}.` : "Saved. Every claim is where it was.";
}

/**
 * Editing an article's text: start, cancel, save (the server re-anchors the claims), and what to
 * do when someone saved a newer version meanwhile. The editor is remade (a new `editorKey`) when
 * its content must be replaced.
 */
export function useArticleEditing(article: Article) {
  const queryClient = useQueryClient();
  const saveMutation = useSaveArticleDocMutation(article.id);
  const editorRef = useRef<Editor | null>(null);
  const [isEditing, setIsEditing] = useState(false);
  // The version editing started from. A newer one may arrive meanwhile (live, or on focus): the editor keeps
  // this one, since remaking it would lose the edits, and the save then meets the newer one as a stale save.
  const [startedFrom, setStartedFrom] = useState<Article | null>(null);
  const shown = isEditing && startedFrom ? startedFrom : article;
  const [draft, setDraft] = useState<DocNode | null>(null);
  const [generation, setGeneration] = useState(0);
  const [staleSave, setStaleSave] = useState<StaleSave | null>(null);
  const [status, setStatus] = useState<EditStatus | null>(null);

  const setEditor = useCallback((editor: Editor | null) => {
    editorRef.current = editor;
  }, []);

  const startEditing = useCallback(() => {
    setStatus(null);
    setStartedFrom(article);
    setIsEditing(true);
    editorRef.current?.commands.focus();
  }, [article]);

  const cancelEditing = useCallback(() => {
    setIsEditing(false);
    setStartedFrom(null);
    setDraft(null);
    setGeneration((value) => value + 1);
    setStatus({ message: "Edits discarded.", tone: "info" });
  }, []);

  const save = useCallback(
    (base: Pick<Article, "id" | "version">, doc: DocNode) => {
      saveMutation.mutate(
        { article: base, doc },
        {
          onSuccess: (saved) => {
            setIsEditing(false);
            setStartedFrom(null);
            setDraft(null);
            setStaleSave(null);
            setStatus({ message: describeReanchoring(saved.reanchored), tone: "info" });
          },
          onError: (error) => {
            const current =
              error instanceof ApiError && error.code === "PRECONDITION_FAILED" ? error.details : undefined;
            const theirs = ZArticle.safeParse((current as { current?: unknown } | undefined)?.current);
            if (theirs.success) {
              setStaleSave({ theirs: theirs.data, mine: doc });
              return;
            }
            setStatus({ message: `Not saved: ${errorMessage(error)}`, tone: "error" });
          },
        },
      );
    },
    [saveMutation],
  );

  const saveEdits = useCallback(() => {
    const editor = editorRef.current;
    if (!editor) return;
    save(shown, editor.getJSON() as DocNode);
  }, [shown, save]);

  /** Their version becomes the base; my edits are merged into it by paragraph, still being edited. */
  const reapplyMine = useCallback(() => {
    if (!staleSave) return;
    const merged = mergeDocBlocks(draft ?? shown.doc, staleSave.mine, staleSave.theirs.doc);
    queryClient.setQueryData(articleKeys.detail(article.id), staleSave.theirs);
    void queryClient.invalidateQueries({ queryKey: claimKeys.ofArticle(article.id) });
    setStartedFrom(staleSave.theirs);
    setDraft(merged.doc);
    setGeneration((value) => value + 1);
    setStaleSave(null);
    setStatus({
      message:
        merged.conflictCount > 0
          ? `Your edits were re-applied to their version. ${merged.conflictCount} paragraph(s) both of you changed appear twice, theirs first: keep the right one, then save.`
          : "Your edits were re-applied to their version. Check the text, then save.",
      tone: "info",
    });
  }, [staleSave, draft, shown, article.id, queryClient]);

  const keepMine = useCallback(() => {
    if (!staleSave) return;
    save(staleSave.theirs, staleSave.mine);
  }, [staleSave, save]);

  return {
    isEditing,
    isSaving: saveMutation.isPending,
    /** What the editor shows: the draft being edited (after a re-apply) or the saved document. */
    doc: draft ?? shown.doc,
    editorKey: `${shown.id}-${shown.version}-${generation}`,
    setEditor,
    startEditing,
    cancelEditing,
    saveEdits,
    staleSave,
    reapplyMine,
    keepMine,
    dismissStaleSave: () => setStaleSave(null),
    status,
    dismissStatus: () => setStatus(null),
  };
}
