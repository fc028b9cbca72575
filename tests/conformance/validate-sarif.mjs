// Validates SARIF logs with Microsoft's SARIF multitool ("validate": the SARIF 2.1.0 schema and the SARIF rules), and
// against the SARIF 2.1.0 JSON schema the multitool ships, with ajv: the multitool skips schema checks (an unknown
// "level", for one) when a log deserializes into its object model.
// usage: node validate-sarif.mjs <file>...
// Exit code 0: no errors in any file (warnings and notes are printed, not failures); 1: errors; 2: setup problem.
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate-sarif.mjs <file>...');
  process.exit(2);
}

// npm leaves install scripts unrun by default; the Linux package's only script makes the tool executable.
const packageDirectory = dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
const tool = join(packageDirectory, 'Sarif.Multitool');
if (!existsSync(tool)) {
  console.error(`${tool} is missing; run: npm ci --prefix tests/conformance`);
  process.exit(2);
}
if ((statSync(tool).mode & 0o100) === 0) {
  chmodSync(tool, 0o755);
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const schemaCheck = ajv.compile(JSON.parse(readFileSync(join(packageDirectory, 'sarif-2.1.0.json'), 'utf8')));

let failed = 0;
for (const file of files) {
  const output = join(mkdtempSync(join(tmpdir(), 'sarif-validate-')), 'result.sarif');
  const run = spawnSync(tool, ['validate', file, '--output', output, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
  if (!existsSync(output)) {
    console.error((run.stdout + run.stderr).slice(0, 2000));
    console.error(`the multitool did not run on ${file} (exit ${run.status})`);
    process.exit(2);
  }
  const results = JSON.parse(readFileSync(output, 'utf8')).runs.flatMap(r => r.results ?? []);
  const errors = results.filter(r => r.level === 'error');
  for (const r of results) {
    console.log(`${r.level ?? 'warning'} ${r.ruleId}: ${r.message?.text ?? (r.message?.arguments ?? []).join(' | ')}`);
  }
  const schemaValid = schemaCheck(JSON.parse(readFileSync(file, 'utf8')));
  for (const error of schemaValid ? [] : schemaCheck.errors) {
    console.log(`error schema: ${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
  }
  if (errors.length > 0 || run.status !== 0 || !schemaValid) {
    failed++;
    console.log(`INVALID SARIF: ${file} (${errors.length} multitool errors, schema ${schemaValid ? 'valid' : 'invalid'}, exit ${run.status})`);
  } else {
    console.log(`valid SARIF: ${file}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
