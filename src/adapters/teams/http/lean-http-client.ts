/**
 * The Teams SDK's HTTP client, made cheap to clone and to send with.
 *
 * For every incoming activity the SDK clones its HTTP client several times (an API client
 * and two Graph clients), and every clone makes a new axios instance; every reply then goes
 * through axios. Under load that was a third of the bot's CPU (docs/benchmarks.md, "HTTP
 * load"). This subclass keeps what the SDK relies on — its middleware chain, tokens, headers,
 * axios-shaped answers and errors — but its clones skip the base constructor and share
 * the lean transport's connection pool. A client given an interceptor (axios's own hook)
 * goes back to a real axios instance.
 */
import { LeanTransport } from './lean-transport.ts';
import {
  type AxiosInstance,
  axios,
  Client,
  type ClientOptions,
  ConsoleLogger,
  type HttpClient,
  type Interceptor,
  type Middleware,
} from './sdk-modules.ts';

type Headers = ClientOptions['headers'];

function userAgentOf(headers: Headers): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'user-agent');
  return key ? String(headers[key]) : undefined;
}

/** The base clone's header merge: the child's headers win, user agents are chained. */
function mergeHeaders(parent: Headers, child: Headers): NonNullable<Headers> {
  // Most clones add no headers: the parent's, which nobody changes, serve as they are.
  if (parent && (!child || Object.keys(child).length === 0)) return parent;
  const headers: Record<string, unknown> = { ...parent, ...child };
  const parentUa = userAgentOf(parent);
  const childUa = userAgentOf(child);
  const ua = parentUa && childUa ? `${childUa} ${parentUa}` : childUa || parentUa;
  if (ua) {
    for (const key of Object.keys(headers))
      if (key.toLowerCase() === 'user-agent') delete headers[key];
    headers['User-Agent'] = ua;
  }
  return headers as NonNullable<Headers>;
}

function isInterceptor(handler: Middleware | Interceptor): handler is Interceptor {
  return typeof (handler as Partial<Middleware>).invoke !== 'function';
}

/** The fields the base constructor sets; a clone sets the same, without an axios instance. */
interface ClientFields {
  token: ClientOptions['token'];
  name: string;
  options: ClientOptions;
  log: NonNullable<ClientOptions['logger']>;
  http: AxiosInstance;
  seq: number;
  _interceptors: Map<number, unknown>;
  _middlewares: Map<number, Middleware>;
}

/**
 * The middleware list, kept between changes. The base client makes a new array each time
 * it is read, and it is read for every step of every request and by every API client the
 * SDK builds around a clone. A symbol, so the client's own fields stay the SDK's.
 */
const MIDDLEWARE_LIST = Symbol('lessons-bot.middlewareList');

/**
 * Registries a clone shares with its parent instead of copying them: most clones never
 * add a middleware. Whichever client changes a shared one first copies it.
 */
const lent = new WeakSet<Map<number, unknown>>();

export class LeanHttpClient extends Client {
  declare [MIDDLEWARE_LIST]: readonly Middleware[] | undefined;

  constructor(options: ClientOptions = {}) {
    super(options);
    if (this._interceptors.size === 0) this.http = asAxios(new LeanTransport(options));
  }

  override get middlewares(): readonly Middleware[] {
    this[MIDDLEWARE_LIST] ??= Object.freeze(Array.from(this._middlewares.values()));
    return this[MIDDLEWARE_LIST];
  }

  override clone(options?: ClientOptions): HttpClient {
    if (this._interceptors.size > 0) return super.clone(options);
    return LeanHttpClient.#withoutAxios(this, LeanHttpClient.#cloneOptions(this, options));
  }

  override use(middleware: Middleware): number;
  override use(interceptor: Interceptor): number;
  override use(handler: Middleware | Interceptor): number {
    LeanHttpClient.#beforeChange(this);
    if (!isInterceptor(handler)) return super.use(handler);
    if (!('interceptors' in this.http)) {
      const { baseUrl, timeout, headers } = this.options;
      this.http = axios.create({
        ...(baseUrl ? { baseURL: baseUrl } : {}),
        ...(timeout ? { timeout } : {}),
        ...(headers ? { headers } : {}),
      });
    }
    return super.use(handler);
  }

  override eject(id: number): void {
    LeanHttpClient.#beforeChange(this);
    super.eject(id);
  }

  override clear(): void {
    LeanHttpClient.#beforeChange(this);
    super.clear();
  }

  /** Makes the registries this client's own, and forgets the list made of them. */
  static #beforeChange(client: LeanHttpClient): void {
    client[MIDDLEWARE_LIST] = undefined;
    if (lent.has(client._middlewares)) client._middlewares = new Map(client._middlewares);
    if (lent.has(client._interceptors)) client._interceptors = new Map(client._interceptors);
  }

  /**
   * The base clone's options: the parent's, with the clone's own over them and its
   * middleware. Most clones add nothing: they share the parent's options, once those are
   * a clone's already.
   */
  static #cloneOptions(parent: LeanHttpClient, options: ClientOptions | undefined): ClientOptions {
    const own = parent.options;
    const middlewares = parent.middlewares;
    const addsNothing = !options || Object.keys(options).length === 0;
    if (addsNothing && own.middlewares === middlewares && own.interceptors?.length === 0)
      return own;
    return {
      ...own,
      ...options,
      headers: mergeHeaders(own.headers, options?.headers),
      interceptors: [],
      // frozen: read when a client is made, never changed
      middlewares: middlewares as Middleware[],
    };
  }

  /**
   * What `parent.clone(options)` would make, minus the axios instance the base
   * constructor creates and the registries it copies.
   */
  static #withoutAxios(parent: LeanHttpClient, options: ClientOptions): LeanHttpClient {
    lent.add(parent._middlewares);
    lent.add(parent._interceptors);
    const fields: ClientFields = {
      token: options.token,
      name: options.name || 'http',
      options,
      log: options.logger || new ConsoleLogger(options.name || 'http'),
      http:
        options === parent.options && parent.http instanceof LeanTransport
          ? parent.http
          : asAxios(new LeanTransport(options)),
      seq: parent.seq,
      _interceptors: parent._interceptors,
      _middlewares: parent._middlewares,
    };
    const client: LeanHttpClient = Object.assign(Object.create(LeanHttpClient.prototype), fields);
    client[MIDDLEWARE_LIST] = parent.middlewares;
    return client;
  }
}

function asAxios(transport: LeanTransport): AxiosInstance {
  return transport as unknown as AxiosInstance;
}
