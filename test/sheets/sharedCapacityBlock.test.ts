import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { crowdingOut, projectBacklog } from "../../src/engine";
import { buildSharedCapacityBlock, SharedCapacityBlock, SharedCapacityValues } from "../../src/sheets/sharedCapacityBlock";
import { Block, Cell, columnLetter, isFormula, isText, parseCell } from "../../src/sheets/spec";
import { rawContent } from "../helpers/specCells";

const WHAT_IF = { opening: "B4", intake: "B5", capacity: "b6" };

/** The cell a block holds at an A1 address, or undefined. */
function cellAt(blocks: Block[], address: string): Cell | undefined {
  const target = parseCell(address.split("$").join(""));
  for (const block of blocks) {
    const at = parseCell(block.at);
    const row = block.cells[target.row - at.row];
    const cell = row?.[target.column - at.column];
    if (cell !== undefined) return cell;
  }
  return undefined;
}

const formulaAt = (blocks: Block[], address: string): string => {
  const cell = cellAt(blocks, address);
  if (cell === undefined || cell === null || typeof cell !== "object" || !isFormula(cell)) {
    throw new Error(`no formula at ${address}`);
  }
  return cell.formula;
};

describe("cell references", () => {
  const block = buildSharedCapacityBlock({ at: "A40", inputs: WHAT_IF, rows: 104 });

  test("own inputs sit under the title and note, labelled, styled as input", () => {
    expect(block.inputs).toEqual({
      otherBacklog: "$B$42",
      otherIntake: "$B$43",
      otherCapacity: "$B$44",
      movedCapacity: "$B$45",
      weeks: "$B$46",
      decisionsPerFte: "$B$47",
    });
    const inputBlock = block.blocks.find((b) => b.at === "B42");
    expect(inputBlock?.style).toBe("input");
    expect(inputBlock?.cells.map((r) => r[0])).toEqual([5000, 100, 100, 5, 52, 1.5]);
    const label = cellAt(block.blocks, "A42");
    expect(label !== null && typeof label === "object" && isText(label) && label.text).toBe("Ander werk: voorraad bij start");
  });

  test("the first week starts from the what-if sheet's inputs and the block's own", () => {
    expect(block.columns.week).toBe("$A$58:$A$161");
    expect(formulaAt(block.blocks, "B58")).toBe("=MAX(0,$B$4+$B$5-$B$6)");
    expect(formulaAt(block.blocks, "C58")).toBe("=MAX(0,$B$4+$B$5-($B$6+$B$45))");
    expect(formulaAt(block.blocks, "D58")).toBe("=MAX(0,$B$42+$B$43-$B$44)");
    expect(formulaAt(block.blocks, "E58")).toBe("=MAX(0,$B$42+$B$43-MAX(0,$B$44-$B$45))");
    expect(formulaAt(block.blocks, "F58")).toBe("=MIN($B$44,$B$42+$B$43)-MIN(MAX(0,$B$44-$B$45),$B$42+$B$43)");
    expect(formulaAt(block.blocks, "G58")).toBe("=MAX(0,F58/$B$47)");
  });

  test("later weeks build on the row above", () => {
    expect(formulaAt(block.blocks, "B59")).toBe("=MAX(0,B58+$B$5-$B$6)");
    expect(formulaAt(block.blocks, "E161")).toBe("=MAX(0,E160+$B$43-MAX(0,$B$44-$B$45))");
    expect(formulaAt(block.blocks, "F59")).toBe("=MIN($B$44,D58+$B$43)-MIN(MAX(0,$B$44-$B$45),E58+$B$43)");
    expect(formulaAt(block.blocks, "G59")).toBe("=MAX(G58,F59/$B$47)");
    expect(cellAt(block.blocks, "A161")).toBe(104);
    expect(cellAt(block.blocks, "A162")).toBeUndefined();
  });

  test("the summary reads the chosen week", () => {
    expect(formulaAt(block.blocks, block.outputs.otherWith)).toBe("=INDEX($E$58:$E$161,$B$46)");
    expect(formulaAt(block.blocks, block.outputs.lostDecisions)).toBe(
      "=INDEX($E$58:$E$161,$B$46)-INDEX($D$58:$D$161,$B$46)",
    );
    expect(formulaAt(block.blocks, block.outputs.sharedFte)).toBe("=($B$6+$B$44)/$B$47");
  });

  test("native formulas only: no custom functions, only MIN, MAX and INDEX", () => {
    const formulas = block.blocks.flatMap((b) => b.cells.flat()).filter((c): c is { formula: string } =>
      c !== null && typeof c === "object" && isFormula(c),
    );
    expect(formulas.length).toBe(104 * 6 + 8);
    const names = new Set(formulas.flatMap((f) => f.formula.match(/[A-Z.]+(?=\()/g) ?? []));
    expect([...names].sort()).toEqual(["INDEX", "MAX", "MIN"]);
  });

  test("a line chart of the four backlogs beside the weekly rows", () => {
    const chart = block.chart;
    expect(chart?.kind).toBe("line");
    expect(chart?.categories).toBe("A58:A161");
    expect(chart?.series.map((s) => s.values)).toEqual(["B58:B161", "C58:C161", "D58:D161", "E58:E161"]);
    expect(chart?.at).toBe("I57");
    expect(block.range).toBe("A40:G161");
    expect(block.bottomRow).toBe(161);
  });

  test("every block is rectangular and none overlap", () => {
    const taken = new Set<string>();
    for (const b of block.blocks) {
      const width = b.cells[0]?.length ?? 0;
      expect(b.cells.every((r) => r.length === width)).toBe(true);
      const at = parseCell(b.at);
      b.cells.forEach((r, i) =>
        r.forEach((_, j) => {
          const key = `${at.row + i}:${at.column + j}`;
          expect(taken.has(key)).toBe(false);
          taken.add(key);
        }),
      );
    }
  });

  test("English labels", () => {
    const english = buildSharedCapacityBlock({ at: "C1", inputs: WHAT_IF, language: "en", rows: 10 });
    const title = cellAt(english.blocks, "C1");
    expect(title !== null && typeof title === "object" && isText(title) && title.text).toMatch(/^Shared capacity/);
    expect(english.chart.title).toMatch(/^Crowding-out/);
  });
});

/** Lays the block and the what-if inputs out on one HyperFormula sheet and evaluates it. */
function evaluate(block: SharedCapacityBlock, whatIf: { opening: number; intake: number; capacity: number }) {
  const grid: Array<Array<string | number | boolean | null>> = [];
  const put = (row: number, column: number, value: string | number | boolean | null) => {
    while (grid.length <= row) grid.push([]);
    (grid[row] as Array<string | number | boolean | null>)[column] = value;
  };
  put(3, 1, whatIf.opening);
  put(4, 1, whatIf.intake);
  put(5, 1, whatIf.capacity);
  for (const b of block.blocks) {
    const at = parseCell(b.at);
    b.cells.forEach((r, i) =>
      r.forEach((cell, j) => {
        const v = rawContent(cell);
        put(at.row + i, at.column + j, v);
      }),
    );
  }
  const width = Math.max(...grid.map((r) => r.length));
  const rect = grid.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? null));
  // Excel keeps full doubles; HyperFormula's default smart rounding trims results to 14 digits.
  const hf = HyperFormula.buildFromArray(rect, { licenseKey: "gpl-v3", smartRounding: false });
  const read = (address: string): number => {
    const { row, column } = parseCell(address.split("$").join(""));
    const v = hf.getCellValue({ sheet: 0, row, col: column });
    if (typeof v !== "number") throw new Error(`${address}: ${JSON.stringify(v)}`);
    return v;
  };
  const columnValues = (range: string): number[] => {
    const [from, to] = range.split("$").join("").split(":") as [string, string];
    const a = parseCell(from);
    const b = parseCell(to);
    const out: number[] = [];
    for (let r = a.row; r <= b.row; r++) out.push(read(`${columnLetter(a.column)}${r + 1}`));
    return out;
  };
  return { read, columnValues, destroy: () => hf.destroy() };
}

