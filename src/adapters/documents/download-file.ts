import { BotError, megabytes } from '../../core/index.ts';

export interface Download {
  url: string;
  /** for messages */
  fileName: string;
  maxBytes: number;
  /** sent with the first request only, and kept on redirects only within the same origin */
  headers?: Record<string, string>;
  /** where a file may come from: anything else is never requested */
  allowed(url: URL): boolean;
  /** "Slack's file host", for the refusal */
  host: string;
  timeoutMs?: number;
}

const MAX_REDIRECTS = 3;

/**
 * Downloads a file a user sent in chat, with care for where it comes from: only from the
 * platform's own file host (a URL in a message is not trusted to point anywhere else,
 * redirects included), and never more than `maxBytes`, checked on the declared length
 * and again while reading.
 * @throws BotError document_unreadable | document_too_large
 */
export async function downloadFile(download: Download): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(download.timeoutMs ?? 60_000);
  let url = checked(download.url, download);
  let headers = download.headers ?? {};
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await fetch(url, { headers, redirect: 'manual', signal }).catch(() => {
      throw unreadable(download, 'the file host did not answer');
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = checked(new URL(location, url).href, download);
      if (next.origin !== url.origin) headers = {};
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw unreadable(download, `the file host answered ${response.status}`);
    }
    return readCapped(response, download);
  }
  throw unreadable(download, 'the file host sent it round in circles');
}

function checked(raw: string, download: Download): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw unreadable(download, 'its address is not a web address');
  }
  if (!download.allowed(url))
    throw new BotError(
      'document_unreadable',
      `"${download.fileName.slice(0, 120)}" is not on ${download.host}, so the bot did not download it. Send the file itself in this chat, not a link to it.`,
    );
  return url;
}

async function readCapped(response: Response, download: Download): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > download.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(download);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > download.maxBytes) {
      await reader.cancel();
      throw tooLarge(download);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function unreadable(download: Download, why: string): BotError {
  return new BotError(
    'document_unreadable',
    `"${download.fileName.slice(0, 120)}" could not be downloaded: ${why}. Please send it again.`,
  );
}

function tooLarge(download: Download): BotError {
  return new BotError(
    'document_too_large',
    `"${download.fileName.slice(0, 120)}" is larger than ${megabytes(download.maxBytes)}, the largest file of its kind the bot reads. Send the part with the learning, or write the review file by hand.`,
  );
}
