/** A small fetch stand-in for unit tests: route by method and path, record every call. */
import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  init: RequestInit | undefined;
}

export interface MockReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (req: RecordedRequest) => MockReply | Promise<MockReply>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): MockReply {
  return { status, body, headers };
}

export function apiError(status: number, code: string, detail = code, fields?: Record<string, string[]>): MockReply {
  return { status, body: { code, detail, ...(fields ? { fields } : {}) } };
}

export function mockFetch(routes: Record<string, Handler | MockReply>) {
  const calls: RecordedRequest[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === 'string' && init.body ? JSON.parse(init.body) : undefined;
    const req: RecordedRequest = { method, path: url.pathname, url: url.pathname + url.search, headers, body, init };
    calls.push(req);
    const route = routes[`${method} ${url.pathname}`] ?? routes[url.pathname];
    if (!route) return new Response(JSON.stringify({ code: 'not_found', detail: `No mock for ${method} ${url.pathname}` }), { status: 404 });
    const reply = typeof route === 'function' ? await route(req) : route;
    const status = reply.status ?? 200;
    const noBody = status === 204 || status === 304;
    return new Response(noBody ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { ...(noBody ? {} : { 'Content-Type': 'application/json' }), ...reply.headers },
    });
  });
  return { calls, spy, callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path) };
}
