// Flat config for the task pane and the Office.js adapter: typescript-eslint's recommended rules
// plus the rules of eslint-plugin-office-addins' "recommended" set (load before read, sync after
// load, isNullObject tests, no sync in loops) and prettier. The plugin's own preset bundles a
// second copy of @typescript-eslint, which ESLint refuses to register twice, so its rules are
// listed here instead of spreading the preset.
import officeAddins from "eslint-plugin-office-addins";
import prettier from "eslint-plugin-prettier";
import tseslint from "typescript-eslint";

const OFFICE_FILES = ["src/taskpane/**/*.ts", "src/hosts/office/**/*.ts"];
const ALL_SOURCES = ["src/**/*.ts"];

export default tseslint.config(
  { ignores: ["dist/**", "build-ts/**", "test-output/**", "node_modules/**"] },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ALL_SOURCES })),
  {
    // The engine stays pure: no randomness or clock of its own (both are passed in).
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "Math", property: "random", message: "Pass a seeded generator in." }],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date']", message: "Pass time in; the engine has no clock." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Pass time in." },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "fetch", "XMLHttpRequest", "WebSocket"],
    },
  },
  {
    files: OFFICE_FILES,
    plugins: { "office-addins": officeAddins, prettier },
    languageOptions: { ecmaVersion: 2020, sourceType: "module" },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "no-eval": "error",
      // The repo's style: 120 columns, double quotes, trailing commas.
      "prettier/prettier": ["error", { printWidth: 120, endOfLine: "auto", trailingComma: "all" }],
    },
  },
);
