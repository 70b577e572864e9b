import { type AddressInfo, createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openStore, parseDatabaseUrl, redactUrl, StoreError } from '../../src/store/index.ts';
import { recordingLogger } from '../helpers/recording-logger.ts';

const ACCEPTED = /sqlite:PATH.*sqlite::memory:.*postgres:\/\//;

async function refusal(url: string | undefined): Promise<StoreError> {
  const error = await openStore(url).catch((e: unknown) => e);
  if (!(error instanceof StoreError))
    throw new Error(`expected a StoreError, got ${String(error)}`);
  return error;
}

describe('parseDatabaseUrl', () => {
  it('defaults to ./data/lessons-bot.db under the working directory', () => {
    expect(parseDatabaseUrl(undefined, '/srv/bot')).toEqual({
      dialect: 'sqlite',
      path: '/srv/bot/data/lessons-bot.db',
      display: 'sqlite:/srv/bot/data/lessons-bot.db',
    });
  });

  it('reads sqlite: paths, relative or absolute, and the URL spelling sqlite:///', () => {
    expect(parseDatabaseUrl('sqlite:state/bot.db', '/srv/bot')).toMatchObject({
      path: '/srv/bot/state/bot.db',
    });
    expect(parseDatabaseUrl('sqlite:./x.db', '/srv/bot')).toMatchObject({ path: '/srv/bot/x.db' });
    expect(parseDatabaseUrl('sqlite:/var/lib/bot.db', '/srv')).toMatchObject({
      path: '/var/lib/bot.db',
    });
    expect(parseDatabaseUrl('sqlite:///var/lib/bot.db', '/srv')).toMatchObject({
      path: '/var/lib/bot.db',
    });
    expect(parseDatabaseUrl('  SQLite:x.db ', '/srv')).toMatchObject({
      dialect: 'sqlite',
      path: '/srv/x.db',
    });
  });

  it('reads sqlite::memory:', () => {
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({
      dialect: 'sqlite',
      path: ':memory:',
      display: 'sqlite::memory:',
    });
  });

  it('reads postgres:// and postgresql:// URLs, showing them without the password', () => {
    expect(parseDatabaseUrl('postgres://bot:pa55@db.internal:5432/lessons')).toEqual({
      dialect: 'postgres',
      url: 'postgres://bot:pa55@db.internal:5432/lessons',
      display: 'postgres://bot:***@db.internal:5432/lessons',
    });
    expect(parseDatabaseUrl('postgresql://bot@db/lessons')).toMatchObject({ dialect: 'postgres' });
  });

  it.each([
    ['a typo’d scheme', 'postgress://bot:hunter2@db/lessons'],
    ['another database', 'mysql://bot:hunter2@db/lessons'],
    ['a bare path', './data/bot.db'],
    ['empty', ''],
    ['blank', '   '],
    ['sqlite: with no file', 'sqlite:'],
    ['a postgres URL with no host', 'postgres:///lessons?password=hunter2'],
    ['a broken postgres URL', 'postgres://bot:hunter2@db:notaport/lessons'],
  ])('refuses %s, naming DATABASE_URL and the accepted forms, without the password', (_, value) => {
    let error: unknown;
    try {
      parseDatabaseUrl(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'store_url_invalid' });
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL');
    expect(message).toMatch(ACCEPTED);
    expect(message).not.toContain('hunter2');
  });
});

describe('redactUrl', () => {
  it.each([
    ['postgres://bot:secret@h/db', 'postgres://bot:***@h/db'],
    ['postgres://bot:se@cr/et@h:5432/db', 'postgres://bot:***@h:5432/db'],
    [
      'postgres://bot@h/db?password=secret&sslmode=require',
      'postgres://bot@h/db?password=***&sslmode=require',
    ],
    ['postgres://bot@h/db', 'postgres://bot@h/db'],
    ['sqlite:./x.db', 'sqlite:./x.db'],
  ])('%s → %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});

describe('openStore with a bad DATABASE_URL', () => {
  it('refuses a typo’d scheme before touching anything', async () => {
    const error = await refusal('postgress://bot:hunter2@127.0.0.1/lessons');
    expect(error.code).toBe('store_url_invalid');
    expect(error.message).toContain('postgress://bot:***@127.0.0.1/lessons');
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses an empty value', async () => {
    expect((await refusal('')).message).toMatch(/DATABASE_URL is set but empty/);
  });

  it('fails within seconds, password masked, when nothing listens at the PostgreSQL port', async () => {
    const logger = recordingLogger();
    const started = Date.now();
    const error = await openStore('postgres://bot:hunter2@127.0.0.1:9/lessons', { logger }).catch(
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'store_unavailable' });
    const message = (error as Error).message;
    expect(message).toContain('postgres://bot:***@127.0.0.1:9/lessons');
    expect(message).toMatch(/ECONNREFUSED/);
    expect(message).toMatch(/Check that PostgreSQL is running/);
    expect(message).not.toContain('hunter2');
    expect(JSON.stringify(logger.lines)).not.toContain('hunter2');
  });

  it('gives up within seconds, password masked, when the server accepts but never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    const error = await openStore(`postgresql://bot:hunter2@127.0.0.1:${port}/lessons`).catch(
      (e: unknown) => e,
    );
    const took = Date.now() - started;
    for (const socket of sockets) socket.destroy();
    silent.close();
    expect(took).toBeLessThan(8_000);
    expect(error).toMatchObject({ code: 'store_unavailable' });
    const message = (error as Error).message;
    expect(message).toContain(`postgresql://bot:***@127.0.0.1:${port}/lessons`);
    expect(message).toMatch(/timeout/i);
    expect(message).not.toContain('hunter2');
  });
});
