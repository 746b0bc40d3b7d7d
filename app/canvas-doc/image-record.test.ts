import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLRecord } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { imageAssetRecord, imageShapeRecord } from './image-record'

describe('the photo records of the canvas document contract', () => {
  it("are a valid image asset and image shape for tldraw's own schema, with a same-origin src", () => {
    const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
    const asset = imageAssetRecord({
      id: 'asset:abcdefghijklmnopqrstuv',
      src: '/api/v1/sessions/0b8e/photos/abcdefghijklmnopqrstuv',
      width: 1600,
      height: 1200,
      fileSize: 234_567,
    })
    const shape = imageShapeRecord({
      id: 'shape:photo1',
      parentId: 'page:page',
      index: 'a2',
      x: 256,
      y: 150,
      w: 200,
      h: 150,
      assetId: asset.id,
      altText: 'Foto bij een idee',
      createdBy: 'pid-1',
      meta: { photoOf: 'shape:note1' },
    })
    const validate = (record: unknown) => store.schema.validateRecord(store, record as TLRecord, 'createRecord', null)
    expect(validate(asset)).toMatchObject({ type: 'image', props: { src: asset.props.src, w: 1600, h: 1200 } })
    expect(validate(shape)).toMatchObject({ type: 'image', meta: { createdBy: 'pid-1', photoOf: 'shape:note1' } })
  })
})
