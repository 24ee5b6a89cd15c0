// Entry of the CrossGuard pack (`pulumi preview --policy-pack policies`). The Pulumi policy
// runtime runs `@pulumi/pulumi/cmd/run-policy-pack` with this directory as working directory
// and `require`s it: package.json `main` points here. The rules are TypeScript compiled by the
// project's build (`npm ci` / `npm run build`) to dist/policies/, which this file loads.
"use strict";
const path = require("node:path");
const entry = path.join(__dirname, "..", "dist", "policies", "pack.js");
try {
  require.resolve(entry);
} catch {
  console.error("stackplan policy pack: dist/policies/pack.js is missing; run `npm run build` at the project root first");
  process.exit(1);
}
require(entry);
