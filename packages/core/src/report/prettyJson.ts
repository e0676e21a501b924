/**
 * Pretty JSON (two spaces, as `JSON.stringify(value, null, 2)` writes it) put together from parts written apart, so a
 * builder can keep the text of what did not change. Each part is written for the depth it sits at: its lines after
 * the first indented by two spaces a level. JSON text never holds a raw line break inside a string (it is escaped), so
 * every line break in a part is one the indentation may follow.
 */

/** `JSON.stringify(value, null, 2)` of a value that sits `depth` levels deep; undefined for what JSON leaves out. */
export function prettyJsonAt(value: unknown, depth: number): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  if (text === undefined || depth === 0) return text;
  return text.replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

/**
 * An object at `depth` written around one member's value: `[before, after]`, where `before + valueText + after` is the
 * object with that member's value written as `valueText`. The member must be there (not undefined).
 */
export function prettyObjectAround(value: object, key: string, depth: number): [string, string] {
  const pad = "  ".repeat(depth + 1);
  const before: string[] = [];
  const after: string[] = [];
  let isAfter = false;
  for (const [name, member] of Object.entries(value)) {
    if (name === key) {
      isAfter = true;
      continue;
    }
    const text = prettyJsonAt(member, depth + 1);
    if (text !== undefined) (isAfter ? after : before).push(`${pad}${JSON.stringify(name)}: ${text}`);
  }
  if (!isAfter) throw new Error(`The object has no member "${key}".`);
  const head = `{\n${before.map((line) => `${line},\n`).join("")}${pad}${JSON.stringify(key)}: `;
  const tail = `${after.map((line) => `,\n${line}`).join("")}\n${"  ".repeat(depth)}}`;
  return [head, tail];
}

/**
 * Pretty JSON as the parts it was put together from, in order (joined, they are the text): kept parts come back as
 * the same strings, so a consumer could keep what it made of each (compressed pieces, say).
 */
export type JsonParts = string[];

/** An array at `depth` into `out`, from its items' parts (each written at depth + 1). */
export function prettyArrayParts(items: readonly (string | readonly string[])[], depth: number, out: JsonParts): void {
  if (items.length === 0) {
    out.push("[]");
    return;
  }
  const pad = "  ".repeat(depth + 1);
  const separator = `,\n${pad}`;
  out.push(`[\n${pad}`);
  items.forEach((item, index) => {
    if (index > 0) out.push(separator);
    if (typeof item === "string") out.push(item);
    else for (const part of item) out.push(part);
  });
  out.push(`\n${"  ".repeat(depth)}]`);
}

/**
 * An object at `depth` into `out`, from its members: each a text (written at depth + 1), undefined (left out), or a
 * function that writes the member's value into `out`.
 */
export function prettyObjectParts(
  members: readonly (readonly [string, string | undefined | ((out: JsonParts) => void)])[],
  depth: number,
  out: JsonParts,
): void {
  const present = members.filter(([, value]) => value !== undefined);
  if (present.length === 0) {
    out.push("{}");
    return;
  }
  const pad = "  ".repeat(depth + 1);
  present.forEach(([key, value], index) => {
    out.push(`${index === 0 ? "{\n" : ",\n"}${pad}${JSON.stringify(key)}: `);
    if (typeof value === "string") out.push(value);
    else value?.(out);
  });
  out.push(`\n${"  ".repeat(depth)}}`);
}
