// Reads a JSON-stat 2.0 dataset with jsonstat-toolkit and prints every cell of the cube as CSV:
// one column per dimension (category ids), then value and status. Exits non-zero if the toolkit cannot read it.
// Usage: node cells.cjs response.json
const fs = require("fs");
const JSONstat = require("jsonstat-toolkit");

const response = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const dataset = JSONstat(response);
if (dataset.length === 0 || dataset.class !== "dataset") {
  console.error("not a JSON-stat dataset: " + (dataset.error || dataset.class));
  process.exit(2);
}
const expected = dataset.size.reduce((a, b) => a * b, 1);
if (dataset.n !== expected) {
  console.error("value has " + dataset.n + " cells, size says " + expected);
  process.exit(3);
}
const rows = dataset.toTable({ type: "arrobj", content: "id", status: true });
const quote = (v) => (v === null || v === undefined ? "" : /[",\r\n]/.test(String(v)) ? '"' + String(v).replace(/"/g, '""') + '"' : String(v));
const lines = [dataset.id.concat(["value", "status"]).join(",")];
for (const row of rows) {
  lines.push(dataset.id.map((d) => quote(row[d])).concat([quote(row.value), quote(row.status)]).join(","));
}
process.stdout.write(lines.join("\n") + "\n");
