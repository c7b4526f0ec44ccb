import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { ArrangementModel } from '../../language-server/src/analysis/arrangement-model.js';
import { ROOT } from '../support/lsp-client.js';
import { checkWorkspace, type LoadedModels } from '../support/workspace.js';

export const EXAMPLES = path.join(ROOT, 'examples');

/** Every example folder, loaded in-process the way the CLI loads it (one workspace per folder). */
export function exampleFolders(): string[] {
    return readdirSync(EXAMPLES).filter(name => statSync(path.join(EXAMPLES, name)).isDirectory()).sort();
}

export async function loadExample(folder: string): Promise<LoadedModels & { models: ArrangementModel[] }> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(path.join(EXAMPLES, folder)).filter(n => n.endsWith('.joinery'))) {
        files[name] = readFileSync(path.join(EXAMPLES, folder, name), 'utf-8');
    }
    const loaded = await checkWorkspace(files);
    return Object.assign(loaded, { models: loaded.services.analysis.IntegrationAnalysis.allArrangementModels() });
}

/** All examples as one workspace, the way `joinery report examples` reads them. */
export async function loadAllExamples(): Promise<LoadedModels & { models: ArrangementModel[] }> {
    const files: Record<string, string> = {};
    for (const folder of exampleFolders()) {
        for (const name of readdirSync(path.join(EXAMPLES, folder)).filter(n => n.endsWith('.joinery'))) {
            files[`${folder}/${name}`] = readFileSync(path.join(EXAMPLES, folder, name), 'utf-8');
        }
    }
    const loaded = await checkWorkspace(files);
    return Object.assign(loaded, { models: loaded.services.analysis.IntegrationAnalysis.allArrangementModels() });
}

/** Titles that markup would misread: script tags, quotes, ampersands, Markdown and Mermaid punctuation. */
export const HOSTILE_MODEL = `actor NHS "NHS <script>alert('x')</script> & \\"Health\\"" { sector statutory }
actor Club "Lunch club <img src=x onerror=alert(1)> & 'friends'" { sector community }
arrangement Evil "The \\"<b>Joint</b>\\" & <Partnership>" {
  partners NHS
  stage 5
  forum IJB "Board </text><script>alert(2)</script>" { kind board voting NHS controls Pool }
  budget Pool "Pool & \\"money\\" <em>" { kind pooled from NHS 10m held by IJB funds Meals }
  system A "System <a href='x'>" { owner NHS }
  system B "System ]]> <!-- --> #1;" { owner NHS }
  team T "Team \`code\` | pipe *star* [link](http://example.org)" { staff NHS, Club uses A, B }
  service Meals "Meals #35; <br/>" { delivered by Club }
}
`;

export const HOSTILE_TITLES = [
    `NHS <script>alert('x')</script> & "Health"`,
    `Lunch club <img src=x onerror=alert(1)> & 'friends'`,
    `The "<b>Joint</b>" & <Partnership>`,
    `Board </text><script>alert(2)</script>`,
    `Pool & "money" <em>`,
    `System <a href='x'>`,
    `System ]]> <!-- --> #1;`,
    'Team `code` | pipe *star* [link](http://example.org)',
    `Meals #35; <br/>`
];
