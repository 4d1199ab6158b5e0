// `npm run release`: what IT deploys, as one zip named by version plus its SHA-256 list.
//
//   ADDIN_BASE_URL=https://intranet.example/voorraadplanner/ npm run release
//
// It refuses (one sentence, exit 2) without a usable ADDIN_BASE_URL, with a version the manifest
// cannot carry, or when CHANGELOG.md has no section for the version. Then it builds dist/ (as
// `npm run build`), checks the built manifest offline (as `npm run validate`), and writes
//   release/backlog-planner-<version>.zip     every file of dist/, under backlog-planner-<version>/
//   release/backlog-planner-<version>.sha256  the zip's and each file's SHA-256 (`sha256sum -c` reads it)
// The zip is reproducible: same dist/, same bytes. Tag the commit v<version> (CONTRIBUTING.md).
const { spawnSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
/** Every entry gets this date, so that the same files always give the same zip. */
const ZIP_DATE = new Date(Date.UTC(2024, 0, 1));

const sha256 = (bytes) => crypto.createHash("sha256").update(bytes).digest("hex");

/** Files under `dir`, as sorted relative paths with "/" separators. */
function listFiles(dir, prefix = "") {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      return entry.isDirectory() ? listFiles(dir, relative) : [relative];
    })
    .sort();
}

/** The section of CHANGELOG.md for `version` ("## [0.1.0] - 2026-12-07"), or undefined. */
function changelogSection(changelog, version) {
  const escaped = version.replace(/\./g, "\\.");
  return new RegExp(`^## \\[${escaped}\\][^\\n]*\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, "m").exec(changelog)?.[1];
}

/**
 * Zips `distDir` as `<name>/…` into `outDir/<name>.zip` and writes `outDir/<name>.sha256`.
 *
 * @example
 * await packRelease({ distDir: "dist", outDir: "release", name: "backlog-planner-0.1.0" })
 * // → { zip: "release/backlog-planner-0.1.0.zip", sums: "release/backlog-planner-0.1.0.sha256", files: 14 }
 */
async function packRelease({ distDir, outDir, name }) {
  const JSZip = require("jszip");
  const zip = new JSZip();
  const lines = [];
  const files = listFiles(distDir);
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(distDir, file));
    // No folder entries: JSZip would date them now, and the same files must give the same zip.
    zip.file(`${name}/${file}`, bytes, { date: ZIP_DATE, unixPermissions: 0o644, createFolders: false });
    lines.push(`${sha256(bytes)}  ${name}/${file}`);
  }
  const archive = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "UNIX" });
  fs.mkdirSync(outDir, { recursive: true });
  const zipFile = path.join(outDir, `${name}.zip`);
  const sumsFile = path.join(outDir, `${name}.sha256`);
  fs.writeFileSync(zipFile, archive);
  fs.writeFileSync(sumsFile, [`${sha256(archive)}  ${name}.zip`, ...lines].join("\n") + "\n");
  return { zip: zipFile, sums: sumsFile, files: files.length };
}

async function main() {
  const { buildProduction, checkTarget } = require("./build");
  const target = checkTarget();
  if (!target.ok) {
    console.error(target.message.replace(/^npm run build/, "npm run release"));
    return 2;
  }
  const { version } = require("../package.json");
  if (changelogSection(fs.readFileSync(path.join(ROOT, "CHANGELOG.md"), "utf8"), version) === undefined) {
    console.error(`CHANGELOG.md has no section "## [${version}]": write what changed in ${version} before releasing it.`);
    return 2;
  }
  const dirty = spawnSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" });
  if (dirty.status === 0 && dirty.stdout.trim() !== "") {
    console.log("Note: the working tree has uncommitted changes; a release is built from the tagged commit alone.");
  }
  const distDir = path.join(ROOT, "dist");
  if (!(await buildProduction(target.url, distDir))) return 1;
  const { manifestProblems } = require("./manifest-checks");
  const problems = manifestProblems(fs.readFileSync(path.join(distDir, "manifest.xml"), "utf8"), {
    dir: distDir,
    version: target.version,
    production: true,
  });
  if (problems.length > 0) {
    console.error(`dist/manifest.xml failed the offline checks: ${problems.join("; ")}.`);
    return 1;
  }
  const packed = await packRelease({ distDir, outDir: path.join(ROOT, "release"), name: `backlog-planner-${version}` });
  console.log(`${path.relative(ROOT, packed.zip)}: ${packed.files} files, built for ${target.url} (manifest version ${target.version}).`);
  console.log(`${path.relative(ROOT, packed.sums)}: SHA-256 of the zip and of each file (check: cd release && unzip ${path.basename(packed.zip)} && sha256sum -c ${path.basename(packed.sums)}).`);
  console.log(`Tag the commit: git tag -a v${version} -m "Backlog Planner ${version}"`);
  return 0;
}

module.exports = { changelogSection, packRelease };

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(`npm run release failed: ${error instanceof Error ? error.message : error}`);
      process.exitCode = 1;
    },
  );
}
