import { createContext, useContext } from 'react';
import type { Me, Service } from './api/types.js';
import type { Host } from './host/teams.js';
import type { Palette } from './timeline/categories.js';

export interface AppState {
  me: Me;
  host: Host;
  palette: Palette;
  /** Today in ISO form, on the server's clock (Europe/London). */
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
