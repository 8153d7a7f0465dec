import { card, container, execute, heading, status, text, title, type Element } from '../common/elements';
import { errorSummary, textInput, toggleInput } from '../common/inputs';
import type { GoLiveView } from '../../src/services/presence/presence-reads';
export type { GoLiveView };

/**
 * REG-5: the version that fits the platform's bio or "About" with its character count, and the full text (for a
 * pinned post or the page the short version links to) when the short one is offered.
 */
function noticeBlocks(v: GoLiveView): Element[] {
  const f = v.fitted;
  const counted = `${f.length}${f.limit ? ` of ${f.limit}` : ''} characters`;
  const fits = [text(`For the ${f.place} (${counted}):`, { size: 'Small' }), container([text(f.text)], 'emphasis')];
  if (f.full) return fits;
  return [...fits, text('The full notice, for a pinned post or the "About" page (the link above leads to it):', { size: 'Small' }), container([text(v.notice)], 'emphasis')];
}

/** REG-2, REG-5: the owner records the account and its login, posts the City's notice, and confirms it. */
export function goLiveCard(v: GoLiveView) {
  const err = v.errors ?? {};
  const retype = v.errors && Object.values(v.errors).some(Boolean);
  return card(
    [
      title(`Set up ${v.handle}`),
      status("Record the account's address and login, and post the City's notice on it, to make it active."),
      errorSummary(v.errors),
      retype ? text('For your safety the login and password were not sent back: type them again.', { color: 'attention', size: 'Small' }) : null,
      ...textInput({ id: 'accountUrl', label: "The account's address", required: true, style: 'Url', value: v.values?.accountUrl, error: err.accountUrl, placeholder: 'https://www.instagram.com/madisonparks', errorMessage: "Enter the account's address" }),
      ...textInput({ id: 'login', label: 'Login (user name or email)', required: true, error: err.login, placeholder: 'parks-social@cityofmadison.com', why: 'The City keeps every account\'s login (policy 2a). It is encrypted, and only you and IT can reveal it; each time is recorded.' }),
      ...textInput({ id: 'password', label: 'Password', required: true, style: 'Password', error: err.password, placeholder: 'The account\'s current password' }),
      heading("The City's notice to users"),
      ...noticeBlocks(v),
      ...toggleInput({ id: 'noticeInPlace', label: 'Notice', title: "The City's notice to users is posted on the account", required: true, error: err.noticeInPlace, why: 'Every presence carries the notice with the Terms of Use, Social Media Guidelines and Comments Policy (policy 7).' }),
    ],
    [execute('Make it active', { verb: 'presence.golive', presenceId: v.presenceId }, 'positive'), execute('Cancel', { verb: 'presence.open', presenceId: v.presenceId }, undefined, { associatedInputs: 'none' })],
  );
}
