import { useCallback, useRef, useState } from 'react';

/** A fresh key; randomUUID where the browser offers it, the same 122 random bits otherwise. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One press, one record. A form sends each change under its own Idempotency-Key: presses while it
 * is sending are ignored (a double-click sends once), a failed send keeps the key so trying again
 * cannot make a second record if the first did arrive, and a success starts a new key for the
 * next change. `busy` disables the form's button while it sends.
 */
export function useSubmitOnce(): { busy: boolean; submit: <T>(send: (idempotencyKey: string) => Promise<T>) => Promise<T | undefined> } {
  const key = useRef<string>(null);
  // A ref, not state: a double-click's second event comes before React draws the disabled button.
  const sending = useRef(false);
  const [busy, setBusy] = useState(false);
  const submit = useCallback(async <T>(send: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> => {
    if (sending.current) return undefined;
    sending.current = true;
    setBusy(true);
    key.current ??= newKey();
    try {
      const result = await send(key.current);
      key.current = null;
      return result;
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, submit };
}
