export { commandLineName } from './cli-args.ts';
export { type ConsoleIo, runConsole } from './console.ts';
export { renderText, type TextStyle } from './render-text.ts';
export { type CliIo, runCli } from './run-cli.ts';
export type { KeptServices, OpenKept } from './run-export-command.ts';
export type { ImportServices } from './run-import-commands.ts';
export type { OpenPrivacy, PrivacyServices } from './run-privacy-commands.ts';
export type { CliServices, OpenServices } from './services.ts';
