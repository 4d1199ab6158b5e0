// The `plan` command as plain JavaScript in lib/: src/cli/plan.ts and every module it imports,
// transpiled file by file with TypeScript (types are checked by `npm run typecheck`, as under
// ts-node --transpile-only before). `npm run build` and `npm run build:cli` compile it; the bin
// compiles it on first use, and again whenever a source file changed since (lib/.sources.json
// records each file's size and modification time: checking costs about a millisecond).
//
//   node scripts/compile-cli.js      # compile now, print what was written
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const ENTRY = "src/cli/plan.ts";
const OUT = "lib";
const STAMP = ".sources.json";

/**
 * Entries lighter than a package's index, for what the command uses. ExcelJS's index also loads its
 * streaming reader and writer (unzipper, archiver) and its CSV support: half of its load time, and
 * the command only makes `new ExcelJS.Workbook()`. `npm run bench` shows the start-up this saves;
 * the tests of the real command run this compiled output.
 */
const LIGHTER_REQUIRES = {
  exceljs: 'Object.assign({ Workbook: require("exceljs/lib/doc/workbook") }, require("exceljs/lib/doc/enums"))',
};

function useLighterRequires(javascript) {
  return Object.entries(LIGHTER_REQUIRES).reduce(
    (text, [name, replacement]) => text.split(`require("${name}")`).join(`(${replacement})`),
    javascript,
  );
}

/** lib/cli/plan.js for src/cli/plan.ts. */
function outputOf(root, source) {
  return path.join(root, OUT, path.relative(path.join(root, "src"), source)).replace(/\.ts$/, ".js");
}

function resolveImport(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f));
}

/** The entry and every relative module it reaches, by their import and export declarations. */
function sourceClosure(ts, root) {
  const seen = new Set();
  const queue = [path.join(root, ENTRY)];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const found = resolveImport(file, fileName);
      if (!found) throw new Error(`${path.relative(root, file)}: cannot find ${fileName}`);
      queue.push(found);
    }
  }
  return [...seen].sort();
}

/** What a source looked like when it was compiled. */
function fingerprint(file) {
  const stat = fs.statSync(file);
  return { size: stat.size, mtimeMs: stat.mtimeMs };
}

/** Written beside the target and renamed: a run started meanwhile never reads half a file. */
function writeAtomically(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

/** Transpiles the closure of the entry into lib/; returns the files written. */
function compileCli(root = ROOT) {
  const ts = require("typescript");
  const { config } = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const compilerOptions = {
    ...ts.convertCompilerOptionsFromJson(config.compilerOptions, root).options,
    module: ts.ModuleKind.CommonJS,
    sourceMap: false,
    inlineSourceMap: false,
    outDir: undefined,
  };
  const sources = sourceClosure(ts, root);
  const stamp = { typescript: ts.version, compiler: fingerprint(__filename), files: {} };
  for (const source of sources) {
    const { outputText } = ts.transpileModule(fs.readFileSync(source, "utf8"), { compilerOptions, fileName: source });
    writeAtomically(outputOf(root, source), useLighterRequires(outputText));
    stamp.files[path.relative(root, source)] = fingerprint(source);
  }
  writeAtomically(path.join(root, OUT, STAMP), `${JSON.stringify(stamp, null, 1)}\n`);
  return sources.map((s) => outputOf(root, s));
}

/** True when lib/ holds the compile of exactly the sources as they are now. */
function isCompiled(root = ROOT) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(root, OUT, STAMP), "utf8"));
  } catch {
    return false;
  }
  const same = (a, b) => a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;
  try {
    if (!same(stamp.compiler, fingerprint(__filename))) return false;
    return Object.entries(stamp.files).every(([file, seen]) => same(seen, fingerprint(path.join(root, file))));
  } catch {
    return false; // a source was removed or renamed
  }
}

/** The compiled entry, compiled first when lib/ is missing or older than a source. */
function ensureCompiled(root = ROOT) {
  const entry = outputOf(root, path.join(root, ENTRY));
  // An installed copy without src/ (only lib/) runs what it has.
  if (fs.existsSync(path.join(root, ENTRY)) && !isCompiled(root)) compileCli(root);
  return entry;
}

module.exports = { compileCli, ensureCompiled, isCompiled };

if (require.main === module) {
  const written = compileCli();
  console.log(`plan command compiled: ${written.length} files in ${OUT}/ (entry ${path.relative(ROOT, written.find((f) => f.endsWith(path.join("cli", "plan.js"))) ?? "")})`);
}
