import { type DragEvent, useState } from "react";
import { formatFileSize } from "../../import/checkArticleFile";
import { ANNOTATION_FILE_EXTENSIONS, MAX_ANNOTATION_DOCUMENT_BYTES } from "../parseAnnotationJson";
import "../../import/import.css";

export interface AnnotationFileDropZoneProps {
  file: File | null;
  /** A file chosen or dropped, or null when removed; the parent checks it. */
  onFileChange: (file: File | null) => void;
  error?: string;
  idPrefix: string;
  isDisabled?: boolean;
}

/**
 * Picks one Web Annotation document (.json, .jsonld), by the file chooser or by dropping it here, and says which
 * file and how large. The article importer's drop zone, for another kind of file (its extensions and size are fixed).
 */
export function AnnotationFileDropZone({
  file,
  onFileChange,
  error,
  idPrefix,
  isDisabled,
}: AnnotationFileDropZoneProps) {
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
      <span className="field__label">A file</span>
      {/* Dropping is a shortcut for the file chooser inside, which keyboard and screen reader users use. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target only; the input inside is the control. */}
      <div
        className={`drop-zone${isDragOver ? " drop-zone--active" : ""}${error ? " drop-zone--invalid" : ""}`}
        data-testid="annotation-drop-zone"
        onDragOver={handleDragOver}
        onDragLeave={() => setIsDragOver(false)}
        onDrop={handleDrop}
      >
        <input
          id={inputId}
          type="file"
          className="visually-hidden"
          accept={[...ANNOTATION_FILE_EXTENSIONS, "application/json", "application/ld+json"].join(",")}
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
          {ANNOTATION_FILE_EXTENSIONS.join(", ")} · up to {formatFileSize(MAX_ANNOTATION_DOCUMENT_BYTES)}
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
