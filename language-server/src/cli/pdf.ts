import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { UsageError } from './usage-error.js';

/** The names Chromium goes by on PATH, Debian's first. */
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Headless and offline: no first-run, no sync, no updates, nothing that reaches the network. */
const FLAGS = ['--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-extensions'];

/**
 * The Chromium that prints the PDF: `--browser PATH`, else `JOINERY_CHROMIUM`,
 * else the first Chromium on `PATH`. Nothing is ever downloaded.
 */
export function findChromium(option: string | undefined, env: NodeJS.ProcessEnv): string {
    if (option !== undefined) return runnable(option, '--browser');
    if (env.JOINERY_CHROMIUM) return runnable(env.JOINERY_CHROMIUM, 'JOINERY_CHROMIUM');
    for (const folder of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
        for (const name of CHROMIUM_NAMES) {
            const candidate = path.join(folder, name);
            if (isRunnable(candidate)) return candidate;
        }
    }
    throw new UsageError(`--format pdf needs Chromium, and none was found on PATH (${CHROMIUM_NAMES.join(', ')}): install it, or give one with --browser PATH or JOINERY_CHROMIUM`);
}

function runnable(file: string, where: string): string {
    if (!isRunnable(file)) throw new UsageError(`${where} names '${file}', which is not a program this user can run`);
    return path.resolve(file);
}

function isRunnable(file: string): boolean {
    try {
        accessSync(file, constants.X_OK);
        return statSync(file).isFile();
    } catch {
        return false;
    }
}

/** Prints the HTML report to an A4 PDF as its print stylesheet lays it out. */
export async function printPdf(html: string, executablePath: string): Promise<Buffer> {
    let chromium;
    try {
        ({ chromium } = await import('playwright-core'));
    } catch {
        throw new UsageError('--format pdf needs the playwright-core package beside joinery (npm install playwright-core)');
    }
    let browser: Browser;
    try {
        browser = await chromium.launch({ executablePath, args: FLAGS, timeout: 60_000 });
    } catch (error) {
        throw new UsageError(`cannot start Chromium at '${executablePath}': ${firstLine(error)}`);
    }
    try {
        const page = await browser.newPage();
        // The report loads nothing (its policy forbids it); should anything try, it stays on the machine.
        await page.route(url => !/^(data|about):/.test(url.href), route => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    } finally {
        await browser.close();
    }
}

function firstLine(error: unknown): string {
    return (error instanceof Error ? error.message : String(error)).split('\n').find(line => line.trim()) ?? 'unknown error';
}
