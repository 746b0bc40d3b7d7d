// One lint setup for the whole tree: TypeScript, React and the rules of hooks.
import js from '@eslint/js'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['build/', 'node_modules/', 'test-results/', 'playwright-report/', 'data/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: { react: { version: 'detect' } },
    plugins: { react, 'react-hooks': reactHooks },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Inside app/, another area is imported as `~/area/...`; `../` only leaves app/ (for db/).
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(?!\\.\\./)(?!db/)', message: 'Importeer binnen app/ met ~/.' }] },
      ],
    },
  },
  {
    // The collab core stays generic (docs/collab-protocol.md): it knows peers, not the app's
    // users or roles; the app plugs in through its hooks (server/app-server.ts).
    files: ['server/collab/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+app(/|$)', message: 'server/collab does not import app/; take it as a hook.' },
            { regex: '^~/', message: 'server/collab does not import app/; take it as a hook.' },
          ],
        },
      ],
    },
  },
  {
    // A page's 404/403 goes through invariantResponse, whose type takes only an i18n key, so the
    // error page can show it in the reader's language (issue 6).
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/http/invariant.server.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ThrowStatement > NewExpression[callee.name='Response']",
          message: 'Throw a page error with invariantResponse(condition, messageKey, { status }).',
        },
      ],
    },
  },
)
