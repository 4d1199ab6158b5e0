import { GivenSettings, settingsToSections } from "../../src/plan/settings";
import { describeSettingProblem } from "../../src/cli/cliMessages";

const flag = (name: string, value: unknown = true) => ({ value, source: { flag: name } });
const named = (name: string, value: unknown) => ({ value, source: { name } });

describe("settingsToSections", () => {
  test("nothing given: no sections, no target", () => {
    expect(settingsToSections({}, {})).toEqual({ ok: true, sections: {}, sources: {} });
  });

  test("the switches with the defaults the pane uses for empty fields", () => {
    const result = settingsToSections(
      { uncertainty: flag("--uncertainty"), tracks: flag("--tracks"), safeShare: flag("--safe-share", "20%") },
      {},
    );
    expect(result).toMatchObject({
      ok: true,
      sections: {
        uncertainty: { model: "poisson", runs: 10_000, seed: 2024, capacitySpread: 0 },
        tracks: { fastShare: 190 / 1390, safeShare: 0.2, fastLeadTimeDays: 88 },
      },
    });
  });

  test("the triaged part of the opening backlog: a flag or a name, blank is absent (0)", () => {
    const flags: GivenSettings = { triagedOpening: { value: "10%", source: { flag: "--triaged-opening" } } };
    const names: GivenSettings = { safeShare: named("AandeelSpoor2", 0.2) };
    expect(settingsToSections(flags, names)).toMatchObject({ ok: true, sections: { tracks: { triagedOpeningShare: 0.1 } } });
    const byName = settingsToSections({ tracks: { value: true, source: { flag: "--tracks" } } }, {
      ...names,
      triagedOpening: named("GetrieerdDeelBeginvoorraad", 0.25),
    });
    expect(byName).toMatchObject({ ok: true, sections: { tracks: { triagedOpeningShare: 0.25 } } });
    const plain = settingsToSections({ tracks: { value: true, source: { flag: "--tracks" } } }, names);
    expect(plain.ok && plain.sections.tracks?.triagedOpeningShare).toBeUndefined();
    const wrong = settingsToSections({ ...flags, triagedOpening: { value: "1,5", source: { flag: "--triaged-opening" } } }, names);
    if (wrong.ok) throw new Error("expected a problem");
    expect(describeSettingProblem(wrong.problem, "nl")).toBe(
      "--triaged-opening moet een aandeel van 0 tot 1 zijn (of 0% tot 100%), niet '1,5'.",
    );
  });

  test("the intake level spread: a flag switches the uncertainty on; a name is read as typed", () => {
    const flag = settingsToSections({ intakeLevelSpread: { value: "10%", source: { flag: "--intake-level-spread" } } }, {});
    expect(flag).toMatchObject({ ok: true, sections: { uncertainty: { intakeLevelSpread: 0.1 } } });
    const name = settingsToSections(
      { uncertainty: { value: true, source: { flag: "--uncertainty" } } },
      { intakeLevelSpread: named("SpreidingInstroomniveau", 0.05) },
    );
    expect(name).toMatchObject({ ok: true, sections: { uncertainty: { intakeLevelSpread: 0.05 } } });
    const wrong = settingsToSections({ intakeLevelSpread: { value: "150%", source: { flag: "--intake-level-spread" } } }, {});
    if (wrong.ok) throw new Error("expected a problem");
    expect(describeSettingProblem(wrong.problem, "en")).toBe(
      "--intake-level-spread must be a share from 0 to 1 (or 0% to 100%), not '150%'.",
    );
  });

  test("a flag overrides the workbook's name; a name's cell value is read as typed", () => {
    const names: GivenSettings = {
      uncertainty: named("Onzekerheid", true),
      runs: named("Simulaties", 5000),
      seed: named("Startgetal", 11),
      target: named("Doelvoorraad", 400),
    };
    const result = settingsToSections({ seed: flag("--seed", "12") }, names);
    expect(result).toMatchObject({ ok: true, sections: { uncertainty: { runs: 5000, seed: 12 } }, target: 400 });
    if (result.ok) expect(result.sources.seed).toEqual({ flag: "--seed" });
  });

  test("a value flag switches its section on; a value name waits for its switch", () => {
    expect(settingsToSections({ runs: flag("--runs", "500") }, {})).toMatchObject({
      ok: true,
      sections: { uncertainty: { runs: 500 } },
    });
    expect(settingsToSections({}, { runs: named("Runs", 500), safeShare: named("SafeShare", 0.2) })).toMatchObject({
      ok: true,
      sections: {},
    });
    // A name switched off stays off, even with its settings present.
    expect(settingsToSections({}, { tracks: named("Sporen", "ONWAAR"), safeShare: named("AandeelSpoor2", 0.2) })).toMatchObject({
      ok: true,
      sections: {},
    });
  });

  test("a wrong value names the flag or the name it came from", () => {
    const fromName = settingsToSections({ uncertainty: flag("--uncertainty") }, { runs: named("Simulaties", 12.5) });
    expect(fromName).toMatchObject({ ok: false, problem: { kind: "option", source: { name: "Simulaties" } } });
    if (!fromName.ok) expect(describeSettingProblem(fromName.problem, "nl")).toBe("De naam Simulaties: '12.5' is geen geheel getal.");

    const fromFlag = settingsToSections({ fastShare: flag("--fast-share", "120%") }, {});
    if (fromFlag.ok) throw new Error("accepted");
    expect(describeSettingProblem(fromFlag.problem, "en")).toBe(
      "--fast-share must be a share from 0 to 1 (or 0% to 100%), not '120%'.",
    );

    const badSwitch = settingsToSections({}, { tracks: named("Sporen", "misschien") });
    if (badSwitch.ok) throw new Error("accepted");
    expect(describeSettingProblem(badSwitch.problem, "nl")).toBe(
      "De naam Sporen moet WAAR of ONWAAR (of 1 of 0) zijn, niet 'misschien'.",
    );

    const badTarget = settingsToSections({ target: flag("--target", "-5") }, {});
    if (badTarget.ok) throw new Error("accepted");
    expect(describeSettingProblem(badTarget.problem, "en")).toBe("--target must be a number of cases, 0 or more, not '-5'.");
  });

  test("tracks without track 2's share: one sentence naming the flag and both names", () => {
    const result = settingsToSections({ tracks: flag("--tracks") }, {});
    if (result.ok) throw new Error("accepted");
    expect(describeSettingProblem(result.problem, "en")).toBe(
      "The tracks need track 2's (safe countries) share: give --safe-share (or the name SafeShare or AandeelSpoor2), for example 0.2 or 20%.",
    );
  });

  test("the intake history's periods: a flag or a name, over any section, flag first; a bad one named", () => {
    expect(settingsToSections({}, { historyPeriods: named("InstroomHistoriePerioden", 12) })).toMatchObject({
      ok: true,
      sections: { forecast: { periodsPerYear: 12 } },
    });
    const both = settingsToSections({ historyPeriods: flag("--history-periods", "week") }, { historyPeriods: named("InstroomHistoriePerioden", "maand") });
    expect(both.ok && both.sections).toEqual({ forecast: { periodsPerYear: 52 } });
    // No section is switched on by it.
    expect(both.ok && both.sections.uncertainty).toBeUndefined();
    const bad = settingsToSections({}, { historyPeriods: named("IntakeHistoryPeriods", 4) });
    if (bad.ok) throw new Error("expected a problem");
    expect(describeSettingProblem(bad.problem, "en")).toBe("The name IntakeHistoryPeriods must be 52 (weekly figures) or 12 (monthly figures), not '4'.");
    expect(describeSettingProblem(bad.problem, "nl")).toBe("De naam IntakeHistoryPeriods moet 52 (weekcijfers) of 12 (maandcijfers) zijn, niet '4'.");
  });
});
