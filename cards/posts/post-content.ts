import { facts, text, type Element } from '../common/elements';
import type { PostContent } from '../../src/services/posts/post-views';

/** The post as it will read: its text, then links, images (with their alt text) and when to publish. */
export function postContent(c: PostContent): Element[] {
  return [
    { type: 'Container', style: 'emphasis', spacing: 'Medium', items: [text(c.text || '(no text yet)')] },
    facts([
      ['Links', c.links.length ? c.links.join('\n') : undefined],
      ...c.images.flatMap((img, i): Array<[string, string]> => [[`Image ${i + 1}`, img.url], [`Image ${i + 1} alt text`, img.alt || '(none)']]),
      ['Publish at', c.publishAt ?? 'When approved'],
      ['Emergency information', c.emergency ? 'Yes' : 'No'],
    ]),
  ];
}
