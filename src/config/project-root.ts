import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json and prisma/, found by walking up from a module's own folder. The same module runs
 * from src/ under tsx and from dist/src/ after `npm run build`, so a fixed number of '..' would be wrong in one of them.
 */
export function projectRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'prisma'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no project folder (package.json and prisma/) above ${from}`);
  }
}
