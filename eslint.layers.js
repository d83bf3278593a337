/**
 * The layers of the house, as lint fences: each zone says what a folder may NOT import. From the
 * ground up: domain (pure) ← ports ← contract ← app (use cases and job kinds) ← adapters, http,
 * bot, jobs ← the composition root. The contract is the one part of src/ the tab may import.
 * tests/lint/fences.test.ts shows a wrong import failing.
 */
const everythingBut = (...allowed) => ({ from: './src', except: allowed.map((a) => `./${a}`) });
const peers = ['./src/adapters', './src/http', './src/jobs', './bot'];
const top = ['./src/composition.ts', './src/main.ts', './src/demo', './src/cli', './src/teamsApp'];

export const layerFences = [
  { target: './src/domain', ...everythingBut('domain'), message: 'src/domain is the ground floor: it imports nothing else from the house.' },
  { target: './src/domain', from: ['./bot', './tab'], message: 'src/domain imports nothing else from the house.' },
  { target: './src/ports', ...everythingBut('ports', 'domain'), message: 'src/ports speak the domain’s words only.' },
  { target: './src/lib', ...everythingBut('lib', 'domain'), message: 'src/lib is small shared machinery: it knows the domain, nothing above.' },
  { target: './src/contract', ...everythingBut('contract', 'domain', 'ports'), message: 'src/contract names the API’s shapes; it stands on the domain and the ports only.' },
  { target: './src/documents', from: ['./src/app', ...peers, ...top], message: 'src/documents makes files from a dossier; it knows no use case, adapter or route.' },
  { target: './src/app', from: [...peers, ...top], message: 'src/app holds the use cases: it works through ports, never through an adapter, a route, the bot or the jobs’ runner.' },
  { target: './src/adapters', from: ['./src/http', './src/jobs', './bot', ...top], message: 'An adapter implements a port; it knows no route, bot or runner.' },
  { target: './src/http', from: ['./src/adapters', './src/jobs', './bot', ...top], message: 'Routes call use cases; adapters are chosen in src/composition.ts.' },
  { target: './src/jobs', from: ['./src/adapters', './src/http', './bot', ...top], message: 'The jobs’ runner calls job kinds; adapters are chosen in src/composition.ts.' },
  { target: './bot', from: ['./src/adapters', './src/http', './src/jobs', ...top], message: 'The bot calls use cases; adapters are chosen in src/composition.ts.' },
  { target: './tab/src', ...everythingBut('contract'), message: 'The tab imports nothing from src/ but src/contract.' },
  { target: './tab/src', from: ['./bot', './tests', './scripts'], message: 'The tab imports nothing from the server.' },
];
