/**
 * The views' modules that have loaded, by the loader they came from (one function per module, see
 * frames.ts and sections.ts). Kept apart from useModule so that the boot script can start a view's
 * code loading before React itself has loaded.
 */
export const loaded = new Map<() => Promise<unknown>, unknown>();

/** Starts loading a module early, so that useModule finds it ready. */
export function preload<T>(load: () => Promise<T>): void {
  if (!loaded.has(load)) void load().then((m) => loaded.set(load, m));
}
