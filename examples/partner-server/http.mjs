// Small HTTP helpers on node:http: JSON answers, RFC 9457 problems, bodies read with a size cap,
// and the translation of the SDK's errors into problems a page can show.
import { Buffer } from 'node:buffer';
import { ApiError, ConflictError, isFenqiError, NetworkError, TimeoutError, ValidationError } from '@fenqi/sdk/server';
import { CartError } from './catalogue.mjs';

/**
 * An answer that is an RFC 9457 problem. Thrown anywhere below a route, it becomes the answer;
 * nothing else ever reaches the browser (no stack trace, no bank secret).
 */
export class HttpProblem extends Error {
  /**
   * @param {number} status
   * @param {string} slug the last part of `type`, stable for code: `cart-invalid`, `application-declined`, …
   * @param {string} title short, the same for every problem of this type
   * @param {string} detail this occurrence, for people
   * @param {Record<string, unknown>} [members] more members: `errors: [{ pointer, detail }]`, `reasons`, `bank`…
   * @param {Record<string, string>} [headers] e.g. `allow` for a 405
   */
  constructor(status, slug, title, detail, members = {}, headers = {}) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.detail = detail;
    this.members = members;
    this.headers = headers;
  }

  toJSON() {
    // A relative type resolves against this server: the partner can publish the explanations there.
    return { type: `/problems/${this.slug}`, title: this.title, status: this.status, detail: this.detail, ...this.members };
  }
}

/**
 * The problem to answer for an error: a bad cart is a 422 pointing at the field. For the bank's
 * errors (and anything else that went wrong), business
 * refusals keep their meaning (a conflict stays a 409); a bank that fails or cannot be reached is a
 * 502/504, with the bank's own title, detail and request id for the partner's support team.
 */
export function problemFor(error) {
  if (error instanceof HttpProblem) return error;
  if (error instanceof CartError) {
    return new HttpProblem(422, 'cart-invalid', 'Invalid cart', error.message, { code: error.code, errors: [{ pointer: `#${error.field}`, detail: error.message }] });
  }
  if (error instanceof ValidationError) {
    return error.source === 'request'
      ? new HttpProblem(422, 'invalid-request', 'Invalid request', error.message, { errors: error.issues.map(({ pointer, detail }) => ({ pointer, detail })) })
      : new HttpProblem(502, 'bank-answer-invalid', 'The bank gave an unexpected answer', error.message, bankMembers(error));
  }
  if (error instanceof ConflictError) return new HttpProblem(409, 'bank-conflict', error.problem.title, error.problem.detail ?? error.message, bankMembers(error));
  // A 422 from the bank is about what we asked for, typically an amount no instalment plan covers.
  if (error instanceof ApiError && error.status === 422) return new HttpProblem(422, 'bank-refused', error.problem.title, error.problem.detail ?? error.message, bankMembers(error));
  if (error instanceof ApiError) return new HttpProblem(502, 'bank-error', 'The bank refused the request', `${error.problem.title}${error.problem.detail ? `: ${error.problem.detail}` : ''}`, bankMembers(error));
  if (error instanceof TimeoutError) return new HttpProblem(504, 'bank-timeout', 'The bank did not answer in time', 'Please try again in a moment.', bankMembers(error));
  if (error instanceof NetworkError) return new HttpProblem(502, 'bank-unreachable', 'The bank cannot be reached', 'Please try again in a moment.', bankMembers(error));
  if (isFenqiError(error)) return new HttpProblem(502, 'bank-error', 'The bank request failed', error.message, bankMembers(error));
  return new HttpProblem(500, 'internal-error', 'Something went wrong on our side', 'The error has been logged; please try again.');
}

function bankMembers(error) {
  const bank = { ...(error.requestId ? { requestId: error.requestId } : {}) };
  if (error instanceof ApiError) Object.assign(bank, { status: error.status, type: error.problem.type });
  return Object.keys(bank).length > 0 ? { bank } : {};
}

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

/** Answers JSON. */
export function sendJson(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** Answers a problem (`application/problem+json`). */
export function sendProblem(response, problem) {
  const text = JSON.stringify(problem);
  response.writeHead(problem.status, { ...SECURITY_HEADERS, 'content-type': 'application/problem+json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...problem.headers });
  response.end(text);
}

/**
 * The request body, as bytes, up to `limit` bytes; a larger body is a 413 and is not read on
 * (the answer then closes the connection), so a huge upload costs no memory.
 */
export function readBody(request, limit) {
  const tooLarge = () => new HttpProblem(413, 'body-too-large', 'Request body too large', `Bodies are limited to ${limit} bytes here.`, {}, { connection: 'close' });
  if (Number(request.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off('data', onData);
      request.pause();
      reject(tooLarge());
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks, size)));
    request.on('error', reject);
    // The client went away before the end: settle (a rejection after the end changes nothing).
    request.on('close', () => reject(new HttpProblem(400, 'request-aborted', 'Request aborted', 'The body did not arrive.')));
  });
}

/** Reads a JSON body: 415 unless it says `application/json`, 413 beyond `limit`, 400 when it is not JSON. */
export async function readJson(request, limit) {
  const type = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpProblem(415, 'unsupported-media-type', 'Unsupported media type', `Send JSON with Content-Type: application/json, not ${type === '' ? 'no content type' : JSON.stringify(type)}.`);
  }
  const bytes = await readBody(request, limit);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HttpProblem(400, 'malformed-json', 'Malformed JSON', 'The request body is not valid JSON.');
  }
}
