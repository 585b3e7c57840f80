// Prints one line, "N passed, N failed[, N skipped]", from Vitest's JSON report (reports/vitest.json),
// so the number of tests run is on record wherever the suite ran.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/vitest.json';
if (!existsSync(file)) {
  console.log('0 passed, 0 failed');
  console.error(
    `test-summary: no report at ${file}: the run stopped before the tests (type check, lint or build failed)`,
  );
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
