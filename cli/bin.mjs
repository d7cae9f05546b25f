#!/usr/bin/env node
// The `certwatch` command: TypeScript sources run through tsx's loader (a dependency), no build step.
import { register } from "tsx/esm/api";

register({ tsconfig: new URL("../tsconfig.json", import.meta.url).pathname });
await import("./certwatch.ts");
