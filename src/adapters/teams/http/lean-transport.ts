/**
 * What the Teams SDK's HTTP client asks of its axios instance (request, get, delete, post,
 * put, patch), answered with undici for plain JSON calls — every connector call the bot
 * makes — and with one shared axios instance for anything else (query params, streams,
 * binary or form bodies, custom adapters). Answers and failures have axios's shapes: the
 * SDK tests `instanceof AxiosError` and teamsFailure reads `response.status`.
 */
import { Agent, type Dispatcher, interceptors, request } from 'undici';
import { jsonBody } from './json-once.ts';
import {
  AxiosError,
  AxiosHeaders,
  type AxiosInstance,
  type AxiosRequestConfig,
  type AxiosResponse,
  axios,
  type InternalAxiosRequestConfig,
} from './sdk-modules.ts';

export interface TransportDefaults {
  readonly baseUrl?: string | undefined;
  /** milliseconds; 0 or undefined: none, as in axios */
  readonly timeout?: number | undefined;
}

type Config = AxiosRequestConfig & { extensions?: unknown };

/** The config keys a lean request understands; any other key sends the request through axios. */
const LEAN_KEYS = new Set(['url', 'method', 'data', 'headers', 'signal', 'timeout', 'extensions']);
const MAX_REDIRECTS = 5;

let pool: Dispatcher | undefined;
let fallback: AxiosInstance | undefined;

/** One connection pool for every client: keep-alive connections to each connector. */
function sharedPool(): Dispatcher {
  pool ??= new Agent().compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTS }));
  return pool;
}

function isPlainJson(data: unknown): boolean {
  if (data === undefined || data === null) return true;
  if (Array.isArray(data)) return true;
  return typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype;
}

function isLean(config: Config): boolean {
  for (const key of Object.keys(config)) {
    if (!LEAN_KEYS.has(key) && config[key as keyof Config] !== undefined) return false;
  }
  return isPlainJson(config.data);
}

function absoluteUrl(url: string, baseUrl: string | undefined): string {
  if (/^[a-z][a-z\d+\-.]*:\/\//i.test(url) || !baseUrl) return url;
  return `${baseUrl.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

/** Header values as axios sends them: null, undefined and false dropped, arrays joined. */
function headerRecord(headers: unknown, hasBody: boolean): Record<string, string> {
  const source = headers instanceof AxiosHeaders ? headers.toJSON() : (headers ?? {});
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
    if (value === undefined || value === null || value === false) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : String(value);
    seen.add(name.toLowerCase());
  }
  if (!seen.has('accept')) out.Accept = 'application/json, text/plain, */*';
  if (hasBody && !seen.has('content-type')) out['Content-Type'] = 'application/json';
  return out;
}

/** As axios does by default: JSON when it parses, the text when it does not. */
function parseBody(text: string): unknown {
  if (text === '') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function signalOf(config: Config, timeout: number | undefined): AbortSignal | undefined {
  const own = config.signal as AbortSignal | undefined;
  if (!timeout) return own;
  const late = AbortSignal.timeout(timeout);
  return own ? AbortSignal.any([own, late]) : late;
}

function internalConfig(config: Config, headers: Record<string, string>) {
  return { ...config, headers: new AxiosHeaders(headers) } as InternalAxiosRequestConfig;
}

function failure(thrown: unknown, config: InternalAxiosRequestConfig, timeout?: number) {
  if (thrown instanceof Error && thrown.name === 'TimeoutError') {
    return new AxiosError(`timeout of ${timeout}ms exceeded`, 'ECONNABORTED', config);
  }
  const code = (thrown as { code?: unknown } | null)?.code;
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  return AxiosError.from(error, typeof code === 'string' ? code : undefined, config);
}

/**
 * An answer in axios's shape. Its `config` and `headers` are made when read: the SDK
 * reads only `data` of an accepted post, and building axios's header objects for every
 * post cost more than the rest of the answer.
 */
function axiosResponse(
  answer: Dispatcher.ResponseData,
  text: string,
  request: () => InternalAxiosRequestConfig,
): AxiosResponse {
  let headers: InstanceType<typeof AxiosHeaders> | undefined;
  let config: InternalAxiosRequestConfig | undefined;
  return {
    data: parseBody(text),
    status: answer.statusCode,
    statusText: '',
    get headers() {
      headers ??= new AxiosHeaders(answer.headers as Record<string, string | string[]>);
      return headers;
    },
    get config() {
      config ??= request();
      return config;
    },
  };
}

async function leanRequest(config: Config, defaults: TransportDefaults): Promise<AxiosResponse> {
  const hasBody = config.data !== undefined && config.data !== null;
  const headers = headerRecord(config.headers, hasBody);
  const internal = () => internalConfig(config, headers);
  const timeout = config.timeout ?? defaults.timeout;
  let answer: Dispatcher.ResponseData;
  let text: string;
  try {
    answer = await request(absoluteUrl(config.url ?? '', defaults.baseUrl), {
      dispatcher: sharedPool(),
      method: (config.method ?? 'get').toUpperCase() as Dispatcher.HttpMethod,
      headers,
      body: hasBody ? jsonBody(config.data) : null,
      signal: signalOf(config, timeout) ?? null,
    });
    text = await answer.body.text();
  } catch (thrown) {
    throw failure(thrown, internal(), timeout);
  }
  const response = axiosResponse(answer, text, internal);
  if (answer.statusCode >= 200 && answer.statusCode < 300) return response;
  const code = answer.statusCode < 500 ? 'ERR_BAD_REQUEST' : 'ERR_BAD_RESPONSE';
  const message = `Request failed with status code ${answer.statusCode}`;
  throw new AxiosError(message, code, response.config, null, response);
}

function viaAxios(config: Config, defaults: TransportDefaults): Promise<AxiosResponse> {
  fallback ??= axios.create();
  return fallback.request({
    ...(defaults.baseUrl ? { baseURL: defaults.baseUrl } : {}),
    ...(defaults.timeout ? { timeout: defaults.timeout } : {}),
    ...config,
  });
}

/**
 * The subset of an axios instance the SDK's client uses, for one client's defaults. A
 * class, not closures: the SDK clones its clients, each with a transport, several times
 * for every activity.
 */
export class LeanTransport {
  readonly #defaults: TransportDefaults;

  constructor(defaults: TransportDefaults) {
    this.#defaults = defaults;
  }

  request(config: Config): Promise<AxiosResponse> {
    return isLean(config) ? leanRequest(config, this.#defaults) : viaAxios(config, this.#defaults);
  }

  get(url: string, config?: Config): Promise<AxiosResponse> {
    return this.request({ ...config, method: 'get', url });
  }

  delete(url: string, config?: Config): Promise<AxiosResponse> {
    return this.request({ ...config, method: 'delete', url });
  }

  post(url: string, data?: unknown, config?: Config): Promise<AxiosResponse> {
    return this.request({ ...config, method: 'post', url, data });
  }

  put(url: string, data?: unknown, config?: Config): Promise<AxiosResponse> {
    return this.request({ ...config, method: 'put', url, data });
  }

  patch(url: string, data?: unknown, config?: Config): Promise<AxiosResponse> {
    return this.request({ ...config, method: 'patch', url, data });
  }
}
