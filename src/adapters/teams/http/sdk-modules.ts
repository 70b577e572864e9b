/**
 * axios and the SDK's HTTP client as the Teams SDK itself loads them: their CommonJS builds.
 * An ES import would load the other build, with classes of its own, and the SDK's
 * `instanceof AxiosError` tests (and TypeScript's check of a Client subclass) would fail.
 */
import { createRequire } from 'node:module';

type Axios = import('axios', { with: { 'resolution-mode': 'require' }}).AxiosStatic;
type Common = typeof import('@microsoft/teams.common', { with: { 'resolution-mode': 'require' }});

export type HttpClient = InstanceType<Common['Client']>;
export type ClientOptions = NonNullable<ConstructorParameters<Common['Client']>[0]>;
export type Middleware = NonNullable<ClientOptions['middlewares']>[number];
export type Interceptor = NonNullable<ClientOptions['interceptors']>[number];
export type AxiosInstance = ReturnType<Axios['create']>;
export type AxiosRequestConfig = Parameters<AxiosInstance['request']>[0];
export type AxiosResponse = NonNullable<InstanceType<Axios['AxiosError']>['response']>;
export type InternalAxiosRequestConfig = AxiosResponse['config'];

const require = createRequire(import.meta.url);

export const axios = require('axios') as Axios;
export const { AxiosError, AxiosHeaders } = axios;
export const { Client, ConsoleLogger } = require('@microsoft/teams.common') as Pick<
  Common,
  'Client' | 'ConsoleLogger'
>;
