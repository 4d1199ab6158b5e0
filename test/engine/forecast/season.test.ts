/** The season: ratio to a centred moving average on the log scale, shrunk by how consistently it repeats. */
import { adjustForSeason, applySeason, centredAverage, seasonProfile } from "../../../src/engine/forecast/season";
import { createRng } from "../../../src/engine/random";
import { drawPoisson } from "../../../src/engine/forecast/poisson";

describe("centredAverage", () => {
  test("a 2×4 average for an even season, carried on along its slope at both ends", () => {
    const logs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // A straight line is its own centred average, ends included.
    centredAverage(logs, 4).forEach((v, t) => expect(v).toBeCloseTo(t, 12));
    // Worked by hand: t = 2 → (0.5·0 + 1 + 2 + 3 + 0.5·4) / 4 = 2; with a bump at 4 of +4: (0.5·0 + 1 + 2 + 3 + 0.5·8)/4 = 2.5
    const bumped = logs.slice();
    bumped[4] = 8;
    expect(centredAverage(bumped, 4)[2]).toBeCloseTo(2.5, 12);
  });

  test("a plain average for an odd season", () => {
    expect(centredAverage([3, 6, 9, 12, 15, 18], 3)[1]).toBeCloseTo(6, 12);
    expect(centredAverage([3, 6, 9, 3, 6, 9], 3)[2]).toBeCloseTo(6, 12);
  });
});

describe("seasonProfile", () => {
  test("the docs' example: every second period about twice the first, counted on count + 1", () => {
    const profile = seasonProfile([10, 20, 10, 20, 10, 20, 10, 20], 2);
    expect(profile.kept).toBe(1);
    expect(profile.factors[0]).toBeCloseTo(Math.sqrt(11 / 21), 12);
    expect(profile.factors[1]).toBeCloseTo(Math.sqrt(21 / 11), 12);
    expect(adjustForSeason(10, profile.factors[0] as number)).toBeCloseTo(adjustForSeason(20, profile.factors[1] as number), 12);
  });

  test("adjusting and applying the season are inverse", () => {
    expect(applySeason(adjustForSeason(37, 1.3), 1.3)).toBeCloseTo(37, 12);
  });

  test("no season from less than two years, or a season of 1", () => {
    expect(seasonProfile(Array(23).fill(5), 12)).toEqual({ length: 1, factors: [1], kept: 0 });
    expect(seasonProfile(Array(50).fill(5), 1).factors).toEqual([1]);
  });

  test("a flat history has no season (nothing to keep)", () => {
    const profile = seasonProfile(Array(36).fill(40), 12);
    expect(profile.kept).toBe(0);
    expect(profile.factors.every((f) => f === 1)).toBe(true);
  });

  test("factors multiply to 1 over the year (the season moves intake, it adds none on the log scale)", () => {
    const history = Array.from({ length: 60 }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 12) + (t % 5));
    const profile = seasonProfile(history, 12);
    expect(profile.factors.reduce((a, f) => a + Math.log(f), 0)).toBeCloseTo(0, 12);
  });

  test("pure noise is shrunk away: Poisson(100) months for 10 years keep little of their 'season'", () => {
    const rng = createRng(11);
    const history = Array.from({ length: 120 }, () => drawPoisson(rng, 100));
    const profile = seasonProfile(history, 12);
    expect(profile.kept).toBeLessThan(0.3);
    for (const f of profile.factors) expect(Math.abs(Math.log(f))).toBeLessThan(0.03);
  });

  test("a real season under noise is mostly kept: ±30% with Poisson(100) noise for 5 years", () => {
    const rng = createRng(12);
    const season = (t: number): number => 100 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12));
    const history = Array.from({ length: 60 }, (_, t) => drawPoisson(rng, season(t)));
    const profile = seasonProfile(history, 12);
    expect(profile.kept).toBeGreaterThan(0.9);
    expect(profile.factors[0]).toBeGreaterThan(1.2); // January high …
    expect(profile.factors[6]).toBeLessThan(0.8); // … July low
  });
});
