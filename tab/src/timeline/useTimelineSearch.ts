import { useEffect, useState } from 'react';
import { get } from '../api/client.js';
import type { TimelineSearchResult } from '../api/types.js';
import { wordsOf } from '../common/Marked.js';

/** The server's limits on a search (src/domain/search.ts): characters, words, letters in a word. */
export const SEARCH_MAX_CHARS = 200;
export const SEARCH_MAX_WORDS = 8;
const WORD_MAX_CHARS = 40;

/** What is wrong with a search the server would refuse, said beside the box; null when it may be sent. */
export function searchProblem(text: string): string | null {
  const words = wordsOf(text);
  if (text.length > SEARCH_MAX_CHARS) return `Search with at most ${SEARCH_MAX_CHARS} characters.`;
  if (words.length > SEARCH_MAX_WORDS) return `Search with at most ${SEARCH_MAX_WORDS} words.`;
  if (words.some((w) => w.length > WORD_MAX_CHARS)) return `Search with words of at most ${WORD_MAX_CHARS} letters.`;
  return null;
}

export interface SearchState {
  /** True while words are typed: the list shows the search's answer, not the whole timeline. */
  active: boolean;
  result: TimelineSearchResult | null;
  error: unknown;
  searching: boolean;
}

/**
 * Searches the case's timeline in the database as the person types (after a pause), by words and
 * the agency and life-stage filters; searched again when `refresh` changes (an entry added live).
 * No words: no search.
 */
export function useTimelineSearch(
  caseId: string,
  text: string,
  filters: { agencies?: readonly string[]; lifeStages?: readonly string[] },
  refresh?: unknown,
): SearchState {
  const words = wordsOf(text);
  const active = words.length > 0 && searchProblem(text) === null;
  const key = active ? `${caseId}|${text}|${filters.agencies?.join(',') ?? ''}|${filters.lifeStages?.join(',') ?? ''}` : '';
  const [state, setState] = useState<{ key: string; result: TimelineSearchResult | null; error: unknown; searching: boolean }>({
    key: '',
    result: null,
    error: null,
    searching: false,
  });
  useEffect(() => {
    if (!key) return;
    let live = true;
    setState((s) => ({ key, result: s.key === key ? s.result : null, error: null, searching: true }));
    const timer = setTimeout(() => {
      const q = new URLSearchParams({ q: text, limit: '200' });
      if (filters.agencies?.length) q.set('agency', filters.agencies.join(','));
      if (filters.lifeStages?.length) q.set('stage', filters.lifeStages.join(','));
      get<TimelineSearchResult>(`/cases/${caseId}/timeline/search?${q}`)
        .then((result) => live && setState({ key, result, error: null, searching: false }))
        .catch((error: unknown) => live && setState({ key, result: null, error, searching: false }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` names the case, the words and the filters; `text` and `filters` are in it.
  }, [key, refresh]);
  const current = active && state.key === key;
  return { active, result: current ? state.result : null, error: current ? state.error : null, searching: active && (!current || state.searching) };
}
