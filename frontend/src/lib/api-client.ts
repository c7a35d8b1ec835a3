/**
 * The one API client. Every request goes through `apiRequest`, which adds the
 * bearer token, refreshes it once on a 401, and turns every failure into an
 * `ApiError` built from the backend's single error shape `{code, detail, fields}`.
 */
import { config } from '@/config/env';
import { getAccessToken, refreshAccessToken } from './auth-token';

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fields: FieldErrors;

  constructor(status: number, code: string, detail: string, fields: FieldErrors = {}) {
    super(detail || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.fields = fields;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const STATUS_CODES: Record<number, string> = {
  400: 'validation_error',
  401: 'not_authenticated',
  403: 'permission_denied',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  429: 'throttled',
};

function normalizeFields(raw: unknown): FieldErrors {
  if (!raw || typeof raw !== 'object') return {};
  const out: FieldErrors = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (Array.isArray(value)) out[key] = value.map(String);
    else if (typeof value === 'string') out[key] = [value];
    else if (value && typeof value === 'object') out[key] = Object.values(value).flat().map(String);
  }
  return out;
}

/** Build an ApiError from any error response, tolerating non-JSON bodies (proxies, 502s). */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const obj = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const code =
    typeof obj.code === 'string'
      ? obj.code
      : (STATUS_CODES[response.status] ?? (response.status >= 500 ? 'server_error' : `http_${response.status}`));
  const fields = normalizeFields(obj.fields);
  const firstField = Object.values(fields)[0]?.[0];
  const detail =
    typeof obj.detail === 'string' ? obj.detail : (firstField ?? (response.statusText || `HTTP ${response.status}`));
  return new ApiError(response.status, code, detail, fields);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** Arrays repeat the parameter (`?status=a&status=b`); empty values are dropped. */
  query?: Record<string, string | number | boolean | null | undefined | readonly string[]>;
  signal?: AbortSignal;
  /** Let 304 through as a result instead of an error (conditional GETs). */
  allowNotModified?: boolean;
  keepalive?: boolean;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const url = `${config.apiBase}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) value.forEach((item: string) => params.append(key, item));
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
      keepalive: options.keepalive,
      // Conditional requests manage their own validators.
      cache: options.allowNotModified ? 'no-store' : undefined,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.');
  }
}

/** Send with the access token; on a 401 (it expired), trade the refresh cookie for a new one and retry once. */
async function sendWithRefresh(path: string, options: RequestOptions): Promise<Response> {
  const token = getAccessToken();
  const response = await send(path, options, token);
  if (response.status !== 401 || !token) return response;
  const fresh = await refreshAccessToken();
  return fresh ? send(path, options, fresh) : response;
}

/** Send a request, returning status, parsed body and headers. Throws ApiError on failure. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const response = await sendWithRefresh(path, options);
  if (response.status === 304 && options.allowNotModified) {
    return { status: 304, data: undefined as T, headers: response.headers };
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return { status: 204, data: undefined as T, headers: response.headers };
  const type = response.headers.get('Content-Type') ?? '';
  const data = (type.includes('json') ? await response.json() : await response.text()) as T;
  return { status: response.status, data, headers: response.headers };
}

/** Convenience wrapper: just the body. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiRequest<T>(path, options)).data;
}

/** A file the API serves to signed-in people only (CSV exports, .ics). */
export interface ApiFile {
  path: string;
  filename: string;
}

/** Fetch an authenticated file and hand it to the browser as a download (no token in any link). */
export async function downloadFile({ path, filename }: ApiFile): Promise<void> {
  const response = await sendWithRefresh(path, { headers: { Accept: 'text/csv, text/calendar, */*' } });
  if (!response.ok) throw await errorFromResponse(response);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
