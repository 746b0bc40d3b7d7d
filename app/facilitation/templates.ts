/**
 * The built-in templates of the five steps (issue 8, section 3), in one place: what each one is
 * (its step, its sections and starter notes) and the tldraw records it is made of. Each becomes
 * a frame with a large title and a one-line instruction, its sections as labelled rectangles, a
 * starter note with a question in each section, and free rows below for the notes people add
 * (note-layout.ts). Framework-free and without tldraw imports, so the server builds the records;
 * a test checks them against tldraw's own schema.
 *
 * The records come out as a saved template is stored (templates table): the frame first, at
 * 0,0, then its contents with positions relative to it and ids local to the template; placing
 * one (frame-placement.ts) gives every record a fresh id.
 */
import type { SessionPhase } from '../../db/phases'
import type { MessageKey } from '~/i18n'
import { richText } from '~/canvas-doc'
import { FRAME_PADDING, NOTE_GAP, NOTE_SIZE } from './note-layout'

export const builtInTemplateIds = [
  'persona',
  'empathy-map',
  'how-might-we',
  'crazy-8s',
  'idea-board',
  'prototype-canvas',
  'test-feedback',
] as const
export type BuiltInTemplateId = (typeof builtInTemplateIds)[number]

export const isBuiltInTemplateId = (value: unknown): value is BuiltInTemplateId =>
  builtInTemplateIds.includes(value as BuiltInTemplateId)

type ShapeColor = 'blue' | 'violet' | 'green' | 'red' | 'orange' | 'yellow' | 'light-blue' | 'light-green' | 'grey'

interface Section {
  heading: MessageKey
  /** a question on a starter note in the section; none where the notes themselves are the point */
  starter?: MessageKey
  color: ShapeColor
}

export interface TemplateDefinition {
  id: BuiltInTemplateId
  phase: SessionPhase
  title: MessageKey
  instruction: MessageKey
  /** sections per row */
  columns: number
  sections: Section[]
  /** empty grid rows below the sections, where new notes land first */
  freeRows: number
}

const sections = (prefix: string, keys: string[], colors: ShapeColor[], starters = true): Section[] =>
  keys.map((key, i) => ({
    heading: `${prefix}.${key}` as MessageKey,
    starter: starters ? (`${prefix}.${key}.starter` as MessageKey) : undefined,
    color: colors[i % colors.length],
  }))

export const builtInTemplates: Record<BuiltInTemplateId, TemplateDefinition> = {
  persona: {
    id: 'persona',
    phase: 'inleven',
    title: 'template.persona.title',
    instruction: 'template.persona.instruction',
    columns: 2,
    sections: sections('template.persona', ['who', 'important', 'hard', 'needs'], ['blue', 'green', 'red', 'violet']),
    freeRows: 1,
  },
  'empathy-map': {
    id: 'empathy-map',
    phase: 'inleven',
    title: 'template.empathy.title',
    instruction: 'template.empathy.instruction',
    columns: 2,
    sections: sections('template.empathy', ['says', 'thinks', 'does', 'feels'], ['blue', 'violet', 'green', 'red']),
    freeRows: 1,
  },
  'how-might-we': {
    id: 'how-might-we',
    phase: 'definieren',
    title: 'template.hmw.title',
    instruction: 'template.hmw.instruction',
    columns: 2,
    sections: sections('template.hmw', ['problem', 'question'], ['orange', 'blue']),
    freeRows: 2,
  },
  'crazy-8s': {
    id: 'crazy-8s',
    phase: 'ideeen',
    title: 'template.crazy8s.title',
    instruction: 'template.crazy8s.instruction',
    columns: 4,
    sections: sections(
      'template.crazy8s',
      ['panel1', 'panel2', 'panel3', 'panel4', 'panel5', 'panel6', 'panel7', 'panel8'],
      ['light-blue', 'light-green'],
      false,
    ),
    freeRows: 1,
  },
  'idea-board': {
    id: 'idea-board',
    phase: 'ideeen',
    title: 'template.ideas.title',
    instruction: 'template.ideas.instruction',
    columns: 1,
    // No starter note: every note on this board is an idea to vote on.
    sections: [],
    freeRows: 3,
  },
  'prototype-canvas': {
    id: 'prototype-canvas',
    phase: 'prototype',
    title: 'template.prototype.title',
    instruction: 'template.prototype.instruction',
    columns: 3,
    sections: sections(
      'template.prototype',
      ['what', 'forWhom', 'where', 'who', 'targets'],
      ['blue', 'violet', 'green', 'orange', 'red'],
    ),
    freeRows: 1,
  },
  'test-feedback': {
    id: 'test-feedback',
    phase: 'testen',
    title: 'template.test.title',
    instruction: 'template.test.instruction',
    columns: 2,
    sections: sections(
      'template.test',
      ['works', 'better', 'questions', 'ideas'],
      ['green', 'orange', 'blue', 'violet'],
    ),
    freeRows: 1,
  },
}

