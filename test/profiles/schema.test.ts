import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';
import { BUILT_IN_PROFILES } from '../../language-server/src/profiles/builtin-profiles.js';
import { parseProfileText } from '../../language-server/src/profiles/parse-profile.js';
import { profileSchema } from '../../language-server/src/profiles/profile-schema.js';
import { ROOT } from '../support/lsp-client.js';

const require = createRequire(import.meta.url);
// A CommonJS package with a default export, loaded the CommonJS way.
// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- the CommonJS default export's type is only reachable this way
const Ajv = require('ajv') as typeof import('ajv').default;

const BUILT_IN_FILES = ['scotland-ijb', 'england-csp', 'england-da-board', 'marac']
    .map(id => path.join(ROOT, 'language-server/src/profiles/builtin', `${id}.json`));

describe('the published profile schema', () => {
    it('is the file schemas/joinery-profile.schema.json (run `npm run docs` after changing it)', () => {
        expect(JSON.parse(readFileSync(path.join(ROOT, 'schemas/joinery-profile.schema.json'), 'utf-8'))).toEqual(profileSchema());
    });

    it('validates every built-in profile, as a JSON Schema validator reads it', () => {
        const validate = new Ajv({ allErrors: true, strict: false }).compile(profileSchema());
        for (const file of BUILT_IN_FILES) {
            const valid = validate(JSON.parse(readFileSync(file, 'utf-8')));
            expect(validate.errors ?? [], file).toEqual([]);
            expect(valid).toBe(true);
        }
    });

    it('agrees with Joinery\'s own reading on files that are not profiles', () => {
        const validate = new Ajv({ allErrors: true, strict: false }).compile(profileSchema());
        const good = JSON.parse(readFileSync(BUILT_IN_FILES[1], 'utf-8'));
        const bad = [
            { ...good, requirments: [] },
            { ...good, id: 'Not An Id' },
            // A model could not name it: `england-2014` reads as a word and a number.
            { ...good, id: 'england-2014' },
            { ...good, version: '1 May 2024' },
            { ...good, kind: 'regulation' },
            { ...good, requirements: [{ ...good.requirements[0], type: 'membre' }] },
            { ...good, requirements: [{ ...good.requirements[0], min: 1.5 }] },
            { ...good, roles: { 'Bad Role': { title: 'x' } } },
            { ...good, instrument: { citation: 'x', url: 'ftp://example.org' } }
        ];
        for (const value of bad) {
            expect(validate(value), JSON.stringify(value).slice(0, 80)).toBe(false);
            expect(parseProfileText(JSON.stringify(value)).problems.length, JSON.stringify(value).slice(0, 80)).toBeGreaterThan(0);
        }
        expect(parseProfileText(JSON.stringify(good)).problems).toEqual([]);
    });
});

describe('the built-in profiles', () => {
    const registry = createJoineryServices(EmptyFileSystem).Joinery.profiles.ProfileRegistry;

    it('are the four of issue 15, each read cleanly from its file', () => {
        expect(registry.all().map(p => p.id)).toEqual(['scotland-ijb', 'england-csp', 'england-da-board', 'marac']);
        expect(registry.problems()).toEqual([]);
        for (const file of BUILT_IN_FILES) expect(parseProfileText(readFileSync(file, 'utf-8')).problems, file).toEqual([]);
        expect(BUILT_IN_PROFILES).toHaveLength(4);
    });

    it('cite a section for every requirement, a public URL and a version, and say what they could not confirm', () => {
        for (const profile of registry.all()) {
            expect(profile.instrument.url).toMatch(/^https:\/\//);
            expect(profile.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(profile.unconfirmed.length, profile.id).toBeGreaterThan(0);
            for (const requirement of profile.requirements) expect(requirement.section.trim(), `${profile.id} ${requirement.id}`).not.toBe('');
        }
    });

    it('mark the MARAC profile as a standard, not law', () => {
        expect(registry.get('marac')?.kind).toBe('standard');
        expect(registry.all().filter(p => p.kind === 'law').map(p => p.id)).toEqual(['scotland-ijb', 'england-csp', 'england-da-board']);
    });

    it('give scotland-ijb the role ids issue 15 fixes', () => {
        const actorRoles = Object.entries(registry.get('scotland-ijb')!.roles).filter(([, role]) => role.for === 'actor').map(([id]) => id);
        expect(actorRoles.sort()).toEqual([
            'health-board', 'local-authority', 'chief-officer', 'chief-finance-officer', 'chief-social-work-officer', 'gp', 'nurse',
            'medical-practitioner', 'staff-representative', 'third-sector-representative', 'service-user-representative', 'carer-representative'
        ].sort());
    });
});
