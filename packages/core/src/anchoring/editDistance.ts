/**
 * The Levenshtein distance between two strings in UTF-16 code units, or undefined when it exceeds
 * `max` (checked row by row, so hopeless comparisons stop early). O(a·b) time, O(b) memory.
 */
export function editDistance(a: string, b: string, max: number): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let column = 0; column <= b.length; column += 1) previous[column] = column;
  for (let row = 1; row <= a.length; row += 1) {
    current[0] = row;
    let rowMinimum = row;
    const code = a.charCodeAt(row - 1);
    for (let column = 1; column <= b.length; column += 1) {
      const substitution = (previous[column - 1] as number) + (code === b.charCodeAt(column - 1) ? 0 : 1);
      const deletion = (previous[column] as number) + 1;
      const insertion = (current[column - 1] as number) + 1;
      const value = Math.min(substitution, deletion, insertion);
      current[column] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > max) return undefined;
    [previous, current] = [current, previous];
  }
  const distance = previous[b.length] as number;
  return distance <= max ? distance : undefined;
}
