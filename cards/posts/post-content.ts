import { briefFacts, longNote, text, type Element } from '../common/elements';
import type { PostContent } from '../../src/services/posts/post-views';

/** How much of the text shows before "tap to read all": a decision stays within two screens on a phone (issue 19). */
const TEXT_PREVIEW = 280;

/**
 * The post as it will read: its text, then links, images (with their alt text) and when to publish. A long text and
 * long addresses show their start, the whole one tap away, so Approve and Submit stay within reach.
 */
export function postContent(c: PostContent): Element[] {
  return [
    { type: 'Container', style: 'emphasis', spacing: 'Medium', items: [c.text ? longNote('post-text', c.text, { max: TEXT_PREVIEW }) : text('(no text yet)')] },
    briefFacts('post-facts', [
      ['Links', c.links.length ? c.links.join('\n') : undefined],
      ...c.images.flatMap((img, i): Array<[string, string]> => [[`Image ${i + 1}`, img.url], [`Image ${i + 1} alt text`, img.alt || '(none)']]),
      ['Publish at', c.publishAt ?? 'When approved'],
      ['Emergency information', c.emergency ? 'Yes' : 'No'],
    ]),
  ];
}
