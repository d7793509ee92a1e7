// Lint: TypeScript everywhere; Lit, web-component and accessibility rules for the elements.
import litA11y from 'eslint-plugin-lit-a11y';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.test-results/**', 'data/**', 'docs/reference/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/components/**/*.ts', 'test/components/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    // Chai's property assertions (`expect(x).to.be.true`) are expressions.
    files: ['test/components/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['src/components/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['src/components/**/*.ts'],
    ...litA11y.configs.recommended,
  },
);
