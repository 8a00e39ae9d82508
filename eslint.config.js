// Lint: typescript-eslint's recommended rules, and the house's edges (eslint-plugin-boundaries): a module is entered
// only through its index.ts; platform and shared sit below every module; nothing below reaches up.
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import tseslint from "typescript-eslint";

const module = (extra = {}) => ({ element: { type: "module", ...extra } });
const ownModule = module({ captured: { name: "{{ from.element.captured.name }}" } });
const moduleDoor = module({ fileInternalPath: "index.ts" });
const layers = (...types) => types.map((type) => ({ to: { element: { type } } }));

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "coverage/", "examples/web/src/gql/", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // Tests read untyped JSON answers by design; the code under test keeps the rule.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["src/**/*.ts"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { typescript: { project: "tsconfig.json" } },
      "boundaries/include": ["src/**/*"],
      "boundaries/elements": [
        // A module's worker thread is an entry point of its own (it builds the schema, as main.ts does, and composes
        // a provincial subgraph with src/federation's composer).
        { type: "worker", pattern: "src/modules/*/worker.ts", mode: "file", capture: ["name"] },
        { type: "module", pattern: "src/modules/*", capture: ["name"] },
        { type: "platform", pattern: "src/platform" },
        { type: "shared", pattern: "src/shared" },
        { type: "seed", pattern: "src/seed" },
        { type: "http", pattern: "src/http" },
        { type: "cli", pattern: "src/cli" },
        // Each source as its own subgraph, and the router composing them: a front like src/http, over the same modules.
        { type: "federation", pattern: "src/federation" },
        { type: "composition", pattern: "src/*.ts", mode: "file" },
      ],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: [
            { from: { element: { type: "platform" } }, allow: layers("platform") },
            { from: { element: { type: "shared" } }, allow: layers("platform", "shared") },
            { from: { element: { type: "module" } }, allow: [...layers("platform", "shared"), { to: ownModule }, { to: moduleDoor }] },
            {
              from: { element: { type: "worker" } },
              allow: [
                ...layers("platform", "shared", "composition", "federation"),
                { to: module({ captured: { name: "{{ from.element.captured.name }}" } }) },
                { to: moduleDoor },
              ],
            },
            { from: { element: { type: "seed" } }, allow: [...layers("platform", "shared", "seed"), { to: moduleDoor }] },
            { from: { element: { type: "http" } }, allow: [...layers("platform", "shared", "http", "composition"), { to: moduleDoor }] },
            {
              from: { element: { type: "composition" } },
              allow: [...layers("platform", "shared", "http", "seed", "composition"), { to: moduleDoor }],
            },
            {
              from: { element: { type: "federation" } },
              allow: [...layers("platform", "shared", "http", "composition", "federation"), { to: moduleDoor }],
            },
            {
              from: { element: { type: "cli" } },
              allow: [...layers("platform", "shared", "seed", "cli", "composition", "http", "federation"), { to: moduleDoor }],
            },
          ],
        },
      ],
    },
  },
);
