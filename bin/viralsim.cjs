#!/usr/bin/env node
// Entry point of `npx viralsim`: runs the bundled command line that `npm install` builds. CommonJS,
// like the bundles: an ES module entry would start Node's ES module loader first (about 4 ms).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const folder = join(__dirname, '..', 'dist', 'cli');
if (!existsSync(join(folder, 'boot.cjs')) || !existsSync(join(folder, 'main.cjs'))) {
  process.stderr.write(
    'viralsim: the command line is not built yet; run `npm install` (or `node scripts/build-cli.mjs`) first\n',
  );
  process.exit(1);
}
// Runs dist/cli/main.cjs from V8's code cache when it can: see engine/cli/boot.ts.
require(join(folder, 'boot.cjs')).runBundle('main');
