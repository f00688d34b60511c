import type { MarcErrorCode, MarcWarning, MarcWarningCode } from './record.js';

// What the readers tell the person importing, in Russian; the codes are for programs.

const ERROR_MESSAGES: Record<MarcErrorCode, string> = {
  'leader-length-invalid': 'длина записи в маркере (позиции 0–4) — не число',
  'record-too-short': 'запись короче маркера (24 байта) с признаком конца',
  'record-too-long': 'не найден признак конца записи (0x1D) в пределах допустимой длины',
  'record-truncated': 'файл обрывается внутри записи: нет признака конца записи (0x1D)',
  'directory-invalid': 'справочник записи повреждён',
  'directory-entry-invalid': 'элемент справочника повреждён',
  'field-out-of-bounds': 'поле выходит за пределы записи',
  'xml-malformed': 'XML повреждён',
  'xml-encoding-unsupported': 'файл объявляет кодировку, которую программа не знает; сохраните его в UTF-8 или Windows-1251',
  'xml-bad-structure': 'нарушена структура MARCXML',
};

/** The Russian text for an error code, with a detail appended. */
export function errorReason(code: MarcErrorCode, detail?: string): string {
  const base = ERROR_MESSAGES[code];
  // saxes ends its messages with a full stop; the reason may go on after the detail.
  const reason = detail ? `${base}: ${detail.replace(/\.$/, '')}` : base;
  // After malformed XML the reader skips to the next <record> start tag (marcxml-fast.ts): the user must know
  // that what stood between was not read.
  return code === 'xml-malformed' ? `${reason}. Всё до начала следующей записи (тега <record>) пропущено, чтение продолжено с неё` : reason;
}

const WARNING_MESSAGES: Record<MarcWarningCode, string> = {
  'leader-not-ascii': 'в маркере записи есть символы вне ASCII',
  'leader-length-mismatch': 'длина в маркере не совпадает с фактической; запись прочитана до признака конца',
  'base-address-mismatch': 'базовый адрес в маркере не совпадает с концом справочника; взят конец справочника',
  'field-terminator-missing': 'поле не заканчивается разделителем полей (0x1E)',
  'text-before-first-subfield': 'текст перед первым разделителем подполей сохранён как подполе без кода',
  'missing-indicators': 'в поле данных нет индикаторов',
  'indicator-not-ascii': 'индикатор — не символ ASCII; заменён на U+FFFD',
  'invalid-utf8': 'текст не является корректным UTF-8; ошибочные байты заменены на U+FFFD',
  'nul-character': 'в записи есть байт 0 (NUL), которого не может хранить никакой текст; заменён на U+FFFD',
  'marc8-unknown-character': 'в MARC-8 встречены неизвестные или не поддерживаемые символы (заменены на U+FFFD)',
  'marc8-bad-escape': 'в MARC-8 неизвестная или оборванная escape-последовательность',
  'xml-missing-leader': 'в записи MARCXML нет маркера; подставлен пустой',
  'xml-bad-tag': 'недопустимая метка поля',
  'xml-missing-subfield-code': 'у подполя нет кода',
  'xml-bad-indicator': 'индикатор должен быть одним символом',
};

/** A warning with its Russian message, naming the field when there is one. */
export function warning(code: MarcWarningCode, tag?: string): MarcWarning {
  return tag === undefined ? { code, message: WARNING_MESSAGES[code] } : { code, message: `${WARNING_MESSAGES[code]} (поле ${tag})`, tag };
}
