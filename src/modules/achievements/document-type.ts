/**
 * The scanned documents an award may carry, recognised by their first bytes: a file is what its
 * content says, not what its name or the client claims (a PNG renamed .pdf is refused).
 */
export const DOCUMENT_TYPES = {
  'application/pdf': { label: 'PDF', extension: 'pdf', signature: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  'image/jpeg': { label: 'JPEG', extension: 'jpg', signature: [0xff, 0xd8, 0xff] },
  'image/png': { label: 'PNG', extension: 'png', signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
} as const;
export type DocumentMediaType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_MEDIA_TYPES = Object.keys(DOCUMENT_TYPES) as DocumentMediaType[];

/** Big enough for a scanned A4 page, small enough for a rural branch's connection and the backup. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export const isDocumentMediaType = (value: string): value is DocumentMediaType => value in DOCUMENT_TYPES;

export function detectDocumentType(content: Uint8Array): DocumentMediaType | undefined {
  return DOCUMENT_MEDIA_TYPES.find((type) => DOCUMENT_TYPES[type].signature.every((byte, index) => content[index] === byte));
}

/**
 * The name the file is stored and downloaded under: no folders, no control characters, and
 * the extension of its real type.
 */
export function documentFileName(requested: string | undefined, type: DocumentMediaType): string {
  const { extension } = DOCUMENT_TYPES[type];
  // eslint-disable-next-line no-control-regex
  const base = (requested ?? '').split(/[/\\]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim().replace(/\.(?:pdf|jpe?g|png)$/i, '');
  return `${base || 'документ'}.${extension}`;
}
