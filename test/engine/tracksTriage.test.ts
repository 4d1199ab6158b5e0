import { projectTracks } from "../../src/engine/tracks";

describe("projectTracks: 'getrieerd deel van de beginvoorraad' (issue 14)", () => {
  test("default 0: a one-number opening goes to tracks 2 and 4 in the ratio of their intake shares", () => {
    const result = projectTracks({ openingByTrack: 1440, intake: 25, shares: [190 / 1390, 0.2], capacity: 27.5, weeks: 4 });
    if (!result.ok) throw new Error(result.error.message);
    const { fast, safe, regular } = result.value.opening;
    expect(fast).toBe(0);
    expect(safe + regular).toBeCloseTo(1440, 9);
    expect(safe / regular).toBeCloseTo(0.2 / (1 - 190 / 1390 - 0.2), 12);
  });

  test("a triaged part goes to triage (Ter Apel), the rest as before; per-track openings stay as given", () => {
    const result = projectTracks({
      openingByTrack: 1000,
      intake: 25,
      shares: [0.1, 0.3],
      capacity: 27.5,
      weeks: 4,
      triagedOpeningShare: 0.2,
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.opening.fast).toBeCloseTo(200, 9);
    expect(result.value.opening.safe).toBeCloseTo(800 * (0.3 / 0.9), 9);
    expect(result.value.opening.regular).toBeCloseTo(800 * (0.6 / 0.9), 9);
    const given = projectTracks({ openingByTrack: [5, 10, 20], intake: 25, shares: [0.1, 0.3], capacity: 27.5, weeks: 4, triagedOpeningShare: 0.5 });
    if (!given.ok) throw new Error(given.error.message);
    expect(given.value.opening).toEqual({ fast: 5, safe: 10, regular: 20 });
  });

  test("a share outside 0 to 1 names the argument", () => {
    const result = projectTracks({ openingByTrack: 10, intake: 1, shares: [0.1, 0.3], capacity: 2, triagedOpeningShare: 1.5 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^triaged_opening_share/);
  });
});
