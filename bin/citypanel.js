#!/usr/bin/env node
"use strict";
// Thin launcher: the command is compiled to build/ by `npm install` (the `prepare` script).
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "build", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("citypanel: not built yet. Run `npm install` (or `npm run build:cli`) in the project folder.\n");
  process.exit(1);
}
require(entry).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