/** Compares the evaluated sheet with the engine, week by week, to within 1e-9. */
function compareWithEngine(values: SharedCapacityValues, whatIf: { opening: number; intake: number; capacity: number }, rows: number) {
  const block = buildSharedCapacityBlock({ at: "A10", inputs: { opening: "B4", intake: "B5", capacity: "B6" }, values, rows });
  const sheet = evaluate(block, whatIf);
  try {
    const other = crowdingOut({
      opening: values.otherBacklog,
      intake: values.otherIntake,
      capacity: values.otherCapacity,
      moved: values.movedCapacity,
      weeks: rows,
      decisionsPerFteWeek: values.decisionsPerFte,
    });
    const without = projectBacklog({ opening: whatIf.opening, intake: whatIf.intake, capacity: whatIf.capacity, weeks: rows });
    const withMove = projectBacklog({
      opening: whatIf.opening,
      intake: whatIf.intake,
      capacity: whatIf.capacity + values.movedCapacity,
      weeks: rows,
    });
    if (!other.ok || !without.ok || !withMove.ok) throw new Error("engine rejected the inputs");
    const close = (sheetValue: number, engineValue: number) => expect(Math.abs(sheetValue - engineValue)).toBeLessThanOrEqual(1e-9);
    const c = block.columns;
    sheet.columnValues(c.subsequentWithout).forEach((v, t) => close(v, without.value.rows[t]?.backlog as number));
    sheet.columnValues(c.subsequentWith).forEach((v, t) => close(v, withMove.value.rows[t]?.backlog as number));
    sheet.columnValues(c.otherWithout).forEach((v, t) => close(v, other.value.rows[t]?.backlogWithout as number));
    sheet.columnValues(c.otherWith).forEach((v, t) => close(v, other.value.rows[t]?.backlogWith as number));
    sheet.columnValues(c.lostDecisions).forEach((v, t) => close(v, other.value.rows[t]?.lostDecisions as number));
    sheet.columnValues(c.extraFte).forEach((v, t) => close(v, other.value.rows[t]?.extraFteNeeded as number));
    const week = other.value.rows[values.weeks - 1];
    close(sheet.read(block.outputs.otherWithout), week?.backlogWithout as number);
    close(sheet.read(block.outputs.otherWith), week?.backlogWith as number);
    close(sheet.read(block.outputs.lostDecisions), week?.extraBacklog as number);
    close(sheet.read(block.outputs.extraFte), week?.extraFteNeeded as number);
    close(sheet.read(block.outputs.subsequentWith), withMove.value.rows[values.weeks - 1]?.backlog as number);
    close(sheet.read(block.outputs.sharedCapacity), whatIf.capacity + values.otherCapacity);
    close(sheet.read(block.outputs.sharedFte), (whatIf.capacity + values.otherCapacity) / values.decisionsPerFte);
  } finally {
    sheet.destroy();
  }
}

