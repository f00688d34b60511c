import { describe, expect, it } from 'vitest';
import { detectDocumentType, documentFileName } from './document-type.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('recognising a scanned document by its content', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(detectDocumentType(new TextEncoder().encode('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(detectDocumentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(detectDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
  });

  it('recognises nothing else, whatever it is called', () => {
    expect(detectDocumentType(new TextEncoder().encode('<html><script>alert(1)</script>'))).toBeUndefined();
    expect(detectDocumentType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeUndefined(); // a ZIP (or .docx)
    expect(detectDocumentType(bytes(0x89, 0x50, 0x4e))).toBeUndefined(); // cut off
    expect(detectDocumentType(bytes())).toBeUndefined();
  });
});

describe('the stored file name', () => {
  it('keeps the name, drops folders and quotes, and takes the extension of the real type', () => {
    expect(documentFileName('Диплом Вяловой.PDF', 'application/pdf')).toBe('Диплом Вяловой.pdf');
    expect(documentFileName('C:\\Сканы\\диплом.jpeg', 'image/jpeg')).toBe('диплом.jpg');
    expect(documentFileName('../../etc/"passwd"', 'image/png')).toBe('passwd.png');
    expect(documentFileName('Вялова А.В. диплом', 'application/pdf')).toBe('Вялова А.В. диплом.pdf');
    expect(documentFileName(undefined, 'application/pdf')).toBe('документ.pdf');
  });
});
