/**
 * npm pack's prepack: the JavaScript (with type declarations) the package carries in
 * dist/js/, built from src/ by tsc. Node does not strip types under node_modules, so an
 * installed lessons-bot runs this; the repository itself runs the TypeScript directly.
 */
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/js/', import.meta.url), { recursive: true, force: true });
// npm puts node_modules/.bin, where tsc is, on the PATH of its scripts
execSync('tsc -p tsconfig.build.json', { stdio: 'inherit' });
