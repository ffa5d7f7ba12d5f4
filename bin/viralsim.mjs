#!/usr/bin/env node
// Entry point of `npx viralsim`: runs the bundled command line that `npm install` builds.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const boot = new URL('../dist/cli/boot.cjs', import.meta.url);
if (!existsSync(boot) || !existsSync(new URL('../dist/cli/main.cjs', import.meta.url))) {
  process.stderr.write(
    'viralsim: the command line is not built yet; run `npm install` (or `node scripts/build-cli.mjs`) first\n',
  );
  process.exit(1);
}
// Loaded synchronously (CommonJS), from V8's code cache when it can: see engine/cli/boot.ts.
createRequire(import.meta.url)(fileURLToPath(boot)).runBundle('main');
