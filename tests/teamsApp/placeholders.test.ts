import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholdersIn } from '../../src/teamsApp/placeholders.js';

describe('${{VAR}} placeholders', () => {
  const template = '{"name":"ECM${{APP_NAME_SUFFIX}}","id":"${{ TEAMS_APP_ID }}","url":"${{TAB_ENDPOINT}}/tab","again":"${{TEAMS_APP_ID}}"}';

  it('lists each variable once, in order of first use', () => {
    expect(placeholdersIn(template)).toEqual(['APP_NAME_SUFFIX', 'TEAMS_APP_ID', 'TAB_ENDPOINT']);
  });

  it('fills values as JSON string content, so a quote cannot break the manifest', () => {
    const filled = fillPlaceholders(template, { APP_NAME_SUFFIX: ' "beta" \\ test', TEAMS_APP_ID: 'abc', TAB_ENDPOINT: 'https://ecm.example.gov.uk' });
    expect(filled.missing).toEqual([]);
    expect(JSON.parse(filled.text)).toEqual({ name: 'ECM "beta" \\ test', id: 'abc', url: 'https://ecm.example.gov.uk/tab', again: 'abc' });
  });

  it('counts blank values as missing, unless the variable may be empty', () => {
    const filled = fillPlaceholders(template, { APP_NAME_SUFFIX: '', TEAMS_APP_ID: '  ' }, new Set(['APP_NAME_SUFFIX']));
    expect(filled.missing).toEqual(['TEAMS_APP_ID', 'TAB_ENDPOINT']);
    expect(filled.text).toContain('"name":"ECM"');
    expect(filled.text).toContain('${{ TEAMS_APP_ID }}');
  });
});
