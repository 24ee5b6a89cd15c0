#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the `prepare` script).
"use strict";
const path = require("node:path");
const entry = path.join(__dirname, "..", "dist", "src", "cli", "main.js");
let cli;
try {
  cli = require(entry);
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND" && String(err.message).includes(entry)) {
    process.stderr.write("stackplan: the CLI is not built yet; run `npm run build` (npm ci does it for you)\n");
    process.exit(2);
  }
  throw err;
}
cli.run(process.argv.slice(2)).then((code) => { process.exitCode = code; });
