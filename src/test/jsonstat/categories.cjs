// Prints, as jsonstat-toolkit reads them, the cells of a JSON-stat dataset whose value is a code (a categorical
// measure such as a barometer rating): one line per cell with a value, the category ids of every dimension, the value
// and its label from the dataset's extension (extension.measures.<measure>.categories). The label is empty when the
// value is not a code. Usage: node categories.cjs response.json
const fs = require("fs");
const JSONstat = require("jsonstat-toolkit");

const dataset = JSONstat(JSON.parse(fs.readFileSync(process.argv[2], "utf8")));
if (dataset.length === 0 || dataset.class !== "dataset") {
  console.error("not a JSON-stat dataset: " + (dataset.error || dataset.class));
  process.exit(2);
}
const metric = ((dataset.role && dataset.role.metric) || [])[0];
const measures = (dataset.extension && dataset.extension.measures) || {};
const lines = [];
for (const row of dataset.toTable({ type: "arrobj", content: "id" })) {
  if (row.value === null || row.value === undefined) continue;
  const measure = measures[row[metric]] || {};
  const label = typeof row.value === "string" && measure.categories ? measure.categories[row.value] : "";
  lines.push(dataset.id.map((d) => row[d]).concat([typeof row.value, row.value, label]).join(","));
}
process.stdout.write(lines.join("\n") + "\n");
