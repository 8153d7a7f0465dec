import 'dotenv/config';
import { ConfigError, loadConfig } from './config/config';
import { startBot } from './server/start';

/** `npm run bot`: parse the environment once, start, and stop cleanly on SIGTERM (finish turns, then exit 0). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const bot = await startBot(config);
  const shutdown = (signal: string) => {
    bot.log.info({ signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      (err) => {
        bot.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a wrapper (npm, a terminal) may relay the signal twice, and a second one must not kill the
  // process halfway through finishing its turns. bot.stop() is idempotent. Installed before "running" is printed,
  // so whoever waits for that line can stop the bot cleanly at once.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  console.log(`Social Steward is running: ${bot.url}/api/messages (health: ${bot.url}/healthz)`);
}

main().catch((err) => {
  console.error('Social Steward failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
