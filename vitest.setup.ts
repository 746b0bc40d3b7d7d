import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Each test worker gets its own real SQLite file; nothing touches the developer's database.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkatelier-unit-'))
process.env.DATABASE_PATH = path.join(dir, 'test.db')
process.env.SESSION_SECRET ??= 'unit-test-secret-unit-test-secret-0123456789'
process.env.NODE_ENV = 'test'
