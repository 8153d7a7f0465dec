import { actionSet, card, container, details, execute, showDetails, status, text, title, type Element } from '../common/elements';
import { choiceInput, errorSummary, textInput } from '../common/inputs';
import { COMPOSE_LIMITS as L, IMAGE_SLOTS } from '../../src/domain/posts/compose-form';
import type { PostView } from '../../src/services/posts/post-views';
import { cut, findingsSection } from './findings';

const MORE = 'compose-more';
const MORE_IMAGES = 'compose-more-images';
const MORE_FIELDS = [1, 2, 3].flatMap((i) => [`image${i}Url`, `image${i}Alt`]).concat('publishDate', 'publishTime');

/**
 * The compose card (issue 11, step 2): the text with the checks beside it and their one-click fixes, more links and
 * the emergency question; images with alt text and "publish at" one tap away behind "Images and publish time"
 * (CARDS.md: about six inputs in sight). Hidden inputs are still sent with every click, so nothing is lost on save;
 * the section opens by itself when it holds a value or a problem. Save keeps anything; Check and continue needs
 * nothing blocking and leads to the post as it will read, with Submit.
 */
export function composeCard(v: PostView) {
  const val = (k: string) => (Object.hasOwn(v.values, k) ? v.values[k] : undefined);
  const err = (k: string) => (v.errors && Object.hasOwn(v.errors, k) ? v.errors[k] : undefined);
  // Examples and the "why" line on the first image only: the card stays short and under 24 KB (CARDS.md).
  const slot = (i: number) => [
    ...textInput({ id: `image${i}Url`, label: `Image ${i} address`, value: val(`image${i}Url`), ...(i === 1 ? { placeholder: 'https://www.cityofmadison.com/images/parks/pool.jpg' } : {}), style: 'Url', maxLength: L.imageUrlChars, error: err(`image${i}Url`) }),
    ...textInput({ id: `image${i}Alt`, label: `Image ${i} alt text`, value: val(`image${i}Alt`), ...(i === 1 ? { placeholder: 'Children playing in the splash pad at Goodman Pool', why: 'Every image needs alt text so people using screen readers get it too (WCAG 2.1 AA).' } : {}), maxLength: L.altChars, error: err(`image${i}Alt`) }),
  ];
  // Images 2 and 3 are one more tap away, open when they hold something (a phone shows about six inputs, CARDS.md).
  const later = Array.from({ length: IMAGE_SLOTS - 1 }, (_, i) => i + 2);
  const laterOpen = later.some((i) => val(`image${i}Url`) || val(`image${i}Alt`) || err(`image${i}Url`) || err(`image${i}Alt`));
  const images: Element[] = [
    ...slot(1),
    actionSet([showDetails(MORE_IMAGES, 'More images')]),
    { ...details(MORE_IMAGES, later.flatMap(slot)), ...(laterOpen ? { isVisible: true } : {}) },
  ];
  const more: Element[] = [
    ...images,
    ...textInput({ id: 'publishDate', label: 'Publish on (optional)', value: val('publishDate'), placeholder: '2026-12-10', error: err('publishDate') }),
    ...textInput({ id: 'publishTime', label: 'Publish at (optional, HH:MM)', value: val('publishTime'), placeholder: '09:00', error: err('publishTime') }),
  ];
  const open = MORE_FIELDS.some((k) => val(k) || err(k));
  return card(
    [
      title(`Draft a post for ${v.handle}`),
      container([status(`${v.statusLabel} · ${v.platformLabel} · version ${v.version}`)], 'emphasis'),
      v.notice ? container([text(v.notice.text, { weight: 'Bolder' })], v.notice.color === 'warning' ? 'warning' : 'accent') : null,
      errorSummary(v.errors),
      v.rounds.at(-1)?.reason && v.status === 'returned' ? container([text(`Returned by ${v.rounds.at(-1)?.by}: ${cut(v.rounds.at(-1)?.reason ?? '', 1000)}`)], 'attention') : null,
      ...textInput({ id: 'text', label: `Post text (${v.textLimit})`, value: val('text'), multiline: true, maxLength: L.textChars, placeholder: 'The splash pad at Goodman Pool opens Saturday at 10 AM. Hours and rules: https://www.cityofmadison.com/parks/goodman', error: err('text') }),
      ...findingsSection(v.findings, { postId: v.postId, version: v.version }),
      ...textInput({ id: 'links', label: 'More links (one per line)', value: val('links'), multiline: true, placeholder: 'https://www.cityofmadison.com/parks', maxLength: L.linksChars, error: err('links') }),
      ...choiceInput({ id: 'emergency', label: 'Is this emergency information?', value: val('emergency') ?? 'no', choices: [{ title: 'No', value: 'no' }, { title: 'Yes', value: 'yes' }], why: 'Emergency information is released on the City website\'s emergency page and pushed out from there.' }),
      actionSet([showDetails(MORE, 'Images and publish time')]),
      { ...details(MORE, more), ...(open ? { isVisible: true } : {}) },
    ],
    [
      execute('Check and continue', { verb: 'post.step', postId: v.postId, nav: 'next' }, 'positive'),
      execute('Save draft', { verb: 'post.step', postId: v.postId, nav: 'save' }),
      { ...execute('My posts', { verb: 'posts.mine' }, undefined, { associatedInputs: 'none' }), mode: 'secondary' },
    ],
  );
}
