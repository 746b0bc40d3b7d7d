import { describe, expect, it } from 'vitest'
import { message, translate } from '~/i18n'
import { invariantResponse } from './invariant.server'

/** What a loader throws, caught the way Remix hands it to the ErrorBoundary. */
function thrown(run: () => void): Response {
  try {
    run()
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('nothing was thrown')
}

describe('invariantResponse', () => {
  it('lets a loader go on when the condition holds', () => {
    expect(() => invariantResponse({ id: 'x' }, 'error.session.gone', { status: 404 })).not.toThrow()
  })

  it('throws a Response with the status and the message key, which the error page translates', async () => {
    const response = thrown(() => invariantResponse(null, 'error.session.gone', { status: 404 }))
    expect(response.status).toBe(404)
    const body = await response.text()
    expect(body).toBe('error.session.gone')
    expect(translate('nl', body)).toBe('Deze werksessie bestaat niet (meer).')
    expect(translate('en', body)).toBe('This session does not exist (any more).')
  })

  it('carries variables to the page through message()', async () => {
    const response = thrown(() =>
      invariantResponse(false, message('wijken.profile.notFound', { code: 'WK999999' }), { status: 404 }),
    )
    const body = await response.text()
    expect(translate('nl', body)).toContain('WK999999')
    expect(translate('en', body)).toContain('WK999999')
    expect(translate('en', body)).not.toBe(translate('nl', body))
  })

  it('is a 400 unless told otherwise', () => {
    expect(thrown(() => invariantResponse(0, 'error.title')).status).toBe(400)
  })

  it('refuses a finished text instead of a message key (checked by the type checker)', () => {
    expect(() =>
      // @ts-expect-error a page message must be an i18n key, so the error page can translate it
      invariantResponse(false, 'Deze werksessie bestaat niet (meer).', { status: 404 }),
    ).toThrow()
    // @ts-expect-error not a key either: a misspelt one
    expect(() => invariantResponse(false, 'error.session.gon', { status: 404 })).toThrow()
  })
})
