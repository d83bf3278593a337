import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * What a practitioner has typed, kept until it is saved: a dropped connection or a reload in the
 * middle of a meeting must not lose it. Drafts can hold a child's name, so they live in session
 * storage — gone when the tab or the Teams window closes, never left on a shared computer — and
 * expire after a day even in a session that stays open.
 */
const PREFIX = 'ecm-draft:';
const MAX_AGE_MS = 24 * 3_600_000;

let owner = 'anonymous';
export const setDraftOwner = (staffId: string) => {
  owner = staffId;
};

const keyOf = (key: string) => `${PREFIX}${owner}:${key}`;

export function readDraft<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(keyOf(key));
    if (!raw) return null;
    const { at, value } = JSON.parse(raw) as { at: number; value: T };
    if (Date.now() - at > MAX_AGE_MS) {
      sessionStorage.removeItem(keyOf(key));
      return null;
    }
    return value;
  } catch {
    return null;
  }
}

export function writeDraft<T>(key: string, value: T): void {
  try {
    sessionStorage.setItem(keyOf(key), JSON.stringify({ at: Date.now(), value }));
  } catch {
    // storage full or refused: the form still holds the text in memory
  }
}

export const clearDraft = (key: string) => sessionStorage.removeItem(keyOf(key));

/** Removes drafts older than a day, whoever wrote them. */
export function purgeOldDrafts(now = Date.now()): void {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const k = sessionStorage.key(i);
    if (!k?.startsWith(PREFIX)) continue;
    try {
      if (now - (JSON.parse(sessionStorage.getItem(k) ?? '{}') as { at?: number }).at! > MAX_AGE_MS) sessionStorage.removeItem(k);
    } catch {
      sessionStorage.removeItem(k);
    }
  }
}

/** Form state that survives a reload. `restored` says whether an unsaved draft was brought back. */
export function useDraft<T>(key: string, initial: () => T): { value: T; set: (next: T | ((v: T) => T)) => void; discard: () => void; restored: boolean } {
  const restoredRef = useRef<T | null>(null);
  const [value, setValue] = useState<T>(() => {
    const saved = readDraft<T>(key);
    restoredRef.current = saved;
    return saved ?? initial();
  });
  const [restored, setRestored] = useState(restoredRef.current !== null);
  const dirty = useRef(false);
  useEffect(() => {
    if (dirty.current) writeDraft(key, value);
  }, [key, value]);
  const set = useCallback((next: T | ((v: T) => T)) => {
    dirty.current = true;
    setValue(next);
  }, []);
  const discard = useCallback(() => {
    dirty.current = false;
    clearDraft(key);
    setRestored(false);
    setValue(initial());
  }, [key]);
  return { value, set, discard, restored };
}
