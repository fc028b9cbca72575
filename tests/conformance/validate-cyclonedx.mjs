// Validates CycloneDX JSON documents with the official CycloneDX library's strict JSON schema validator.
// usage: node validate-cyclonedx.mjs <spec version, e.g. 1.6> <file>...
// Exit code 0: every file is valid; 1: a file is invalid (the errors are printed); 2: usage or setup problem.
import { readFile } from 'node:fs/promises';
import * as CDX from '@cyclonedx/cyclonedx-library';

const [specArgument, ...files] = process.argv.slice(2);
const versions = { '1.5': CDX.Spec.Version.v1dot5, '1.6': CDX.Spec.Version.v1dot6, '1.7': CDX.Spec.Version.v1dot7 };
if (!versions[specArgument] || files.length === 0) {
  console.error('usage: node validate-cyclonedx.mjs <1.5|1.6|1.7> <file>...');
  process.exit(2);
}

const validator = new CDX.Validation.JsonStrictValidator(versions[specArgument]);
let invalid = 0;
for (const file of files) {
  try {
    const errors = await validator.validate(await readFile(file, 'utf8'));
    if (errors === null) {
      console.log(`valid CycloneDX ${specArgument}: ${file}`);
    } else {
      invalid++;
      console.log(`INVALID CycloneDX ${specArgument}: ${file}`);
      console.log(JSON.stringify(errors, null, 2));
    }
  } catch (error) {
    if (error instanceof CDX.Validation.MissingOptionalDependencyError) {
      console.error(`the validator's optional dependencies are missing (${error.message}); run: npm ci --prefix tests/conformance`);
      process.exit(2);
    }
    invalid++;
    console.log(`INVALID CycloneDX ${specArgument}: ${file}: ${error.message}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