/** The templates of a step, in the order the picker shows them; the first is the step's default. */
export function templatesOfPhase(phase: SessionPhase): TemplateDefinition[] {
  return builtInTemplateIds.map((id) => builtInTemplates[id]).filter((template) => template.phase === phase)
}

/** Five note columns: wide enough for a group's ideas, narrow enough to read on a projector. */
export const TEMPLATE_WIDTH = 2 * FRAME_PADDING + 5 * NOTE_SIZE + 4 * NOTE_GAP + 40
/** Title (44 px) and instruction (24 px) lines above the sections. */
export const TEMPLATE_HEADER = 150
const SECTION_LABEL = 64

/** A tldraw shape record as the templates make it (checked against tldraw's schema in a test). */
export interface TemplateShape {
  id: string
  typeName: 'shape'
  type: string
  parentId: string
  index: string
  x: number
  y: number
  rotation: number
  isLocked: boolean
  opacity: number
  props: Record<string, unknown>
  meta: Record<string, unknown>
}

/**
 * The records of a built-in template in `text`'s language: the frame at 0,0 (parentId and index
 * are set when it is placed), then title, instruction, sections and starter notes inside it.
 * `indices(n)` gives n ascending tldraw index keys (getIndicesAbove from @tldraw/utils).
 */
export function builtInTemplateRecords(
  template: TemplateDefinition,
  text: (key: MessageKey) => string,
  indices: (n: number) => string[],
): TemplateShape[] {
  const inner = TEMPLATE_WIDTH - 2 * FRAME_PADDING
  const sectionW = (inner - (template.columns - 1) * NOTE_GAP) / template.columns
  const sectionH = SECTION_LABEL + NOTE_SIZE + NOTE_GAP
  const rows = Math.ceil(template.sections.length / template.columns)
  const sectionsBottom = TEMPLATE_HEADER + rows * (sectionH + NOTE_GAP)
  const height = sectionsBottom + template.freeRows * (NOTE_SIZE + NOTE_GAP) + FRAME_PADDING
  const frameId = 'shape:frame'
  const shape = (id: string, type: string, x: number, y: number, props: Record<string, unknown>): TemplateShape => ({
    id,
    typeName: 'shape',
    type,
    parentId: frameId,
    index: '',
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props,
    meta: {},
  })
  const textShape = (id: string, y: number, size: 'xl' | 'm', value: string) =>
    shape(id, 'text', FRAME_PADDING, y, {
      color: 'black',
      size,
      font: 'sans',
      textAlign: 'start',
      w: inner,
      richText: richText(value),
      scale: 1,
      autoSize: false,
    })
  const children: TemplateShape[] = [
    textShape('shape:title', 24, 'xl', text(template.title)),
    textShape('shape:instruction', 92, 'm', text(template.instruction)),
  ]
  template.sections.forEach((section, i) => {
    const x = FRAME_PADDING + (i % template.columns) * (sectionW + NOTE_GAP)
    const y = TEMPLATE_HEADER + Math.floor(i / template.columns) * (sectionH + NOTE_GAP)
    children.push(
      shape(`shape:section-${i}`, 'geo', x, y, {
        geo: 'rectangle',
        dash: 'solid',
        url: '',
        w: sectionW,
        h: sectionH,
        growY: 0,
        scale: 1,
        flipX: false,
        flipY: false,
        labelColor: 'black',
        color: section.color,
        fill: 'semi',
        size: 'l',
        font: 'sans',
        align: 'start',
        verticalAlign: 'start',
        richText: richText(text(section.heading)),
      }),
    )
    if (section.starter) {
      children.push(
        shape(`shape:starter-${i}`, 'note', x + 16, y + SECTION_LABEL, {
          color: 'white',
          labelColor: 'black',
          richText: richText(text(section.starter)),
          size: 's',
          font: 'sans',
          align: 'middle',
          verticalAlign: 'middle',
          growY: 0,
          fontSizeAdjustment: 1,
          url: '',
          scale: 1,
          textLastEditedBy: null,
        }),
      )
    }
  })
  const keys = indices(children.length)
  children.forEach((child, i) => (child.index = keys[i]))
  const frame: TemplateShape = {
    ...shape(frameId, 'frame', 0, 0, { w: TEMPLATE_WIDTH, h: height, name: text(template.title), color: 'black' }),
    parentId: '',
  }
  return [frame, ...children]
}
