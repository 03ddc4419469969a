// Validates Kubernetes manifests against the Kubernetes OpenAPI schema that kubernetes-models
// carries, one YAML file per argument; prints every error and exits 1 when there is one.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { Job } from "kubernetes-models/batch/v1/Job";

const kinds = { "batch/v1 Job": Job };
let failed = false;
for (const file of process.argv.slice(2)) {
  for (const document of yaml.loadAll(readFileSync(file, "utf8"))) {
    const kind = kinds[`${document.apiVersion} ${document.kind}`];
    if (!kind) {
      console.error(`${file}: no schema here for ${document.apiVersion} ${document.kind}`);
      failed = true;
      continue;
    }
    try {
      new kind(document).validate();
      console.log(`${file}: valid ${document.kind} ${document.metadata?.name}`);
    } catch (error) {
      console.error(`${file}: ${error.message}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
