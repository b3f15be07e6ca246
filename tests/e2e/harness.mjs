// Shared setup for the browser tests: a dev server on a free port and headless
// Debian Chromium driven by playwright-core (never a downloaded browser).
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
];

/** Finds a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts scripts/serve.mjs; resolves once it listens.
 * @param {{root?: string, base?: string}} [opts]
 * @returns {Promise<{url: string, stop: () => void}>}
 */
export async function startServer(opts = {}) {
  const port = await freePort();
  const base = opts.base ?? '/';
  const args = [path.join(repo, 'scripts/serve.mjs'), '--port', String(port), '--base', base];
  if (opts.root) args.push('--root', opts.root);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout.on('data', (chunk) => { if (String(chunk).includes('http://')) resolve(); });
  });
  return { url: `http://127.0.0.1:${port}${base}`, stop: () => child.kill() };
}

/** Launches headless Chromium. */
export function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** A realistic news excerpt used across the tests (Reuters, 24 Jan 2025). */
export const REUTERS = "SEOUL (Reuters) - South Korea's military said on Friday that it suspects North Korea is preparing to send more troops to Russia to fight Ukrainian forces, even after suffering losses and seeing some of its soldiers captured. ... Pyongyang has deployed about 11,000 soldiers to support Moscow's forces in Russia's western Kursk region, according to Ukrainian and Western assessments, which Ukraine seized in a surprise attack last year.";
