// The element reference: custom-elements.json from the elements' JSDoc (npm run docs).
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/**/*.strings.ts'],
  outdir: 'docs/reference',
  litelement: true,
  // package.json names the manifest itself; the analyzer must not rewrite it.
  packagejson: false,
};
