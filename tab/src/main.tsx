import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { detectHost } from './host/teams.js';

const root = createRoot(document.getElementById('root')!);
void detectHost().then((host) => root.render(<App host={host} />));
