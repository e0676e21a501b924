// Core runs in browsers and Node alike; it may use the WHATWG URL class that both provide,
// and nothing else of either. This file declares just that much for core's own type check.
declare class URL {
  constructor(url: string, base?: string);
  static canParse(url: string, base?: string): boolean;
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly href: string;
}
