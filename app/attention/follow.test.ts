import { createUserId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { userRecordId } from './follow'

describe('userRecordId', () => {
  it('is the id tldraw gives the presence records of that person', () => {
    expect(userRecordId('Ab3-x_9')).toBe(createUserId('Ab3-x_9'))
  })
})
