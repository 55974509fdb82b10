import type { RequestLogEntry } from '../bank/create-mock-bank.js';
import type { FaultAction } from '../faults/faults.js';

/** A request the server answered, as one log line sees it; `note` marks admin calls and preflights. */
export type LogLineInput = Pick<RequestLogEntry, 'method' | 'path' | 'status' | 'durationMs'> &
  Partial<Pick<RequestLogEntry, 'requestId' | 'replayed' | 'faults'>> & { readonly note?: string };

/**
 * One readable line per request: time, method, path, status, milliseconds, request id, then what
 * was unusual about it (a replayed idempotent answer, the faults injected, an admin call).
 * A dropped connection has no status and shows `---`.
 *
 * @example
 * ```ts
 * formatLogLine({ method: 'POST', path: '/v1/disbursements', status: 503, durationMs: 0.42, requestId: 'req_00000013', faults: [{ status: 503 }] }, new Date('2026-12-03T10:42:02Z'))
 * // "10:42:02 POST   /v1/disbursements                503    0.4 ms req_00000013 fault:503"
 * ```
 */
export function formatLogLine(entry: LogLineInput, at: Date = new Date()): string {
  const marks = [
    ...(entry.replayed ? ['replayed'] : []),
    ...(entry.faults ?? []).map((fault) => `fault:${describeFault(fault)}`),
    ...(entry.note ? [entry.note] : []),
  ];
  const time = at.toISOString().slice(11, 19);
  const status = entry.status === 0 ? '---' : String(entry.status);
  const ms = `${entry.durationMs.toFixed(1)} ms`;
  // Paths are cut so that one hostile request cannot flood the terminal.
  const path = entry.path.length > 120 ? `${entry.path.slice(0, 117)}...` : entry.path;
  return [time, entry.method.slice(0, 12).padEnd(6), path.padEnd(32), status, ms.padStart(9), entry.requestId ?? '-', ...marks].join(' ');
}

/** A fault as a short word: `503`, `429(retry 2s)`, `network`, `latency:300ms`, `hang`. */
function describeFault(fault: FaultAction): string {
  if ('status' in fault) return fault.retryAfter === undefined ? String(fault.status) : `${fault.status}(retry ${fault.retryAfter}s)`;
  if ('network' in fault) return 'network';
  if ('hang' in fault) return 'hang';
  const latency = typeof fault.latencyMs === 'number' ? `${fault.latencyMs}` : `${fault.latencyMs[0]}-${fault.latencyMs[1]}`;
  return `latency:${latency}ms`;
}
