/**
 * The mock bank's time. Tests freeze it and move it forward on purpose (a review decided later, a
 * repayment falling due); a standalone server lets it follow the wall clock, shifted by whatever
 * the admin API has advanced it by.
 *
 * @example
 * ```ts
 * const clock = createMockClock({ start: '2026-12-03T10:00:00Z', frozen: true })
 * clock.advance({ days: 31 })
 * clock.iso() // "2027-01-03T10:00:00.000Z"
 * ```
 */
export interface MockClock {
  /** Milliseconds since the epoch, as the bank sees it. */
  now(): number;
  /** {@link now} as an ISO 8601 timestamp in UTC. */
  iso(): string;
  /** Today's date (UTC) as `YYYY-MM-DD`. */
  today(): string;
  /** Moves time forward; never backward (a bank's history only grows). */
  advance(by: Duration): void;
  /** Whether time stands still between calls to {@link advance}. */
  readonly frozen: boolean;
}

/**
 * An amount of time: milliseconds, or a sum of named units.
 *
 * @example
 * ```ts
 * bank.clock.advance({ days: 1, hours: 2 })
 * bank.clock.advance(90_000) // 90 seconds
 * ```
 */
export type Duration = number | { readonly days?: number; readonly hours?: number; readonly minutes?: number; readonly seconds?: number };

/**
 * Options of {@link createMockClock}.
 *
 * @example
 * ```ts
 * const options: MockClockOptions = { start: '2026-12-03T10:00:00Z', frozen: true }
 * ```
 */
export interface MockClockOptions {
  /** Where time starts. @default the current time */
  readonly start?: string | number | Date;
  /** Stand still until advanced (tests). @default false: follow the wall clock */
  readonly frozen?: boolean;
}

/** 31 December 9999, the last day an ISO 8601 timestamp with a four-digit year can name. */
const LAST_DATE_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const MS = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000 } as const;

/**
 * Milliseconds in a {@link Duration}; throws a RangeError for a negative or non-finite amount.
 *
 * @example
 * ```ts
 * durationMs({ minutes: 2 }) // 120000
 * ```
 */
export function durationMs(by: Duration): number {
  const ms = typeof by === 'number' ? by : Object.entries(by).reduce((sum, [unit, count]) => sum + (count as number) * (MS[unit as keyof typeof MS] ?? Number.NaN), 0);
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`A duration must be a finite amount of time of at least 0 ms, not ${JSON.stringify(by)}.`);
  return ms;
}

/**
 * A clock for one mock bank.
 *
 * @example
 * ```ts
 * const clock = createMockClock({ frozen: true })
 * const before = clock.now()
 * clock.advance({ minutes: 5 })
 * clock.now() - before // 300000
 * ```
 */
export function createMockClock(options: MockClockOptions = {}): MockClock {
  const frozen = options.frozen ?? false;
  const start = options.start === undefined ? Date.now() : new Date(options.start).getTime();
  if (Number.isNaN(start)) throw new RangeError(`The clock cannot start at ${String(options.start)}: not a date.`);
  // Frozen: time is start + offset. Following the wall clock: time is wall time + a shift that
  // keeps the chosen start and every advance.
  let offset = frozen ? 0 : start - Date.now();
  const now = () => (frozen ? start : Date.now()) + offset;
  return {
    frozen,
    now,
    iso: () => new Date(now()).toISOString(),
    today: () => new Date(now()).toISOString().slice(0, 10),
    advance(by) {
      const ms = durationMs(by);
      // Past the last representable date every timestamp would throw: refuse, and keep the time.
      if (now() + ms > LAST_DATE_MS) throw new RangeError(`Advancing by ${ms} ms would pass the last date a timestamp can hold (${new Date(LAST_DATE_MS).toISOString()}).`);
      offset += ms;
    },
  };
}
