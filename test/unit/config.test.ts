import { ConfigError, loadConfig } from '../../src/config/config';

describe('configuration', () => {
  it('runs locally with nothing set: SQLite in ./data, loopback, City defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ local: true, port: 3978, host: '127.0.0.1', databaseUrl: 'file:./data/social-steward.db', timeZone: 'America/Chicago' });
    expect(c.cityWebDomains).toEqual(['cityofmadison.com']);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads lists and overrides', () => {
    const c = loadConfig({ FIRST_ADMINS: ' a , b,,', CITY_WEB_DOMAINS: 'cityofmadison.com,madisonparks.org', PORT: '8080', DATA_DIR: '/var/lib/steward/' });
    expect(c.firstAdmins).toEqual(['a', 'b']);
    expect(c.cityWebDomains).toEqual(['cityofmadison.com', 'madisonparks.org']);
    expect(c.port).toBe(8080);
    expect(c.databaseUrl).toBe('file:/var/lib/steward/social-steward.db');
  });

  it('reads the outbox retry span and give-up ceiling in hours, and refuses a ceiling shorter than the span', () => {
    expect(loadConfig({}).outbox).toMatchObject({ maxAttempts: 8, retryHours: 1, giveUpHours: 24 });
    expect(loadConfig({ OUTBOX_RETRY_HOURS: '2', OUTBOX_GIVE_UP_HOURS: '48' }).outbox).toMatchObject({ retryHours: 2, giveUpHours: 48 });
    expect(() => loadConfig({ OUTBOX_RETRY_HOURS: '6', OUTBOX_GIVE_UP_HOURS: '2' })).toThrow('OUTBOX_GIVE_UP_HOURS (2) must be at least OUTBOX_RETRY_HOURS (6)');
    expect(() => loadConfig({ OUTBOX_GIVE_UP_HOURS: '0' })).toThrow('OUTBOX_GIVE_UP_HOURS must be more than 0 hours');
  });

  it('POST-4: reads the emergency page address, with the City website default, and refuses one that is not a web address', () => {
    expect(loadConfig({}).emergencyPageUrl).toBe('https://www.cityofmadison.com/emergency');
    expect(loadConfig({ EMERGENCY_PAGE_URL: 'https://www.cityofmadison.com/alerts' }).emergencyPageUrl).toBe('https://www.cityofmadison.com/alerts');
    expect(() => loadConfig({ EMERGENCY_PAGE_URL: 'javascript:alert(1)' })).toThrow('EMERGENCY_PAGE_URL must be a web address');
    expect(() => loadConfig({ EMERGENCY_PAGE_URL: 'the emergency page' })).toThrow('EMERGENCY_PAGE_URL must be a web address');
  });

  it('lists every bad value at once', () => {
    try {
      loadConfig({ PORT: 'eighty', TIME_ZONE: 'Mars/Olympus', CREDENTIAL_KEY: 'short', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'TIME_ZONE', 'CREDENTIAL_KEY', 'LOG_LEVEL']) expect(problems).toContain(name);
    }
  });

  it('refuses production without a Bot ID or credential key (authentication must be on)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/BOT_ID: required in production[\s\S]*CREDENTIAL_KEY: required in production/);
  });

  it('asks for the password and tenant a single-tenant bot needs', () => {
    expect(() => loadConfig({ BOT_ID: '9f1c2d3e-4b5a-4c6d-8e7f-001122334455' })).toThrow(/BOT_PASSWORD[\s\S]*BOT_TENANT_ID/);
  });

  it('accepts a complete production configuration and binds to all interfaces', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      BOT_ID: '9f1c2d3e-4b5a-4c6d-8e7f-001122334455',
      BOT_PASSWORD: 'secret',
      BOT_TENANT_ID: '0b7e1c2a-5a4e-4d8e-9d55-3f1f6a9c0001',
      CREDENTIAL_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    expect(c).toMatchObject({ local: false, host: '0.0.0.0' });
  });

  it('reads the freshness schedule and limits (FRESH-1), refusing a bad cron expression or limits out of order', () => {
    expect(loadConfig({}).freshness).toEqual({ sweepCron: '0 9 * * 1', staleDays: 30, abandonedDays: 90, abandonedAfterNudges: 3 });
    expect(loadConfig({ FRESHNESS_SWEEP_CRON: 'off' }).freshness.sweepCron).toBe('off');
    expect(loadConfig({ FRESHNESS_SWEEP_CRON: '30 8 * * 2', FRESHNESS_STALE_DAYS: '14' }).freshness).toMatchObject({ sweepCron: '30 8 * * 2', staleDays: 14 });
    expect(() => loadConfig({ FRESHNESS_SWEEP_CRON: 'every monday' })).toThrow(/FRESHNESS_SWEEP_CRON must be a cron expression/);
    expect(() => loadConfig({ FRESHNESS_STALE_DAYS: '90' })).toThrow(/FRESHNESS_ABANDONED_DAYS \(90\) must be more than FRESHNESS_STALE_DAYS \(90\)/);
  });
});
