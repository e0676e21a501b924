import { type ClipboardEvent, useEffect, useRef } from "react";
import type { PastedContent } from "../parseNewArticle";

export interface PasteAreaProps {
  content: PastedContent;
  onContentChange: (content: PastedContent) => void;
  /** How text without HTML is read: plain text (a paragraph per line) or Markdown. */
  textFormat: "text" | "markdown";
  onTextFormatChange: (format: "text" | "markdown") => void;
  error?: string;
  idPrefix: string;
}

/** The text of an HTML string, read in an inert document: nothing in it runs or loads. */
function textOfHtml(html: string): string {
  return new DOMParser().parseFromString(html, "text/html").body.textContent ?? "";
}

/** What the box shows: innerText keeps line breaks where the browser lays text out; jsdom has only textContent. */
function shownText(element: HTMLElement): string {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered line breaks are what is wanted here.
  return element.innerText ?? element.textContent ?? "";
}

/**
 * Where an article is pasted. The clipboard's HTML is kept as it came (the server sanitises it to
 * the editor's schema) and only its text is shown, so nothing pasted is ever rendered as markup
 * here. Typing in the box turns its content into plain text.
 */
export function PasteArea({
  content,
  onContentChange,
  textFormat,
  onTextFormatChange,
  error,
  idPrefix,
}: PasteAreaProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const hasHtml = content.html !== null;

  // The box is not controlled by React (a contenteditable cannot be); it is set when its content changes elsewhere.
  useEffect(() => {
    const box = boxRef.current;
    if (box && shownText(box) !== content.text) box.textContent = content.text;
  }, [content.text]);

  function handlePaste(event: ClipboardEvent<HTMLDivElement>) {
    event.preventDefault();
    const html = event.clipboardData.getData("text/html");
    const plain = event.clipboardData.getData("text/plain");
    // A paste replaces the box's content: the clipboard's HTML cannot be merged into text typed by hand.
    if (html.trim() !== "") onContentChange({ html, text: plain.trim() !== "" ? plain : textOfHtml(html) });
    else onContentChange({ html: null, text: plain });
  }

  function handleInput() {
    if (boxRef.current) onContentChange({ html: null, text: shownText(boxRef.current) });
  }

  const labelId = `${idPrefix}-paste-label`;
  const helpId = `${idPrefix}-paste-help`;
  const errorId = `${idPrefix}-paste-error`;
  return (
    <div className="field paste-field">
      <span id={labelId} className="field__label">
        Article text
      </span>
      <p id={helpId} className="field__help">
        {hasHtml
          ? "Formatting kept: headings, lists, quotes, links, bold and italic. Typing here turns it into plain text."
          : "Paste from a news site or a word processor; headings, lists, links, bold and italic are kept."}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: a textarea would lose the clipboard's formatting on paste. */}
      <div
        ref={boxRef}
        className="paste-area"
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelId}
        aria-describedby={error ? `${errorId} ${helpId}` : helpId}
        aria-invalid={error ? true : undefined}
        contentEditable
        suppressContentEditableWarning
        tabIndex={0}
        onPaste={handlePaste}
        onInput={handleInput}
      />
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {!hasHtml && (
        <fieldset className="paste-format">
          <legend className="field__label">The text is</legend>
          <label>
            <input
              type="radio"
              name={`${idPrefix}-text-format`}
              value="text"
              checked={textFormat === "text"}
              onChange={() => onTextFormatChange("text")}
            />{" "}
            Plain text
          </label>
          <label>
            <input
              type="radio"
              name={`${idPrefix}-text-format`}
              value="markdown"
              checked={textFormat === "markdown"}
              onChange={() => onTextFormatChange("markdown")}
            />{" "}
            Markdown
          </label>
        </fieldset>
      )}
    </div>
  );
}
