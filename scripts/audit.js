// `npm audit --omit=dev`, failing on any high or critical advisory for what ships to users.
// Where the registry's audit service cannot be reached (this CI's registry mirror answers 405),
// it says so plainly and does not pretend the audit passed or failed.
const { spawnSync } = require("child_process");

const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(result.stdout || "{}");
} catch {
  console.log("npm audit: no readable answer; audit NOT performed");
  process.exit(0);
}
if (report.statusCode || (report.error && !report.metadata)) {
  console.log(`npm audit: the audit service refused (${report.statusCode ?? "error"}); audit NOT performed`);
  process.exit(0);
}
const counts = report.metadata?.vulnerabilities ?? {};
console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
  console.error("high or critical vulnerabilities in production dependencies");
  process.exit(1);
}
