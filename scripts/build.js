// `npm run build`: the production build IT deploys, into dist/. It refuses, in one sentence and
// with exit code 2, to build without ADDIN_BASE_URL (the https address where dist/ will be hosted)
// or with a package.json version the manifest cannot carry. It also compiles the plan command
// (lib/). `npm run build:dev` is the development build, for https://localhost:3000/.
//
//   ADDIN_BASE_URL=https://intranet.example/voorraadplanner/ npm run build
const path = require("path");
const { manifestVersion, productionBaseUrl } = require("./base-url");

/** Runs webpack's production build for `baseUrl` into `outputPath`; resolves to true when it succeeded. */
async function buildProduction(baseUrl, outputPath) {
  const webpack = require("webpack");
  const makeConfig = require("../webpack.config.js");
  const config = await makeConfig({ baseUrl }, { mode: "production" });
  config.mode = "production";
  if (outputPath) config.output = { ...config.output, path: outputPath };
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      console.log(stats.toString({ preset: "minimal", colors: process.stdout.isTTY }));
      resolve(!stats.hasErrors());
    });
  });
}

/** The checked base URL and version, or the sentence that refuses the build. */
function checkTarget(env = process.env) {
  const base = productionBaseUrl(env.ADDIN_BASE_URL);
  if (!base.ok) return base;
  const version = manifestVersion(require("../package.json").version);
  if (!version.ok) return version;
  return { ok: true, url: base.url, version: version.version };
}

async function main() {
  const target = checkTarget();
  if (!target.ok) {
    console.error(target.message);
    process.exit(2);
  }
  const { compileCli } = require("./compile-cli");
  console.log(`plan command compiled: ${compileCli().length} files in lib/`);
  const ok = await buildProduction(target.url, path.resolve(__dirname, "..", "dist"));
  if (!ok) process.exit(1);
  console.log(`dist/ is built for ${target.url} (manifest version ${target.version}).`);
}

module.exports = { buildProduction, checkTarget };

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
