import type { Viewer } from "@factmark/core";
import { initialsOf } from "../initialsOf";
import "../live.css";

/** Who else has the article open: their initials in small circles, each name on hover and for screen readers. */
export function AlsoHere({ viewers }: { viewers: readonly Viewer[] }) {
  if (viewers.length === 0) return null;
  return (
    <div className="also-here">
      <span className="also-here__label" aria-hidden="true">
        Also here
      </span>
      {/* The role stays although a list has it: Safari drops it from lists drawn without bullets. */}
      {/* biome-ignore lint/a11y/noRedundantRoles: see above */}
      <ul className="also-here__viewers" role="list" aria-label="Also here">
        {viewers.map((viewer) => (
          <li key={viewer.id} className="also-here__viewer" title={viewer.name}>
            <span aria-hidden="true">{initialsOf(viewer.name)}</span>
            <span className="visually-hidden">{viewer.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
