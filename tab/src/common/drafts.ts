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

interface Held<T> {
  key: string;
  value: T;
  restored: boolean;
  /** Typed into since it was read: only then is it written back. */
  dirty: boolean;
}

function read<T>(key: string, initial: () => T): Held<T> {
  const saved = readDraft<T>(key);
  return { key, value: saved ?? initial(), restored: saved !== null, dirty: false };
}

/**
 * Form state that survives a reload. `restored` says whether an unsaved draft was brought back.
 *
 * The value belongs to its key (a case, a meeting, an entry): when the key changes, the form shows
 * that key's own draft or a fresh form, and what was typed under the old key is never written under
 * the new one — one child's words must not appear in another child's form.
 */
export function useDraft<T>(key: string, initial: () => T): { value: T; set: (next: T | ((v: T) => T)) => void; discard: () => void; restored: boolean } {
  const [held, setHeld] = useState<Held<T>>(() => read(key, initial));
  const initialRef = useRef(initial);
  initialRef.current = initial;
  // Another key: read its draft now, in this render, so the old key's words are never on screen with it.
  let current = held;
  if (held.key !== key) {
    current = read(key, initial);
    setHeld(current);
  }
  useEffect(() => {
    if (held.dirty) writeDraft(held.key, held.value);
  }, [held]);
  const set = useCallback(
    (next: T | ((v: T) => T)) =>
      setHeld((h) => (h.key !== key ? h : { ...h, dirty: true, value: typeof next === 'function' ? (next as (v: T) => T)(h.value) : next })),
    [key],
  );
  const discard = useCallback(() => {
    clearDraft(key);
    setHeld({ key, value: initialRef.current(), restored: false, dirty: false });
  }, [key]);
  return { value: current.value, set, discard, restored: current.restored };
}
