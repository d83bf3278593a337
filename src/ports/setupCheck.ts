/**
 * One check of the Microsoft 365 set-up, as the doctor (npm run doctor) and /readyz report it: what
 * was checked, whether it holds, and when not, the setting at fault and the README step that fixes it.
 */
export interface SetupCheck {
  /** A short stable name, e.g. `app-token` or `library:BRI`. */
  check: string;
  ok: boolean;
  /** What was found, in plain words (never a secret or a token). */
  detail: string;
  /** The setting to look at, when one is at fault. */
  setting?: string;
  /** The README step that fixes it, e.g. "Take it to your tenant, step 3". */
  fix?: string;
  /** Without it the server cannot do its job (sign people in, reach Microsoft 365): /readyz answers 503. */
  essential: boolean;
}
