/**
 * The lookup of LibreOffice and a Chromium-family browser (scripts/find-tools.js) and the decision
 * of `npm test`'s first step (scripts/ensure-test-tools.js), on injected machines: no real
 * installs, no real files.
 */
import { decide, ensureTestTools } from "../../scripts/ensure-test-tools";
import { findTool, installCommand, linuxFamily, missingSentence, ToolSystem } from "../../scripts/find-tools";

/** A machine holding exactly `files`; `scripts` maps a file to its first bytes. */
function machine(platform: string, files: string[], env: Record<string, string> = {}, scripts: Record<string, string> = {}): ToolSystem {
  return {
    platform,
    env,
    home: platform === "darwin" ? "/Users/planner" : "/home/planner",
    isFile: (file) => files.includes(file),
    readStart: (file) => scripts[file] ?? "\u007fELF",
  };
}

describe("findTool", () => {
  test("Windows: LibreOffice and Chrome in Program Files, Edge as the fallback browser", () => {
    const env = { ProgramFiles: "C:\\Program Files", "ProgramFiles(x86)": "C:\\Program Files (x86)", LOCALAPPDATA: "C:\\Users\\p\\AppData\\Local", Path: "C:\\Windows" };
    const soffice = "C:\\Program Files\\LibreOffice\\program\\soffice.exe";
    const chrome = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
    const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    expect(findTool("soffice", machine("win32", [soffice, edge], env)).found).toBe(soffice);
    expect(findTool("chromium", machine("win32", [chrome, edge], env)).found).toBe(chrome);
    expect(findTool("chromium", machine("win32", [edge], env)).found).toBe(edge);
    const userChrome = "C:\\Users\\p\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
    expect(findTool("chromium", machine("win32", [userChrome], env)).found).toBe(userChrome);
  });

  test("Windows: a program on PATH is found with its .exe", () => {
    const env = { Path: "C:\\Tools;D:\\LO\\program" };
    expect(findTool("soffice", machine("win32", ["D:\\LO\\program\\soffice.exe"], env)).found).toBe("D:\\LO\\program\\soffice.exe");
  });

  test("macOS: the application bundles in /Applications or ~/Applications", () => {
    const soffice = "/Applications/LibreOffice.app/Contents/MacOS/soffice";
    const chrome = "/Users/planner/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    expect(findTool("soffice", machine("darwin", [soffice], { PATH: "/usr/bin" })).found).toBe(soffice);
    expect(findTool("chromium", machine("darwin", [chrome], { PATH: "/usr/bin" })).found).toBe(chrome);
  });

  test("Linux: PATH first, then the standard places", () => {
    const env = { PATH: "/opt/tools/bin:/usr/bin" };
    expect(findTool("soffice", machine("linux", ["/opt/tools/bin/soffice", "/usr/bin/soffice"], env)).found).toBe("/opt/tools/bin/soffice");
    expect(findTool("soffice", machine("linux", ["/usr/lib/libreoffice/program/soffice"], env)).found).toBe("/usr/lib/libreoffice/program/soffice");
    expect(findTool("chromium", machine("linux", ["/usr/bin/google-chrome-stable"], env)).found).toBe("/usr/bin/google-chrome-stable");
  });

  test("nothing installed: not found", () => {
    expect(findTool("soffice", machine("linux", [], { PATH: "/usr/bin" }))).toEqual({ found: null });
    expect(findTool("chromium", machine("win32", [], {}))).toEqual({ found: null });
    expect(findTool("chromium", machine("darwin", [], {}))).toEqual({ found: null });
  });

  test("SOFFICE_PATH and CHROMIUM_PATH win; one pointing at nothing is reported, not passed over", () => {
    const files = ["/usr/bin/soffice", "/usr/bin/chromium", "/x/soffice", "/x/chrome"];
    const system = machine("linux", files, { PATH: "/usr/bin", SOFFICE_PATH: "/x/soffice", CHROMIUM_PATH: "/x/chrome" });
    expect(findTool("soffice", system).found).toBe("/x/soffice");
    expect(findTool("chromium", system).found).toBe("/x/chrome");
    expect(findTool("soffice", machine("linux", files, { PATH: "/usr/bin", SOFFICE_PATH: "/gone" }))).toEqual({
      found: null,
      override: "SOFFICE_PATH=/gone",
    });
  });

  test("Ubuntu's chromium-browser stub for the snap is no browser, unless the snap is there", () => {
    const stub = { "/usr/bin/chromium-browser": "#! /bin/sh\n# this is a transitional package; the browser is a snap\nexec /snap/bin/chromium" };
    expect(findTool("chromium", machine("linux", ["/usr/bin/chromium-browser"], { PATH: "/usr/bin" }, stub)).found).toBeNull();
    const withSnap = machine("linux", ["/usr/bin/chromium-browser", "/snap/bin/chromium"], { PATH: "/usr/bin" }, stub);
    expect(findTool("chromium", withSnap).found).toBe("/usr/bin/chromium-browser");
  });
});

