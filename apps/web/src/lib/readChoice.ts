/** `value` when it is one of `choices`; "" (no filter) for anything else a URL may hold. */
export function readChoice<T extends string>(value: string | null, choices: readonly T[]): T | "" {
  return choices.includes(value as T) ? (value as T) : "";
}
