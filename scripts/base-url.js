// The two facts a production build cannot guess: where IT hosts dist/ (ADDIN_BASE_URL) and the
// add-in's version (package.json). Checked here, once, for webpack.config.js, `npm run build`
// and `npm run release`; every refusal is one sentence.

/** The address the manifest and the metadata use while developing (`npm start`, `npm run build:dev`). */
const DEV_BASE_URL = "https://localhost:3000/";

const EXAMPLE = "ADDIN_BASE_URL=https://intranet.example/voorraadplanner/ npm run build";
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * ADDIN_BASE_URL as the build uses it: an https address (http only for localhost), no query,
 * fragment or password, ending in exactly one "/".
 *
 * @example
 * productionBaseUrl("https://intranet.example/voorraadplanner") // → { ok: true, url: "https://intranet.example/voorraadplanner/" }
 * productionBaseUrl(undefined) // → { ok: false, message: "npm run build needs ADDIN_BASE_URL, …" }
 */
function productionBaseUrl(value) {
  const text = (value ?? "").trim();
  if (text === "") {
    return {
      ok: false,
      message: `npm run build needs ADDIN_BASE_URL, the https address where dist/ will be hosted, for example ${EXAMPLE} (npm run build:dev builds for ${DEV_BASE_URL}).`,
    };
  }
  let url;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `ADDIN_BASE_URL '${text}' is not a web address; give the https address where dist/ will be hosted, for example ${EXAMPLE}.` };
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) {
    return {
      ok: false,
      message: `ADDIN_BASE_URL '${text}' must start with https:// (Office loads add-ins only over https; http is accepted for localhost alone).`,
    };
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    return { ok: false, message: `ADDIN_BASE_URL '${text}' must be a plain folder address, without a query, a #fragment or a password.` };
  }
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/`;
  return { ok: true, url: url.href };
}

/**
 * package.json's version as the manifest's <Version>: four numbers (the manifest schema allows up
 * to five digits each).
 *
 * @example
 * manifestVersion("1.2.3") // → { ok: true, version: "1.2.3.0" }
 */
function manifestVersion(version) {
  const m = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/.exec(String(version ?? ""));
  if (!m) {
    return {
      ok: false,
      message: `package.json's version '${version}' cannot be a manifest version (three numbers such as 1.2.3, no pre-release tag).`,
    };
  }
  return { ok: true, version: `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}.0` };
}

module.exports = { DEV_BASE_URL, productionBaseUrl, manifestVersion };
