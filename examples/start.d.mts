// Types of start.mjs, for the journey tests. The code and its JSDoc are in the .mjs.
export interface DemoOptions {
  /** 0 picks a free port. @default { bank: 4010, partner: 3000, static: 8080 } */
  readonly ports?: { readonly bank?: number; readonly partner?: number; readonly static?: number };
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Every line the processes print, prefixed with their name. @default console.log */
  readonly log?: (line: string) => void;
  /** Leaves out the mock bank's line per request. */
  readonly quietBank?: boolean;
}

export interface Demo {
  readonly urls: { readonly bank: string; readonly partner: string; readonly static: string };
  /** Stops every process and resolves when they have exited. */
  stop(): Promise<void>;
}

export function startDemo(options?: DemoOptions): Promise<Demo>;
