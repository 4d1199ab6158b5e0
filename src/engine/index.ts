/** The pure planning model: no Office globals, no I/O, no clock, no Math.random. */
export * from "./validate";
export * from "./project";
export * from "./closedForms";
export * from "./tracks";
export * from "./sharedCapacity";
export * from "./montecarlo";
export * from "./monitoring";
export * from "./leadTime";
export * from "./targetWeek";
export * from "./leadTimeRoutes";
export * from "./whatIf";
export * from "./sensitivity";
export * from "./baseline";
export * from "./forecast";
