import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Me } from '../src/api/types.js';
import { AppContext, type AppState } from '../src/context.js';
import { DEMO_SERVICES } from '../../src/demo/people.js';

/** Renders a view inside the providers the app gives it, signed in as `me`. */
export function renderSignedIn(ui: ReactNode, me: Partial<Me> = {}) {
  const state: AppState = {
    me: {
      staffId: 'police-jo',
      name: 'PC Jo Harris',
      role: 'partner',
      roleLabel: 'Partner agency professional',
      agency: 'police',
      services: DEMO_SERVICES,
      serviceActions: {},
      now: '2026-11-27T10:00:00.000Z',
      today: '2026-11-27',
      ...me,
    },
    host: { inTeams: false, frame: 'content', theme: 'default', caseId: null },
    palette: 'light',
    today: '2026-11-27',
    serviceOf: (id) => DEMO_SERVICES.find((s) => s.id === id),
    signOut: () => {},
  };
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <AppContext.Provider value={state}>{ui}</AppContext.Provider>
    </FluentProvider>,
  );
}

/** The API as the tab sees it, answered by `routes` (method and path to status and body). */
export function fakeApi(routes: Record<string, (body: unknown, headers: Headers) => [number, unknown] | Promise<[number, unknown]>>) {
  const calls: { method: string; path: string; body: unknown; headers: Headers }[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = String(input)
      .replace(/^\/api\/v1/, '')
      .split('?')[0]!;
    const headers = new Headers(init?.headers);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body, headers });
    const route = routes[`${method} ${path}`];
    if (!route) return new Response(JSON.stringify({ error: { code: 'not_found', message: 'There is nothing at this address.' } }), { status: 404 });
    const [status, reply] = await route(body, headers);
    return new Response(JSON.stringify(reply), { status, headers: { 'content-type': 'application/json' } });
  };
  return { impl: impl as typeof fetch, calls };
}
