import { z } from 'zod';

const ZStringList = z.array(z.string());

/**
 * A list of strings kept as JSON in a text column (an escalation's card ids, a subscriber's events). A damaged value
 * reads as an empty list rather than failing the change that reads it.
 */
export function storedStringList(json: string): string[] {
  try {
    const parsed = ZStringList.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
