// `npm run validate`: checks the built manifest offline, with the same rules the tests apply to
// manifest.xml (scripts/manifest-checks.js), plus what only a build can get wrong: the version
// from package.json, and a file in dist/ for every URL. Microsoft's validator (schema and store
// rules) needs the network: `npm run validate:online`.
//
//   npm run validate                        # dist/manifest.xml
//   npm run validate -- path/to/manifest.xml
const fs = require("fs");
const path = require("path");
const { manifestVersion } = require("./base-url");
const { collect, manifestProblems } = require("./manifest-checks");

function main(argv) {
  const file = path.resolve(argv[0] ?? path.join(__dirname, "..", "dist", "manifest.xml"));
  const shown = path.relative(process.cwd(), file) || file;
  if (!fs.existsSync(file)) {
    console.error(`${shown} does not exist: build first (npm run build with ADDIN_BASE_URL, or npm run build:dev).`);
    return 2;
  }
  const xml = fs.readFileSync(file, "utf8");
  const version = manifestVersion(require("../package.json").version);
  const problems = manifestProblems(xml, { dir: path.dirname(file), ...(version.ok && { version: version.version }) });
  if (!version.ok) problems.unshift(version.message);
  if (problems.length > 0) {
    console.error(`${shown}: ${problems.length} problem(s):`);
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  const urls = collect(xml).urls;
  const origin = new URL(urls[0]).origin;
  console.log(`${shown}: passed the offline checks (${urls.length} URLs on ${origin}, each a file in ${path.relative(process.cwd(), path.dirname(file)) || "."}).`);
  if (new URL(urls[0]).hostname === "localhost") {
    console.log("Note: this manifest is for https://localhost:3000 (a development build); IT needs npm run build with ADDIN_BASE_URL.");
  }
  console.log("Microsoft's own validator needs the network: npm run validate:online.");
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
module.exports = { main };