describe("the formulas, evaluated by HyperFormula, agree with the engine", () => {
  test("other work that first has slack, then falls behind once capacity moves", () => {
    // Without the move it clears its 30 cases and has room to spare; with it, 15 a week < 20 filed.
    compareWithEngine(
      { otherBacklog: 30, otherIntake: 20, otherCapacity: 25, movedCapacity: 10, weeks: 7, decisionsPerFte: 1.5 },
      { opening: 1440, intake: 25, capacity: 27.5 },
      12,
    );
  });

  test("the memo's 2024 plan next to busy other work", () => {
    compareWithEngine(
      { otherBacklog: 5000, otherIntake: 100, otherCapacity: 100, movedCapacity: 1600 / 52 - 27.5, weeks: 52, decisionsPerFte: 1.3 },
      { opening: 1440, intake: 25, capacity: 27.5 },
      52,
    );
  });

  test("random inputs", () => {
    const figure = fc.double({ min: 0, max: 300, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({
          otherBacklog: figure,
          otherIntake: figure,
          otherCapacity: figure,
          fraction: fc.double({ min: 0, max: 1, noNaN: true }),
          weeks: fc.integer({ min: 1, max: 8 }),
          decisionsPerFte: fc.double({ min: 0.1, max: 5, noNaN: true }),
          opening: figure,
          intake: figure,
          capacity: figure,
        }),
        (v) =>
          compareWithEngine(
            { ...v, movedCapacity: v.otherCapacity * v.fraction },
            { opening: v.opening, intake: v.intake, capacity: v.capacity },
            8,
          ),
      ),
      { numRuns: 25 },
    );
  });
});
