/// <reference lib="dom" />
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from '../support/programs.js';

/** The machine's Chromium (Debian's in CI), never a downloaded browser; flags that keep it offline and quiet. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
    return chromium.launch({ executablePath: chromiumPath(), args: FLAGS });
}

/** What a page did that it should not: requests leaving the machine, console errors, dialogs (an `alert` would be one). */
export interface PageWatch {
    outsideRequests: string[];
    consoleErrors: string[];
    dialogs: string[];
}

/** Records, and blocks, every request that is not file:, data: or about:. */
export async function watchPage(page: Page): Promise<PageWatch> {
    const watch: PageWatch = { outsideRequests: [], consoleErrors: [], dialogs: [] };
    await page.route(url => !/^(file|data|about|blob):/.test(url.href), route => {
        watch.outsideRequests.push(route.request().url());
        return route.abort();
    });
    page.on('request', request => {
        if (!/^(file|data|about|blob):/.test(request.url())) watch.outsideRequests.push(request.url());
    });
    page.on('console', message => { if (message.type() === 'error') watch.consoleErrors.push(message.text()); });
    page.on('pageerror', error => watch.consoleErrors.push(error.message));
    page.on('dialog', dialog => {
        watch.dialogs.push(dialog.message());
        void dialog.dismiss();
    });
    return watch;
}

/**
 * How many distinct colours a PNG screenshot has, decoded by the browser itself in
 * a blank page: a blank (or single-colour) screenshot has one or two.
 */
export async function distinctColours(browser: Browser, png: Buffer): Promise<number> {
    const page = await browser.newPage();
    try {
        return await page.evaluate(async (dataUrl: string) => {
            const image = new Image();
            image.src = dataUrl;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.width;
            canvas.height = image.height;
            const context = canvas.getContext('2d')!;
            context.drawImage(image, 0, 0);
            const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
            const colours = new Set<number>();
            for (let i = 0; i < pixels.length; i += 4) colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
            return colours.size;
        }, `data:image/png;base64,${png.toString('base64')}`);
    } finally {
        await page.close();
    }
}
