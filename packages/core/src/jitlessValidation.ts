// Imported first by the web app's entry (apps/web/src/main.tsx), before any schema is made: zod then parses without
// compiling a fast path with `new Function`, which the app's Content-Security-Policy (no 'unsafe-eval') forbids.
// Zod catches that refusal, but the browser still raises a `securitypolicyviolation` on every page (and would send
// it to any report endpoint). Each object schema decides when it is made, so this must run before they are.
import { z } from "zod";

z.config({ jitless: true });
