#!/usr/bin/env node
// A plain static file server for examples/static, standing in for any static host (no server
// logic): `PORT=8080 npx node examples/static/serve.mjs` after `npm run build`. `npm start` runs it.
import { createServer } from 'node:http';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { createStaticFiles } from '../partner-server/static-files.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const serve = createStaticFiles({
  '/': here('./index.html'),
  '/index.html': here('./index.html'),
  '/dist/': here('./dist'),
  // msw's worker must be served from the site root to control the whole page.
  '/mockServiceWorker.js': here('./dist/mockServiceWorker.js'),
});

const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || '127.0.0.1';
const server = createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://static');
  serve(request, response, pathname)
    .then((served) => {
      if (!served) response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    })
    .catch((error) => {
      if (!response.headersSent) response.writeHead(error.status ?? 500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(error.status ? error.detail ?? 'Not found' : 'Server error');
    });
});
server.once('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is already in use.` : error.message);
  process.exit(1);
});
server.listen(port, host, () => console.log(`static shop on http://${host}:${server.address().port}/`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
