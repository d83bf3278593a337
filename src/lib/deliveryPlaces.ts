import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A fixed number of places for deliveries to outside services. A delivery told to wait (Graph's
 * Retry-After) gives its place up for the wait and queues for one again after, so a throttled job
 * waits alone while the others go on; the queue as a whole never stalls behind one throttled answer.
 */
export interface DeliveryPlaces {
  /** Runs `work` in a place, waiting for one to be free first. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly busy: number;
}

interface Held {
  places: Places;
}

const current = new AsyncLocalStorage<Held>();

class Places implements DeliveryPlaces {
  busy = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async take(): Promise<void> {
    if (this.busy < this.size) {
      this.busy += 1;
      return;
    }
    await new Promise<void>((ok) => this.waiting.push(ok));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next)
      next(); // the place passes straight on: busy stays the same
    else this.busy -= 1;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.take();
    try {
      return await current.run({ places: this }, work);
    } finally {
      this.give();
    }
  }
}

export function deliveryPlaces(size: number): DeliveryPlaces {
  return new Places(Math.max(1, Math.floor(size)));
}

const plainSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/**
 * Sleeps `ms`; inside a delivery, without holding its place meanwhile. What Microsoft 365 adapters
 * use to wait out a Retry-After (outside a delivery, e.g. a person's request, it is a plain sleep).
 */
export async function waitWithoutPlace(ms: number): Promise<void> {
  const held = current.getStore();
  if (!held) return plainSleep(ms);
  held.places.give();
  try {
    await plainSleep(ms);
  } finally {
    await held.places.take();
  }
}
