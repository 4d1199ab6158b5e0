/** `npm run bench` gathers the rows every bench returns into one table (bench/bench.ts). */
import { formatFigureTable, rowsOf } from "../../bench/bench";

test("rows a bench returns are kept with its name; a bench that returns nothing gives none", () => {
  expect(rowsOf("functions", [{ what: "PROJECT_BACKLOG", measured: "0.1 ms", goal: "< 1 ms" }, { what: "core", measured: "2 µs" }])).toEqual([
    { bench: "functions", what: "PROJECT_BACKLOG", measured: "0.1 ms", goal: "< 1 ms" },
    { bench: "functions", what: "core", measured: "2 µs" },
  ]);
  expect(rowsOf("old", undefined)).toEqual([]);
  expect(rowsOf("odd", [42, null, { measured: "no what" }])).toEqual([]);
});

test("one Markdown table, pipes in a cell escaped, an empty goal left blank", () => {
  const table = formatFigureTable([
    { bench: "plan", what: "`npm run plan`, sample", measured: "1.8 s / 36 KiB" },
    { bench: "taskpane", what: "a | b", measured: "3", goal: "≤ 3" },
  ]);
  expect(table.split("\n")).toEqual([
    "| bench | what | measured | goal |",
    "| --- | --- | --- | --- |",
    "| plan | `npm run plan`, sample | 1.8 s / 36 KiB |  |",
    "| taskpane | a \\| b | 3 | ≤ 3 |",
  ]);
});
