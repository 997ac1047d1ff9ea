import mammoth from 'mammoth'
import type { PlanAttachment } from '../../db/schema/plans.ts'
import { unprocessable } from '../incidents/incidents.update.ts'

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const MAX_BYTES = 5 * 1024 * 1024

// mammoth ships convertToMarkdown (headings, lists, bold, links, tables as text) without a type.
const toMarkdown = (
  mammoth as unknown as {
    convertToMarkdown(input: { buffer: Buffer }): Promise<{ value: string }>
  }
).convertToMarkdown

/** Markdown escapes that mammoth adds to plain Chinese punctuation and numbering. */
const unescape = (md: string) => md.replace(/\\([.()\-[\]!#+])/g, '$1')

/**
 * The body of a plan from an imported file: a .docx through mammoth (Word styles → Markdown
 * headings, lists and emphasis), Markdown or text as is. The original is kept as attachment.
 */
export async function importBody(
  fileName: string,
  mediaType: string,
  base64: string,
): Promise<{ body: string; attachment: PlanAttachment }> {
  const bytes = Buffer.from(base64.replace(/\s+/g, ''), 'base64')
  if (bytes.length === 0) throw unprocessable('base64', 'the file is empty', 'required')
  if (bytes.length > MAX_BYTES) {
    throw unprocessable('base64', 'the file is too large (5 MB at most)', 'too_big')
  }
  let body: string
  if (mediaType === DOCX) {
    // A .docx is a zip: it starts with "PK".
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw unprocessable('base64', 'this is not a .docx file', 'invalid_format')
    }
    try {
      body = unescape((await toMarkdown({ buffer: bytes })).value).trim() + '\n'
    } catch {
      throw unprocessable('base64', 'the .docx file could not be read', 'invalid_format')
    }
  } else {
    body = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n')
    if (body.includes('\uFFFD')) {
      throw unprocessable('base64', 'the text is not UTF-8', 'invalid_format')
    }
  }
  if (body.length > 200_000) throw unprocessable('base64', 'the body is too long', 'too_big')
  return {
    body,
    attachment: { name: fileName, mediaType, size: bytes.length, base64: bytes.toString('base64') },
  }
}
