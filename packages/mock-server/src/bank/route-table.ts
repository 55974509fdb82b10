import { OPERATIONS } from '@fenqi/sdk';
import type { Operation } from '@fenqi/sdk';

/** One operation of the contract with a matcher for its path. */
export interface Route {
  readonly operation: Operation;
  /** `POST /v1/quotes`, as written in the contract. */
  readonly name: string;
  readonly pattern: RegExp;
  readonly paramNames: readonly string[];
}

/** The contract's operations as routes: built once, matched for every request. */
export const ROUTES: readonly Route[] = OPERATIONS.map((operation) => {
  const paramNames: string[] = [];
  const source = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    paramNames.push(name);
    return '([^/]+)';
  });
  return { operation, name: `${operation.method.toUpperCase()} ${operation.path}`, pattern: new RegExp(`^${source}/?$`), paramNames };
});

/**
 * The route for a method and path: the match, or which methods the path has (405), or nothing (501).
 *
 * @example
 * ```ts
 * findRoute('GET', '/v1/loans/loan_00000001') // { route, params: { id: 'loan_00000001' } }
 * findRoute('DELETE', '/v1/loans/loan_1')     // { allowed: ['GET'] }
 * ```
 */
export function findRoute(method: string, path: string): { route: Route; params: Record<string, string> } | { allowed: string[] } | undefined {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.operation.method.toUpperCase() !== method) {
      allowed.push(route.operation.method.toUpperCase());
      continue;
    }
    const params: Record<string, string> = {};
    route.paramNames.forEach((name, index) => {
      params[name] = decodeSegment(match[index + 1]!);
    });
    return { route, params };
  }
  return allowed.length > 0 ? { allowed } : undefined;
}

/** A path segment decoded; a malformed escape stays as it is (and then names nothing: a 404). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
