import { ARTICLE_UPLOAD_EXTENSIONS } from "@factmark/core";
import { type DragEvent, useState } from "react";
import { formatFileSize, MAX_UPLOAD_BYTES } from "../checkArticleFile";

export interface FileDropZoneProps {
  file: File | null;
  /** A file chosen or dropped, or null when removed; the parent checks it. */
  onFileChange: (file: File | null) => void;
  error?: string;
  idPrefix: string;
}

/** Picks one article file, by the file chooser or by dropping it here, and says which file and how large. */
export function FileDropZone({ file, onFileChange, error, idPrefix }: FileDropZoneProps) {
  const [isDragOver, setIsDragOver] = useState(false);
  const inputId = `${idPrefix}-file`;
  const helpId = `${idPrefix}-file-help`;
  const errorId = `${idPrefix}-file-error`;

  function handleDragOver(event: DragEvent<HTMLDivElement>) {
    // Without this the browser opens a dropped file instead of handing it over.
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setIsDragOver(true);
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsDragOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFileChange(dropped);
  }

  return (
    <div className="field">
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
          accept={ARTICLE_UPLOAD_EXTENSIONS.join(",")}
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
          {ARTICLE_UPLOAD_EXTENSIONS.join(", ")} · up to {formatFileSize(MAX_UPLOAD_BYTES)}
        </p>
        {file && (
          <p className="drop-zone__file">
            <span className="drop-zone__name">{file.name}</span> · {formatFileSize(file.size)}{" "}
            <button type="button" className="button button--quiet" onClick={() => onFileChange(null)}>
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
