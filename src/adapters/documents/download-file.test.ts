import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotError } from '../../core/index.ts';
import { type Download, downloadFile } from './download-file.ts';

/** Two loopback hosts: the platform's file host, and somewhere else. */
let host: Server;
let elsewhere: Server;
let hostUrl: string;
let elsewhereUrl: string;
const seen: { path: string; authorization: string | undefined }[] = [];
const elsewhereSeen: string[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

beforeAll(async () => {
  elsewhere = createServer((req, res) => {
    elsewhereSeen.push(req.url ?? '');
    res.end('from elsewhere');
  });
  elsewhereUrl = await listen(elsewhere);
  host = createServer((req, res) => {
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
    switch (req.url) {
      case '/small':
        res.end('hello');
        return;
      case '/declared-large':
        res.writeHead(200, { 'content-length': String(10_000) });
        res.end('x'.repeat(10_000));
        return;
      case '/chunked-large':
        // No length declared: the reader must stop on its own.
        res.writeHead(200, { 'transfer-encoding': 'chunked' });
        for (let i = 0; i < 20; i++) res.write('x'.repeat(1000));
        res.end();
        return;
      case '/redirect-home':
        res.writeHead(302, { location: '/small' }).end();
        return;
      case '/redirect-away':
        res.writeHead(302, { location: `${elsewhereUrl}/file` }).end();
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      default:
        res.writeHead(404).end();
    }
  });
  hostUrl = await listen(host);
});

afterAll(async () => {
  host.closeAllConnections();
  elsewhere.closeAllConnections();
  await Promise.all([host, elsewhere].map((s) => new Promise((r) => s.close(r))));
});

function download(path: string, maxBytes = 4096): Promise<Uint8Array> {
  const options: Download = {
    url: path.startsWith('http') ? path : `${hostUrl}${path}`,
    fileName: 'review.pdf',
    maxBytes,
    headers: { authorization: 'Bearer xoxb-secret' },
    allowed: (url) => url.origin === hostUrl,
    host: 'the file host',
  };
  return downloadFile(options);
}

async function refusal(path: string, maxBytes?: number): Promise<BotError> {
  return download(path, maxBytes).then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: BotError) => error,
  );
}

describe('downloadFile', () => {
  it('downloads from the file host with the headers given', async () => {
    expect(new TextDecoder().decode(await download('/small'))).toBe('hello');
    expect(seen.at(-1)).toEqual({ path: '/small', authorization: 'Bearer xoxb-secret' });
  });

  it('never asks a host that is not allowed', async () => {
    const error = await refusal(`${elsewhereUrl}/file`);
    expect(error.code).toBe('document_unreadable');
    expect(error.message).toBe(
      '"review.pdf" is not on the file host, so the bot did not download it. Send the file itself in this chat, not a link to it.',
    );
    expect(elsewhereSeen).toEqual([]);
  });

  it('follows a redirect on the file host, and refuses one that leads away, without going there', async () => {
    expect(new TextDecoder().decode(await download('/redirect-home'))).toBe('hello');
    const error = await refusal('/redirect-away');
    expect(error.message).toMatch(/is not on the file host/);
    expect(elsewhereSeen).toEqual([]);
  });

  it('gives up on a redirect loop', async () => {
    expect((await refusal('/loop')).message).toMatch(/round in circles/);
  });

  it('refuses a declared length over the limit, and stops reading an undeclared one at it', async () => {
    for (const path of ['/declared-large', '/chunked-large']) {
      const error = await refusal(path, 4096);
      expect(error.code).toBe('document_too_large');
      expect(error.message).toMatch(/^"review\.pdf" is larger than \d+ MB, the largest file/);
    }
  });

  it('says when the host refuses or is not there', async () => {
    expect((await refusal('/missing')).message).toBe(
      '"review.pdf" could not be downloaded: the file host answered 404. Please send it again.',
    );
    expect((await refusal('http://[not an address')).message).toMatch(
      /its address is not a web address/,
    );
  });
});
