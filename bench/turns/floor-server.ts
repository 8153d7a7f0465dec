/**
 * The framework floors the bot is measured against, each the least a bot on this stack can do per turn:
 * - `echo`: a bare botbuilder CloudAdapter behind restify that answers a message with a text reply;
 * - `execute`: a bare teams-ai Application whose Action.Execute handler returns a small card.
 * Run as its own process (`node --import tsx bench/turns/floor-server.ts echo`); prints `listening <url>` when ready.
 */
import restify from 'restify';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';

const kind = process.argv[2];
// Authentication off, as in the bot's local mode: the floors and the bot pay the same (no token checks).
const settings = { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };

function echoFloor(): (req: restify.Request, res: restify.Response) => Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
  const bot = new ActivityHandler();
  bot.onMessage(async (ctx, next) => {
    await ctx.sendActivity(`You said: ${ctx.activity.text}`);
    await next();
  });
  return (req, res) => adapter.process(req, res, (ctx) => bot.run(ctx));
}

function executeFloor(): (req: restify.Request, res: restify.Response) => Promise<void> {
  const adapter = new TeamsAdapter(settings);
  const app = new Application<TurnState>({ adapter, botAppId: '', startTypingTimer: false });
  app.adaptiveCards.actionExecute('floor.save', async () => ({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Saved', wrap: true }],
  }));
  return (req, res) => adapter.process(req, res, async (ctx) => {
    await app.run(ctx);
  });
}

const handler = kind === 'echo' ? echoFloor() : kind === 'execute' ? executeFloor() : undefined;
if (!handler) {
  console.error('usage: floor-server.ts echo|execute');
  process.exit(2);
}
const server = restify.createServer({ name: `floor-${kind}` });
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
server.post('/api/messages', async (req, res) => handler(req, res));
server.listen(0, '127.0.0.1', () => console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
