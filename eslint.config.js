import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/generated/**', 'data/**', '**/dist/**', 'chromeos/**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Checks run programs only through agent/src/exec.ts (absolute paths, no shell, timeouts).
    files: ['agent/src/**/*.ts'],
    ignores: ['agent/src/exec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [
        { name: 'node:child_process', message: 'Run programs through agent/src/exec.ts.' },
        { name: 'child_process', message: 'Run programs through agent/src/exec.ts.' },
      ] }],
    },
  },
  {
    // Tests and scripts may print and spawn freely.
    files: ['**/test/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', '**/bin/*.js'],
    rules: { 'no-console': 'off' },
  },
);
