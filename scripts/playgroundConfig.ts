import { DEMO_STAFF } from '../src/demo/people.js';
import type { Staff } from '../src/domain/staff.js';

/**
 * The Agents Playground's mock tenant (`.m365agentsplayground.yml`), made from the fictional demo
 * people so that their Entra object ids match and the bot knows who is speaking. The playground
 * takes one current user and exactly five others.
 */
export const PLAYGROUND_CAST = ['yjs-amy', 'ecm-sam', 'psy-helen', 'mgr-bri', 'police-jo', 'sw-mark'] as const;

export const DEFAULT_PLAYGROUND_USER = 'yjs-amy';

const yaml = (value: string) => JSON.stringify(value);

/** A user's YAML lines: as an item of a list, or as the fields of a mapping. */
function user(s: Staff, asListItem: boolean): string {
  const words = s.name.split(' ');
  const lines = {
    id: `demo-${s.id}`,
    name: s.name,
    userPrincipleName: s.email,
    aadObjectId: s.aadObjectId ?? '',
    givenName: words.slice(0, -1).join(' ') || s.name,
    surname: words.at(-1) ?? s.name,
    email: s.email,
  };
  return Object.entries(lines)
    .map(([k, v], i) => `${asListItem ? (i === 0 ? '  - ' : '    ') : '  '}${k}: ${yaml(v)}`)
    .join('\n');
}

export function playgroundConfig(asStaffId: string = DEFAULT_PLAYGROUND_USER): string {
  const byId = new Map(DEMO_STAFF.map((s) => [s.id, s]));
  const me = byId.get(asStaffId);
  if (!me) throw new Error(`${asStaffId} is not one of the demo people: ${DEMO_STAFF.map((s) => s.id).join(', ')}`);
  const others = [...PLAYGROUND_CAST.filter((id) => id !== asStaffId), ...DEMO_STAFF.map((s) => s.id)]
    .filter((id, i, all) => id !== asStaffId && all.indexOf(id) === i)
    .slice(0, 5)
    .map((id) => byId.get(id) as Staff);
  return `# yaml-language-server: $schema=https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json
# The Agents Playground's mock tenant: FICTIONAL demo people of ECM for Teams (src/demo/people.ts).
# Made by scripts/playgroundConfig.ts; \`npm run playground -- --as <staff id>\` plays someone else.
version: "0.1.1"
tenantId: "00000000-0000-4000-8000-00000000a000"
bot:
  id: "00000000-0000-4000-8000-00000000b000"
  name: "ECM for Teams"
currentUser:
${user(me, false)}
users:
${others.map((s) => user(s, true)).join('\n')}
personalChat:
  id: "ecm-personal-chat"
groupChat:
  id: "ecm-group-chat"
  name: "ECM demo group chat"
team:
  id: "ecm-demo-team"
  name: "ECM demo team"
  aadGroupId: "00000000-0000-4000-8000-00000000c000"
  channels:
    - id: "ecm-demo-channel"
      name: "Case consultations"
`;
}