describe("the install command", () => {
  test("per system, naming only what is missing", () => {
    expect(installCommand(["soffice", "chromium"], { platform: "linux", family: "debian", isRoot: false })).toBe(
      "sudo apt-get install -y --no-install-recommends chromium libreoffice-calc-nogui fonts-crosextra-carlito poppler-utils fonts-dejavu-core",
    );
    expect(installCommand(["soffice"], { platform: "linux", family: "debian", isRoot: true })).toBe(
      "apt-get install -y --no-install-recommends libreoffice-calc-nogui fonts-crosextra-carlito poppler-utils fonts-dejavu-core",
    );
    expect(installCommand(["soffice", "chromium"], { platform: "linux", family: "ubuntu" })).toBe(
      "sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui fonts-crosextra-carlito poppler-utils fonts-dejavu-core && sudo snap install chromium",
    );
    expect(installCommand(["soffice", "chromium"], { platform: "linux", family: "fedora" })).toBe("sudo dnf install -y chromium libreoffice-calc");
    expect(installCommand(["soffice", "chromium"], { platform: "darwin" })).toBe("brew install --cask libreoffice google-chrome");
    expect(installCommand(["chromium"], { platform: "darwin" })).toBe("brew install --cask google-chrome");
    expect(installCommand(["soffice", "chromium"], { platform: "win32" })).toBe(
      "winget install -e --id TheDocumentFoundation.LibreOffice && winget install -e --id Google.Chrome",
    );
  });

  test("one sentence, naming the tools, the command and the override variable", () => {
    const sentence = missingSentence(["soffice", "chromium"], { platform: "win32" });
    expect(sentence).toBe(
      "The tests need LibreOffice and a Chromium-family browser (Chromium, Chrome or Edge), which were not found: install them with " +
        "`winget install -e --id TheDocumentFoundation.LibreOffice && winget install -e --id Google.Chrome`, or set SOFFICE_PATH / CHROMIUM_PATH to the program.",
    );
    expect(sentence.trim().match(/\.$/g)).toHaveLength(1);
  });

  test("the Linux family from /etc/os-release", () => {
    expect(linuxFamily('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')).toBe("debian");
    expect(linuxFamily("ID=ubuntu\nID_LIKE=debian\n")).toBe("ubuntu");
    expect(linuxFamily("ID=linuxmint\nID_LIKE=\"ubuntu debian\"\n")).toBe("ubuntu");
    expect(linuxFamily('ID="fedora"\n')).toBe("fedora");
    expect(linuxFamily("ID=arch\n")).toBe("");
  });
});

