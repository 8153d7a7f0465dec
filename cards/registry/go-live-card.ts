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
  return card(
    [
      title(`Set up ${v.handle}`),
      status("Record the account's address and login, and post the City's notice on it, to make it active."),
      errorSummary(v.errors),
      v.passwordAgain ? text('Type the password again: for your safety Social Steward never sends a password back to a card. The rest of what you typed is kept.', { weight: 'Bolder', size: 'Small' }) : null,
      ...textInput({ id: 'accountUrl', label: "The account's address", required: true, style: 'Url', value: v.values?.accountUrl, error: err.accountUrl, placeholder: 'https://www.instagram.com/madisonparks', errorMessage: "Enter the account's address" }),
      ...textInput({ id: 'login', label: "Login (the account's City e-mail)", required: true, value: v.values?.login, error: err.login, maxLength: 200, placeholder: 'parks-social@cityofmadison.com', why: 'The City is the registrant, so the account is on a City address. The City keeps its login (policy 2a), encrypted; only you and IT can reveal it, and each time is recorded.' }),
      ...textInput({ id: 'password', label: 'Password', required: true, style: 'Password', error: err.password ?? (v.passwordAgain ? 'Type the password again' : undefined), maxLength: 200, placeholder: 'The account\'s current password' }),
      heading("The City's notice to users"),
      ...noticeBlocks(v),
      ...toggleInput({ id: 'noticeInPlace', label: 'Notice', title: "The City's notice to users is posted on the account", required: true, value: v.values?.noticeInPlace, error: err.noticeInPlace, why: 'Every presence carries the notice with the Terms of Use, Social Media Guidelines and Comments Policy (policy 7).' }),
    ],
    [execute('Make it active', { verb: 'presence.golive', presenceId: v.presenceId }, 'positive'), execute('Cancel', { verb: 'presence.open', presenceId: v.presenceId }, undefined, { associatedInputs: 'none' })],
  );
}
