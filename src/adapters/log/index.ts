export { createLogger, type LoggerOptions } from './create-logger.ts';
export { scrubText } from './scrub-text.ts';
