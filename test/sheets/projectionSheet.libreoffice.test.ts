/**
 * The live Prognose, recalculated by LibreOffice: the sample's `npm run plan` output with Invoer
 * edited afterwards, as a planner would (an intake figure raised, one left blank, a capacity
 * figure and the opening backlog changed). Without the add-in, every weekly figure and key
 * figure follows and equals the engine's on the edited inputs, to 1e-9; the fixed parts
 * (Monte Carlo, tracks) stay and their cells turn into a warning.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { decidedLeadTime, projectBacklog, requiredCapacityCore, targetWeek, weeksToClearCore } from "../../src/engine";
import { isoWeekLabel } from "../../src/sheets/dates";
import { excelDateSerial } from "../../src/sheets/spec";
import { convert, csvCell, CSV_ALL_SHEETS, findSoffice, readSheetCsv } from "../helpers/libreoffice";
import { readPackage } from "../helpers/xlsxPackage";
import { runCli } from "../cli/planHelpers";

const JAN_1 = excelDateSerial(2024, 1, 1);

/** The sample's Invoer: opening B3, intake C10:C61, capacity D10:D61. */
const SAMPLE = { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52 };
/** The sample's Doelvoorraad (issue 23). */
const TARGET = 1100;
/** The edits: week 11's intake 40, week 16's left blank, week 21's capacity 40, the opening 1500. */
const EDITS: [string, number | null][] = [
  ["C20", 40],
  ["C25", null],
  ["D30", 40],
  ["B3", 1500],
];

let dir: string;
let csv: string;
const files = { plain: "", sections: "", plainEdited: "", sectionsEdited: "" };

