import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareManifest } from '../../src/teamsApp/appPackage.js';
import { botCommands, readManifestTemplate, tabEntry, whyTabCannotOpen } from '../support/manifestFacts.js';
import { bundledTeamsSchemaVersions, schemaUrlFor } from '../../src/teamsApp/schema.js';
import { REPO_ROOT, scratchRoot } from '../support/appPackageRoot.js';

const template = readManifestTemplate(REPO_ROOT);

describe('the app manifest', () => {
  it('is on the newest generally available schema that @microsoft/app-manifest bundles, never devPreview', () => {
    // When a dependency update bundles a newer version, check Microsoft's manifest change log
    // ("All generally available versions") before moving: the store accepts only GA versions.
    const newest = bundledTeamsSchemaVersions().at(-1)!;
    expect(template.manifestVersion).toBe(newest);
    expect(template.$schema).toBe(schemaUrlFor(newest));
  });

  it("carries the product's version, which Teams needs raised for every update", () => {
    expect(template.version).toBe(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });

  it('asks for the meeting permissions its features use, and no more', () => {
    const rsc = (template.authorization as { permissions: { resourceSpecific: { name: string; type: string }[] } }).permissions.resourceSpecific;
    expect(rsc).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' }, // the bot hears a meeting start and end, and reads its basic details
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' }, // the side panel shares the timeline to the stage
      { name: 'TeamsTab.Create.Chat', type: 'Application' }, // the server adds the case tab to the meeting's chat
    ]);
    // Reading every message of a meeting chat would bring children's names to the bot.
    expect(rsc.map((p) => p.name)).not.toContain('ChatMessage.Read.Chat');
  });

  it('offers the caseload as a personal tab, and the case tab in meetings, chats and channels', () => {
    expect((template.staticTabs as { entityId: string; scopes: string[] }[]).map((t) => t.entityId)).toEqual(['caseload', 'conversations', 'about']);
    const [configurable] = template.configurableTabs as { context: string[]; scopes: string[] }[];
    expect(configurable!.context).toEqual(['meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage', 'privateChatTab', 'channelTab']);
    expect(configurable!.scopes).toEqual(['groupChat', 'team']);
  });

  it('lists the bot commands, keeping caseload answers to the personal chat', () => {
    expect(botCommands(template).map(({ title, scopes }) => ({ title, scopes }))).toEqual([
      { title: 'help', scopes: ['personal', 'groupChat', 'team'] },
      { title: 'my cases', scopes: ['personal'] },
      { title: 'my actions', scopes: ['personal'] },
      { title: 'reviews due', scopes: ['personal'] },
    ]);
  });
});

describe('a URL the configurable tab saves', () => {
  let filled: Record<string, unknown>;
  beforeAll(async () => {
    const scratch = scratchRoot();
    filled = (await prepareManifest('dev', { root: scratch.root, processEnv: {}, standInForMinted: true })).manifest;
    scratch.remove();
  });

  it('opens when it is the tab on the app host', () => {
    expect(tabEntry(filled).href).toBe('https://ecm-dev.example.org/tab/?view=settings');
    expect(whyTabCannotOpen('https://ecm-dev.example.org/tab/?view=case&caseId=4f1c2d', filled)).toEqual([]);
  });

  it('does not open elsewhere, over http, as the settings page or with credentials', () => {
    expect(whyTabCannotOpen('https://evil.example.com/tab/?view=case', filled)).toEqual([
      'evil.example.com is not in validDomains (ecm-dev.example.org)',
      'the tab lives at https://ecm-dev.example.org/tab/, not https://evil.example.com/tab/',
    ]);
    expect(whyTabCannotOpen('http://ecm-dev.example.org/tab/?view=case', filled)).toContain('Teams opens tabs only over https');
    expect(whyTabCannotOpen('https://ecm-dev.example.org/tab/?view=settings', filled)).toEqual(['that is the settings page, not content']);
    expect(whyTabCannotOpen('https://ecm-dev.example.org/api/v1/cases', filled)).toEqual([
      'the tab lives at https://ecm-dev.example.org/tab/, not https://ecm-dev.example.org/api/v1/cases',
    ]);
    expect(whyTabCannotOpen('https://me:pw@ecm-dev.example.org/tab/?view=case', filled)).toEqual(['the URL must not carry credentials']);
    expect(whyTabCannotOpen('/tab/?view=case', filled)).toEqual(['"/tab/?view=case" is not an absolute URL']);
  });
});
