import { parseRationale, type RationaleInline } from "@factmark/core";

/** A rationale with its light formatting; every piece of text is rendered by React, so escaped. */
export function RationaleView({ text }: { text: string }) {
  return (
    <div className="rationale">
      {parseRationale(text).map((block, blockIndex) => {
        if (block.type === "list") {
          const items = block.items.map((item, itemIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their place
            <li key={itemIndex}>
              <Inlines inlines={item} />
            </li>
          ));
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          return block.isOrdered ? <ol key={blockIndex}>{items}</ol> : <ul key={blockIndex}>{items}</ul>;
        }
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <p key={blockIndex}>
            {block.lines.map((line, lineIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <span key={lineIndex}>
                {lineIndex > 0 && <br />}
                <Inlines inlines={line} />
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}

function Inlines({ inlines }: { inlines: RationaleInline[] }) {
  return (
    <>
      {inlines.map((inline, index) => {
        // biome-ignore-start lint/suspicious/noArrayIndexKey: inlines have no identity but their place
        if (inline.type === "link") {
          return (
            <a key={index} href={inline.href} target="_blank" rel="noopener noreferrer">
              {inline.text}
            </a>
          );
        }
        if (inline.type === "emphasis") return <em key={index}>{inline.text}</em>;
        if (inline.type === "strong") return <strong key={index}>{inline.text}</strong>;
        return <span key={index}>{inline.text}</span>;
        // biome-ignore-end lint/suspicious/noArrayIndexKey: as above
      })}
    </>
  );
}
