// `npm run api`: fails when the public API of a built package differs from its committed report
// (packages/<pkg>/api/<entry>.api.md); `npm test` runs it after the build.
// `npm run api:update` (--update): writes the reports, to be committed with the change that made them.
import process from 'node:process';
import { compareReports, generateReports, readCommittedReports, writeReports } from './api-reports.js';

const update = process.argv.includes('--update');
const started = performance.now();
const { reports, problems } = generateReports();
const seconds = `${((performance.now() - started) / 1000).toFixed(1)} s`;

if (problems.length > 0) {
  console.error(`API reports: api-extractor could not analyse the built packages, so no report was ${update ? 'written' : 'compared'}:\n`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}

const committed = readCommittedReports();
if (update) {
  const written = writeReports(reports, committed);
  for (const { report, kind } of written) console.log(`  ${kind === 'stale' ? 'deleted' : kind === 'missing' ? 'created' : 'updated'} ${report}`);
  console.log(`API reports: ${reports.length} entries, ${written.length === 0 ? 'all up to date' : `${written.length} written; commit them with the change`} (${seconds}).`);
} else {
  const differences = compareReports(reports, committed);
  if (differences.length === 0) {
    console.log(`API reports: the public API of all ${reports.length} entries matches packages/*/api/ (${seconds}).`);
  } else {
    console.error(`API reports: the public API differs from the committed report of ${differences.length} ${differences.length === 1 ? 'entry' : 'entries'}:\n`);
    for (const { report, kind, hint } of differences) console.error(`${report} (${kind})\n${hint.replace(/^/gm, '    ')}\n`);
    console.error(`If the change is intended, run \`npm run api:update\` and commit the reports with it. (${seconds})`);
    process.exitCode = 1;
  }
}
