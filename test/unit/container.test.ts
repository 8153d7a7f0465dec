import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Copy, DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { DCLinter } from 'dclint';
import { parse } from 'yaml';
import { ROOT } from './infra/bicep-reader';
import { loadConfig } from '../../src/config/config';
import { problemsOf } from './infra/config-probe';

// No container engine can pull base images on these machines, so the Containerfile and compose.yaml are linted and
// their properties checked here; building and running them is left to a host with Docker or Podman.

const containerfile = readFileSync(path.join(ROOT, 'Containerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(containerfile);
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const runStage = (() => {
  const all = dockerfile.getInstructions();
  const lastFrom = all.map((i) => i.getKeyword()).lastIndexOf('FROM');
  return all.slice(lastFrom);
})();
const last = (keyword: string): Instruction | undefined => runStage.filter((i) => i.getKeyword() === keyword).pop();
/** The stage a COPY takes its files from (--from=...), or undefined for the build context. */
const fromStage = (i: Instruction) => (i instanceof Copy ? i.getFlags().find((f) => f.getName() === 'from')?.getValue() : undefined);
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|CREDENTIAL|_KEY\b/;

describe('Containerfile', () => {
  it('passes the Dockerfile linter (dockerfile-utils) with no finding', () => {
    expect(validate(containerfile).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('is multi-stage on node:22-slim, and the run stage takes the build from the build stage', () => {
    const froms = dockerfile.getFROMs();
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(`${from.getImageName()}:${from.getImageTag()}`).toBe('node:22-slim');
    const fromBuild = runStage.filter((i) => fromStage(i) === 'build').flatMap((i) => i.getArguments().map((a) => a.getValue()));
    expect(fromBuild).toEqual(expect.arrayContaining(['/app/dist', '/app/node_modules', '/app/prisma']));
  });

  it('installs production dependencies only into the image it runs', () => {
    const runs = dockerfile.getInstructions().filter((i) => i.getKeyword() === 'RUN').map((i) => i.getArgumentsContent() ?? '');
    expect(runs.some((r) => /npm (prune|ci) --omit=dev/.test(r))).toBe(true);
    expect(runStage.some((i) => i.getKeyword() === 'RUN' && /npm (ci|install)\b(?!.*--omit=dev)/.test(i.getArgumentsContent() ?? ''))).toBe(false);
  });

  it('runs the production build as npm run start:prod does, as a non-root user', () => {
    expect(JSON.parse(last('CMD')?.getArgumentsContent() ?? '[]').join(' ')).toBe(pkg.scripts['start:prod']);
    expect(last('USER')?.getArgumentsContent()).toMatch(/^(?!root$|0$)\w+$/);
  });

  it('checks its health on /readyz and keeps the data folder in a volume', () => {
    expect(last('HEALTHCHECK')?.getArgumentsContent()).toMatch(/^CMD .*\/readyz/);
    const dataDir = /DATA_DIR=(\S+)/.exec(last('ENV')?.getArgumentsContent() ?? '')?.[1];
    expect(dataDir).toBeDefined();
    expect(JSON.parse(last('VOLUME')?.getArgumentsContent() ?? '[]')).toContain(dataDir);
  });

  it('holds no secret: no secret ENV or ARG, and the build context leaves out .env and the data folder', () => {
    const declared = dockerfile.getInstructions().filter((i) => ['ENV', 'ARG'].includes(i.getKeyword())).flatMap((i) => (i.getArgumentsContent() ?? '').split(/\s+/));
    expect(declared.filter((d) => SECRET_NAME.test(d.split('=')[0]))).toEqual([]);
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['.env', 'data/', 'node_modules/']));
  });

  it('copies every file the production build compiles (tsconfig.build.json) into the build stage', () => {
    const build = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { include: string[] };
    const copied = dockerfile.getInstructions().filter((i) => i.getKeyword() === 'COPY' && !fromStage(i));
    const sources = copied.flatMap((i) => i.getArguments().slice(0, -1).map((a) => a.getValue()));
    for (const input of build.include) {
      expect({ input, copied: sources.some((s) => input === s || input.startsWith(`${s}/`)) }).toEqual({ input, copied: true });
      expect(existsSync(path.join(ROOT, input))).toBe(true);
    }
  });
});

describe('compose.yaml', () => {
  const file = path.join(ROOT, 'compose.yaml');
  const compose = parse(readFileSync(file, 'utf8')) as { services: Record<string, any>; volumes: Record<string, unknown> };

  it('passes the Compose linter (dclint: the Compose schema and its rules) with no error or warning', () => {
    const [result] = new DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] }).lintFiles([file], false);
    expect(result.messages.map((m) => `${m.line}: ${m.rule}: ${m.message}`)).toEqual([]);
  });

  it('runs the bot from the Containerfile beside PostgreSQL 16, each with a named volume', () => {
    const { bot, db } = compose.services;
    expect(bot.build.dockerfile).toBe('Containerfile');
    expect(db.image).toBe('postgres:16');
    expect(bot.depends_on.db.condition).toBe('service_healthy');
    for (const mount of [...bot.volumes, ...db.volumes]) expect(Object.keys(compose.volumes)).toContain(mount.split(':')[0]);
  });

  it('writes no secret: passwords and keys come from the environment or .env', () => {
    const env = { ...compose.services.bot.environment, ...compose.services.db.environment } as Record<string, string>;
    const secrets = Object.keys(env).filter((k) => SECRET_NAME.test(k));
    expect(secrets).toEqual(expect.arrayContaining(['BOT_PASSWORD', 'CREDENTIAL_KEY', 'POSTGRES_PASSWORD']));
    for (const k of secrets) expect({ k, value: env[k] }).toEqual({ k, value: expect.stringMatching(/^\$\{\w+:\?[^}]+\}$/) });
    expect(compose.services.bot.environment.DATABASE_URL).toMatch(/^postgresql:\/\/steward:\$\{POSTGRES_PASSWORD:\?[^}]+\}@db:5432\//);
  });

  it('gives the bot every setting production requires, in the form config.ts accepts', () => {
    const samples: Record<string, string> = { BOT_ID: randomUUID(), BOT_TENANT_ID: randomUUID(), BOT_PASSWORD: 'secret', CREDENTIAL_KEY: randomBytes(32).toString('base64'), POSTGRES_PASSWORD: 'pw', BOT_DOMAIN: 'steward.example.org' };
    const fill = (v: string) => v.replace(/\$\{(\w+)(:[?-][^}]*)?\}/g, (_, name: string, rest?: string) => samples[name] ?? (rest?.startsWith(':-') ? rest.slice(2) : ''));
    const env = Object.fromEntries(Object.entries(compose.services.bot.environment as Record<string, string>).map(([k, v]) => [k, fill(String(v))]));
    expect(env.NODE_ENV).toBe('production');
    expect(problemsOf(env)).toEqual([]);
    // One bot process on PostgreSQL: it must apply migrations itself, or it would refuse to start on a new database.
    expect(loadConfig(env).migrateOnStart).toBe(true);
  });
});
