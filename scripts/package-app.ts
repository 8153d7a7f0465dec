import 'dotenv/config';
import { join, relative } from 'node:path';
import { ConfigError, loadConfig } from '../src/config/config';
import { APP_PACKAGE_DIR, buildAppPackage } from '../src/app-package/fill-manifest';

/**
 * `npm run package`: builds appPackage/build/social-steward.zip for upload to Teams (Developer Portal or the Teams
 * admin center). Takes TEAMS_APP_ID, BOT_ID and BOT_DOMAIN from the environment or .env via loadConfig.
 * `npm run package -- --version 1.0.1` sets the manifest version (bump it for every upload of a changed package).
 */
const OUT_FILE = join(APP_PACKAGE_DIR, 'build', 'social-steward.zip');

function versionArg(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--version' || a.startsWith('--version='));
  if (i < 0) return undefined;
  const value = argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
  if (!value) throw new Error('--version needs a value such as 1.0.1');
  return value;
}

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const missing = [
    ['TEAMS_APP_ID', config.teamsAppId],
    ['BOT_ID', config.bot.appId],
    ['BOT_DOMAIN', config.botDomain],
  ]
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length) {
    console.error(`Cannot build the Teams app package: set ${missing.join(', ')} (in .env or the environment).`);
    return 1;
  }

  const values = {
    teamsAppId: config.teamsAppId!,
    botId: config.bot.appId!,
    botDomain: config.botDomain!,
    version: versionArg(process.argv.slice(2)),
  };
  // Fills the placeholders, checks the schema (offline) and the icons, then writes the zip.
  const manifest = await buildAppPackage(values, OUT_FILE);
  const shown = relative(process.cwd(), OUT_FILE);
  console.log(`Teams app package written: ${shown.startsWith('..') ? OUT_FILE : shown} (version ${String(manifest.version)})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `package failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