/** A copy of `source` with Invoer's cells set (a number) or emptied (null). */
async function edited(source: string, target: string): Promise<void> {
  const pkg = await readPackage(fs.readFileSync(source));
  const sheet = pkg.sheet("Invoer");
  let xml = sheet.xml;
  for (const [address, value] of EDITS) {
    const cell = new RegExp(`<c r="${address}"([^>]*)>(?:<v>[^<]*</v>)</c>`);
    if (!cell.test(xml)) throw new Error(`no value cell ${address} on Invoer`);
    xml = xml.replace(cell, value === null ? `<c r="${address}"$1/>` : `<c r="${address}"$1><v>${value}</v></c>`);
  }
  pkg.zip.file(sheet.path, xml);
  fs.writeFileSync(target, await pkg.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

beforeAll(async () => {
  findSoffice();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prognose-lo-"));
  for (const [name, flags] of [
    ["plain", []],
    ["sections", ["--uncertainty", "--tracks"]],
  ] as const) {
    const out = path.join(dir, `${name}.xlsx`);
    const run = await runCli(dir, [...flags, "--out", out]);
    if (run.code !== 0) throw new Error(run.stderr.join("\n"));
    files[name] = out;
  }
  files.plainEdited = path.join(dir, "plain-edited.xlsx");
  files.sectionsEdited = path.join(dir, "sections-edited.xlsx");
  await edited(files.plain, files.plainEdited);
  await edited(files.sections, files.sectionsEdited);
  csv = await convert(Object.values(files), CSV_ALL_SHEETS, path.join(dir, "csv"));
}, 240_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The engine on the inputs as Invoer holds them. */
function engineOn(edits: boolean) {
  const intake = new Array<number>(SAMPLE.weeks).fill(SAMPLE.intake);
  const capacity = new Array<number>(SAMPLE.weeks).fill(SAMPLE.capacity);
  let opening = SAMPLE.opening;
  if (edits) {
    intake[10] = 40;
    intake[15] = 0; // a blank cell counts as 0, in Excel, LibreOffice and the add-in's reading
    capacity[20] = 40;
    opening = 1500;
  }
  const projection = projectBacklog({ opening, intake, capacity });
  if (!projection.ok) throw new Error(projection.error.message);
  const lead = decidedLeadTime({ opening, intake, capacity });
  if (!lead.ok) throw new Error(lead.error.message);
  return { opening, intake, capacity, projection: projection.value, lead: lead.value };
}

const near = (rows: string[][], address: string, want: number, what: string): void => {
  const got = Number(csvCell(rows, address));
  if (!(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) {
    throw new Error(`${what} (${address}): LibreOffice ${csvCell(rows, address)}, engine ${want}`);
  }
};

function checkPrognose(file: string, edits: boolean): void {
  const rows = readSheetCsv(csv, file, "Prognose");
  const e = engineOn(edits);
  e.projection.rows.forEach((row, t) => {
    const r = 5 + t;
    expect(csvCell(rows, `C${r}`)).toBe(isoWeekLabel(JAN_1 + 7 * t));
    near(rows, `D${r}`, row.intake, `intake week ${t + 1}`);
    near(rows, `E${r}`, row.capacity, `capacity week ${t + 1}`);
    near(rows, `F${r}`, row.decisions, `decisions week ${t + 1}`);
    near(rows, `G${r}`, row.backlog, `backlog week ${t + 1}`);
    if (row.leadTimeWeeks === null) expect(csvCell(rows, `H${r}`)).toBe("");
    else near(rows, `H${r}`, row.leadTimeWeeks, `wait week ${t + 1}`);
    const decided = e.lead.weekly[t];
    if (decided === null || decided === undefined) expect(csvCell(rows, `I${r}`)).toBe("");
    else near(rows, `I${r}`, decided, `lead time week ${t + 1}`);
  });
  const meanIntake = e.intake.reduce((a, b) => a + b, 0) / SAMPLE.weeks;
  const meanCapacity = e.capacity.reduce((a, b) => a + b, 0) / SAMPLE.weeks;
  near(rows, "L6", e.opening, "opening");
  near(rows, "L7", meanIntake, "mean intake");
  near(rows, "L8", meanCapacity, "mean capacity");
  near(rows, "L11", e.projection.closingBacklog, "backlog at the horizon");
  near(rows, "L12", weeksToClearCore(e.opening, meanIntake, meanCapacity), "weeks to clear");
  near(rows, "L14", e.lead.mean as number, "lead time of decided cases");
  near(rows, "M14", (e.lead.mean as number) * 7, "the same in days");
  // The sample's Doelvoorraad: 1100 (issue 23).
  near(rows, "L16", requiredCapacityCore(e.opening, meanIntake, TARGET, SAMPLE.weeks), "capacity for the target");
  // The target week: in the table, else past it at the mean intake and capacity ("bij constante gemiddelden").
  const reached = targetWeek({
    opening: e.opening,
    intake: e.projection.rows.map((row) => row.intake),
    capacity: e.projection.rows.map((row) => row.capacity),
    target: TARGET,
  });
  if (!reached.ok || reached.value.week === null) throw new Error("the sample reaches its target");
  near(rows, "L17", reached.value.week, "target week");
  expect(csvCell(rows, "M17")).toBe(
    `${isoWeekLabel(JAN_1 + 7 * (reached.value.week - 1))}${reached.value.continued ? ", bij constante gemiddelden" : ""}`,
  );
}

test("as written, Prognose's formulas compute the engine's projection of the sample", () => {
  checkPrognose(files.plain, false);
});

test("Invoer edited after the run: Prognose follows, without the add-in, to the engine's figures on the edited inputs", () => {
  checkPrognose(files.plainEdited, true);
  // The edits reached it: the backlog at the horizon moved.
  const before = Number(csvCell(readSheetCsv(csv, files.plain, "Prognose"), "L11"));
  const after = Number(csvCell(readSheetCsv(csv, files.plainEdited, "Prognose"), "L11"));
  expect(after).not.toBeCloseTo(before, 3);
});

test("the fixed parts stay as computed and say so: their check cells turn into a warning once Invoer changed", () => {
  const warnings = (file: string): string[] =>
    readSheetCsv(csv, file, "Prognose")
      .flat()
      .filter((v) => /^(Invoer ongewijzigd|LET OP)/.test(v));
  expect(warnings(files.sections)).toEqual(new Array(2).fill("Invoer ongewijzigd sinds de berekening op 2024-01-15."));
  expect(warnings(files.sectionsEdited)).toEqual(new Array(2).fill("LET OP: invoer gewijzigd na 2024-01-15; maak een nieuwe prognose."));
  // The live part follows in the same file.
  checkPrognose(files.sectionsEdited, true);
});
