/* eslint-disable no-undef */
const path = require("path");
const fs = require("fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources } = require("webpack");

/** The URL the manifest and metadata use while developing (`npm start`). */
const DEV_BASE_URL = "https://localhost:3000/";
/** Where IT hosts dist/ in production: set ADDIN_BASE_URL at build time (must end with "/"). */
const PROD_BASE_URL = process.env.ADDIN_BASE_URL || "https://voorraadplanner.example.org/";

/** Every file holding =IND.* functions: the metadata plugin reads their JSDoc. */
const FUNCTION_FILES = [
  "./src/functions/functions.ts",
  "./src/functions/tracks.ts",
  "./src/functions/uncertainty.ts",
  "./src/functions/leadTime.ts",
];

async function devServerHttps() {
  // Only `npm start` needs the trusted dev certificate; builds and tests never prompt for it.
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
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

/** README.md rendered to help.html: the target of every function's @helpurl. */
function renderHelp() {
  const { marked } = require("marked");
  const body = marked.parse(fs.readFileSync(path.join(__dirname, "README.md"), "utf8"));
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Backlog Planner — help</title>' +
    "<style>body{font-family:Segoe UI,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}" +
    "code,pre{background:#f3f3f3}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style>" +
    `</head><body>${body}</body></html>`
  );
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const baseUrl = dev ? DEV_BASE_URL : PROD_BASE_URL;
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // The stylesheet rides along as a plain file (taskpane.css): no inline styles, strict-CSP ready.
      taskpane: ["./src/taskpane/taskpane.ts", "./src/taskpane/taskpane.css"],
      functions: FUNCTION_FILES,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json" } } },
        { test: /\.css$/, type: "asset/resource", generator: { filename: "[name][ext]" } },
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
            transform: (content) => (dev ? content : content.toString().split(DEV_BASE_URL).join(baseUrl)),
          },
          { from: "README.md", to: "help.html", transform: () => renderHelp() },
          { from: "docs/taskpane.png", to: "docs/taskpane.png" },
        ],
      }),
      new BaseUrlPlugin(DEV_BASE_URL, baseUrl, dev ? [] : ["functions.json"]),
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
