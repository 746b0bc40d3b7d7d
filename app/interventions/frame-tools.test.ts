import { describe, expect, it } from 'vitest'
import { message, t } from '~/i18n'
import { apiErrors, blobToBase64, frameLink, inReaderLanguage, questionOrEmpty, startDefaults } from './frame-tools'

describe('frameLink', () => {
  it('reads the link the server mirrored into the frame, and nothing else', () => {
    expect(frameLink({ interventionId: 'iv1', restoredFrom: 2, phase: 'prototype' })).toEqual({
      interventionId: 'iv1',
      restoredFrom: 2,
    })
    expect(frameLink({ interventionId: 'iv1' })).toEqual({ interventionId: 'iv1', restoredFrom: null })
    for (const meta of [undefined, null, {}, { interventionId: '' }, { interventionId: 7, restoredFrom: '2' }]) {
      expect(frameLink(meta)).toEqual({ interventionId: null, restoredFrom: null })
    }
    expect(frameLink({ interventionId: 'iv1', restoredFrom: 1.5 }).restoredFrom).toBeNull()
  })
})

describe('startDefaults', () => {
  it('takes a name someone gave the frame as the title, and starts the question for them', () => {
    expect(startDefaults('  Ouderkamer   op school ', 'nl')).toEqual({
      title: 'Ouderkamer op school',
      question: 'Hoe kunnen wij ',
    })
    expect(startDefaults('Parents’ room', 'en')).toEqual({ title: 'Parents’ room', question: 'How might we ' })
  })

  it('takes a question as the question, and no template name as a title', () => {
    expect(startDefaults('Hoe kunnen wij ouders eerder bereiken?', 'nl')).toEqual({
      title: '',
      question: 'Hoe kunnen wij ouders eerder bereiken?',
    })
    for (const name of [
      '',
      t('nl', 'template.prototype.title'),
      t('en', 'template.prototype.title'),
      t('nl', 'template.hmw.title'),
    ]) {
      expect(startDefaults(name, 'nl')).toEqual({ title: '', question: 'Hoe kunnen wij ' })
    }
  })

  it('does not send the prefilled start as a question', () => {
    expect(questionOrEmpty('Hoe kunnen wij ', 'nl')).toBe('')
    expect(questionOrEmpty('  Hoe kunnen wij  ', 'nl')).toBe('')
    expect(questionOrEmpty('Hoe kunnen wij helpen?', 'nl')).toBe('Hoe kunnen wij helpen?')
  })
})

describe('the API messages in the reader’s language', () => {
  it('shows a Dutch message of the app in English, with its variables; keys too; other texts as they are', () => {
    expect(inReaderLanguage('en', t('nl', 'error.api.invalid'))).toBe(t('en', 'error.api.invalid'))
    expect(inReaderLanguage('en', t('nl', 'error.api.wijkUnknown', { code: 'WK079601' }))).toBe(
      'District WK079601 is not known.',
    )
    expect(inReaderLanguage('en', message('error.api.wijkUnknown', { code: 'WK1' }))).toBe('District WK1 is not known.')
    expect(inReaderLanguage('nl', t('nl', 'error.api.invalid'))).toBe(t('nl', 'error.api.invalid'))
    expect(inReaderLanguage('en', 'Iets dat geen bericht is.')).toBe('Iets dat geen bericht is.')
  })

  it('gives the per-field messages of a 400, else the message, else a general one', () => {
    const body = {
      message: t('nl', 'error.api.invalid'),
      errors: { reason: t('nl', 'intervention-canvas.error.reasonRequired') },
    }
    expect(apiErrors(body, 'en')).toEqual({ reason: 'Write down what changed and why.' })
    expect(apiErrors({ message: t('nl', 'error.api.failed') }, 'en')).toEqual({ _form: t('en', 'error.api.failed') })
    expect(apiErrors(null, 'nl')).toEqual({ _form: t('nl', 'intervention-canvas.error.failed') })
  })
})

describe('blobToBase64', () => {
  it('gives the bytes as plain base64, large pictures included', async () => {
    expect(await blobToBase64(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])]))).toBe('iVBORw==')
    const big = new Uint8Array(200_000).map((_, i) => i % 251)
    expect(Buffer.from(await blobToBase64(new Blob([big])), 'base64').equals(Buffer.from(big))).toBe(true)
  })
})
