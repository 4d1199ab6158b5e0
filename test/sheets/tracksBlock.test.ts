import { projectTracks, ProjectTracksResult } from "../../src/engine";
import { isFormula, isText } from "../../src/sheets/spec";
import { buildTracksBlock, TRACKS_TABLE_NAME } from "../../src/sheets/tracksBlock";

function projection(weeks: number): ProjectTracksResult {
  // Track 4 is too far back to be decided within a short horizon: its waits are blank.
  const result = projectTracks({ openingByTrack: [20, 60, 1300], intake: 25, shares: [0.19, 0.2], capacity: 27.5, weeks });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("buildTracksBlock", () => {
  const result = projection(10);
  const block = buildTracksBlock(result, { at: "B3" });

  test("a table at the given cell: week, then backlog, decisions and wait per track", () => {
    expect(block.table.at).toBe("B3");
    expect(block.table.name).toBe(TRACKS_TABLE_NAME);
    expect(block.table.columns.map((c) => c.header)).toEqual([
      "Week",
      "Voorraad triage (Ter Apel)",
      "Voorraad spoor 2 (veilige landen)",
      "Voorraad spoor 4",
      "Afdoeningen triage (Ter Apel)",
      "Afdoeningen spoor 2 (veilige landen)",
      "Afdoeningen spoor 4",
      "Wachttijd (weken) triage (Ter Apel)",
      "Wachttijd (weken) spoor 2 (veilige landen)",
      "Wachttijd (weken) spoor 4",
    ]);
    expect(block.range).toBe("B3:K13");
    expect(block.bottomRow).toBe(2 + 18);
  });

  test("rows carry the engine's values; a wait beyond the horizon is a blank cell", () => {
    expect(block.table.rows).toHaveLength(10);
    block.table.rows.forEach((row, t) => {
      expect(row).toHaveLength(10);
      expect(row[0]).toBe(t + 1);
      expect(row[1]).toBe(result.tracks.fast[t]?.backlog);
      expect(row[2]).toBe(result.tracks.safe[t]?.backlog);
      expect(row[3]).toBe(result.tracks.regular[t]?.backlog);
      expect(row[6]).toBe(result.tracks.regular[t]?.decisions);
      expect(row[8]).toBe(result.tracks.safe[t]?.waitWeeks);
      expect(row[9]).toBeNull();
    });
    expect(typeof block.table.rows[0]?.[7]).toBe("number");
    // Values only: the task pane writes results, not formulas or text.
    expect(block.table.rows.flat().some((c) => c !== null && typeof c === "object" && (isFormula(c) || isText(c)))).toBe(false);
  });

  test("a stacked area chart of the three backlogs, right of the table", () => {
    expect(block.chart.kind).toBe("areaStacked");
    expect(block.chart.categories).toBe("B4:B13");
    expect(block.chart.series.map((s) => s.values)).toEqual(["C4:C13", "D4:D13", "E4:E13"]);
    expect(block.chart.series.map((s) => s.name)).toEqual([
      "Voorraad triage (Ter Apel)",
      "Voorraad spoor 2 (veilige landen)",
      "Voorraad spoor 4",
    ]);
    expect(block.chart.at).toBe("M3");
  });

  test("English headers and a chosen table name", () => {
    const english = buildTracksBlock(projection(3), { at: "AA100", language: "en", tableName: "Tracks_2024" });
    expect(english.table.name).toBe("Tracks_2024");
    expect(english.table.columns[2]?.header).toBe("Backlog track 2 (safe countries)");
    expect(english.chart.title).toBe("Backlog by track");
    expect(english.chart.categories).toBe("AA101:AA103");
    expect(english.chart.at).toBe("AL100");
  });
});