describe("npm test's first step decides", () => {
  const debianRoot = { platform: "linux", family: "debian", isRoot: true };

  test("nothing to do when both are there", () => {
    expect(decide({ missing: [], context: debianRoot, hasAptGet: true, hasSnap: false })).toEqual({ action: "none" });
  });

  test("as root on Debian: install the missing packages with apt-get", () => {
    expect(decide({ missing: ["soffice", "chromium"], context: debianRoot, hasAptGet: true, hasSnap: false })).toEqual({
      action: "install",
      packages: ["chromium", "libreoffice-calc-nogui", "fonts-crosextra-carlito", "poppler-utils", "fonts-dejavu-core"],
      snap: [],
    });
  });

  test("as root on Ubuntu: LibreOffice with apt-get, the browser as a snap, or stop without snapd", () => {
    const ubuntuRoot = { platform: "linux", family: "ubuntu", isRoot: true };
    expect(decide({ missing: ["soffice", "chromium"], context: ubuntuRoot, hasAptGet: true, hasSnap: true })).toEqual({
      action: "install",
      packages: ["libreoffice-calc-nogui", "fonts-crosextra-carlito", "poppler-utils", "fonts-dejavu-core"],
      snap: ["chromium"],
    });
    const stop = decide({ missing: ["chromium"], context: ubuntuRoot, hasAptGet: true, hasSnap: false });
    expect(stop).toEqual({ action: "stop", sentence: expect.stringContaining("`snap install chromium`") });
  });

  test("without root, on macOS and Windows: stop with the one sentence, install nothing", () => {
    const user = decide({ missing: ["soffice"], context: { ...debianRoot, isRoot: false }, hasAptGet: true, hasSnap: false });
    expect(user).toEqual({ action: "stop", sentence: expect.stringContaining("`sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui fonts-crosextra-carlito poppler-utils fonts-dejavu-core`") });
    const mac = decide({ missing: ["chromium"], context: { platform: "darwin" }, hasAptGet: false, hasSnap: false });
    expect(mac).toEqual({ action: "stop", sentence: expect.stringContaining("`brew install --cask google-chrome`") });
    const windows = decide({ missing: ["soffice"], context: { platform: "win32" }, hasAptGet: false, hasSnap: false });
    expect(windows).toEqual({ action: "stop", sentence: expect.stringContaining("winget install -e --id TheDocumentFoundation.LibreOffice") });
  });

  test("an override pointing at nothing stops rather than installing something else", () => {
    const plan = decide({ missing: ["soffice"], context: debianRoot, hasAptGet: true, hasSnap: false, overrides: ["SOFFICE_PATH=/gone"] });
    expect(plan).toEqual({ action: "stop", sentence: expect.stringContaining("SOFFICE_PATH=/gone points to no file") });
  });
});

describe("npm test's first step, end to end on an injected machine", () => {
  /** A Debian machine whose apt-get "installs" by adding the package's program. */
  function debian(files: string[], { isRoot = true, aptWorks = true } = {}) {
    const installed = [...files];
    const commands: string[] = [];
    const sentences: string[] = [];
    const programs: Record<string, string> = { chromium: "/usr/bin/chromium", "libreoffice-calc-nogui": "/usr/bin/soffice" };
    const deps = {
      system: { ...machine("linux", [], { PATH: "/usr/bin" }), isFile: (file: string) => installed.includes(file) },
      context: { platform: "linux", family: "debian", isRoot },
      hasProgram: (program: string) => program === "apt-get",
      run: (command: string, args: string[]) => {
        commands.push([command, ...args].join(" "));
        if (aptWorks && args[0] === "install") for (const p of args) if (programs[p]) installed.push(programs[p] as string);
        return aptWorks;
      },
      report: (sentence: string) => sentences.push(sentence),
    };
    return { deps, commands, sentences };
  }

  test("both present: nothing is run", () => {
    const { deps, commands } = debian(["/usr/bin/soffice", "/usr/bin/chromium"]);
    expect(ensureTestTools(deps)).toBe(0);
    expect(commands).toEqual([]);
  });

  test("root, both missing: apt-get update, then one non-interactive install, then found", () => {
    const { deps, commands, sentences } = debian([]);
    expect(ensureTestTools(deps)).toBe(0);
    expect(commands).toEqual(["apt-get update -q", "apt-get install -y -q --no-install-recommends chromium libreoffice-calc-nogui fonts-crosextra-carlito poppler-utils fonts-dejavu-core"]);
    expect(sentences).toEqual([]);
  });

  test("the install fails: exit 1 with the one sentence", () => {
    const { deps, sentences } = debian(["/usr/bin/chromium"], { aptWorks: false });
    expect(ensureTestTools(deps)).toBe(1);
    expect(sentences).toEqual([expect.stringMatching(/^The tests need LibreOffice, which was not found: install it with `apt-get install/)]);
  });

  test("not root: nothing is run, exit 1 with the sudo command", () => {
    const { deps, commands, sentences } = debian([], { isRoot: false });
    expect(ensureTestTools(deps)).toBe(1);
    expect(commands).toEqual([]);
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toContain("`sudo apt-get install -y --no-install-recommends chromium libreoffice-calc-nogui fonts-crosextra-carlito poppler-utils fonts-dejavu-core`");
  });
});
