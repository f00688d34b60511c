/**
 * SRU diagnostics (info:srw/diagnostic/1/N) the server sends. The numbers are the standard list's
 * (https://www.loc.gov/standards/sru/diagnostics/diagnosticsList.html); the messages are Russian,
 * since the clients are people at Russian libraries; `details` carries the offending index,
 * relation, parameter or value in the form the standard asks for.
 */
export interface SruDiagnostic {
  code: number;
  message: string;
  details?: string;
}

export const DIAGNOSTIC_MESSAGES = {
  1: 'Внутренняя ошибка сервера',
  2: 'Сервис временно недоступен',
  4: 'Операция не поддерживается',
  5: 'Версия не поддерживается',
  6: 'Недопустимое значение параметра',
  7: 'Не указан обязательный параметр',
  8: 'Параметр не поддерживается',
  10: 'Синтаксическая ошибка в запросе CQL',
  16: 'Индекс не поддерживается',
  19: 'Отношение не поддерживается',
  20: 'Модификатор отношения не поддерживается',
  27: 'Пустой термин не поддерживается',
  28: 'Маскирование (* и ?) не поддерживается',
  31: 'Якорь (^) не поддерживается',
  36: 'Термин в недопустимом для индекса или отношения виде',
  39: 'Поиск с учётом близости (prox) не поддерживается',
  46: 'Модификатор логического оператора не поддерживается',
  48: 'Возможность запроса не поддерживается',
  61: 'Номер первой записи вне диапазона',
  66: 'Неизвестная схема записей',
  71: 'Неподдерживаемая упаковка записей',
  72: 'Выборка по XPath не поддерживается',
  80: 'Сортировка по этому ключу не поддерживается',
  110: 'Таблицы стилей не поддерживаются',
} as const satisfies Record<number, string>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_MESSAGES;

/** A diagnostic with its standard meaning in Russian and the details (index, relation, parameter…). */
export function diagnostic(code: DiagnosticCode, details?: string, message?: string): SruDiagnostic {
  return { code, message: message ?? DIAGNOSTIC_MESSAGES[code], ...(details === undefined ? {} : { details }) };
}

export const diagnosticUri = (code: number) => `info:srw/diagnostic/1/${code}`;
