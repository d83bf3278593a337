import { createContext, useContext } from 'react';
import type { Me, Service } from './api/types.js';
import type { Host } from './host/teams.js';
import type { Palette } from './timeline/categories.js';

export interface AppState {
  me: Me;
  host: Host;
  palette: Palette;
  /** Today in ISO form, in the user's own calendar. */
  today: string;
  serviceOf: (id: string) => Service | undefined;
  signOut: () => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const s = useContext(AppContext);
  if (!s) throw new Error('useApp outside the signed-in app');
  return s;
}

export const todayIso = (d = new Date()) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
