// Copies the prebuilt browser bundles into the application's static resources; no bundler is needed.
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "..", "..", "target", "classes", "static", "vendor");
const files = {
  "@bpmn-io/form-js/dist/form-viewer.umd.js": "form-js/form-viewer.umd.js",
  "@bpmn-io/form-js/dist/assets/form-js.css": "form-js/form-js.css",
  "bpmn-js/dist/bpmn-navigated-viewer.production.min.js": "bpmn-js/bpmn-navigated-viewer.production.min.js",
  "bpmn-js/dist/assets/bpmn-js.css": "bpmn-js/bpmn-js.css",
  "bpmn-js/dist/assets/diagram-js.css": "bpmn-js/diagram-js.css",
  "chart.js/dist/chart.umd.min.js": "chart-js/chart.umd.min.js",
};
for (const [from, to] of Object.entries(files)) {
  const dest = join(target, to);
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(join(here, "node_modules", from), dest);
}
console.log(`Kopierade ${Object.keys(files).length} filer till ${target}`);
