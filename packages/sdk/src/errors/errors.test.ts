import { expect } from 'chai';
import * as sdk from '../index.js';
import { WebhookVerificationError } from '../webhooks/webhook-signature.js';

const problem = (status: number) => ({ type: 'about:blank', title: 'Problem', status });

/** One of each error the SDK throws, with the one guard (besides isFenqiError, isApiError) that must accept it. */
function samples(from: typeof sdk) {
  return [
    { error: new from.AuthenticationError(problem(401)), name: 'AuthenticationError', guard: 'isAuthenticationError' },
    { error: new from.PermissionError(problem(403)), name: 'PermissionError', guard: 'isPermissionError' },
    { error: new from.NotFoundError(problem(404)), name: 'NotFoundError', guard: 'isNotFoundError' },
    { error: new from.ConflictError(problem(409)), name: 'ConflictError', guard: 'isConflictError' },
    { error: new from.IdempotencyError(problem(422)), name: 'IdempotencyError', guard: 'isIdempotencyError' },
    { error: new from.RateLimitError(problem(429), 'req_1', 2), name: 'RateLimitError', guard: 'isRateLimitError' },
    { error: new from.ServerError(problem(503)), name: 'ServerError', guard: 'isServerError' },
    { error: new from.ApiError(problem(418)), name: 'ApiError', guard: 'isApiError' },
    { error: new from.NetworkError('offline'), name: 'NetworkError', guard: 'isNetworkError' },
    { error: new from.TimeoutError('slow'), name: 'TimeoutError', guard: 'isTimeoutError' },
    { error: new from.ValidationError('request', [{ pointer: '#/amount', detail: 'Required.' }]), name: 'ValidationError', guard: 'isValidationError' },
  ] as const;
}

const GUARDS = ['isApiError', 'isAuthenticationError', 'isPermissionError', 'isNotFoundError', 'isConflictError', 'isIdempotencyError', 'isRateLimitError', 'isServerError', 'isNetworkError', 'isTimeoutError', 'isValidationError'] as const;

/** Which guards of `guards` accept `error`. */
function accepted(guards: Pick<typeof sdk, (typeof GUARDS)[number]>, error: unknown): string[] {
  return GUARDS.filter((guard) => guards[guard](error));
}

describe('SDK errors', () => {
  it('each has its own name, its own guard, and is a FenqiError', () => {
    for (const { error, name, guard } of samples(sdk)) {
      expect(error.name).to.equal(name);
      expect(String(error)).to.match(new RegExp(`^${name}: `));
      expect(sdk.isFenqiError(error), name).to.equal(true);
      const api = error instanceof sdk.ApiError;
      expect(accepted(sdk, error), name).to.deep.equal(api && guard !== 'isApiError' ? ['isApiError', guard] : [guard]);
    }
    expect(new WebhookVerificationError('invalid-signature', 'No signature matches.').name).to.equal('WebhookVerificationError');
  });

  it('guards refuse look-alikes: plain errors, objects named like ours, nothing', () => {
    for (const impostor of [new Error('x'), Object.assign(new Error('x'), { name: 'TimeoutError' }), { name: 'NetworkError', message: 'x' }, new DOMException('x', 'TimeoutError'), null, undefined, 'TimeoutError']) {
      expect(sdk.isFenqiError(impostor), String(impostor)).to.equal(false);
      expect(accepted(sdk, impostor), String(impostor)).to.deep.equal([]);
    }
  });

  it('keep their names when minified, and the guards of one copy of the SDK know the errors of another', async function () {
    // A page can hold two copies: the widget's CDN bundle and the app's own install. Bundlers
    // rename classes, and instanceof only knows its own copy.
    if (typeof globalThis.process?.versions?.node !== 'string') return this.skip();
    const { build } = await import('esbuild');
    const { fileURLToPath } = await import('node:url');
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('../index.ts', import.meta.url))],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]!.text;
    const load = (copy: string) => import(`data:text/javascript;base64,${Buffer.from(`${code}\n// copy ${copy}`).toString('base64')}`) as Promise<typeof sdk>;
    const [first, second] = await Promise.all([load('a'), load('b')]);
    expect(first.TimeoutError).not.to.equal(second.TimeoutError);
    for (const { error, name, guard } of samples(first)) {
      expect(error.name, 'minified').to.equal(name);
      expect(error instanceof second.FenqiError, 'instanceof cannot tell').to.equal(false);
      expect(second.isFenqiError(error), name).to.equal(true);
      expect(second[guard](error), `${guard} of the other copy`).to.equal(true);
      expect(accepted(second, error)).to.deep.equal(accepted(sdk, samples(sdk).find((sample) => sample.name === name)!.error));
    }
  });
});
