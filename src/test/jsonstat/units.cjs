// Prints, as jsonstat-toolkit reads them, the metric dimensions of a JSON-stat dataset and each category's unit:
// one line per category: dimension,category,unit label,decimals. Usage: node units.cjs response.json
const fs = require("fs");
const JSONstat = require("jsonstat-toolkit");

const dataset = JSONstat(JSON.parse(fs.readFileSync(process.argv[2], "utf8")));
const lines = [];
for (const id of (dataset.role && dataset.role.metric) || []) {
  const dimension = dataset.Dimension(id);
  dimension.id.forEach((category, i) => {
    const unit = dimension.Category(i).unit || {};
    lines.push([id, category, unit.label, unit.decimals].join(","));
  });
}
process.stdout.write(lines.join("\n") + "\n");
