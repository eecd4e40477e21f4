import { chmod, cp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from '../../processes.ts';
import type { Log } from '../running-database.ts';

/** True when a Go toolchain answers (`go version`). */
export async function haveGo(): Promise<boolean> {
  return run('go', ['version']).then(
    () => true,
    () => false,
  );
}

/**
 * Builds `module@version` (a FerretDB release) from the Go module proxy into `binary`. The module
 * ships without its generated version file, and FerretDB refuses to start without it: write it first.
 */
export async function buildFerretDbFromProxy(
  module: string,
  version: string,
  binary: string,
  log: Log = () => {},
): Promise<void> {
  const workDir = path.dirname(binary);
  log(`building FerretDB ${version} from the Go module proxy (once; cached in ${workDir})…`);
  const info = JSON.parse(
    await run('go', ['mod', 'download', '-json', `${module}@${version}`]),
  ) as { Dir: string };
  const sourceDir = path.join(workDir, `src-${version}`);
  await rm(sourceDir, { recursive: true, force: true });
  await cp(info.Dir, sourceDir, { recursive: true });
  await run('chmod', ['-R', 'u+w', sourceDir]);
  await writeFile(path.join(sourceDir, 'build', 'version', 'version.txt'), `${version}\n`);
  const partial = `${binary}.partial`;
  await run('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
    cwd: sourceDir,
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' },
  });
  await chmod(partial, 0o755);
  await rename(partial, binary);
  await rm(sourceDir, { recursive: true, force: true });
  log(`FerretDB ${version} built: ${binary}`);
}
