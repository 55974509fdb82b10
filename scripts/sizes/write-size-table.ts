// `npm run docs`: writes docs/sizes.md from the built packages.
import { writeFileSync } from 'node:fs';
import { measureAll, readCdnManifest, SIZE_TABLE, sizeTable } from './measure-sizes.js';

writeFileSync(SIZE_TABLE, sizeTable(await measureAll(), readCdnManifest().version));
console.log(`wrote ${SIZE_TABLE.pathname}`);
