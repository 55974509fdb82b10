// Serves the partner's static pages (the demo sites) from the same origin as the API, so the
// pages call /api/… with no CORS. Mounts map a URL prefix to a folder, or one URL to one file:
//
//   createPartnerServer({ …, static: { '/shop/': '/abs/path/to/shop', '/catalogue.mjs': '/abs/path/to/catalogue.mjs' } })
//
// Only files inside a mounted folder are reachable: no `..`, no encoded slashes, no dot files, no
// symbolic link out of the folder. Anything else is a 404 that says nothing about the disk.
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HttpProblem } from './http.mjs';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * Checks the mounts once, at start-up, and returns `serve(request, response, pathname)`, which
 * answers and resolves true when a mount covers the path, or resolves false.
 *
 * @param {Record<string, string>} mounts `'/prefix/'` → absolute folder, or `'/exact/path'` → absolute file
 * @param {{ page?: (html: string) => { body: string, headers: Record<string, string> } }} [options]
 *   `page` rewrites each HTML page as it is served (the partner server puts its CSP nonce and
 *   publishable key in) and adds response headers
 */
export function createStaticFiles(mounts = {}, { page } = {}) {
  const entries = Object.entries(mounts).map(([prefix, target]) => {
    if (typeof prefix !== 'string' || !prefix.startsWith('/') || prefix.includes('..')) throw new TypeError(`A static mount is a URL path starting with "/", not ${JSON.stringify(prefix)}.`);
    if (typeof target !== 'string' || !isAbsolute(target)) throw new TypeError(`The static mount ${prefix} needs an absolute path, not ${JSON.stringify(target)}.`);
    // '/' is the site's home page, an exact path: a folder there would take every URL.
    return { prefix, target: resolve(target), folder: prefix.endsWith('/') && prefix !== '/' };
  });
  // The longest prefix wins, so '/shop/assets/' can live beside '/shop/'.
  entries.sort((a, b) => b.prefix.length - a.prefix.length);

  return async function serve(request, response, pathname) {
    for (const mount of entries) {
      let file;
      if (!mount.folder) {
        if (pathname !== mount.prefix) continue;
        file = mount.target;
      } else if (pathname === mount.prefix.slice(0, -1)) {
        // '/shop' → '/shop/', so the page's relative URLs resolve inside the folder.
        return redirect(response, mount.prefix);
      } else if (pathname.startsWith(mount.prefix)) {
        file = inside(mount.target, pathname.slice(mount.prefix.length));
        if (file === undefined) throw notFound();
      } else {
        continue;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        throw new HttpProblem(405, 'method-not-allowed', 'Method not allowed', `${request.method} is not allowed here; use GET.`, {}, { allow: 'GET, HEAD' });
      }
      await sendFile(request, response, file, mount, pathname, page);
      return true;
    }
    return false;
  };
}

/** The file a path below a folder names, or undefined for anything that tries to leave it. */
function inside(root, rest) {
  const segments = rest.split('/');
  if (segments.at(-1) === '') segments[segments.length - 1] = 'index.html';
  const decoded = [];
  for (const segment of segments) {
    let name;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    // Dot files (.env, .git), installed dependencies, and anything that could climb or cross a
    // separator stay hidden.
    if (name === '' || name.startsWith('.') || name === 'node_modules' || /[/\\\0]/.test(name)) return undefined;
    decoded.push(name);
  }
  return join(root, ...decoded);
}

async function sendFile(request, response, file, mount, pathname, page) {
  let info;
  let real;
  try {
    [info, real] = await Promise.all([stat(file), realpath(file)]);
  } catch {
    throw notFound();
  }
  if (mount.folder) {
    // A symbolic link may point anywhere: what counts is where the file really is.
    const root = await realpath(mount.target).catch(() => undefined);
    if (root === undefined || !real.startsWith(root + sep)) throw notFound();
    if (info.isDirectory()) return redirect(response, `${pathname}/`);
  }
  if (!info.isFile()) throw notFound();
  const type = CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  if (page && type.startsWith('text/html')) {
    const rewritten = page(await readFile(real, 'utf8'));
    const body = Buffer.from(rewritten.body, 'utf8');
    response.writeHead(200, { ...headers, ...rewritten.headers, 'content-length': body.length });
    return void response.end(request.method === 'HEAD' ? undefined : body);
  }
  response.writeHead(200, { ...headers, 'content-length': info.size });
  if (request.method === 'HEAD') return void response.end();
  await pipeline(createReadStream(real), response);
}

function redirect(response, location) {
  response.writeHead(308, { location, 'content-length': 0 });
  response.end();
  return true;
}

function notFound() {
  return new HttpProblem(404, 'not-found', 'Not found', 'There is nothing at this address.');
}
