import { readFileSync } from 'node:fs';
import { ZNoticeConfig, type NoticeConfig } from '../domain/notice-to-users';
import approved from './notice-to-users.json';

/**
 * REG-5: the notice to users from configuration: NOTICE_FILE when set (the City's approved wording, kept outside the
 * image), else the copy in the repository. Either is validated; a bad one stops the start with what to fix.
 */
export function loadNotice(file: string | undefined): { ok: true; notice: NoticeConfig } | { ok: false; problems: string[] } {
  let raw: unknown = approved;
  if (file) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      return { ok: false, problems: [`NOTICE_FILE: cannot read ${file} as JSON (${err instanceof Error ? err.message : String(err)})`] };
    }
  }
  const parsed = ZNoticeConfig.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `NOTICE_FILE${file ? ` (${file})` : ''}: ${i.path.join('.') || 'notice'} ${i.message}`) };
  return { ok: true, notice: Object.freeze(parsed.data) };
}
