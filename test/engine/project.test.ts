import { projectBacklog } from "../../src/engine";
test("smoke", () => {
  const r = projectBacklog({ opening: 1440, intake: 25, capacity: 1600 / 52 });
  expect(r.ok && r.value.closingBacklog).toBeCloseTo(1140, 9);
});
