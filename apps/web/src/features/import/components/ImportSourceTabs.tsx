import { type KeyboardEvent, useRef } from "react";
import { IMPORT_SOURCES, type ImportSource } from "../parseNewArticle";

export const IMPORT_SOURCE_LABELS: Record<ImportSource, string> = {
  paste: "Paste",
  upload: "Upload a file",
  url: "From a web address",
};

/** The ids that tie each tab to its panel, under one prefix per page. */
export function importTabIds(idPrefix: string, source: ImportSource) {
  return { tab: `${idPrefix}-tab-${source}`, panel: `${idPrefix}-panel-${source}` };
}

export interface ImportSourceTabsProps {
  selected: ImportSource;
  onSelect: (source: ImportSource) => void;
  idPrefix: string;
}

/**
 * The ways an article comes in, as ARIA tabs: one tab stop, arrow keys (and Home/End) move
 * between tabs and select them, as the WAI-ARIA tabs pattern with automatic activation does.
 */
export function ImportSourceTabs({ selected, onSelect, idPrefix }: ImportSourceTabsProps) {
  const tabRefs = useRef(new Map<ImportSource, HTMLButtonElement>());

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = IMPORT_SOURCES.indexOf(selected);
    const last = IMPORT_SOURCES.length - 1;
    const next = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const source = IMPORT_SOURCES[next] as ImportSource;
    onSelect(source);
    tabRefs.current.get(source)?.focus();
  }

  return (
    <div className="import-tabs" role="tablist" aria-label="How to bring the article in" onKeyDown={handleKeyDown}>
      {IMPORT_SOURCES.map((source) => {
        const ids = importTabIds(idPrefix, source);
        const isSelected = source === selected;
        return (
          <button
            key={source}
            ref={(element) => {
              if (element) tabRefs.current.set(source, element);
              else tabRefs.current.delete(source);
            }}
            type="button"
            role="tab"
            id={ids.tab}
            aria-selected={isSelected}
            aria-controls={ids.panel}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(source)}
          >
            {IMPORT_SOURCE_LABELS[source]}
          </button>
        );
      })}
    </div>
  );
}
