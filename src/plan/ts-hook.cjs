/**
 * Load TypeScript sources in a child process without a build: `node --require ts-hook.cjs x.ts`.
 * Only used when stackplan itself runs from its sources (the test suite under vitest spawns the
 * render worker this way); the installed CLI runs the compiled worker from dist/. Type checking
 * is `tsc`'s job: this only strips types, file by file.
 */
"use strict";
const fs = require("node:fs");
const ts = require("typescript");

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  sourceMap: false,
  inlineSourceMap: true,
};

require.extensions[".ts"] = function loadTypeScript(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
  module._compile(outputText, filename);
};
