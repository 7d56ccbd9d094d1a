// Lint that protects the design (see ../shared/STYLE.md): promises are awaited, switches are
// exhaustive, apps never import each other, and the contracts stay free of Nest and TypeORM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const apps = ['demand-intake', 'graduate-profiles', 'matching', 'notifications'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.local/**', 'coverage/**', 'eslint.config.js', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nestjs/*', 'typeorm'], message: 'contracts stay free of Nest and TypeORM' }] },
      ],
    },
  },
  ...apps.map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: apps
            .filter((other) => other !== app)
            .map((other) => ({
              group: [`**/apps/${other}/**`, `../../${other}/**`, `../${other}/**`],
              message: "services share only libs and events, never each other's code",
            })),
        },
      ],
    },
  })),
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'libs/testing/**/*.ts',
      'libs/auth/src/cli/**/*.ts',
    ],
    rules: { 'no-console': 'off' },
  },
);
