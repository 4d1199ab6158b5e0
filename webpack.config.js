/* eslint-disable no-undef */
const path = require("path");
const fs = require("fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const crypto = require("crypto");
const { sources } = require("webpack");
const { DEV_BASE_URL, manifestVersion, productionBaseUrl } = require("./scripts/base-url");
const { helpPagePatterns } = require("./scripts/help-pages");

/** The files the manifest names: their names cannot change, so their URLs carry the version (?v=). */
const FIXED_NAME_FILES = ["taskpane.html", "functions.js", "functions.json", "functions-nl.json"];

/** Every file holding =IND.* functions: the metadata plugin reads their JSDoc. */
const FUNCTION_FILES = [
  "./src/functions/functions.ts",
  "./src/functions/tracks.ts",
  "./src/functions/uncertainty.ts",
  "./src/functions/monitoring.ts",
  "./src/functions/leadTime.ts",
  "./src/functions/forecast.ts",
];

async function devServerHttps() {
  // Only `npm start` needs the dev certificate; builds and tests never prompt for it. On Windows and
  // Mac it is made and trusted here; elsewhere scripts/start.js makes it first (no sudo needed)
  // and the planner trusts it in the browser.
  if (process.platform !== "win32" && process.platform !== "darwin") {
    const { certificatePaths } = require("./scripts/dev-process");
    const files = certificatePaths();
    return { ca: fs.readFileSync(files.ca), key: fs.readFileSync(files.key), cert: fs.readFileSync(files.cert) };
  }
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

/** The build's base URL and version, or the one sentence that says why there is none. */
function buildTarget(dev, env) {
  const version = manifestVersion(require("./package.json").version);
  if (!version.ok) throw new Error(version.message);
  if (dev) return { baseUrl: DEV_BASE_URL, version: version.version };
  const base = productionBaseUrl(env.baseUrl ?? process.env.ADDIN_BASE_URL);
  if (!base.ok) throw new Error(base.message);
  return { baseUrl: base.url, version: version.version };
}

/** The manifest for this build: its base URL, package.json's version, and ?v= on the fixed names. */
function buildManifest(content, { baseUrl, version }) {
  let xml = content.toString().split(DEV_BASE_URL).join(baseUrl);
  xml = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  for (const file of FIXED_NAME_FILES) {
    xml = xml.split(`${baseUrl}${file}"`).join(`${baseUrl}${file}?v=${version}"`);
  }
  return xml;
}

/**
 * The page's own files by content: the stylesheet link of the template gets the hashed name the
 * build emitted, and functions.js, whose name the manifest fixes, gets its content hash as ?v=.
 */
class PageAssetsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PageAssetsPlugin", (compilation) => {
      const hooks = HtmlWebpackPlugin.getHooks(compilation);
      hooks.alterAssetTags.tap("PageAssetsPlugin", (data) => {
        for (const tag of data.assetTags.scripts) {
          const asset = compilation.getAsset(tag.attributes.src);
          if (!asset || !FIXED_NAME_FILES.includes(tag.attributes.src)) continue;
          const hash = crypto.createHash("sha256").update(asset.source.buffer()).digest("hex").slice(0, 8);
          tag.attributes.src = `${tag.attributes.src}?v=${hash}`;
        }
        return data;
      });
      hooks.beforeEmit.tap("PageAssetsPlugin", (data) => {
        const css = compilation.getAssets().find((a) => /^taskpane\.[0-9a-f]{8}\.css$/.test(a.name));
        if (!css) compilation.errors.push(new Error("taskpane.html: the build emitted no hashed taskpane.css"));
        else data.html = data.html.replace('href="taskpane.css"', `href="${css.name}"`);
        return data;
      });
    });
  }
}

/** Swaps the dev base URL for the production one in emitted text assets (functions.json). */
class BaseUrlPlugin {
  constructor(from, to, files) {
    Object.assign(this, { from, to, files });
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BaseUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "BaseUrlPlugin", stage: compilation.constructor.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          for (const file of this.files) {
            const asset = compilation.getAsset(file);
            if (!asset) continue;
            const text = asset.source.source().toString().split(this.from).join(this.to);
            compilation.updateAsset(file, new sources.RawSource(text));
          }
        },
      );
    });
  }
}

/**
 * Loads a TypeScript module of src/ (and the relative modules it imports) for the build, without
 * a second copy in JavaScript: the Dutch metadata is derived from the one declaration table.
 */
function loadTypeScript(file, cache = new Map()) {
  if (cache.has(file)) return cache.get(file).exports;
  const ts = require("typescript");
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true };
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), { compilerOptions });
  const loaded = { exports: {} };
  cache.set(file, loaded);
  const localRequire = (spec) => {
    if (!spec.startsWith(".")) return require(spec);
    const base = path.resolve(path.dirname(file), spec);
    const found = [`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f));
    if (!found) throw new Error(`${file}: cannot find ${spec}`);
    return loadTypeScript(found, cache);
  };
  new Function("require", "module", "exports", outputText)(localRequire, loaded, loaded.exports);
  return loaded.exports;
}

/** Emits functions-nl.json next to functions.json: same ids, Dutch names, help and help URLs. */
class DutchMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("DutchMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "DutchMetadataPlugin", stage: compilation.constructor.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const english = compilation.getAsset("functions.json");
          if (!english) return;
          const { deriveDutchMetadata } = loadTypeScript(path.join(__dirname, "src/functions/dutchMetadata.ts"));
          const { FUNCTION_DECLARATIONS } = loadTypeScript(path.join(__dirname, "src/functions/declarations.ts"));
          try {
            const dutch = deriveDutchMetadata(JSON.parse(english.source.source().toString()), FUNCTION_DECLARATIONS);
            compilation.emitAsset("functions-nl.json", new sources.RawSource(JSON.stringify(dutch, null, 2)));
          } catch (error) {
            compilation.errors.push(new Error(`functions-nl.json: ${error.message}`));
          }
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  // Production needs ADDIN_BASE_URL (or --env baseUrl=…): a build for nowhere is refused, not guessed.
  const target = buildTarget(dev, env ?? {});
  const { baseUrl } = target;
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // The stylesheet rides along as a plain file (taskpane.css): no inline styles, strict-CSP ready.
      // The page loads functions.js first (shared runtime): the pane's bundle reuses its modules
      // (the engine) instead of carrying a second copy of them.
      taskpane: { import: ["./src/taskpane/taskpane.ts", "./src/taskpane/taskpane.css"], dependOn: "functions" },
      functions: FUNCTION_FILES,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // What the page loads is named by its content, so a cache can never serve an old copy;
      // functions.js keeps the name the manifest gives it (PageAssetsPlugin adds ?v= instead).
      filename: (pathData) => (pathData.chunk?.name === "functions" ? "[name].js" : "[name].[contenthash:8].js"),
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json" } } },
        { test: /\.css$/, type: "asset/resource", generator: { filename: "[name].[contenthash:8][ext]" } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the page that hosts the pane also runs the functions.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => buildManifest(content, target),
          },
          // help.html (README, the support page), the function references (every helpUrl) and the pages they link.
          ...helpPagePatterns(),
        ],
      }),
      new PageAssetsPlugin(),
      new DutchMetadataPlugin(),
      new BaseUrlPlugin(DEV_BASE_URL, baseUrl, dev ? [] : ["functions.json", "functions-nl.json"]),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? await devServerHttps() : {} },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};

module.exports.FUNCTION_FILES = FUNCTION_FILES;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.FIXED_NAME_FILES = FIXED_NAME_FILES;
