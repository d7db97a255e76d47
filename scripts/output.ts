/**
 * Console output that cannot hang the process (issue 19, item 12). When whoever reads stdout or
 * stderr is gone (npm exited, the terminal closed, a pipe ended first), writes fail with EPIPE or
 * EIO. Unhandled, that error reaches Next's `uncaughtException` logger, whose own write fails
 * the same way, forever. A listener on each stream ends that: output is best effort.
 */
export function installSafeOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (!stream.listeners("error").includes(ignore)) stream.on("error", ignore);
  }
}

function ignore(): void {
  // The reader is gone; there is nobody left to tell.
}

export function say(text: string): void {
  write(process.stdout, text);
}

export function warn(text: string): void {
  write(process.stderr, text);
}

function write(stream: NodeJS.WriteStream, text: string): void {
  try {
    if (!stream.destroyed) stream.write(`${text}\n`);
  } catch {
    // as above
  }
}
