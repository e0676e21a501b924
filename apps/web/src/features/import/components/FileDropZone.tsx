import { ARTICLE_UPLOAD_EXTENSIONS } from "@factmark/core";
import { type DragEvent, useState } from "react";
import { formatFileSize, MAX_UPLOAD_BYTES } from "../checkArticleFile";
import "../import.css";

export interface FileDropZoneProps {
  file: File | null;
  /** A file chosen or dropped, or null when removed; the parent checks it. */
  onFileChange: (file: File | null) => void;
  error?: string;
  idPrefix: string;
  /** The file name endings offered (".docx"), and any media types the chooser may also match; articles' by default. */
  accept?: readonly string[];
  /** The largest file, in bytes, said in the help line; articles' upload limit by default. */
  maxBytes?: number;
  /** A label above the zone, when the form has other ways in ("A file", then "Or paste the JSON"). */
  label?: string;
  /** While a form is sending: the chooser, dropping and Remove do nothing. */
  isDisabled?: boolean;
}

/** Picks one file, by the file chooser or by dropping it here, and says which file and how large. */
export function FileDropZone({
  file,
  onFileChange,
  error,
  idPrefix,
  accept = ARTICLE_UPLOAD_EXTENSIONS,
  maxBytes = MAX_UPLOAD_BYTES,
  label,
  isDisabled,
}: FileDropZoneProps) {
  const [isDragOver, setIsDragOver] = useState(false);
  const inputId = `${idPrefix}-file`;
  const helpId = `${idPrefix}-file-help`;
  const errorId = `${idPrefix}-file-error`;

  function handleDragOver(event: DragEvent<HTMLDivElement>) {
    // Without this the browser opens a dropped file instead of handing it over.
    event.preventDefault();
    event.dataTransfer.dropEffect = isDisabled ? "none" : "copy";
    if (!isDisabled) setIsDragOver(true);
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsDragOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !isDisabled) onFileChange(dropped);
  }

  return (
    <div className="field">
      {label && <span className="field__label">{label}</span>}
      {/* Dropping is a shortcut for the file chooser inside, which keyboard and screen reader users use. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target only; the input inside is the control. */}
      <div
        className={`drop-zone${isDragOver ? " drop-zone--active" : ""}${error ? " drop-zone--invalid" : ""}`}
        onDragOver={handleDragOver}
        onDragLeave={() => setIsDragOver(false)}
        onDrop={handleDrop}
      >
        <input
          id={inputId}
          type="file"
          className="visually-hidden"
          accept={accept.join(",")}
          disabled={isDisabled}
          aria-describedby={error ? `${errorId} ${helpId}` : helpId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            onFileChange(event.target.files?.[0] ?? null);
            // Choosing the same file again after removing it must fire a change.
            event.target.value = "";
          }}
        />
        <label htmlFor={inputId} className="button">
          Choose a file
        </label>
        <span className="drop-zone__or"> or drop it here</span>
        <p id={helpId} className="field__help">
          {accept.filter((type) => type.startsWith(".")).join(", ")} · up to {formatFileSize(maxBytes)}
        </p>
        {file && (
          <p className="drop-zone__file">
            <span className="drop-zone__name">{file.name}</span> · {formatFileSize(file.size)}{" "}
            <button
              type="button"
              className="button button--quiet"
              disabled={isDisabled}
              onClick={() => onFileChange(null)}
            >
              Remove<span className="visually-hidden"> {file.name}</span>
            </button>
          </p>
        )}
      </div>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
