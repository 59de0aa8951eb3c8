#!/usr/bin/env node
// The `flux` command. TypeScript sources run through tsx's loader, so no build step is needed.
import { register } from "tsx/esm/api";

register({ tsconfig: new URL("../tsconfig.json", import.meta.url).pathname });
await import("./main.ts");
