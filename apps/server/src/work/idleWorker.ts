/** The pool's default module: every job names its own module, so this one is never asked for anything. */
export default function idle(): never {
  throw new Error("A heavy job must name its worker module.");
}
