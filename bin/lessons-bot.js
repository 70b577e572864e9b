#!/usr/bin/env node
// A plain-JavaScript launcher, so that an old Node says what to do instead of failing on TypeScript.
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 24 || (major === 24 && minor < 11)) {
  process.stderr.write(
    `lessons-bot needs Node 24.11 or later, and this is Node ${process.versions.node}.\n` +
      'Run it through npm, which uses the Node 24 installed with the project: npm run cli -- help, or npx lessons-bot help.\n',
  );
  process.exit(1);
}
// In the repository, the TypeScript itself; in the installed package (which Node does not
// strip types in, under node_modules), the JavaScript built from it when it was packed.
const source = new URL('../src/main.ts', import.meta.url);
await import(existsSync(source) ? source.href : '../dist/js/main.js');
