// The poller thread's entry (see healthzPoller.ts): a worker's entry is not run through tsx's loader, so this one
// registers it, then loads the TypeScript module, which polls when it finds its workerData.
import { register } from "tsx/esm/api";

register();
await import("./healthzPoller.ts");
