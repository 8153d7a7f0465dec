/** A card with every fault the phone check must catch (issue 19), to prove the checks can fail. */
export function badPhoneCard() {
  const titles = ['Request a presence', 'My requests', 'Reviews', 'Policy status', 'Registry', 'Roles', 'Channels', 'Audit trail'];
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'A status line without wrap that is far too long for a phone held upright in one hand' },
      { type: 'TextBlock', text: 'Active', color: 'good', wrap: true },
      { type: 'Input.Toggle', id: 'notice', title: "The account will show the City's notice to users with the Terms of use link", valueOn: 'true', valueOff: 'false' },
      { type: 'Input.ChoiceSet', id: 'use', style: 'expanded', choices: [{ title: 'No rule beyond APM 3-9: limited and incidental personal use is allowed', value: 'limited' }] },
      { type: 'Input.ChoiceSet', id: 'dept', style: 'compact', choices: [{ title: 'Parks Division, Forestry and Community Gardens Volunteer Programs', value: 'parks' }] },
      { type: 'Container', id: 'more', isVisible: false, items: [{ type: 'TextBlock', text: 'Shown only after a tap, and far too long for one line on a phone' }] },
      { type: 'Container', minHeight: '2000px', items: [{ type: 'TextBlock', text: 'Long record', wrap: true }] },
      { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Approve', verb: 'review.decide' }] },
    ],
    actions: [
      ...titles.map((title) => ({ type: 'Action.Execute', title, verb: 'help.show' })),
      { type: 'Action.ShowCard', title: 'Return', card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'A confirmation without wrap, far too long for a phone screen' }] } },
    ],
  };
}
