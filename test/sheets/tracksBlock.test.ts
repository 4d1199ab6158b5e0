import { projectTracks, ProjectTracksResult } from "../../src/engine";
import { Panel } from "../../src/sheets/panel";
import { Block, isFormula, isText } from "../../src/sheets/spec";
import { tracksPanel, tracksTable, TRACKS_TABLE_NAME } from "../../src/sheets/tracksBlock";

function projection(weeks: number): ProjectTracksResult {
  // Track 4 is too far back to be decided within a short horizon: its waits run past it.
  const result = projectTracks({ openingByTrack: [20, 60, 1300], intake: 25, shares: [0.19, 0.2], capacity: 27.5, weeks });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A panel in columns K–O of a sheet whose columns are all 12 wide. */
function panelAt(row: number): Panel {
  const widths = Object.fromEntries("ABCDEFGHIJKLMNOP".split("").map((l) => [l, 12]));
  return new Panel({ column: 10, columns: 5, widths }, row);
}

const texts = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => b.cells.flat()).flatMap((c) => (c !== null && typeof c === "object" && isText(c) ? [c.text] : []));

describe("the tracks' weekly table", () => {
  const result = projection(10);
  const { table, ranges } = tracksTable(result, "B3", TRACKS_TABLE_NAME, "nl");

  test("a table at the given cell: week, backlog per track and their total, decisions and wait per track", () => {
    expect(table.at).toBe("B3");
    expect(table.name).toBe(TRACKS_TABLE_NAME);
    expect(table.columns.map((c) => c.header)).toEqual([
      "Week",
      "Voorraad triage (Ter Apel)",
      "Voorraad spoor 2 (veilige landen)",
      "Voorraad spoor 4",
      "Voorraad totaal",
      "Afdoeningen triage (Ter Apel)",
      "Afdoeningen spoor 2 (veilige landen)",
      "Afdoeningen spoor 4",
      "Wachttijd (weken) triage (Ter Apel)",
      "Wachttijd (weken) spoor 2 (veilige landen)",
      "Wachttijd (weken) spoor 4",
    ]);
    expect(ranges).toEqual({ week: "B4:B13", backlog: { fast: "C4:C13", safe: "D4:D13", regular: "E4:E13" } });
  });

  test("rows carry the engine's values; the total is the three backlogs; a wait past the horizon says so", () => {
    expect(table.rows).toHaveLength(10);
    table.rows.forEach((row, t) => {
      expect(row).toHaveLength(11);
      expect(row[0]).toBe(t + 1);
      expect(row[1]).toBe(result.tracks.fast[t]?.backlog);
      expect(row[2]).toBe(result.tracks.safe[t]?.backlog);
      expect(row[3]).toBe(result.tracks.regular[t]?.backlog);
      expect(row[4]).toBe(result.totalBacklog[t]);
      expect(Math.abs((row[4] as number) - (row[1] as number) - (row[2] as number) - (row[3] as number))).toBeLessThan(1e-9);
      expect(row[7]).toBe(result.tracks.regular[t]?.decisions);
      expect(row[9]).toBe(result.tracks.safe[t]?.waitWeeks);
      // Track 4's application of week t waits longer than the 10 − t weeks left: "> 9 weken" in week 1,
      // and in the last week it is decided after the horizon.
      expect(row[10]).toEqual({ text: t < 9 ? `> ${10 - t - 1} weken` : "na de horizon" });
    });
    expect(typeof table.rows[0]?.[8]).toBe("number");
    // Values only: no formulas in the fixed figures.
    expect(table.rows.flat().some((c) => c !== null && typeof c === "object" && isFormula(c))).toBe(false);
  });

  test("English headers and a chosen table name", () => {
    const english = tracksTable(projection(3), "AA100", "Tracks_2024", "en");
    expect(english.table.name).toBe("Tracks_2024");
    expect(english.table.columns[2]?.header).toBe("Backlog track 2 (safe countries)");
    expect(english.table.columns[4]?.header).toBe("Backlog total");
    expect(english.ranges.week).toBe("AA101:AA103");
    expect(english.table.rows[0]?.[10]).toEqual({ text: "> 2 weeks" });
    expect(english.table.rows[2]?.[10]).toEqual({ text: "after the horizon" });
  });
});

describe("the tracks' panel", () => {
  const result = projection(10);
  const table = tracksTable(result, "AE4", TRACKS_TABLE_NAME, "nl");

  test("the tracks at the horizon side by side with their total, and why the total differs from the projection", () => {
    const panel = panelAt(20);
    tracksPanel(panel, result, table, { language: "nl", projectionClosing: 1140, sample: false, chartRows: 12 });
    const grid = panel.blocks.find((b) => b.style === "header");
    expect(grid?.at).toBe("K21");
    expect(grid?.cells[0]?.map((c) => (c as { text: string }).text)).toEqual([
      "Spoor",
      "Aandeel instroom",
      "Voorraad einde",
      "Afdoeningen per week",
      "Wachttijd (weken)",
    ]);
    const figures = panel.blocks.find((b) => b.at === "L22");
    expect(figures?.cells).toHaveLength(4);
    expect(figures?.cells[0]?.[1]).toBe(result.closingBacklog.fast);
    expect(figures?.cells[3]?.[0]).toBe(1);
    expect(figures?.cells[3]?.[1]).toBe(result.closingBacklog.total);
    const words = texts(panel.blocks).join(" ");
    expect(words).toContain("Totaal");
    expect(words).toMatch(/Waarom [\d.,]+ en niet 1140, de voorraad van de prognose\? De sporen tellen triage mee/);
    expect(words).not.toMatch(/voorbeeld/);
    expect(panel.charts[0]?.title).toBe("Voorraad per behandelspoor");
  });

  test("a stacked area chart of the three backlogs over the panel's width", () => {
    const panel = panelAt(0);
    tracksPanel(panel, result, table, { language: "nl", projectionClosing: 1140, sample: false, chartRows: 12 });
    const chart = panel.charts[0];
    expect(chart?.kind).toBe("areaStacked");
    expect(chart?.categories).toBe("AE5:AE14");
    expect(chart?.series.map((s) => s.values)).toEqual(["AF5:AF14", "AG5:AG14", "AH5:AH14"]);
    expect(chart?.series.map((s) => s.name)).toEqual(["triage (Ter Apel)", "spoor 2 (veilige landen)", "spoor 4"]);
    expect(chart?.widthColumns).toBe(5);
    expect(chart?.heightRows).toBe(12);
  });

  test("the sample's example share is flagged in a note and in the chart's title", () => {
    const panel = panelAt(0);
    tracksPanel(panel, result, table, { language: "nl", projectionClosing: 1140, sample: true, chartRows: 12 });
    expect(texts(panel.blocks).join(" ")).toContain("Het aandeel spoor 2 (20%) is een voorbeeldwaarde uit de voorbeeldwerkmap, niet uit de nota");
    expect(panel.charts[0]?.title).toBe("Voorraad per behandelspoor (aandeel spoor 2: voorbeeld)");
    const english = panelAt(0);
    tracksPanel(english, result, table, { language: "en", projectionClosing: 1140, sample: true, chartRows: 12 });
    expect(english.charts[0]?.title).toBe("Backlog by processing track (track 2's share: an example)");
  });
});
