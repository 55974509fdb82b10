// `npm run docs`: writes docs/sizes.md from the built packages.
import { writeFileSync } from 'node:fs';
import { measureAll, SIZE_TABLE, sizeTable } from './measure-sizes.js';

writeFileSync(SIZE_TABLE, sizeTable(await measureAll()));
console.log(`wrote ${SIZE_TABLE.pathname}`);
