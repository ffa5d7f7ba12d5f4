#!/usr/bin/env node
// Entry point of `npx viralsim`: runs the bundled command line that `npm install` builds.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.cjs', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    'viralsim: the command line is not built yet; run `npm install` (or `node scripts/build-cli.mjs`) first\n',
  );
  process.exit(1);
}
// Loaded synchronously (CommonJS): see scripts/build-cli.mjs.
createRequire(import.meta.url)(fileURLToPath(main));
