/**
 * REG-3 ("City Website" 2): the City is the official registrant of every account, never an employee's personal
 * account. A presence's login is therefore an address on one of the City's domains (CITY_LOGIN_DOMAINS), or a bare
 * user name only where the City allows it (CITY_LOGIN_ALLOW_USER_NAMES). Pure.
 */
export interface CityLoginRule {
  domains: readonly string[];
  allowUserNames: boolean;
}

/** undefined when the login is acceptable; otherwise what to fix, in words the owner can act on. */
export function cityLoginProblem(login: string, rule: CityLoginRule): string | undefined {
  const value = login.trim();
  const example = `social@${rule.domains[0] ?? 'cityofmadison.com'}`;
  const on = rule.domains.map((d) => `@${d}`).join(' or ');
  const at = value.lastIndexOf('@');
  if (at < 0) {
    if (rule.allowUserNames && /^[^\s]+$/.test(value)) return undefined;
    return `Enter the account's login as its City e-mail address (${on}, like ${example}). REG-3: the City is the registrant, so every account is registered to a City address.`;
  }
  const domain = value.slice(at + 1).toLowerCase();
  if (value.slice(0, at).length === 0 || !/^[a-z0-9.-]+$/.test(domain)) return `Enter a whole e-mail address, like ${example}.`;
  if (rule.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) return undefined;
  return `${domain} is not a City address. REG-3: the City is the registrant, never a personal account, so the login must be on ${on}. Change the account's e-mail to a City address (like ${example}), then record it here.`;
}
